import { DataTable, List, SearchInput, useTranslate } from 'react-admin';
import { DateField, DateTimeField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { CustomerCell, DocumentNumberField } from '../ledger/fields';
import { LedgerListActions } from '../ledger/LedgerListActions';
import { CONTAINED_LIST_SX, DENSE_TABLE_SX } from '../ledger/listStyles';

const FIXED = { status: 'voided' };

/** The page's title in the plural, as the menu says it. */
const ListTitle = () => <>{useTranslate()('resources.voided-receipts.name', { smart_count: 2 })}</>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DateInput key="issueDate_gte" source="issueDate_gte" />,
  <DateInput key="issueDate_lte" source="issueDate_lte" />,
];

/**
 * Recibos anulados: receipt forms spoiled before use, registered so their numbers
 * are accounted for. They are receipts with status `voided`, read from the
 * receipts list with that filter fixed.
 */
export const VoidedReceiptList = () => (
  <List
    resource="receipts"
    storeKey="voided-receipts"
    filter={FIXED}
    filters={filters}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    actions={<LedgerListActions fixedFilter={FIXED} create={{ resource: 'voided-receipts', label: 'ledger.voided.register' }} />}
    title={<ListTitle />}
    sx={CONTAINED_LIST_SX}
  >
    <DataTable bulkActionButtons={false} rowClick={(id) => `/documents/${id}/show`} sx={DENSE_TABLE_SX}>
      <DataTable.Col source="displayNumber">
        <DocumentNumberField />
      </DataTable.Col>
      <DataTable.Col source="issueDate" field={DateField} />
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col source="customerName" disableSort>
        <CustomerCell />
      </DataTable.Col>
      <DataTable.Col source="createdByName" disableSort />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
