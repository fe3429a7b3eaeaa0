import UserIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');

const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: 'fullName',
} satisfies Omit<ResourceProps, 'name'>;

export default users;
