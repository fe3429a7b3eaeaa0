import SegmentIcon from '@mui/icons-material/AccountTree';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const SegmentLevelList = lazyPage(() => import('./SegmentLevelList'), 'SegmentLevelList');
const SegmentLevelEdit = lazyPage(() => import('./SegmentLevelEdit'), 'SegmentLevelEdit');

const segmentLevels = {
  list: SegmentLevelList,
  edit: SegmentLevelEdit,
  icon: SegmentIcon,
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default segmentLevels;
