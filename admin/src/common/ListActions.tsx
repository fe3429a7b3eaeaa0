import { CreateButton, FilterButton, TopToolbar, useFilterContext, useListContext, useResourceDefinition } from 'react-admin';
import { ExportButton } from './ExportButton';

export interface ListActionsProps {
  /** The new record's starting values, from the list's filters (a segment starts on the level shown). */
  createDefaults?: (filterValues: Record<string, unknown>) => Record<string, unknown>;
}

/** The toolbar every list shows: filters (when it has any), create (when the resource and the role allow it), server-side CSV export. */
export const ListActions = ({ createDefaults }: ListActionsProps) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton state={createDefaults ? { record: createDefaults(filterValues) } : undefined} />}
      <ExportButton />
    </TopToolbar>
  );
};
