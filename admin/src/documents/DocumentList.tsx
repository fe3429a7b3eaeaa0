import { List } from 'react-admin';
import { DocumentFilterSidebar } from '../ledger/DocumentFilterSidebar';
import { documentFilters, DocumentsTable, documentTabs } from '../ledger/DocumentsTable';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { FilterTabs } from '../ledger/FilterTabs';
import { LedgerListActions } from '../ledger/LedgerListActions';

const TABS = documentTabs();

/** Consulta de comprobantes: every movement of every current account. */
export const DocumentList = () => (
  <List
    filters={documentFilters()}
    filterDefaultValues={{ status: 'posted' }}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    sx={CONTAINED_LIST_SX}
    actions={<LedgerListActions create={{ label: 'ledger.documents.intake' }} />}
    aside={<DocumentFilterSidebar />}
  >
    <FilterTabs tabs={TABS} />
    <DocumentsTable hide={['reason', 'status']} />
  </List>
);
