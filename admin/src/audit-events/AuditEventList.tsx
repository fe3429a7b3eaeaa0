import { DataTable, List, SearchInput, TextInput } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { DateTimeField } from '../common/DateField';
import { endOfDayInstant, startOfDayInstant } from '../common/dates';
import { ListActions } from '../common/ListActions';
import { ActionField } from './ActionField';
import { ACTION_CHOICES } from './actions';
import { EntityInput } from './EntityInput';
import { EntityField } from './EntityField';

// The dates pick whole local days; the API filters instants.
const auditFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ChoiceInput key="action" source="action" choices={ACTION_CHOICES} />,
  <EntityInput key="entity" source="entity" />,
  <TextInput key="username" source="username" />,
  <DateInput key="at_gte" source="at_gte" parse={(day: string | null) => (day ? startOfDayInstant(day) : null)} />,
  <DateInput key="at_lte" source="at_lte" parse={(day: string | null) => (day ? endOfDayInstant(day) : null)} />,
];

export const AuditEventList = () => (
  <List filters={auditFilters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.NumberCol source="id" />
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="username" />
      <DataTable.Col source="action" field={ActionField} />
      <DataTable.Col source="entity" field={EntityField} />
      <DataTable.Col source="entityId" />
      <DataTable.Col source="ip" />
    </DataTable>
  </List>
);
