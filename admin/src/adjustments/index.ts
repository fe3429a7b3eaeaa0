import AdjustmentIcon from '@mui/icons-material/Tune';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const AdjustmentList = lazyPage(() => import('./AdjustmentList'), 'AdjustmentList');
const AdjustmentCreate = lazyPage(() => import('./AdjustmentCreate'), 'AdjustmentCreate');

const adjustments = {
  list: AdjustmentList,
  create: AdjustmentCreate,
  icon: AdjustmentIcon,
  recordRepresentation: 'displayNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default adjustments;
