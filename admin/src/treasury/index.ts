import SlipIcon from '@mui/icons-material/ReceiptLong';
import CashflowIcon from '@mui/icons-material/Timeline';
import type { ResourceProps } from 'react-admin';
import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import { referenceTableResource } from '../reference-tables';
import { TREASURY_TABLES } from './tables';
import { CASHFLOW_PATH } from './cashflowPath';
import { lazyPage } from '../common/lazyPage';

const DepositSlipList = lazyPage(() => import('./DepositSlipList'), 'DepositSlipList');
const DepositSlipShow = lazyPage(() => import('./DepositSlipShow'), 'DepositSlipShow');

/** The company's bank accounts and cajas: the reference tables' pages, from their declarations. */
export const treasuryTables: Array<{ name: string } & Omit<ResourceProps, 'name'>> = TREASURY_TABLES.map((spec) => ({
  name: spec.name,
  ...referenceTableResource(spec),
}));

export const depositSlips = {
  list: DepositSlipList,
  show: DepositSlipShow,
  icon: SlipIcon,
  recordRepresentation: 'id',
} satisfies Omit<ResourceProps, 'name'>;

/** Menu › Tesorería: cuentas y cajas, boletas de depósito, el flujo de valores. */
export const TREASURY_MENU: MenuItem[] = [
  ...TREASURY_TABLES.map((t) => ({ resource: t.name, icon: t.icon, roles: PERMISSIONS.read })),
  { resource: 'deposit-slips', icon: SlipIcon, roles: PERMISSIONS.read },
  { to: CASHFLOW_PATH, label: 'treasury.cashflow.menu', icon: CashflowIcon, roles: PERMISSIONS.reports },
];

export { CASHFLOW_PATH };
