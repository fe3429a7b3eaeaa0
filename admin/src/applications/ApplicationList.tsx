import { Typography, type SxProps } from '@mui/material';
import { DataTable, List, NullableBooleanInput, useRecordContext, useTranslate } from 'react-admin';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { formatDate } from '../common/dates';
import { MoneyField } from '../common/MoneyField';
import { DocumentNumberField, TranslatedField } from '../ledger/fields';
import { CustomerInput } from '../ledger/inputs';
import { LedgerListActions } from '../ledger/LedgerListActions';
import { CONTAINED_LIST_SX, DENSE_TABLE_SX } from '../ledger/listStyles';
import { UnapplyButton } from '../ledger/UnapplyButton';
import { useCan } from '../ledger/useCan';

interface ApplicationRow {
  id: number;
  customerCode: string;
  creditDocumentId: number;
  creditDisplayNumber: string;
  debitDocumentId: number;
  debitDisplayNumber: string;
  amount: string;
  date: string;
  origin: string;
  active: boolean;
  reversalDate: string | null;
}

const filters = [
  <CustomerInput key="customerId" source="customerId" alwaysOn sx={{ minWidth: 320 }} />,
  <DateInput key="date_gte" source="date_gte" alwaysOn />,
  <DateInput key="date_lte" source="date_lte" alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

const State = () => {
  const translate = useTranslate();
  const a = useRecordContext<ApplicationRow>();
  const supervisor = useCan('ledger.supervise');
  if (!a) return null;
  if (!a.active)
    return (
      <Typography variant="body2" color="warning.dark" sx={{ whiteSpace: 'nowrap' }}>
        {translate('ledger.applications.reversedOn', { date: formatDate(a.reversalDate) })}
      </Typography>
    );
  return supervisor ? (
    <UnapplyButton applicationId={a.id} amount={a.amount} between={[a.creditDisplayNumber, a.debitDisplayNumber]} />
  ) : (
    <Typography variant="body2">{translate('ledger.document.applied')}</Typography>
  );
};

/** Imputaciones: which credit paid which debit, when; reversed ones stay, struck through. */
export const ApplicationList = () => (
  <List
    filters={filters}
    sort={{ field: 'date', order: 'DESC' }}
    perPage={25}
    actions={<LedgerListActions create={{ label: 'ledger.menu.apply' }} />}
    sx={CONTAINED_LIST_SX}
  >
    <DataTable
      bulkActionButtons={false}
      rowClick={false}
      sx={DENSE_TABLE_SX}
      rowSx={(a): SxProps =>
        a.active ? {} : { '& td.column-amount, & td.column-date': { textDecoration: 'line-through', color: 'text.disabled' } }
      }
    >
      <DataTable.Col source="date" field={DateField} />
      <DataTable.Col source="customerCode" disableSort />
      <DataTable.Col source="creditDisplayNumber" disableSort>
        <DocumentNumberField source="creditDisplayNumber" idSource="creditDocumentId" />
      </DataTable.Col>
      <DataTable.Col source="debitDisplayNumber" disableSort>
        <DocumentNumberField source="debitDisplayNumber" idSource="debitDocumentId" />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right" field={MoneyField} />
      <DataTable.Col source="origin" disableSort>
        <TranslatedField source="origin" prefix="ledger.origins" />
      </DataTable.Col>
      <DataTable.Col source="active" label="ledger.document.applicationState" disableSort>
        <State />
      </DataTable.Col>
    </DataTable>
  </List>
);
