import type { ResourceDef } from '../../http/resource';

export const auditEventsResource: ResourceDef = {
  name: 'audit-events',
  table: 'audit_events',
  entity: 'audit_events',
  alias: 'a',
  access: { read: 'audit.read', export: 'audit.read' },
  fields: {
    id: { type: 'int', sort: true },
    at: { type: 'timestamp', sort: true, range: true },
    userId: { type: 'int', filter: true },
    username: { type: 'text', filter: true, sort: true },
    action: { type: 'text', filter: true, sort: true },
    entity: { type: 'text', filter: true, sort: true },
    entityId: { type: 'text', filter: true },
    before: { type: 'json' },
    after: { type: 'json' },
    ip: { type: 'text' },
  },
  search: ['a.username', 'a.entity', 'a.action', 'a.entity_id'],
  defaultSort: ['id', 'DESC'],
};
