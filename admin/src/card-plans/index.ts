import PlanIcon from '@mui/icons-material/Percent';
import type { ResourceProps } from 'react-admin';
import { CardPlanList } from './CardPlanList';
import { CardPlanCreate, CardPlanEdit } from './CardPlanForm';

const cardPlans = {
  list: CardPlanList,
  create: CardPlanCreate,
  edit: CardPlanEdit,
  icon: PlanIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => `${record.code ?? ''} — ${record.name ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default cardPlans;
export { RelatedPlans } from './RelatedPlans';
