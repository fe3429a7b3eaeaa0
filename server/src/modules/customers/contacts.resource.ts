import type { ResourceDef } from '../../http/resource';
import { contactSchema } from './customers.schemas';

export const contactsResource: ResourceDef = {
  name: 'contacts',
  table: 'contacts',
  alias: 'ct',
  access: { read: 'read', create: 'masterdata.write', update: 'masterdata.write', delete: 'masterdata.write' },
  fields: {
    id: { type: 'int', sort: true },
    customerId: { type: 'int', filter: true, sort: true },
    cardIssuerId: { type: 'int', filter: true, sort: true },
    name: { type: 'text', sort: true },
    position: { type: 'text' },
    phone: { type: 'text' },
    mobile: { type: 'text' },
    email: { type: 'text' },
    isCollectionsContact: { type: 'bool', filter: true, sort: true },
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', readOnly: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  search: ['ct.name', 'ct.email', 'ct.phone', 'ct.mobile'],
  defaultSort: ['name', 'ASC'],
  schema: contactSchema,
};
