/** Pickers the ledger screens share: a customer by code, name or CUIT; a bank by BCRA code or name. */
import { AutocompleteInput, ReferenceInput, useGetList, type AutocompleteInputProps, type RaRecord } from 'react-admin';
import { formatCuit } from '../common/cuit';

interface CustomerChoice {
  id: number;
  code: string;
  legalName: string;
  taxId?: string | null;
}

/** "C0012 — Ferretería San Martín S.A. (30-71234567-1)": what a clerk recognises a customer by. */
export const customerOptionText = (c: CustomerChoice | undefined) =>
  c ? `${c.code} — ${c.legalName}${c.taxId ? ` (${formatCuit(c.taxId)})` : ''}` : '';

// `<AutocompleteInput<RaRecord, false, false, false>`: with the type arguments given, tsc checks the props
// against one instantiation instead of inferring them from the spread, which cost it seconds per element.
export type CustomerInputProps = Omit<AutocompleteInputProps, 'source'> & { source?: string; filter?: Record<string, unknown> };

/** A customer searched on the server (code, name, CUIT with or without dashes) as the user types. */
export const CustomerInput = ({ source = 'customerId', filter, ...props }: CustomerInputProps) => (
  <ReferenceInput source={source} reference="customers" filter={filter} sort={{ field: 'relevance', order: 'ASC' }} perPage={20}>
    <AutocompleteInput<RaRecord, false, false, false>
      optionText={customerOptionText}
      inputText={customerOptionText}
      filterToQuery={(q: string) => (q ? { q } : {})}
      label="ledger.fields.customer"
      noOptionsText="ledger.noCustomers"
      // The cursor often lands here first: suggestions wait for what is typed.
      openOnFocus={false}
      {...props}
    />
  </ReferenceInput>
);

interface BankChoice {
  id: number;
  code: string;
  name: string;
}

/** The banks, fetched once and kept: a picker per cheque line should not ask the server again. */
export function useBanks() {
  return useGetList<BankChoice>(
    'banks',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } },
    { staleTime: 600_000 },
  );
}

export const bankOptionText = (b: BankChoice | undefined) => (b ? `${b.code} — ${b.name}` : '');

/** A bank typed by its BCRA code ("007") or part of its name ("galicia"). */
export const BankInput = ({ source, ...props }: Omit<AutocompleteInputProps, 'choices'> & { source: string }) => {
  const { data, isPending } = useBanks();
  return (
    <AutocompleteInput<RaRecord, false, false, false>
      source={source}
      choices={data ?? []}
      isPending={isPending}
      optionText={bankOptionText}
      translateChoice={false}
      label="ledger.fields.bank"
      {...props}
    />
  );
};
