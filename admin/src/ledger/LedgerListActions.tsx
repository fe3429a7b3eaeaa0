import type { ReactNode } from 'react';
import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Button,
  FilterButton,
  TopToolbar,
  useCanAccess,
  useFilterContext,
  useListContext,
  useResourceContext,
} from 'react-admin';
import { exportUrl } from '../common/ExportButton';

/**
 * The server's streamed CSV for what the list shows: the user's filters plus the
 * list's fixed ones (a list of voided receipts is the receipts list narrowed),
 * which react-admin keeps apart from the filter values.
 */
export const LedgerExportButton = ({ fixedFilter }: { fixedFilter?: Record<string, unknown> }) => {
  const { filterValues, sort, total } = useListContext();
  const resource = useResourceContext();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'export' });
  if (!resource || isPending || !canAccess) return null;
  return (
    <Button label="ra.action.export" href={exportUrl(resource, { ...filterValues, ...fixedFilter }, sort)} disabled={total === 0}>
      <DownloadIcon />
    </Button>
  );
};

/** Filters, the screen's own actions (new receipt, new adjustment), and the CSV export. */
export const LedgerListActions = ({ fixedFilter, children }: { fixedFilter?: Record<string, unknown>; children?: ReactNode }) => {
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {children}
      <LedgerExportButton fixedFilter={fixedFilter} />
    </TopToolbar>
  );
};
