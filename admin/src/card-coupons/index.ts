import CouponIcon from '@mui/icons-material/CreditScore';
import SettlementIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import PendingIcon from '@mui/icons-material/PendingActions';
import { lazyPage } from '../common/lazyPage';

/** What the issuers still owe (a report page, not a resource). */
export const PENDING_COUPONS_PATH = '/card-coupons-pending';
export const PendingCouponsPage = lazyPage(() => import('./PendingCouponsPage'), 'PendingCouponsPage');

const CardCouponList = lazyPage(() => import('./CardCouponList'), 'CardCouponList');
const SettlementList = lazyPage(() => import('./SettlementList'), 'SettlementList');
const SettlementShow = lazyPage(() => import('./SettlementShow'), 'SettlementShow');
const SettlementCreate = lazyPage(() => import('./SettlementCreate'), 'SettlementCreate');

export const cardCoupons = {
  list: CardCouponList,
  icon: CouponIcon,
  recordRepresentation: 'couponNumber',
} satisfies Omit<ResourceProps, 'name'>;

export const cardSettlements = {
  list: SettlementList,
  show: SettlementShow,
  create: SettlementCreate,
  icon: SettlementIcon,
  recordRepresentation: 'number',
} satisfies Omit<ResourceProps, 'name'>;

/** Menu › Tesorería: cupones de tarjeta y liquidaciones. */
export const CARD_COUPONS_MENU: MenuItem[] = [
  { resource: 'card-coupons', icon: CouponIcon, roles: PERMISSIONS.read },
  { resource: 'card-settlements', icon: SettlementIcon, roles: PERMISSIONS.read },
  { to: PENDING_COUPONS_PATH, label: 'cardCoupons.pending.menu', icon: PendingIcon, roles: PERMISSIONS.reports },
];
