import { AutocompleteInput, useGetList, type AutocompleteInputProps } from 'react-admin';

interface AccountChoice {
  id: number;
  code: string;
  name: string;
  currency?: string;
}

const optionText = (a: AccountChoice | undefined) => (a ? `${a.code} — ${a.name}${a.currency ? ` (${a.currency})` : ''}` : '');

function useActive(resource: 'bank-accounts' | 'cash-boxes') {
  return useGetList<AccountChoice>(
    resource,
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' }, filter: { active: true } },
    { staleTime: 60_000 },
  );
}

type Props = Omit<AutocompleteInputProps, 'choices'> & { source: string };

const activeInput = (resource: 'bank-accounts' | 'cash-boxes') =>
  function ActiveInput({ source, ...props }: Props) {
    const { data, isPending } = useActive(resource);
    return (
      <AutocompleteInput
        source={source}
        choices={data ?? []}
        isPending={isPending}
        optionText={optionText}
        translateChoice={false}
        {...props}
      />
    );
  };

/** One of the company's active bank accounts, typed by code or name. */
export const BankAccountInput = activeInput('bank-accounts');

/** One of the company's active cajas. */
export const CashBoxInput = activeInput('cash-boxes');
