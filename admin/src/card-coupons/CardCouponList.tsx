import { Chip } from '@mui/material';
import {
  DataTable,
  List,
  NumberField,
  SearchInput,
  TextField,
  TextInput,
  useFieldValue,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { MoneyColumn } from '../common/MoneyField';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { FilterTabs, type FilterTab } from '../ledger/FilterTabs';
import { PresentBatchButton } from './PresentBatchButton';

const TABS: FilterTab[] = ['pending', 'presented', 'settled', 'cancelled'].map((state) => ({
  id: state,
  label: `cardCoupons.states.${state}`,
  filter: { state },
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceSelect key="cardIssuerId" source="cardIssuerId" reference="card-issuers" alwaysOn />,
  <DateInput key="date_gte" source="date_gte" alwaysOn />,
  <DateInput key="date_lte" source="date_lte" alwaysOn />,
  <TextInput key="batchId" source="batchId" />,
  <TextInput key="settlementId" source="settlementId" />,
];

const COLORS: Record<string, 'default' | 'info' | 'success'> = { presented: 'info', settled: 'success' };

export const CouponStateField = (props: Partial<FieldProps>) => {
  const translate = useTranslate();
  const state = useFieldValue({ source: 'state', ...props }) as string | null;
  if (!state) return null;
  return (
    <Chip
      size="small"
      variant={state === 'pending' ? 'outlined' : 'filled'}
      color={COLORS[state] ?? 'default'}
      label={translate(`cardCoupons.states.${state}`)}
    />
  );
};

/**
 * Cupones de tarjeta: each card payment line of a receipt, by state, with what the issuer is
 * expected to credit; held coupons of one issuer are ticked and presented in a batch (lote).
 */
export const CardCouponList = () => (
  <List filters={filters} filterDefaultValues={{ state: 'pending' }} sort={{ field: 'date', order: 'DESC' }} perPage={25}>
    <FilterTabs tabs={TABS} />
    <DataTable bulkActionButtons={<PresentBatchButton />} rowClick={false}>
      <DataTable.Col source="date" field={DateField} />
      <DataTable.Col source="cardIssuerCode" />
      <DataTable.Col source="couponNumber" />
      <DataTable.Col source="authorization" disableSort />
      <DataTable.Col source="customerName" disableSort>
        <TextField source="customerName" />
      </DataTable.Col>
      <DataTable.Col source="receiptNumber" disableSort />
      <DataTable.Col source="installments" align="right">
        <NumberField source="installments" />
      </DataTable.Col>
      <MoneyColumn source="gross" />
      <MoneyColumn source="surcharge" disableSort />
      <MoneyColumn source="expectedNet" disableSort />
      <DataTable.Col source="expectedDate" field={DateField} />
      <DataTable.Col source="batchId" disableSort />
      <DataTable.Col source="state">
        <CouponStateField />
      </DataTable.Col>
    </DataTable>
  </List>
);
