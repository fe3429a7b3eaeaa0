import { checkLedgerCurrencies, noteCreditStatus } from './customers.service';
import { recomputeCustomer } from './figures';
import type { Knex } from 'knex';
import { Joi } from '../../http/validate';
import { registerConstraint } from '../../http/errors';
import type { ResourceDef } from '../../http/resource';
import { likeEscape, type FieldDef } from '../../http/list-query';
import { foldSql, foldText } from '../../lib/search';
import { ACCOUNT_CURRENCIES, CUSTOMER_STATUSES, GROSS_INCOME_REGIMES, PROVINCE_CODES, TAX_ID_TYPES } from '../../lib/argentina';
import { customerSchema } from './customers.schemas';

registerConstraint('customers_code_unique', {
  path: 'code',
  text: { es: 'Ya existe un cliente con ese código', en: 'A customer with that code already exists' },
});
registerConstraint('customers_cuit_unique', {
  path: 'taxId',
  text: { es: 'Ya existe un cliente con ese CUIT', en: 'A customer with that CUIT already exists' },
});

const ref = (column: string, table: string, alias: string) => ({ column, table, alias });
/** Reference columns of a customer, joined for their codes (CSV, list columns). */
export const CUSTOMER_REFS = [
  ref('paymentTermId', 'payment_terms', 'rpt'),
  ref('salespersonId', 'salespeople', 'rsp'),
  ref('collectorId', 'collectors', 'rco'),
  ref('priceListId', 'price_lists', 'rpl'),
  ref('carrierId', 'carriers', 'rca'),
  ref('segment1Id', 'segments', 'rs1'),
  ref('segment2Id', 'segments', 'rs2'),
  ref('segment3Id', 'segments', 'rs3'),
  ref('segment4Id', 'segments', 'rs4'),
];

const snake = (s: string) => s.replace(/([A-Z])/g, '_$1').toLowerCase();

const idRef = (): FieldDef => ({ type: 'int', filter: true, csv: false });
/**
 * The code of a referenced row as a scalar subquery rather than a join: nine
 * left joins made the planner spend ~60 ms choosing a join order for a list page
 * that runs in under a millisecond; a subquery per shown row costs nothing to plan.
 */
const refColumn = (alias: string, column: 'code' | 'name') => {
  const r = CUSTOMER_REFS.find((x) => x.alias === alias)!;
  return `(SELECT ${alias}.${column} FROM ${r.table} ${alias} WHERE ${alias}.id = c.${snake(r.column)})`;
};
const codeOf = (alias: string): FieldDef => ({ type: 'text', sql: refColumn(alias, 'code') });
/** Its name beside the code, for people reading the Spanish export (read-only, not in the JSON). */
const nameOf = (alias: string): FieldDef => ({ type: 'text', sql: refColumn(alias, 'name'), readOnly: true, csv: 'es' });

/** `available = limit − balance`; no limit, no figure. */
export const AVAILABLE_CREDIT_SQL = 'CASE WHEN c.credit_limit IS NULL THEN NULL ELSE c.credit_limit - c.balance END';

export const customerFields: Record<string, FieldDef> = {
  id: { type: 'int', sort: true, csv: false },
  code: { type: 'text', sort: true, filter: true },
  legalName: { type: 'text', sort: true },
  tradeName: { type: 'text', sort: true },
  rating: { type: 'text', filter: true, sort: true },
  status: { type: 'enum', values: CUSTOMER_STATUSES, filter: true, sort: true, labels: 'customerStatuses' },
  street: { type: 'text' },
  city: { type: 'text', filter: true, sort: true },
  province: { type: 'enum', values: PROVINCE_CODES, filter: true, sort: true, labels: 'provinces' },
  postalCode: { type: 'text' },
  country: { type: 'text' },
  phone: { type: 'text' },
  email: { type: 'text' },
  ivaCondition: { type: 'int', filter: true, labels: 'ivaConditions' },
  taxIdType: { type: 'enum', values: TAX_ID_TYPES, filter: true, labels: 'taxIdTypes' },
  taxId: { type: 'text', filter: true },
  grossIncomeRegime: { type: 'enum', values: GROSS_INCOME_REGIMES, filter: true, labels: 'grossIncomeRegimes' },
  grossIncomeNumber: { type: 'text' },
  largeTaxpayer: { type: 'bool', filter: true },
  vatExemptionPct: { type: 'decimal' },
  receivableAccount: { type: 'text' },
  cbu: { type: 'text' },
  paymentTermId: idRef(),
  paymentTermCode: codeOf('rpt'),
  paymentTermName: nameOf('rpt'),
  currency: { type: 'enum', values: ACCOUNT_CURRENCIES, filter: true, sort: true },
  bimonetary: { type: 'bool', filter: true },
  creditLimit: { type: 'money', sort: true, range: true },
  salespersonId: idRef(),
  salespersonCode: codeOf('rsp'),
  salespersonName: nameOf('rsp'),
  collectorId: idRef(),
  collectorCode: codeOf('rco'),
  collectorName: nameOf('rco'),
  priceListId: idRef(),
  priceListCode: codeOf('rpl'),
  priceListName: nameOf('rpl'),
  carrierId: idRef(),
  carrierCode: codeOf('rca'),
  carrierName: nameOf('rca'),
  deliveryNoteCopies: { type: 'int' },
  invoiceCopies: { type: 'int' },
  segment1Id: idRef(),
  segment1Code: codeOf('rs1'),
  segment1Name: nameOf('rs1'),
  segment2Id: idRef(),
  segment2Code: codeOf('rs2'),
  segment2Name: nameOf('rs2'),
  segment3Id: idRef(),
  segment3Code: codeOf('rs3'),
  segment3Name: nameOf('rs3'),
  segment4Id: idRef(),
  segment4Code: codeOf('rs4'),
  segment4Name: nameOf('rs4'),
  notes: { type: 'text' },
  balance: { type: 'money', readOnly: true, sort: true, range: true },
  overdueBalance: { type: 'money', readOnly: true, sort: true, range: true },
  // Each ledger's figures (a bimonetary customer has both; the other's stay 0), kept by figures.ts.
  balanceArs: { type: 'money', readOnly: true, sort: true, range: true },
  overdueBalanceArs: { type: 'money', readOnly: true, sort: true, range: true },
  balanceUsd: { type: 'money', readOnly: true, sort: true, range: true },
  overdueBalanceUsd: { type: 'money', readOnly: true, sort: true, range: true },
  availableCredit: { type: 'money', readOnly: true, sql: AVAILABLE_CREDIT_SQL },
  lastSaleDate: { type: 'date', readOnly: true, sort: true, range: true },
  lastReceiptDate: { type: 'date', readOnly: true, sort: true, range: true },
  createdAt: { type: 'timestamp', readOnly: true, sort: true, csv: false },
  updatedAt: { type: 'timestamp', readOnly: true, csv: false },
};

