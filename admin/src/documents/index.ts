import DocumentIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { DocumentList } from './DocumentList';
import { DocumentShow } from './DocumentShow';
import { DocumentCreate } from './DocumentCreate';

const documents = {
  list: DocumentList,
  show: DocumentShow,
  create: DocumentCreate,
  icon: DocumentIcon,
  recordRepresentation: 'displayNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default documents;
