import CouponIcon from '@mui/icons-material/CreditScore';
import SettlementIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import { CardCouponList } from './CardCouponList';
import { SettlementList } from './SettlementList';
import { SettlementShow } from './SettlementShow';
import { SettlementCreate } from './SettlementCreate';
import PendingIcon from '@mui/icons-material/PendingActions';
import { PENDING_COUPONS_PATH } from './PendingCouponsPage';

export { PENDING_COUPONS_PATH, PendingCouponsPage } from './PendingCouponsPage';

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
