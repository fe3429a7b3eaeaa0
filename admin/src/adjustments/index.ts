import AdjustmentIcon from '@mui/icons-material/Tune';
import type { ResourceProps } from 'react-admin';
import { AdjustmentList } from './AdjustmentList';
import { AdjustmentCreate } from './AdjustmentCreate';

const adjustments = {
  list: AdjustmentList,
  create: AdjustmentCreate,
  icon: AdjustmentIcon,
  recordRepresentation: 'displayNumber',
} satisfies Omit<ResourceProps, 'name'>;

export default adjustments;
