import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import documents from '../documents';
import receipts, { NewReceiptIcon } from '../receipts';
import applications from '../applications';
import adjustments from '../adjustments';
import voidedReceipts from '../voided-receipts';
import values from '../values';
import withholdings from '../withholdings';
import { FISCAL_MENU } from '../fiscal';

/** Menu › Cuentas corrientes: the documents, the receipt entry, applications, adjustments, the portfolio and certificates. */
export const LEDGER_MENU: MenuItem[] = [
  { resource: 'documents', icon: documents.icon, roles: PERMISSIONS.read },
  { to: '/receipts/create', label: 'ledger.menu.newReceipt', icon: NewReceiptIcon, roles: PERMISSIONS['ledger.post'] },
  { resource: 'receipts', icon: receipts.icon, roles: PERMISSIONS.read },
  { to: '/applications/create', label: 'ledger.menu.apply', icon: applications.icon, roles: PERMISSIONS['ledger.post'] },
  { resource: 'adjustments', icon: adjustments.icon, roles: PERMISSIONS.read },
  { resource: 'voided-receipts', icon: voidedReceipts.icon, roles: PERMISSIONS.read },
  { resource: 'values', icon: values.icon, roles: PERMISSIONS.read },
  { resource: 'withholdings', icon: withholdings.icon, roles: PERMISSIONS.read },
  ...FISCAL_MENU,
];
