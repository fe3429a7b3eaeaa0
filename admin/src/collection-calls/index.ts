import CallIcon from '@mui/icons-material/PhoneInTalk';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const CallList = lazyPage(() => import('./CallList'), 'CallList');

/** Llamadas: logged and corrected in the call dialog (collections/CallDialog), listed here. */
const collectionCalls = {
  list: CallList,
  icon: CallIcon,
  recordRepresentation: (record: { customerCode?: string; calledAt?: string }) => `${record.customerCode ?? ''}`,
} satisfies Omit<ResourceProps, 'name'>;

export default collectionCalls;
