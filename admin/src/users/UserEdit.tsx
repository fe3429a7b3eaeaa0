import { Edit } from 'react-admin';
import { UserForm } from './UserForm';
import { withoutEmptyPassword } from './validateUser';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={withoutEmptyPassword}>
    <UserForm mode="edit" />
  </Edit>
);
