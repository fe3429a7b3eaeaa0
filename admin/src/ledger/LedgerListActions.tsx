import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Button,
  CreateButton,
  FilterButton,
  TopToolbar,
  useCanAccess,
  useFilterContext,
  useListContext,
  useResourceContext,
  useResourceDefinition,
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

/** The list's create button, under the resource's own name or the screen's ("Nuevo recibo"), when there is a create page and the role may use it. */
const CreateAction = ({ resource, label }: { resource?: string; label?: string }) => {
  const listResource = useResourceContext();
  const { hasCreate } = useResourceDefinition({ resource: resource ?? listResource });
  const { canAccess, isPending } = useCanAccess({ resource: resource ?? listResource, action: 'create' });
  return !hasCreate || isPending || !canAccess ? null : <CreateButton resource={resource} label={label} />;
};

/** Filters, the screen's create action (new receipt, new adjustment), and the CSV export. */
export const LedgerListActions = ({
  fixedFilter,
  create,
}: {
  fixedFilter?: Record<string, unknown>;
  /** Where "create" goes when it is not the list's resource, and its label. */
  create?: { resource?: string; label?: string } | false;
}) => {
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {create !== false && <CreateAction {...create} />}
      <LedgerExportButton fixedFilter={fixedFilter} />
    </TopToolbar>
  );
};
