import type { Knex } from 'knex';
import type { ObjectSchema } from 'joi';
import { Joi, id, optionalText } from '../../http/validate';
import { badRequest } from '../../http/errors';
import type { Ctx } from '../../http/context';
import type { ResourceDef } from '../../http/resource';
import { today } from '../../lib/dates';
import { onKey } from '../../db/keys';

export const CHANNELS = ['phone', 'email', 'whatsapp', 'visit'] as const;
export const OUTCOMES = ['no_answer', 'promise', 'refused', 'dispute', 'paid_claimed', 'callback', 'wrong_contact'] as const;
export const VISIT_RESULTS = ['collected', 'partial', 'not_collected', 'rescheduled'] as const;

const time = () =>
  Joi.string()
    .trim()
    .pattern(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'hora HH:MM');

export const callSchema: ObjectSchema = Joi.object({
  customerId: id().required(),
  contactId: id().allow(null).default(null),
  calledAt: Joi.date().iso(),
  channel: Joi.string()
    .valid(...CHANNELS)
    .required(),
  outcome: Joi.string()
    .valid(...OUTCOMES)
    .required(),
  response: optionalText(4000),
  promiseDate: Joi.when('outcome', {
    is: 'promise',
    then: Joi.isoDate().required(),
    otherwise: Joi.isoDate().allow(null).default(null),
  }),
  promiseAmount: Joi.when('outcome', {
    is: 'promise',
    then: Joi.money().positive().required(),
    otherwise: Joi.money().positive().allow(null).default(null),
  }),
  nextContactAt: Joi.date().iso().allow(null).default(null),
  visitDate: Joi.isoDate().allow(null).default(null),
  visitFrom: time().allow(null).default(null),
  visitTo: time().allow(null).default(null),
  visitBranchId: id().allow(null).default(null),
  collectorId: id().allow(null).default(null),
});

const fail = (path: string, es: string, en: string) =>
  badRequest('VALIDATION', { es: `${path}: ${es}`, en: `${path}: ${en}` }, [{ path, message: { es, en } }]);
const hhmm = (t: unknown) => (typeof t === 'string' ? t.slice(0, 5) : null);

/** Rules across fields and rows: the contact is the customer's, promises look ahead, a visit has a collector and a sane window. */
async function checkCall(
  ctx: Ctx,
  data: Record<string, unknown>,
  trx: Knex.Transaction,
  before?: Record<string, unknown>,
): Promise<void> {
  const merged = { ...before, ...data };
  const changed = (k: string) => !before || (k in data && String(data[k] ?? '') !== String(before[k] ?? ''));
  if (before && 'customerId' in data && data.customerId !== before.customerId)
    throw fail('customerId', 'una llamada no cambia de cliente', 'a call does not move to another customer');
  if (merged.contactId && changed('contactId')) {
    const contact = await trx('contacts')
      .where({ id: merged.contactId, companyId: ctx.companyId, customerId: merged.customerId })
      .first('id');
    if (!contact) throw fail('contactId', 'el contacto no es de ese cliente', 'the contact does not belong to that customer');
  }
  if (merged.promiseDate && changed('promiseDate') && (merged.promiseDate as string) < today())
    throw fail('promiseDate', 'una promesa de pago no puede tener fecha pasada', 'a promise to pay cannot be dated in the past');
  const visiting = ['visitDate', 'visitFrom', 'visitTo', 'visitBranchId'].some((k) => merged[k]);
  if (visiting) {
    if (!merged.visitDate) throw fail('visitDate', 'indique la fecha de la visita', 'give the date of the visit');
    if (!merged.collectorId) throw fail('collectorId', 'indique el cobrador de la visita', 'give the collector of the visit');
    if (changed('visitDate') && (merged.visitDate as string) < today())
      throw fail('visitDate', 'la visita no puede acordarse en una fecha pasada', 'the visit cannot be agreed in the past');
  }
  if (merged.visitFrom && merged.visitTo && hhmm(merged.visitTo)! <= hhmm(merged.visitFrom)!)
    throw fail('visitTo', 'la franja de visita termina antes de empezar', 'the visit window ends before it starts');
  if (merged.visitBranchId && changed('visitBranchId')) {
    const branch = await trx('branches')
      .where({ id: merged.visitBranchId, companyId: ctx.companyId, customerId: merged.customerId })
      .first('id');
    if (!branch) throw fail('visitBranchId', 'la sucursal no es de ese cliente', 'the branch does not belong to that customer');
  }
}

