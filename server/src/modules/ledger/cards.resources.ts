import type { ResourceDef } from '../../http/resource';
import { onKey } from '../../db/keys';

export const COUPON_STATES = ['pending', 'presented', 'settled', 'cancelled'] as const;

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
    currency: { type: 'enum', values: ['ARS', 'USD'], filter: true },
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
    settledGross: { type: 'money' },
    settledFee: { type: 'money' },
    settledFeeIva: { type: 'money' },
    settledWithholdings: { type: 'money' },
    settledNet: { type: 'money' },
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
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    number: { type: 'text', filter: true, sort: true },
    cardIssuerId: { type: 'int', filter: true },
    cardIssuerCode: { type: 'text', sql: 'ci.code', sort: true },
    currency: { type: 'enum', values: ['ARS', 'USD'], filter: true },
    total: { type: 'money', sort: true, range: true },
    couponCount: { type: 'int', sort: true },
    settledCount: {
      type: 'int',
      sql: `(SELECT count(*) FROM card_coupons x WHERE x.company_id = cb.company_id AND x.batch_id = cb.id AND x.state = 'settled')`,
      readOnly: true,
    },
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', sort: true, csv: false },
  },
  from: (qb) => {
    qb.join('card_issuers as ci', onKey('ci', 'cb.card_issuer_id'));
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
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    number: { type: 'text', filter: true, sort: true },
    cardIssuerId: { type: 'int', filter: true },
    cardIssuerCode: { type: 'text', sql: 'ci.code', sort: true },
    bankAccountId: { type: 'int', filter: true },
    bankAccountName: { type: 'text', sql: 'ba.name' },
    currency: { type: 'enum', values: ['ARS', 'USD'], filter: true },
    gross: { type: 'money', sort: true, range: true },
    fee: { type: 'money' },
    feeIva: { type: 'money' },
    withholdings: { type: 'money' },
    net: { type: 'money', sort: true, range: true },
    couponCount: { type: 'int', sort: true },
    expectedNet: {
      type: 'money',
      sql: '(SELECT sum(x.expected_net) FROM card_coupons x WHERE x.company_id = cs.company_id AND x.settlement_id = cs.id)',
      readOnly: true,
    },
    netDifference: {
      type: 'money',
      sql: '(cs.net - (SELECT sum(x.expected_net) FROM card_coupons x WHERE x.company_id = cs.company_id AND x.settlement_id = cs.id))',
      readOnly: true,
    },
    origin: { type: 'enum', values: ['manual', 'import'], filter: true },
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', sort: true, csv: false },
  },
  from: (qb) => {
    qb.join('card_issuers as ci', onKey('ci', 'cs.card_issuer_id')).join(
      'bank_accounts as ba',
      onKey('ba', 'cs.bank_account_id'),
    );
  },
  search: ['cs.number'],
  defaultSort: ['date', 'DESC'],
};
