import CardIcon from '@mui/icons-material/CreditCard';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const CardIssuerList = lazyPage(() => import('./CardIssuerList'), 'CardIssuerList');
const CardIssuerCreate = lazyPage(() => import('./CardIssuerForm'), 'CardIssuerCreate');
const CardIssuerEdit = lazyPage(() => import('./CardIssuerForm'), 'CardIssuerEdit');

const cardIssuers = {
  list: CardIssuerList,
  create: CardIssuerCreate,
  edit: CardIssuerEdit,
  icon: CardIcon,
  recordRepresentation: (record: { code?: string; legalName?: string }) => `${record.code ?? ''} — ${record.legalName ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default cardIssuers;
