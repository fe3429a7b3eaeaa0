import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ExportButton } from './ExportButton';

/** The toolbar every list shows: filters (when it has any), create (when the resource and the role allow it), server-side CSV export. */
export const ListActions = () => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};
