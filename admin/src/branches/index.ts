import BranchIcon from '@mui/icons-material/Store';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const BranchList = lazyPage(() => import('./BranchList'), 'BranchList');
const BranchCreate = lazyPage(() => import('./BranchForm'), 'BranchCreate');
const BranchEdit = lazyPage(() => import('./BranchForm'), 'BranchEdit');

const branches = {
  list: BranchList,
  create: BranchCreate,
  edit: BranchEdit,
  icon: BranchIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => `${record.code ?? ''} — ${record.name ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default branches;
