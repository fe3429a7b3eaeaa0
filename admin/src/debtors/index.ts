import DebtorIcon from '@mui/icons-material/MoneyOff';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const DebtorList = lazyPage(() => import('./DebtorList'), 'DebtorList');

/** Read-only: the customers that owe (`/api/debtors`); a debtor's page is the customer's. */
const debtors = {
  list: DebtorList,
  icon: DebtorIcon,
  recordRepresentation: (record: { code?: string; legalName?: string }) => `${record.code ?? ''} — ${record.legalName ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default debtors;
