import ReceiptIcon from '@mui/icons-material/Receipt';
import NewReceiptIcon from '@mui/icons-material/PostAdd';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ReceiptList = lazyPage(() => import('./ReceiptList'), 'ReceiptList');

/** Receipts list; "create" is the receipt entry page, loaded on first use. Their page is the documents' show. */
const receipts = {
  list: ReceiptList,
  create: lazyPage(() => import('./entry/ReceiptEntry')),
  icon: ReceiptIcon,
  recordRepresentation: 'displayNumber',
} satisfies Omit<ResourceProps, 'name'>;

export const NEW_RECEIPT_PATH = '/receipts/create';
export { NewReceiptIcon };
export default receipts;
