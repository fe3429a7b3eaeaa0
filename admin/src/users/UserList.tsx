import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, TextField } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateTimeField } from '../common/DateField';
import { ListActions } from '../common/ListActions';
import { RoleField } from './RoleField';
import { ROLE_CHOICES } from './roles';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ChoiceInput key="role" source="role" choices={ROLE_CHOICES} />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'username', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="username" field={TextField} />
      <DataTable.Col source="fullName" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role" field={RoleField} />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col
        source="lastLoginAt"
        render={() => <DateTimeField source="lastLoginAt" emptyText="ctacte.users.neverLoggedIn" />}
      />
    </DataTable>
  </List>
);
