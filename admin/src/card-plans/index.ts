import PlanIcon from '@mui/icons-material/Percent';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const CardPlanList = lazyPage(() => import('./CardPlanList'), 'CardPlanList');
const CardPlanCreate = lazyPage(() => import('./CardPlanForm'), 'CardPlanCreate');
const CardPlanEdit = lazyPage(() => import('./CardPlanForm'), 'CardPlanEdit');

const cardPlans = {
  list: CardPlanList,
  create: CardPlanCreate,
  edit: CardPlanEdit,
  icon: PlanIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => `${record.code ?? ''} — ${record.name ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default cardPlans;
