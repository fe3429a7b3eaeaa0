import { CreateButton, List, useCanAccess } from 'react-admin';
import { DocumentFilterSidebar } from '../ledger/DocumentFilterSidebar';
import { documentFilters, DocumentsTable } from '../ledger/DocumentsTable';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { FilterTabs, type FilterTab } from '../ledger/FilterTabs';
import { LedgerListActions } from '../ledger/LedgerListActions';

/** Registered, still open, cancelled, and receipt forms registered as void. */
const TABS: FilterTab[] = [
  { id: 'posted', label: 'ledger.documents.tabs.posted', filter: { status: 'posted' } },
  { id: 'open', label: 'ledger.documents.tabs.open', filter: { open: true } },
  { id: 'cancelled', label: 'ledger.documents.tabs.cancelled', filter: { status: 'cancelled' } },
  { id: 'voided', label: 'ledger.documents.tabs.voided', filter: { status: 'voided' } },
];

const DocumentListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'documents', action: 'create' });
  return <LedgerListActions>{canAccess && <CreateButton label="ledger.documents.intake" />}</LedgerListActions>;
};

/** Consulta de comprobantes: every movement of every current account. */
export const DocumentList = () => (
  <List
    filters={documentFilters()}
    filterDefaultValues={{ status: 'posted' }}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    sx={CONTAINED_LIST_SX}
    actions={<DocumentListActions />}
    aside={<DocumentFilterSidebar />}
  >
    <FilterTabs tabs={TABS} />
    <DocumentsTable hide={['reason', 'status']} />
  </List>
);
