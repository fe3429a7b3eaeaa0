import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { formatCuit } from './cuit';

/** A DNI reads with thousands points, as printed on the card: "12.345.678". */
const formatDni = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The tax id as its type is written: CUIT/CUIL `30-12345678-9`, DNI `12.345.678`, a foreign id as it is. */
export const formatTaxId = (type: string | null | undefined, value: string | null | undefined): string => {
  if (!value) return '';
  const kind = type ?? 'CUIT';
  return kind === 'CUIT' || kind === 'CUIL' ? formatCuit(value) : kind === 'DNI' ? formatDni(value) : value;
};

/**
 * The tax id with its type before it, as printed papers show it: "CUIT 30-12345678-9", "DNI 12.345.678",
 * "CUIL 20-…", "Documento extranjero P-1": never "CUIT" for a DNI.
 */
export function useTaxIdLabel(): (type: string | null | undefined, value: string | null | undefined) => string {
  const translate = useTranslate();
  return (type, value) => (value ? `${translate(`ctacte.taxIdTypes.${type ?? 'CUIT'}`)} ${formatTaxId(type, value)}` : '');
}

export const TaxIdField = ({ emptyText }: Pick<FieldProps, 'emptyText'> & { source?: string }) => {
  const record = useRecordContext();
  const text = formatTaxId(record?.taxIdType as string | undefined, record?.taxId as string | null | undefined);
  return <FieldText text={text} emptyText={emptyText} />;
};
