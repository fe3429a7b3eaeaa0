import BranchIcon from '@mui/icons-material/Store';
import type { ResourceProps } from 'react-admin';
import { BranchList } from './BranchList';
import { BranchCreate, BranchEdit } from './BranchForm';

const branches = {
  list: BranchList,
  create: BranchCreate,
  edit: BranchEdit,
  icon: BranchIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => `${record.code ?? ''} — ${record.name ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default branches;
export { RelatedBranches } from './RelatedBranches';
