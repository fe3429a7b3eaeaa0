import { DataTable, useFieldValue, useRecordContext, type DataTableColumnProps, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { formatMoney, type Currency } from './money';

export interface MoneyFieldProps extends FieldProps {
  /** Fixed currency of the amount; default ARS. */
  currency?: Currency;
  /** Or the record field that holds it (`currency` on documents and accounts). */
  currencySource?: string;
}

/** `"1234567.89"` → `$ 1.234.567,89`, right-aligned. */
export const MoneyField = ({ currency, currencySource, emptyText, ...props }: MoneyFieldProps) => {
  const record = useRecordContext(props);
  const value = useFieldValue(props);
  const code = (currencySource ? (record?.[currencySource] as Currency | undefined) : undefined) ?? currency ?? 'ARS';
  return <FieldText text={formatMoney(value as string | null, code)} emptyText={emptyText} align="right" />;
};

export interface MoneyColumnProps extends Omit<DataTableColumnProps, 'source' | 'align' | 'children' | 'field' | 'render'> {
  source: string;
  /** The record field with the amount's currency; default `currency`. */
  currencySource?: string;
}

/** A DataTable column of amounts, each in its own row's currency, right-aligned. */
export const MoneyColumn = ({ source, currencySource = 'currency', ...props }: MoneyColumnProps) => (
  <DataTable.Col source={source} align="right" {...props}>
    <MoneyField source={source} currencySource={currencySource} />
  </DataTable.Col>
);
