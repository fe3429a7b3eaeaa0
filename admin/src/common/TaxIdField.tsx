import { useRecordContext, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { formatCuit } from './cuit';

/** A DNI reads with thousands points, as printed on the card: "12.345.678". */
const formatDni = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The tax id as its type is written: CUIT/CUIL `30-12345678-9`, DNI `12.345.678`, a foreign id as it is. */
export const TaxIdField = ({ emptyText }: Pick<FieldProps, 'emptyText'> & { source?: string }) => {
  const record = useRecordContext();
  const value = (record?.taxId as string | null | undefined) ?? '';
  const type = (record?.taxIdType as string | undefined) ?? 'CUIT';
  const text = !value ? '' : type === 'CUIT' || type === 'CUIL' ? formatCuit(value) : type === 'DNI' ? formatDni(value) : value;
  return <FieldText text={text} emptyText={emptyText} />;
};
