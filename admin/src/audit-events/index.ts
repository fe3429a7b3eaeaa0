import AuditIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

const auditEvents = {
  list: AuditEventList,
  show: AuditEventShow,
  icon: AuditIcon,
  recordRepresentation: (record: { id: number }) => `#${record.id}`,
} satisfies Omit<ResourceProps, 'name'>;

export default auditEvents;
