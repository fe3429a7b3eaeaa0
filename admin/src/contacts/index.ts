import ContactIcon from '@mui/icons-material/ContactPhone';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ContactList = lazyPage(() => import('./ContactList'), 'ContactList');
const ContactCreate = lazyPage(() => import('./ContactForm'), 'ContactCreate');
const ContactEdit = lazyPage(() => import('./ContactForm'), 'ContactEdit');

const contacts = {
  list: ContactList,
  create: ContactCreate,
  edit: ContactEdit,
  icon: ContactIcon,
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default contacts;
