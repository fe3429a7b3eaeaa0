import CustomerIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { CustomerList } from './CustomerList';
import { CustomerCreate } from './CustomerCreate';
import { CustomerEdit } from './CustomerEdit';
import { CustomerShow } from './CustomerShow';

const customers = {
  list: CustomerList,
  create: CustomerCreate,
  edit: CustomerEdit,
  show: CustomerShow,
  icon: CustomerIcon,
  recordRepresentation: (record: { code?: string; legalName?: string }) => `${record.code ?? ''} — ${record.legalName ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default customers;
