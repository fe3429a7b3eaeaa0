import { List } from 'react-admin';
import { ADJUSTMENT_TYPES } from '../ledger/types';
import { DocumentFilterSidebar } from '../ledger/DocumentFilterSidebar';
import { documentFilters, DocumentsTable } from '../ledger/DocumentsTable';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { LedgerListActions } from '../ledger/LedgerListActions';

/** Positive and negative adjustments, each with the reason a supervisor gave. */
export const AdjustmentList = () => (
  <List
    filters={documentFilters({ types: ADJUSTMENT_TYPES })}
    sort={{ field: 'issueDate', order: 'DESC' }}
    perPage={25}
    sx={CONTAINED_LIST_SX}
    actions={<LedgerListActions />}
    aside={<DocumentFilterSidebar types={ADJUSTMENT_TYPES} />}
  >
    <DocumentsTable hide={['daysOverdue']} />
  </List>
);