/** What a customer search looks for: a CUIT typed with dashes is its digits; names are folded (no case, no accents). */
const searchTerm = (q: string) => (/^[\d\s.-]+$/.test(q) ? q.replace(/[\s.-]/g, '') : foldText(q.trim()));

/** Code, legal name, trade name or CUIT containing what was typed (the trigram index on search_text). */
export function searchCustomers(qb: Knex.QueryBuilder, q: string, alias = 'c'): void {
  qb.whereRaw(`${alias}.search_text LIKE ?`, [`%${likeEscape(searchTerm(q))}%`]);
}

/**
 * Best match first, for pickers (`sort=["relevance","ASC"]`): the exact code,
 * then codes starting with what was typed, then names or CUITs starting with it, then by trigram
 * similarity of the name, so "ferreter" shows Ferretería San Martín above the
 * shops whose trade name merely contains it.
 */
export function customerRelevance(q: string, alias = 'c'): { sql: string; bindings: string[] } {
  const term = searchTerm(q);
  const prefix = `${likeEscape(term)}%`;
  const name = foldSql(`${alias}.legal_name || ' ' || coalesce(${alias}.trade_name, '')`);
  return {
    sql: `CASE WHEN lower(${alias}.code) = ? THEN 0 WHEN lower(${alias}.code) LIKE ? THEN 1
      WHEN ${foldSql(`${alias}.legal_name`)} LIKE ? OR ${foldSql(`coalesce(${alias}.trade_name, '')`)} LIKE ? OR ${alias}.tax_id LIKE ? THEN 2
      ELSE 3 END, similarity(${name}, ?) DESC`,
    bindings: [term, prefix, prefix, prefix, prefix, term],
  };
}

export const customersResource: ResourceDef = {
  name: 'customers',
  table: 'customers',
  alias: 'c',
  access: { read: 'read', create: 'masterdata.write', update: 'masterdata.write', delete: 'masterdata.write' },
  fields: customerFields,
  searchQuery: (qb, q) => searchCustomers(qb, q),
  relevance: (q) => customerRelevance(q),
  filters: {
    overCreditLimit: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        if (value) qb.whereRaw('c.credit_limit IS NOT NULL AND c.balance > c.credit_limit');
        else qb.whereRaw('NOT (c.credit_limit IS NOT NULL AND c.balance > c.credit_limit)');
      },
    },
    hasOverdue: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        qb.whereRaw(value ? 'c.overdue_balance > 0' : 'c.overdue_balance <= 0');
      },
    },
  },
  defaultSort: ['code', 'ASC'],
  schema: customerSchema,
  guarded: {
    creditLimit: { permission: 'customers.credit', default: null },
    status: { permission: 'customers.credit', default: 'active' },
  },
  hooks: {
    prepare: async (ctx, data, info) => {
      if (info.op === 'delete') return data;
      const next = { ...info.before, ...data } as { currency: string; bimonetary: boolean };
      if (info.op === 'update' && (data.currency !== undefined || data.bimonetary !== undefined))
        await checkLedgerCurrencies(info.trx, ctx, Number(info.before!.id), next);
      return data;
    },
    // A changed status or credit limit may flip whether billing can sell on account (a deleted customer has no status).
    afterWrite: async (ctx, record, info) => {
      if (info.op === 'delete') return;
      // `balance` counts the account's currency: a changed currency moves it.
      if (info.op === 'update' && record.currency !== info.before!.currency)
        await recomputeCustomer(info.trx, ctx.companyId, Number(record.id));
      await noteCreditStatus(info.trx, ctx, Number(record.id));
    },
  },
};
