import CustomerIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { CustomerList } from './CustomerList';
import { lazyPage } from '../common/lazyPage';

const CustomerCreate = lazyPage(() => import('./CustomerCreate'), 'CustomerCreate');
const CustomerEdit = lazyPage(() => import('./CustomerEdit'), 'CustomerEdit');
const CustomerShow = lazyPage(() => import('./CustomerShow'), 'CustomerShow');

const customers = {
  list: CustomerList,
  create: CustomerCreate,
  edit: CustomerEdit,
  show: CustomerShow,
  icon: CustomerIcon,
  recordRepresentation: (record: { code?: string; legalName?: string }) => `${record.code ?? ''} — ${record.legalName ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default customers;
