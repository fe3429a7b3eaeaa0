/**
 * The rows a receipt writes besides its document: payments, the values (cheques
 * and notes) they bring into the portfolio, withholdings and applications. The
 * service, the demo seed and the bulk generator's COPY all build them here, so a
 * new column is added once; the demo seed also writes them through here
 * (writeReceiptRows). Keys are camelCase, as knex writes them;
 * `columnsOf`/`snakeRow` give the snake_case names for COPY and JSON inserts.
 */
import type { Knex } from 'knex';
import { insertRows } from '../../db/bulk';
import { expectedSettlement } from './card-rules';
import { D } from '../../lib/money';

export type ChequeKind = 'cheque' | 'echeq';
export type Destination = 'cash_box' | 'bank_account' | 'portfolio' | 'card_coupons';

/**
 * Where each payment method lands: cash in a caja, a transfer in one of the company's bank
 * accounts, cheques and notes in the values portfolio, cards in the coupon portfolio.
 */
export function destinationOf(method: string): Destination {
  if (method === 'cash') return 'cash_box';
  if (method === 'transfer') return 'bank_account';
  if (method === 'card') return 'card_coupons';
  return 'portfolio';
}

/** The state a value enters the portfolio in: an ECHEQ waits for its acceptance (BCRA, Com. "A" 6578). */
export const initialValueState = (kind: ChequeKind | null) => (kind === 'echeq' ? 'pending_acceptance' : 'in_portfolio');

export interface PaymentFields {
  method: string;
  amount: string;
  currency: string;
  exchangeRate: string | null;
  accountAmount: string;
  bankId: number | null;
  number: string | null;
  issueDate: string | null;
  paymentDate: string | null;
  drawerTaxId: string | null;
  drawerName: string | null;
  /** Cheques only: `cheque` (paper) or `echeq`; null for every other method. */
  kind: ChequeKind | null;
  /** Pago diferido (Ley 24.452 art. 54): payable from `paymentDate`, not at sight. */
  deferred: boolean;
  notToOrder: boolean;
  echeqId: string | null;
  reference: string | null;
  /** Where the money lands: only the one of its method's destination is kept (see `destinationOf`). */
  cashBoxId: number | null;
  bankAccountId: number | null;
  originCbu: string | null;
  originTaxId: string | null;
  cardIssuerId: number | null;
  cardPlanId: number | null;
  couponNumber: string | null;
  authorization: string | null;
  /** Card plans only: what the buyer pays in installments, and the surcharge. */
  installments: number | null;
  surchargeCoefficient: string | null;
  surchargeAmount: string | null;
  installmentAmount: string | null;
}

/** Line `line` of receipt `documentId`'s payments. */
export function paymentRow(companyId: number, documentId: number | string, line: number, p: PaymentFields) {
  return {
    companyId,
    documentId,
    line,
    method: p.method,
    amount: p.amount,
    currency: p.currency,
    exchangeRate: p.exchangeRate,
    accountAmount: p.accountAmount,
    bankId: p.bankId,
    number: p.number,
    issueDate: p.issueDate,
    paymentDate: p.paymentDate,
    drawerTaxId: p.drawerTaxId,
    drawerName: p.drawerName,
    kind: p.kind,
    deferred: p.deferred,
    notToOrder: p.notToOrder,
    echeqId: p.echeqId,
    reference: p.reference,
    destination: destinationOf(p.method),
    cashBoxId: destinationOf(p.method) === 'cash_box' ? p.cashBoxId : null,
    bankAccountId: destinationOf(p.method) === 'bank_account' ? p.bankAccountId : null,
    originCbu: p.originCbu,
    originTaxId: p.originTaxId,
    cardIssuerId: p.cardIssuerId,
    cardPlanId: p.cardPlanId,
    couponNumber: p.couponNumber,
    authorization: p.authorization,
    installments: p.installments,
    surchargeCoefficient: p.surchargeCoefficient,
    surchargeAmount: p.surchargeAmount,
    installmentAmount: p.installmentAmount,
  };
}

/** The value a cheque or note payment brings into the portfolio, as it enters it. */
export function valueRow(
  companyId: number,
  customerId: number,
  receiptId: number | string,
  payment: Pick<
    PaymentFields,
    | 'method'
    | 'bankId'
    | 'number'
    | 'issueDate'
    | 'paymentDate'
    | 'drawerTaxId'
    | 'drawerName'
    | 'kind'
    | 'deferred'
    | 'notToOrder'
    | 'echeqId'
    | 'amount'
    | 'currency'
    | 'accountAmount'
  > & { id: number | string },
  receiptDate: string,
) {
  return {
    companyId,
    customerId,
    receiptId,
    paymentId: payment.id,
    method: payment.method,
    kind: payment.kind,
    deferred: payment.deferred,
    notToOrder: payment.notToOrder,
    echeqId: payment.echeqId,
    bankId: payment.bankId,
    number: payment.number,
    issueDate: payment.issueDate,
    paymentDate: payment.paymentDate,
    drawerTaxId: payment.drawerTaxId,
    drawerName: payment.drawerName,
    amount: payment.amount,
    currency: payment.currency,
    accountAmount: payment.accountAmount,
    state: initialValueState(payment.kind),
    stateDate: receiptDate,
  };
}

