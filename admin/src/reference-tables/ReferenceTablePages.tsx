import { createElement, Fragment, type ComponentType } from 'react';
import { Create, DataTable, Edit, List, SearchInput, SimpleForm } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { columnField, columnFilters, columnInput, onlyColumns, validateColumns } from './columns';
import type { ReferenceTableSpec } from './spec';

export interface ReferenceTablePages {
  list: ComponentType;
  create: ComponentType;
  edit: ComponentType;
}

/** The list, create and edit pages of a reference table, built from its declaration. */
export function referenceTablePages(spec: ReferenceTableSpec): ReferenceTablePages {
  const filters = [...(spec.search ? [<SearchInput key="q" source="q" alwaysOn />] : []), ...spec.columns.flatMap(columnFilters)];
  const validate = validateColumns(spec.columns);
  const transform = onlyColumns(spec.columns);
  const form = (
    <SimpleForm warnWhenUnsavedChanges noValidate validate={validate} sx={{ maxWidth: 560 }}>
      {spec.columns.map((column) => (
        <Fragment key={column.source}>{columnInput(column)}</Fragment>
      ))}
    </SimpleForm>
  );

  const ReferenceTableList = () => (
    <List
      filters={filters.length ? filters : undefined}
      filterDefaultValues={spec.filterDefaultValues}
      sort={spec.sort}
      perPage={25}
      actions={<ListActions createDefaults={spec.createDefaults} />}
    >
      {spec.listHeader && createElement(spec.listHeader)}
      <DataTable bulkActionButtons={false}>
        {spec.columns
          .filter((column) => column.inList !== false)
          .map((column) => (
            <DataTable.Col
              key={column.source}
              source={column.source}
              disableSort={!column.sortable}
              align={column.kind === 'int' || column.kind === 'decimal' ? 'right' : undefined}
              render={() => columnField(column)}
            />
          ))}
      </DataTable>
    </List>
  );

  const ReferenceTableCreate = () => (
    <Create redirect="list" transform={transform}>
      {form}
    </Create>
  );

  const ReferenceTableEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list" transform={transform}>
      {form}
    </Edit>
  );

  return {
    list: ReferenceTableList,
    create: ReferenceTableCreate,
    edit: ReferenceTableEdit,
  };
}
