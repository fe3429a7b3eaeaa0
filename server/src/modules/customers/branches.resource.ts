import { conflict, registerConstraint } from '../../http/errors';
import type { ResourceDef } from '../../http/resource';
import type { FieldDef } from '../../http/list-query';
import { PROVINCE_CODES } from '../../lib/argentina';
import { branchSchema } from './customers.schemas';
import { onKey } from '../../db/keys';

registerConstraint('branches_code_unique', {
  path: 'code',
  text: { es: 'Ese cliente ya tiene una sucursal con ese código', en: 'That customer already has a branch with that code' },
});

/** Commercial fields a branch may set or leave empty to inherit from its customer. */
export const INHERITED = [
  'salespersonId',
  'collectorId',
  'priceListId',
  'carrierId',
  'paymentTermId',
  'deliveryNoteCopies',
  'invoiceCopies',
];

const snake = (s: string) => s.replace(/([A-Z])/g, '_$1').toLowerCase();
const effective = (field: string): FieldDef => ({
  type: 'int',
  readOnly: true,
  sql: `COALESCE(b.${snake(field)}, c.${snake(field)})`,
});

export const branchesResource: ResourceDef = {
  name: 'branches',
  table: 'branches',
  alias: 'b',
  access: { read: 'read', create: 'masterdata.write', update: 'masterdata.write', delete: 'masterdata.write' },
  fields: {
    id: { type: 'int', sort: true },
    customerId: { type: 'int', filter: true, sort: true },
    customerCode: { type: 'text', sql: 'c.code', sort: true },
    customerName: { type: 'text', sql: 'c.legal_name' },
    code: { type: 'text', filter: true, sort: true },
    name: { type: 'text', sort: true },
    street: { type: 'text' },
    city: { type: 'text', filter: true, sort: true },
    province: { type: 'enum', values: PROVINCE_CODES, filter: true, labels: 'provinces' },
    postalCode: { type: 'text' },
    country: { type: 'text' },
    phone: { type: 'text' },
    email: { type: 'text' },
    salespersonId: { type: 'int', filter: true },
    collectorId: { type: 'int', filter: true },
    priceListId: { type: 'int', filter: true },
    carrierId: { type: 'int', filter: true },
    paymentTermId: { type: 'int', filter: true },
    deliveryNoteCopies: { type: 'int' },
    invoiceCopies: { type: 'int' },
    active: { type: 'bool', filter: true },
    ...Object.fromEntries(INHERITED.map((f) => [`effective${f[0].toUpperCase()}${f.slice(1)}`, effective(f)])),
    createdAt: { type: 'timestamp', readOnly: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'b.customer_id'));
  },
  search: ['b.code', 'b.name', 'b.city', 'c.code', 'c.legal_name'],
  defaultSort: ['code', 'ASC'],
  schema: branchSchema,
  hooks: {
    prepare(_ctx, data, { op, before }) {
      if (op === 'update' && before && 'customerId' in data && data.customerId !== before.customerId) {
        // A branch never moves to another customer: its documents were issued to this one.
        throw conflict(
          'BRANCH_CUSTOMER_FIXED',
          { es: 'Una sucursal no puede pasar a otro cliente', en: 'A branch cannot move to another customer' },
          [{ path: 'customerId', message: { es: 'no puede cambiar', en: 'cannot change' } }],
        );
      }
      return data;
    },
  },
};
