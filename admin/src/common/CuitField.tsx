import { useFieldValue, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { formatCuit } from './cuit';

/** 11 digits → `30-12345678-9`. */
export const CuitField = ({ emptyText, ...props }: FieldProps) => (
  <FieldText text={formatCuit(useFieldValue(props) as string | null)} emptyText={emptyText} />
);
