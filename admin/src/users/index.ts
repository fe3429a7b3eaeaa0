import UserIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import { UserList } from './UserList';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';

const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: 'fullName',
} satisfies Omit<ResourceProps, 'name'>;

export default users;
