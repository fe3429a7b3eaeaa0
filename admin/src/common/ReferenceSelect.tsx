import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { ChoiceInput } from './ChoiceInput';

export interface ReferenceSelectProps {
  source: string;
  reference: string;
  filter?: Record<string, unknown>;
  label?: string;
  helperText?: string;
  isRequired?: boolean;
  disabled?: boolean;
  /** Many rows (customers): type to search through the API's `q` instead of a full list. */
  searchable?: boolean;
  /** In a list's filters: shown without "Agregar filtro". */
  alwaysOn?: boolean;
}

/**
 * A reference table row picked by code and name ("V01 — Gustavo Peralta"), empty
 * allowed. Reference tables are short: the whole table is offered at once.
 */
export const ReferenceSelect = ({
  source,
  reference,
  filter,
  label,
  helperText,
  isRequired,
  disabled,
  searchable,
}: ReferenceSelectProps) => (
  <ReferenceInput
    source={source}
    reference={reference}
    filter={filter}
    perPage={searchable ? 25 : 200}
    sort={{ field: 'code', order: 'ASC' }}
  >
    {searchable ? (
      <AutocompleteInput
        label={label}
        helperText={helperText}
        isRequired={isRequired}
        disabled={disabled}
        filterToQuery={(q: string) => ({ q })}
        sx={{ minWidth: 300 }}
      />
    ) : (
      <ChoiceInput label={label} helperText={helperText} isRequired={isRequired} disabled={disabled} />
    )}
  </ReferenceInput>
);
