import { CreateButton, List, useCanAccess } from 'react-admin';
import { DocumentFilterSidebar } from '../ledger/DocumentFilterSidebar';
import { documentFilters, DocumentsTable } from '../ledger/DocumentsTable';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { FilterTabs, type FilterTab } from '../ledger/FilterTabs';
import { LedgerListActions } from '../ledger/LedgerListActions';

const TABS: FilterTab[] = [
  { id: 'posted', label: 'ledger.documents.tabs.posted', filter: { status: 'posted' } },
  { id: 'open', label: 'ledger.receipts.onAccount', filter: { open: true } },
  { id: 'cancelled', label: 'ledger.documents.tabs.cancelled', filter: { status: 'cancelled' } },
  { id: 'voided', label: 'ledger.documents.tabs.voided', filter: { status: 'voided' } },
];

const ReceiptListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'receipts', action: 'create' });
  return <LedgerListActions>{canAccess && <CreateButton label="ledger.menu.newReceipt" />}</LedgerListActions>;
};

/** Receipts: what each customer paid, with what is still on account. */
export const ReceiptList = () => (
  <List
    filters={documentFilters({ types: ['REC'], withDue: false })}
    filterDefaultValues={{ status: 'posted' }}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    sx={CONTAINED_LIST_SX}
    actions={<ReceiptListActions />}
    aside={<DocumentFilterSidebar types={['REC']} withDue={false} />}
  >
    <FilterTabs tabs={TABS} />
    <DocumentsTable hide={['type', 'dueDate', 'daysOverdue', 'reason', 'status']} openLabel="ledger.receipts.onAccountColumn" />
  </List>
);
