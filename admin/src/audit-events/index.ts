import AuditIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const AuditEventList = lazyPage(() => import('./AuditEventList'), 'AuditEventList');
const AuditEventShow = lazyPage(() => import('./AuditEventShow'), 'AuditEventShow');

const auditEvents = {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
} satisfies Omit<ResourceProps, 'name'>;

export default auditEvents;
