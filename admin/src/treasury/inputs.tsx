import { AutocompleteInput, useGetList, type AutocompleteInputProps, type RaRecord } from 'react-admin';

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

// `<AutocompleteInput<RaRecord, false, false, false>`: with the type arguments given, tsc checks the props
// against one instantiation instead of inferring them from the spread, which cost it seconds per element.
type Props = Omit<AutocompleteInputProps, 'choices'> & { source: string };

const activeInput = (resource: 'bank-accounts' | 'cash-boxes') =>
  function ActiveInput({ source, ...props }: Props) {
    const { data, isPending } = useActive(resource);
    return (
      <AutocompleteInput<RaRecord, false, false, false>
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
