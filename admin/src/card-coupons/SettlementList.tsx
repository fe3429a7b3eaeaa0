import { DataTable, List, NumberField, useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { MoneyColumn } from '../common/MoneyField';
import { ReferenceSelect } from '../common/ReferenceSelect';

const filters = [
  <ReferenceSelect key="cardIssuerId" source="cardIssuerId" reference="card-issuers" alwaysOn />,
  <DateInput key="date_gte" source="date_gte" alwaysOn />,
  <DateInput key="date_lte" source="date_lte" alwaysOn />,
];

const OriginField = (props: Partial<FieldProps>) => {
  const translate = useTranslate();
  const origin = useFieldValue({ source: 'origin', ...props }) as string | null;
  return <span>{origin ? translate(`cardCoupons.origins.${origin}`) : ''}</span>;
};

/** Liquidaciones: what each issuer credited, against what its plans' fees made us expect; a row opens it per coupon. */
export const SettlementList = () => (
  <List filters={filters} sort={{ field: 'date', order: 'DESC' }} perPage={25}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="date" field={DateField} />
      <DataTable.Col source="number" />
      <DataTable.Col source="cardIssuerCode" />
      <DataTable.Col source="bankAccountName" disableSort />
      <DataTable.Col source="couponCount" align="right">
        <NumberField source="couponCount" />
      </DataTable.Col>
      <MoneyColumn source="gross" />
      <MoneyColumn source="fee" disableSort />
      <MoneyColumn source="feeIva" disableSort />
      <MoneyColumn source="withholdings" disableSort />
      <MoneyColumn source="net" />
      <MoneyColumn source="netDifference" disableSort />
      <DataTable.Col source="origin" disableSort>
        <OriginField />
      </DataTable.Col>
    </DataTable>
  </List>
);
