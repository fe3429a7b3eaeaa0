import type { Knex } from 'knex';
import type { FieldDef } from '../../http/list-query';
import type { ResourceDef } from '../../http/resource';
import { onKey } from '../../db/keys';

export const COUPON_STATES = ['pending', 'presented', 'settled', 'cancelled'] as const;

const currency: FieldDef = { type: 'enum', values: ['ARS', 'USD'], filter: true };

/** What an issuer's settlement says it paid: on the settlement, and on each coupon it pays (`settledGross`, …). */
const SETTLED = ['gross', 'fee', 'feeIva', 'withholdings', 'net'] as const;
const settledFields = (name: (amount: string) => string): Record<string, FieldDef> =>
  Object.fromEntries(SETTLED.map((amount) => [name(amount), { type: 'money' }]));

/** The coupons' expected net of settlement `cs` (SQL text). */
const EXPECTED_NET_SQL =
  '(SELECT sum(x.expected_net) FROM card_coupons x WHERE x.company_id = cs.company_id AND x.settlement_id = cs.id)';

/**
 * A paper from one card issuer (a presentation batch, a settlement): its head, the issuer it joins
 * as `ci`, and its tail.
 */
const issuerPaper = {
  head: {
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    number: { type: 'text', filter: true, sort: true },
    cardIssuerId: { type: 'int', filter: true },
    cardIssuerCode: { type: 'text', sql: 'ci.code', sort: true },
  } satisfies Record<string, FieldDef>,
  tail: {
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', sort: true, csv: false },
  } satisfies Record<string, FieldDef>,
  joinIssuer: (qb: Knex.QueryBuilder, alias: string) => qb.join('card_issuers as ci', onKey('ci', `${alias}.card_issuer_id`)),
};

/**
 * Card coupons (cupones): one per card payment line, read here, written by the receipt and moved
 * by batches and settlements. Expected (by the plan's fee and settlement days) beside settled,
 * and their differences, so the settlement's page lists them per coupon.
 */
export const cardCouponsResource: ResourceDef = {
  name: 'card-coupons',
  table: 'card_coupons',
  alias: 'cc',
  access: { read: 'read' },
  fields: {
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code', sort: true },
    customerName: { type: 'text', sql: 'c.legal_name' },
    receiptId: { type: 'int', filter: true },
    receiptNumber: { type: 'text', sql: 'r.display_number' },
    cardIssuerId: { type: 'int', filter: true },
    cardIssuerCode: { type: 'text', sql: 'ci.code', sort: true },
    cardPlanId: { type: 'int', filter: true },
    cardPlanName: { type: 'text', sql: 'cp.name' },
    installments: { type: 'int', sort: true },
    couponNumber: { type: 'text', filter: true, sort: true },
    batchNumber: { type: 'text', filter: true },
    authorization: { type: 'text', sql: 'cc.authorization_code', filter: true },
    currency,
    amount: { type: 'money', sort: true, range: true },
    surcharge: { type: 'money' },
    surchargeNet: { type: 'money' },
    surchargeIva: { type: 'money' },
    gross: { type: 'money', sort: true, range: true },
    surchargeDocumentId: { type: 'int' },
    surchargeDocumentNumber: {
      type: 'text',
      sql: '(SELECT nd.display_number FROM documents nd WHERE nd.company_id = cc.company_id AND nd.id = cc.surcharge_document_id)',
    },
    feePct: { type: 'decimal' },
    expectedFee: { type: 'money' },
    expectedFeeIva: { type: 'money' },
    expectedNet: { type: 'money' },
    expectedDate: { type: 'date', range: true, sort: true },
    state: { type: 'enum', values: COUPON_STATES, filter: true, sort: true, labels: 'cardCouponStates' },
    batchId: { type: 'int', filter: true },
    settlementId: { type: 'int', filter: true },
    settlementNumber: { type: 'text', sql: 'cs.number' },
    settlementDate: { type: 'date', sql: 'cs.date' },
    ...settledFields((amount) => `settled${amount[0].toUpperCase()}${amount.slice(1)}`),
    grossDifference: { type: 'money', sql: '(cc.settled_gross - cc.gross)', readOnly: true },
    feeDifference: {
      type: 'money',
      sql: '(cc.settled_fee + cc.settled_fee_iva - cc.expected_fee - cc.expected_fee_iva)',
      readOnly: true,
    },
    netDifference: { type: 'money', sql: '(cc.settled_net - cc.expected_net)', readOnly: true },
    /** Days the issuer paid after (positive) or before the plan's settlement days. */
    daysLate: { type: 'int', sql: '(cs.date - cc.expected_date)', readOnly: true },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'cc.customer_id'))
      .join('documents as r', onKey('r', 'cc.receipt_id'))
      .join('card_issuers as ci', onKey('ci', 'cc.card_issuer_id'))
      .join('card_plans as cp', onKey('cp', 'cc.card_plan_id'))
      .leftJoin('card_settlements as cs', onKey('cs', 'cc.settlement_id'));
  },
  search: ['cc.coupon_number', 'cc.authorization_code', 'c.code', 'c.legal_name'],
  defaultSort: ['date', 'DESC'],
};

/** Presentation batches (lotes): coupons of one issuer presented together; read here, written by their service. */
export const cardBatchesResource: ResourceDef = {
  name: 'card-batches',
  table: 'card_batches',
  alias: 'cb',
  access: { read: 'read' },
  fields: {
    ...issuerPaper.head,
    currency,
    total: { type: 'money', sort: true, range: true },
    couponCount: { type: 'int', sort: true },
    settledCount: {
      type: 'int',
      sql: `(SELECT count(*) FROM card_coupons x WHERE x.company_id = cb.company_id AND x.batch_id = cb.id AND x.state = 'settled')`,
      readOnly: true,
    },
    ...issuerPaper.tail,
  },
  from: (qb) => {
    issuerPaper.joinIssuer(qb, 'cb');
  },
  defaultSort: ['date', 'DESC'],
};

/** Issuer settlements (liquidaciones): read here, written by their service (entered or imported). */
export const cardSettlementsResource: ResourceDef = {
  name: 'card-settlements',
  table: 'card_settlements',
  alias: 'cs',
  access: { read: 'read' },
  fields: {
    ...issuerPaper.head,
    bankAccountId: { type: 'int', filter: true },
    bankAccountName: { type: 'text', sql: 'ba.name' },
    currency,
    ...settledFields((amount) => amount),
    gross: { type: 'money', sort: true, range: true },
    net: { type: 'money', sort: true, range: true },
    couponCount: { type: 'int', sort: true },
    expectedNet: { type: 'money', sql: EXPECTED_NET_SQL, readOnly: true },
    netDifference: { type: 'money', sql: `(cs.net - ${EXPECTED_NET_SQL})`, readOnly: true },
    origin: { type: 'enum', values: ['manual', 'import'], filter: true },
    ...issuerPaper.tail,
  },
  from: (qb) => {
    issuerPaper.joinIssuer(qb, 'cs').join('bank_accounts as ba', onKey('ba', 'cs.bank_account_id'));
  },
  search: ['cs.number'],
  defaultSort: ['date', 'DESC'],
};
