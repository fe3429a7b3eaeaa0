import ContactIcon from '@mui/icons-material/ContactPhone';
import type { ResourceProps } from 'react-admin';
import { ContactList } from './ContactList';
import { ContactCreate, ContactEdit } from './ContactForm';

const contacts = {
  list: ContactList,
  create: ContactCreate,
  edit: ContactEdit,
  icon: ContactIcon,
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default contacts;
export { RelatedContacts } from './RelatedContacts';
