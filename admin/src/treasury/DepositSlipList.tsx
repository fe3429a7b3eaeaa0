import { DataTable, List, NumberField, TextField } from 'react-admin';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { MoneyField } from '../common/MoneyField';
import { BankAccountInput } from './inputs';

const filters = [
  <DateInput key="date_gte" source="date_gte" alwaysOn />,
  <DateInput key="date_lte" source="date_lte" alwaysOn />,
  <BankAccountInput key="bankAccountId" source="bankAccountId" label="resources.deposit-slips.fields.bankAccountId" />,
];

/** Boletas de depósito: the latest first; a row opens the slip with its values, to print or credit. */
export const DepositSlipList = () => (
  <List filters={filters} sort={{ field: 'date', order: 'DESC' }} perPage={25}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="id" />
      <DataTable.Col source="date" field={DateField} />
      <DataTable.Col source="bankAccountName" disableSort>
        <TextField source="bankAccountName" />
      </DataTable.Col>
      <DataTable.Col source="bankName" disableSort />
      <DataTable.Col source="valueCount" align="right">
        <NumberField source="valueCount" />
      </DataTable.Col>
      <DataTable.Col source="pendingCount" align="right" disableSort>
        <NumberField source="pendingCount" />
      </DataTable.Col>
      <DataTable.Col source="total" align="right">
        <MoneyField source="total" />
      </DataTable.Col>
    </DataTable>
  </List>
);
