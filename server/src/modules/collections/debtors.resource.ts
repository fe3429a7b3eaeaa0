import type { Knex } from 'knex';
import { Joi } from '../../http/validate';
import type { ResourceDef } from '../../http/resource';
import type { FieldDef } from '../../http/list-query';
import { CUSTOMER_STATUSES } from '../../lib/argentina';
import { searchCustomers } from '../customers';
import { BROKEN_PROMISE_SQL, PROMISE_RECEIVED_SQL } from './promises';
import { onKey } from '../../db/keys';

const DAYS_OVERDUE_SQL = 'CASE WHEN c.oldest_open_due_date < CURRENT_DATE THEN CURRENT_DATE - c.oldest_open_due_date ELSE 0 END';
const OWES_IN = (currency: 'ARS' | 'USD') => `c.balance_${currency.toLowerCase()} > 0`;
const segment = (n: number): FieldDef => ({ type: 'int', filter: true, csv: false, sql: `c.segment${n}_id` });

/** The customer fields a collections supervisor works from, over customers that owe. */
export const debtorFields: Record<string, FieldDef> = {
  id: { type: 'int', sort: true, csv: false },
  code: { type: 'text', sort: true },
  legalName: { type: 'text', sort: true },
  tradeName: { type: 'text' },
  phone: { type: 'text' },
  email: { type: 'text' },
  city: { type: 'text' },
  province: { type: 'text', filter: true, labels: 'provinces' },
  rating: { type: 'text', filter: true, sort: true },
  status: { type: 'enum', values: CUSTOMER_STATUSES, filter: true, sort: true, labels: 'customerStatuses' },
  currency: { type: 'enum', values: ['ARS', 'USD'] },
  bimonetary: { type: 'bool' },
  collectorId: { type: 'int', filter: true, csv: false },
  collectorName: { type: 'text', sql: 'co.name', sort: true },
  salespersonId: { type: 'int', filter: true, csv: false },
  salespersonName: { type: 'text', sql: 'sp.name' },
  segment1Id: segment(1),
  segment2Id: segment(2),
  segment3Id: segment(3),
  segment4Id: segment(4),
  creditLimit: { type: 'money' },
  balance: { type: 'money', sort: true, range: true },
  overdue: { type: 'money', sql: 'c.overdue_balance', sort: true, range: true },
  // Each ledger of a bimonetary customer (the account's currency is `balance`/`overdue`).
  balanceArs: { type: 'money', sort: true },
  overdueArs: { type: 'money', sql: 'c.overdue_balance_ars', sort: true },
  balanceUsd: { type: 'money', sort: true },
  overdueUsd: { type: 'money', sql: 'c.overdue_balance_usd', sort: true },
  oldestDueDate: { type: 'date', sql: 'c.oldest_open_due_date', sort: true },
  daysOverdue: { type: 'int', sql: DAYS_OVERDUE_SQL, sort: true },
  lastCallAt: { type: 'timestamp', sort: true, range: true },
  nextContactAt: { type: 'timestamp', sort: true, range: true },
  promiseDate: { type: 'date', sort: true, range: true },
  promiseAmount: { type: 'money' },
  promiseReceived: { type: 'money', sql: `CASE WHEN c.promise_date IS NULL THEN NULL ELSE ${PROMISE_RECEIVED_SQL('c')} END` },
  brokenPromise: { type: 'bool', sql: BROKEN_PROMISE_SQL('c') },
};

function debtorJoins(qb: Knex.QueryBuilder): void {
  qb.leftJoin('collectors as co', onKey('co', 'c.collector_id')).leftJoin('salespeople as sp', onKey('sp', 'c.salesperson_id'));
}

export const debtorsResource: ResourceDef = {
  name: 'debtors',
  table: 'customers',
  alias: 'c',
  access: { read: 'read' },
  fields: debtorFields,
  from: (qb) => {
    // Owing in the account's currency, or a bimonetary customer owing in either ledger.
    qb.whereRaw(`(c.balance > 0 OR (c.bimonetary AND (${OWES_IN('ARS')} OR ${OWES_IN('USD')})))`);
    debtorJoins(qb);
  },
  searchQuery: (qb, q) => searchCustomers(qb, q),
  filters: {
    // The customers owing in that currency's ledger: their account's, or one of a bimonetary customer's.
    currency: {
      schema: Joi.string().valid('ARS', 'USD'),
      apply: (qb, value: 'ARS' | 'USD') => {
        qb.whereRaw(`((c.currency = ? AND c.balance > 0) OR (c.bimonetary AND ${OWES_IN(value)}))`, [value]);
      },
    },
    minOverdue: {
      schema: Joi.decimal(),
      apply: (qb, value: string) => {
        qb.where('c.overdue_balance', '>=', value);
      },
    },
    minDaysOverdue: {
      schema: Joi.number().integer().min(0).max(36500),
      apply: (qb, value: number) => {
        qb.whereRaw('c.oldest_open_due_date <= CURRENT_DATE - ?::int', [value]);
      },
    },
    // Customers owing Facturas de Crédito Electrónicas MiPyME (Ley 27.440).
    fce: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        const owes = `EXISTS (SELECT 1 FROM documents f WHERE f.company_id = c.company_id AND f.customer_id = c.id
                               AND f.fce AND f.status = 'posted' AND f.open_amount > 0)`;
        qb.whereRaw(value ? owes : `NOT ${owes}`);
      },
    },
    brokenPromise: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        qb.whereRaw(value ? BROKEN_PROMISE_SQL('c') : `NOT ${BROKEN_PROMISE_SQL('c')}`);
      },
    },
    nextContactDue: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        const due = `c.next_contact_at < (CURRENT_DATE + 1)::timestamptz`;
        qb.whereRaw(value ? due : `(c.next_contact_at IS NULL OR NOT ${due})`);
      },
    },
    nextContactUserId: {
      schema: Joi.number().integer().min(1),
      apply: (qb, value: number) => {
        qb.where('c.next_contact_user_id', value);
      },
    },
    promiseUserId: {
      schema: Joi.number().integer().min(1),
      apply: (qb, value: number) => {
        qb.where('c.promise_user_id', value);
      },
    },
  },
  defaultSort: ['overdue', 'DESC'],
};

/** The same rows for the agenda, whatever the balance: a callback is due even after the debt is paid. */
export const agendaResource: ResourceDef = { ...debtorsResource, name: 'agenda', labels: 'debtors', from: debtorJoins };