/**
 * The coupon a card payment line becomes, pending presentation: the amount it pays, the
 * plan's surcharge (billed to the customer by `surchargeDocumentId`) and what the issuer is
 * expected to credit by the plan's fee and settlement days (see card-rules.ts).
 */
export function couponRow(
  companyId: number,
  customerId: number,
  receiptId: number | string,
  payment: Pick<
    PaymentFields,
    'cardIssuerId' | 'cardPlanId' | 'installments' | 'couponNumber' | 'authorization' | 'amount' | 'currency'
  > & { id: number | string },
  card: {
    batchNumber: string | null;
    surcharge: { surcharge: string; net: string; iva: string };
    surchargeDocumentId: number | string | null;
    feePct: string;
    settlementDays: number;
  },
  receiptDate: string,
) {
  const gross = new D(payment.amount).plus(card.surcharge.surcharge).toFixed(2);
  return {
    companyId,
    customerId,
    receiptId,
    paymentId: payment.id,
    cardIssuerId: payment.cardIssuerId!,
    cardPlanId: payment.cardPlanId!,
    installments: payment.installments!,
    couponNumber: payment.couponNumber,
    batchNumber: card.batchNumber,
    authorizationCode: payment.authorization,
    date: receiptDate,
    currency: payment.currency,
    amount: payment.amount,
    surcharge: card.surcharge.surcharge,
    surchargeNet: card.surcharge.net,
    surchargeIva: card.surcharge.iva,
    gross,
    surchargeDocumentId: card.surchargeDocumentId,
    feePct: card.feePct,
    settlementDays: card.settlementDays,
    ...expectedSettlement(gross, card.feePct, card.settlementDays, receiptDate),
    state: 'pending' as const,
  };
}

export interface WithholdingFields {
  type: string;
  jurisdiction: string | null;
  certificateNumber: string;
  date: string;
  baseAmount: string | null;
  amount: string;
  regimeCode?: string | null;
  agentTaxId?: string | null;
  agentName?: string | null;
  rate?: string | null;
}

/** Line `line` of receipt `documentId`'s withholdings. */
export function withholdingRow(
  companyId: number,
  documentId: number | string,
  customerId: number,
  line: number,
  w: WithholdingFields,
) {
  return {
    companyId,
    documentId,
    customerId,
    line,
    type: w.type,
    jurisdiction: w.jurisdiction,
    certificateNumber: w.certificateNumber,
    date: w.date,
    baseAmount: w.baseAmount,
    amount: w.amount,
    regimeCode: w.regimeCode ?? null,
    agentTaxId: w.agentTaxId ?? null,
    agentName: w.agentName ?? null,
    rate: w.rate ?? null,
  };
}

/** An application of a credit to a debit of the same customer. */
export function applicationRow(
  companyId: number,
  customerId: number,
  creditDocumentId: number | string,
  debitDocumentId: number | string,
  amount: string,
  date: string,
  origin: 'receipt' | 'manual',
  createdBy: number | null,
) {
  return { companyId, customerId, creditDocumentId, debitDocumentId, amount, date, origin, createdBy };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The snake_case column names of a row built here, in its order. */
export const columnsOf = (row: object) => Object.keys(row).map(snake);

/** A row built here keyed by column name (for inserts that bypass knex's mappers). */
export const snakeRow = (row: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [snake(k), v]));

type Row<F extends (...args: never[]) => object> = ReturnType<F> & { id: number };

/**
 * Receipts' rows written in bulk, ids taken beforehand (takeIds) so they point at each
 * other: what a history of receipts (the demo's year) writes besides the receipts'
 * documents. A value may carry where it went since (state, endorsee, deposit bank);
 * applications reduce no open amount here: the documents are written with theirs.
 */
export interface ReceiptRowBatch {
  payments: Array<Row<typeof paymentRow>>;
  values: Array<
    Row<typeof valueRow> & { endorsedTo?: string | null; depositBankId?: number | null; createdAt?: string; updatedAt?: string }
  >;
  withholdings: Array<ReturnType<typeof withholdingRow> & { active?: boolean }>;
  applications: Array<Row<typeof applicationRow> & { createdAt?: string }>;
  coupons?: Array<ReturnType<typeof couponRow> & Record<string, unknown>>;
}

/** One statement per table and batch of 5,000 rows, in the order of the keys between them. */
export async function writeReceiptRows(trx: Knex.Transaction, batch: ReceiptRowBatch): Promise<void> {
  await insertRows(trx, 'applications', batch.applications.map(snakeRow));
  await insertRows(trx, 'receipt_payments', batch.payments.map(snakeRow));
  await insertRows(trx, 'values', batch.values.map(snakeRow));
  await insertRows(trx, 'receipt_withholdings', batch.withholdings.map(snakeRow));
  if (batch.coupons?.length) await insertRows(trx, 'card_coupons', batch.coupons.map(snakeRow));
}
