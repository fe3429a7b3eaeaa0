import DocumentIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const DocumentList = lazyPage(() => import('./DocumentList'), 'DocumentList');
const DocumentShow = lazyPage(() => import('./DocumentShow'), 'DocumentShow');
const DocumentCreate = lazyPage(() => import('./DocumentCreate'), 'DocumentCreate');

const documents = {
  list: DocumentList,
  show: DocumentShow,
  create: DocumentCreate,
  icon: DocumentIcon,
  recordRepresentation: 'displayNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default documents;
