import CardIcon from '@mui/icons-material/CreditCard';
import type { ResourceProps } from 'react-admin';
import { CardIssuerList } from './CardIssuerList';
import { CardIssuerCreate, CardIssuerEdit } from './CardIssuerForm';

const cardIssuers = {
  list: CardIssuerList,
  create: CardIssuerCreate,
  edit: CardIssuerEdit,
  icon: CardIcon,
  recordRepresentation: (record: { code?: string; legalName?: string }) => `${record.code ?? ''} — ${record.legalName ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default cardIssuers;
