import { List } from 'react-admin';
import { DocumentFilterSidebar } from '../ledger/DocumentFilterSidebar';
import { documentFilters, DocumentsTable, documentTabs } from '../ledger/DocumentsTable';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { FilterTabs } from '../ledger/FilterTabs';
import { LedgerListActions } from '../ledger/LedgerListActions';

const TABS = documentTabs('ledger.receipts.onAccount');

/** Receipts: what each customer paid, with what is still on account. */
export const ReceiptList = () => (
  <List
    filters={documentFilters({ types: ['REC'], withDue: false })}
    filterDefaultValues={{ status: 'posted' }}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    sx={CONTAINED_LIST_SX}
    actions={<LedgerListActions create={{ label: 'ledger.menu.newReceipt' }} />}
    aside={<DocumentFilterSidebar types={['REC']} withDue={false} />}
  >
    <FilterTabs tabs={TABS} />
    <DocumentsTable hide={['type', 'dueDate', 'daysOverdue', 'reason', 'status']} openLabel="ledger.receipts.onAccountColumn" />
  </List>
);