/** The latest call and the latest promise, kept on the customer for the debtors list and the agenda. */
export async function refreshCallFigures(trx: Knex.Transaction, companyId: number, customerId: number): Promise<void> {
  await trx.raw(
    `UPDATE customers c SET
        last_call_id = l.id, last_call_at = l.called_at, next_contact_at = l.next_contact_at, next_contact_user_id = l.user_id,
        promise_date = p.promise_date, promise_amount = p.promise_amount, promise_since = p.called_at::date, promise_user_id = p.user_id
       FROM (SELECT ?::int AS company_id, ?::int AS customer_id) k
       LEFT JOIN LATERAL (
         SELECT id, called_at, next_contact_at, user_id FROM collection_calls
          WHERE company_id = k.company_id AND customer_id = k.customer_id ORDER BY called_at DESC, id DESC LIMIT 1) l ON true
       LEFT JOIN LATERAL (
         SELECT promise_date, promise_amount, called_at, user_id FROM collection_calls
          WHERE company_id = k.company_id AND customer_id = k.customer_id AND promise_date IS NOT NULL
          ORDER BY called_at DESC, id DESC LIMIT 1) p ON true
      WHERE c.company_id = k.company_id AND c.id = k.customer_id`,
    [companyId, customerId],
  );
}

/** A call's own promise: kept once receipts since the call cover it, broken when its date passed first. */
const CALL_PROMISE_STATUS_SQL = `CASE WHEN k.promise_date IS NULL THEN NULL
  WHEN coalesce((SELECT sum(r.total) FROM documents r WHERE r.customer_id = k.customer_id AND r.type = 'REC' AND r.status = 'posted' AND r.issue_date >= k.called_at::date), 0) >= k.promise_amount THEN 'kept'
  WHEN k.promise_date < CURRENT_DATE THEN 'broken' ELSE 'pending' END`;

export const callsResource: ResourceDef = {
  name: 'collection-calls',
  table: 'collection_calls',
  alias: 'k',
  access: { read: 'read', create: 'collections.write', update: 'collections.write', delete: 'ledger.supervise' },
  fields: {
    id: { type: 'int', sort: true },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code', sort: true },
    customerName: { type: 'text', sql: 'c.legal_name' },
    customerCurrency: { type: 'text', sql: 'c.currency' },
    contactId: { type: 'int', filter: true },
    contactName: { type: 'text', sql: 'ct.name' },
    contactPhone: { type: 'text', sql: 'coalesce(ct.mobile, ct.phone)' },
    calledAt: { type: 'timestamp', sort: true, range: true },
    userId: { type: 'int', filter: true, readOnly: true },
    userName: { type: 'text', sql: 'u.full_name' },
    channel: { type: 'enum', values: CHANNELS, filter: true, sort: true, labels: 'channels' },
    outcome: { type: 'enum', values: OUTCOMES, filter: true, sort: true, labels: 'outcomes' },
    response: { type: 'text' },
    promiseDate: { type: 'date', range: true, sort: true, filter: true },
    promiseAmount: { type: 'money', sort: true },
    promiseStatus: { type: 'text', sql: CALL_PROMISE_STATUS_SQL, readOnly: true, labels: 'promiseStatuses' },
    nextContactAt: { type: 'timestamp', range: true, sort: true },
    visitDate: { type: 'date', filter: true, range: true, sort: true },
    visitFrom: { type: 'text', sql: `to_char(k.visit_from, 'HH24:MI')` },
    visitTo: { type: 'text', sql: `to_char(k.visit_to, 'HH24:MI')` },
    visitBranchId: { type: 'int', filter: true },
    collectorId: { type: 'int', filter: true },
    collectorName: { type: 'text', sql: 'co.name' },
    visitResult: { type: 'enum', values: VISIT_RESULTS, filter: true, readOnly: true, labels: 'visitResults' },
    visitReceiptId: { type: 'int', readOnly: true },
    visitAmount: { type: 'money', readOnly: true },
    visitNotes: { type: 'text', readOnly: true },
    createdAt: { type: 'timestamp', readOnly: true, csv: false },
    updatedAt: { type: 'timestamp', readOnly: true, csv: false },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'k.customer_id'))
      .join('users as u', 'u.id', 'k.user_id')
      .leftJoin('contacts as ct', onKey('ct', 'k.contact_id'))
      .leftJoin('collectors as co', onKey('co', 'k.collector_id'));
  },
  filters: {
    promiseStatus: {
      schema: Joi.string().valid('kept', 'broken', 'pending'),
      apply: (qb, value: string) => {
        qb.whereRaw(`(${CALL_PROMISE_STATUS_SQL}) = ?`, [value]);
      },
    },
    hasVisit: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        if (value) qb.whereNotNull('k.visit_date');
        else qb.whereNull('k.visit_date');
      },
    },
  },
  search: ['c.code', 'c.legal_name', 'k.response'],
  defaultSort: ['calledAt', 'DESC'],
  schema: callSchema,
  hooks: {
    async prepare(ctx, data, { op, trx, before }) {
      if (op === 'delete') return data;
      await checkCall(ctx, data, trx, before);
      if (op === 'create') return { ...data, calledAt: data.calledAt ?? new Date(), userId: ctx.user.id };
      return data;
    },
    async afterWrite(ctx, record, { trx }) {
      await refreshCallFigures(trx, ctx.companyId, record.customerId as number);
    },
  },
};
