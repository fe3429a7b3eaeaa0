import VoidedIcon from '@mui/icons-material/DoNotDisturbOn';
import type { ResourceProps } from 'react-admin';
import { VoidedReceiptList } from './VoidedReceiptList';
import { VoidedReceiptCreate } from './VoidedReceiptCreate';

/** Voided receipts are receipts (status `voided`): this resource only lists and registers them. */
const voidedReceipts = {
  list: VoidedReceiptList,
  create: VoidedReceiptCreate,
  icon: VoidedIcon,
} satisfies Omit<ResourceProps, 'name'>;

export default voidedReceipts;
