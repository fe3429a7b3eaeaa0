import VoidedIcon from '@mui/icons-material/DoNotDisturbOn';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const VoidedReceiptList = lazyPage(() => import('./VoidedReceiptList'), 'VoidedReceiptList');
const VoidedReceiptCreate = lazyPage(() => import('./VoidedReceiptCreate'), 'VoidedReceiptCreate');

/** Voided receipts are receipts (status `voided`): this resource only lists and registers them. */
const voidedReceipts = {
  list: VoidedReceiptList,
  create: VoidedReceiptCreate,
  icon: VoidedIcon,
} satisfies Omit<ResourceProps, 'name'>;

export default voidedReceipts;
