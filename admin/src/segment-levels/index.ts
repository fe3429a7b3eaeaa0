import SegmentIcon from '@mui/icons-material/AccountTree';
import type { ResourceProps } from 'react-admin';
import { SegmentLevelList } from './SegmentLevelList';
import { SegmentLevelEdit } from './SegmentLevelEdit';

const segmentLevels = {
  list: SegmentLevelList,
  edit: SegmentLevelEdit,
  icon: SegmentIcon,
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default segmentLevels;
