import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, registerConstraint } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { today } from '../../lib/dates';
import { audit as writeAudit, auditRow } from '../../http/audit';
import { D, round2, sum, type Dec, formatMoney } from '../../lib/money';
import {
  assertOpenPeriod,
  checkGivenNumber,
  companySettings,
  fmt,
  isDebit,
  ledgerCurrency,
  lockCustomer,
  lockCustomerWithSettings,
  nextNumberCte,
  takeNumber as takeCounterNumber,
  type CompanySettings,
  type LockedCustomer,
} from './posting';
import {
  applicationRow,
  columnsOf,
  couponRow,
  paymentRow,
  snakeRow,
  valueRow,
  withholdingRow,
  type ChequeKind,
  type WithholdingFields,
} from './receipt-rows';
import { postInternalDocument } from './internal-documents';
import { cardSurcharge, financedAmount } from './card-rules';
import { checkChequeOnIntake } from './cheque-rules';
import { destinationRows, resolveDestinations, type DestinationRows } from '../treasury';
import { recomputeCustomerSql } from '../customers';
import { lockDocuments, type LockedDoc } from './documents.service';
import { receiptSchema, voidedReceiptSchema, VALUE_METHODS, type PaymentMethod } from './ledger.schemas';
import {
  VALUE_FIELDS,
  WITHHOLDING_FIELDS,
  applicationFields,
  getDocumentDetail,
  paymentNamesQuery,
  paymentsOut,
} from './ledger.queries';
import { documentsResource } from './ledger.resources';
import { selectList } from '../../http/resource';
import { afterEvent, outboxRow } from '../integrations';
import { checkIdempotencyKey, claimIdempotencyKey, type PostResult } from './idempotency';
import { onKey } from '../../db/keys';
import { runSql, statement, type Statement } from '../../db/statement';

/** The keys from a receipt's rows to the receipt, checked at commit while a receipt is posted (see the migration). */
const DEFERRED_KEYS = [
  'receipt_payments_company_id_document_id_foreign',
  'values_company_id_receipt_id_foreign',
  'receipt_withholdings_company_id_document_id_foreign',
  'applications_company_id_credit_document_id_foreign',
  'card_coupons_company_id_receipt_id_foreign',
].join(', ');

registerConstraint('values_cheque_unique', {
  status: 409,
  code: 'DUPLICATE_CHEQUE',
  text: {
    es: 'Ese cheque (banco, número y librador) ya está registrado en la cartera',
    en: 'That cheque (bank, number and drawer) is already registered in the portfolio',
  },
});
registerConstraint('values_echeq_unique', {
  status: 409,
  code: 'DUPLICATE_ECHEQ',
  text: {
    es: 'Ese ECHEQ (por su ID) ya está registrado en la cartera',
    en: 'That ECHEQ (by its id) is already registered in the portfolio',
  },
});
registerConstraint('receipt_withholdings_certificate_unique', {
  status: 409,
  code: 'DUPLICATE_CERTIFICATE',
  text: {
    es: 'Ese certificado de retención ya fue registrado para el cliente',
    en: 'That withholding certificate is already registered for the customer',
  },
});

export interface PaymentInput {
  method: PaymentMethod;
  amount: string;
  currency?: string;
  exchangeRate?: string;
  bankId?: number;
  number?: string;
  issueDate?: string;
  paymentDate?: string;
  drawerTaxId?: string;
  drawerName?: string;
  kind?: ChequeKind;
  echeq?: boolean;
  deferred?: boolean;
  notToOrder?: boolean;
  echeqId?: string;
  reference?: string;
  cashBoxId?: number;
  bankAccountId?: number;
  originCbu?: string;
  originTaxId?: string;
  cardIssuerId?: number;
  cardPlanId?: number;
  couponNumber?: string;
  authorization?: string;
  installments?: number;
  batchNumber?: string;
}

interface WithholdingInput {
  type: string;
  jurisdiction?: string | null;
  certificateNumber: string;
  date: string;
  baseAmount?: string | null;
  amount: string;
  regimeCode?: string;
  agentTaxId?: string;
  agentName?: string;
  rate?: string;
}

export interface ReceiptInput {
  customerId: number;
  branchId: number | null;
  issueDate: string;
  pointOfSale?: number;
  number?: number | null;
  notes: string | null;
  payments: PaymentInput[];
  withholdings: WithholdingInput[];
  applications: Array<{ documentId: number; amount: string }>;
  /** The ledger it credits (ARS or USD): the account's currency unless the customer is bimonetary. */
  currency?: string;
  /** For a receipt that pays an FCE MiPyME: whether its cancellation was informed to ARCA's registry (Ley 27.440). */
  fceCancellationInformed?: boolean;
}

const path = (p: string, es: string, en: string) => [{ path: p, message: { es, en } }];

/** The path of payment line `i` in a request: `payments.0` in a receipt. */
type LinePath = (i: number) => string;
const receiptLine: LinePath = (i) => `payments.${i}`;

/**
 * What each payment is worth in the account's currency and the card figures the receipt
 * prints; a cheque's dates checked by the law on the day it comes in; where cash and
 * transfers land. Used by the receipt and by the replacement of a repudiated line.
 */
export async function checkPayments(
  trx: Knex.Transaction,
  ctx: Ctx,
  payments: PaymentInput[],
  issueDate: string,
  accountCurrency: string,
  settings: Pick<CompanySettings, 'defaultCashBoxId' | 'defaultBankAccountId'>,
  pathOf: LinePath = receiptLine,
  destinations?: Promise<DestinationRows>,
) {
  const priced = await pricePayments(trx, ctx, { payments, issueDate }, accountCurrency, pathOf);
  priced.forEach((p) => {
    const v = p.input;
    if (v.kind && v.issueDate && v.paymentDate)
      checkChequeOnIntake(
        { kind: v.kind, deferred: !!v.deferred, issueDate: v.issueDate, paymentDate: v.paymentDate },
        issueDate,
        pathOf(p.line - 1),
      );
  });
  const where = await resolveDestinations(
    trx,
    ctx.companyId,
    settings,
    priced.map((p) => ({
      method: p.input.method,
      currency: p.currency,
      cashBoxId: p.input.cashBoxId,
      bankAccountId: p.input.bankAccountId,
    })),
    priced.map((p) => pathOf(p.line - 1)),
    destinations,
  );
  return priced.map((p, i) => ({ ...p, destination: where[i] }));
}

/** What a payment is worth in the account's currency, and the card figures the receipt prints. */
async function pricePayments(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: Pick<ReceiptInput, 'payments' | 'issueDate'>,
  accountCurrency: string,
  pathOf: LinePath,
) {
  const planIds = input.payments.filter((p) => p.method === 'card').map((p) => p.cardPlanId!);
  const plans = new Map<
    number,
    {
      id: number;
      cardIssuerId: number;
      installments: number;
      surchargeCoefficient: string;
      feePct: string;
      settlementDays: number;
      usable: boolean;
      name: string;
    }
  >();
  if (planIds.length) {
    const rows = await trx('card_plans as cp')
      .join('card_issuers as ci', onKey('ci', 'cp.card_issuer_id'))
      .where('cp.company_id', ctx.companyId)
      .whereIn('cp.id', planIds)
      .select(
        'cp.id',
        'cp.cardIssuerId',
        'cp.installments',
        'cp.surchargeCoefficient',
        'cp.feePct',
        'cp.settlementDays',
        'cp.name',
        trx.raw(
          '(cp.active AND ci.active AND (cp.valid_from IS NULL OR cp.valid_from <= ?::date) AND (cp.valid_to IS NULL OR cp.valid_to >= ?::date)) AS usable',
          [input.issueDate, input.issueDate],
        ),
      );
    for (const r of rows) plans.set(r.id, r);
  }
  return input.payments.map((p, i) => {
    const currency = p.currency ?? accountCurrency;
    let accountAmount: Dec = new D(p.amount);
    let exchangeRate: string | null = null;
    if (currency !== accountCurrency) {
      if (!p.exchangeRate)
        throw badRequest(
          'EXCHANGE_RATE_REQUIRED',
          {
            es: `El pago ${i + 1} es en ${currency} y la cuenta en ${accountCurrency}: indique la cotización`,
            en: `Payment ${i + 1} is in ${currency} and the account in ${accountCurrency}: give the exchange rate`,
          },
          path(`${pathOf(i)}.exchangeRate`, 'obligatoria para otra moneda', 'required for another currency'),
        );
      exchangeRate = p.exchangeRate;
      accountAmount = round2(
        accountCurrency === 'ARS' ? new D(p.amount).times(p.exchangeRate) : new D(p.amount).div(p.exchangeRate),
      );
      if (accountAmount.lte(0))
        throw badRequest(
          'AMOUNT_TOO_SMALL',
          { es: `El pago ${i + 1} convertido da cero`, en: `Payment ${i + 1} converts to zero` },
          path(`${pathOf(i)}.amount`, 'da cero', 'is zero'),
        );
    }
    let card: {
      installments: number;
      surchargeCoefficient: string;
      surchargeAmount: string;
      installmentAmount: string;
      /** The surcharge in the account's currency: what its debit note bills. */
      accountSurcharge: string;
      feePct: string;
      settlementDays: number;
    } | null = null;
    if (p.method === 'card') {
      const plan = plans.get(p.cardPlanId!);
      if (!plan || plan.cardIssuerId !== p.cardIssuerId)
        throw badRequest(
          'CARD_PLAN_NOT_FOUND',
          {
            es: `Pago ${i + 1}: el plan no existe o no es de esa tarjeta`,
            en: `Payment ${i + 1}: the plan does not exist or is not of that card`,
          },
          path(`${pathOf(i)}.cardPlanId`, 'plan inexistente para esa tarjeta', 'no such plan for that card'),
        );
      if (!plan.usable)
        throw conflict(
          'CARD_PLAN_NOT_USABLE',
          {
            es: `Pago ${i + 1}: el plan "${plan.name}" no está vigente o activo el ${fmt(input.issueDate)}`,
            en: `Payment ${i + 1}: plan "${plan.name}" is not valid or active on ${input.issueDate}`,
          },
          path(`${pathOf(i)}.cardPlanId`, 'plan no vigente', 'plan not valid'),
        );
      if (p.installments && p.installments !== plan.installments)
        throw badRequest(
          'INSTALLMENTS_MISMATCH',
          {
            es: `Pago ${i + 1}: el plan es de ${plan.installments} cuotas`,
            en: `Payment ${i + 1}: the plan has ${plan.installments} installments`,
          },
          path(`${pathOf(i)}.installments`, `debería ser ${plan.installments}`, `should be ${plan.installments}`),
        );
      // The buyer pays amount × coefficient; the difference is the financing surcharge.
      const financed = financedAmount(p.amount, plan.surchargeCoefficient);
      card = {
        installments: plan.installments,
        surchargeCoefficient: plan.surchargeCoefficient,
        surchargeAmount: financed.minus(p.amount).toFixed(2),
        installmentAmount: round2(financed.div(plan.installments)).toFixed(2),
        accountSurcharge:
          currency === accountCurrency
            ? financed.minus(p.amount).toFixed(2)
            : financedAmount(accountAmount, plan.surchargeCoefficient).minus(accountAmount).toFixed(2),
        feePct: plan.feePct,
        settlementDays: plan.settlementDays,
      };
    }
    return { input: p, line: i + 1, currency, exchangeRate, accountAmount, card };
  });
}

interface Totals {
  received: Dec;
  withheld: Dec;
  total: Dec;
  applied: Dec;
}
export type Priced = Awaited<ReturnType<typeof checkPayments>>;

/**
 * Posts a whole receipt in one transaction: payments (cheques and notes enter
 * the portfolio), withholdings, applications to the customer's debits, what is
 * left stays on account, and the number. Nothing is written when a rule fails.
 * The steps are the README's.
 */
export async function postReceipt(ctx: Ctx, body: unknown, idempotencyKey?: string): Promise<PostResult> {
  assertCan(ctx.user.role, 'ledger.post');
  checkIdempotencyKey(idempotencyKey);
  const input = validate<ReceiptInput>(receiptSchema, body ?? {}, ctx.lang);
  const hash = crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return withTransaction(ctx.knex, async (trx) => {
    // 1. The Idempotency-Key claimed: a replay answers what the first request got. Step 2's locks
    //    leave in the same round trip, behind the claim (a replay only wastes them).
    const claimed = idempotencyKey ? claimIdempotencyKey(trx, ctx, idempotencyKey, hash) : undefined;
    const locked = lockForReceipt(trx, ctx, input);
    locked.catch(() => undefined); // read below, unless this is a replay
    const prior = await claimed;
    if (prior) return { ...prior, replayed: true };
    return { status: 201, body: await writeReceipt(trx, ctx, input, idempotencyKey, locked), replayed: false };
  });
}

/**
 * Step 2's reads, in one round trip: the customer locked (its postings queue) with its company's settings
 * and the receipt's id, then the debits it pays locked in id order, and where its cash and transfers may land.
 */
function lockForReceipt(trx: Knex.Transaction, ctx: Ctx, input: ReceiptInput) {
  return Promise.all([
    lockCustomerWithSettings(trx, ctx, input.customerId, { documentId: true }),
    input.applications.length
      ? lockDocuments(
          trx,
          ctx,
          input.applications.map((a) => a.documentId),
        )
      : new Map<number, LockedDoc>(),
    destinationRows(trx, ctx.companyId, input.payments),
  ]);
}

/**
 * Steps 2–6 of a receipt inside the caller's transaction, from a validated input: also the way a
 * replacement cheque (canje) comes in, as a receipt applied to the rejection's debit note.
 */
export async function writeReceipt(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: ReceiptInput,
  idempotencyKey?: string,
  locks: ReturnType<typeof lockForReceipt> = lockForReceipt(trx, ctx, input),
): Promise<Record<string, unknown>> {
  // 2. The customer locked (its postings queue), the company's settings, the receipt's id, and after it
  //    the debits the receipt pays, in id order (one round trip); payments priced.
  const [locked, debits, destinations] = await locks;
  const { settings, documentId: id } = locked;
  // From here on `customer.currency` is the ledger the receipt credits: payments are priced in it.
  const customer = { ...locked.customer, currency: ledgerCurrency(locked.customer, input.currency) };
  const payments = await checkReceipt(trx, ctx, input, customer, settings, destinations);
  // 3. The debits checked against what is applied to them.
  const { wanted, paysFce } = checkApplications(input, customer, payments, debits);
  const totals = totalsOf(input, payments, wanted);
  const pointOfSale = input.pointOfSale ?? settings.defaultReceiptPointOfSale;
  if (input.number !== undefined && input.number !== null)
    await checkGivenNumber(trx, ctx.companyId, 'REC', pointOfSale, input.number);
  // 4. Payments, values, withholdings, applications; open amounts reduced.
  const { written } = await insertLines(trx, ctx, id, input, customer, payments, wanted, settings);
  // 5. The customer's figures, with this receipt counted before its row exists.
  const figures = writeFigures(trx, ctx.companyId, customer, totals, input.issueDate);
  // 6. The number and the receipt row (sent with 4 and 5: one round trip), then the audit event and the answer kept for replays.
  // A receipt that pays an FCE records whether its cancellation was informed (Ley 27.440 art. 8; RG 4367).
  const fceInformed = paysFce ? (input.fceCancellationInformed ?? false) : null;
  const numbered = takeNumber(trx, ctx, id, input, customer, pointOfSale, totals, fceInformed);
  const [lines, , receipt] = await Promise.all([written, figures, numbered]);
  const response = {
    ...receipt,
    ...lines,
    received: totals.received.toFixed(2),
    withheld: totals.withheld.toFixed(2),
    applied: totals.applied.toFixed(2),
    onAccount: totals.total.minus(totals.applied).toFixed(2),
  };
  await audit(trx, ctx, id, response, idempotencyKey);
  return response;
}

/** The period open, the branch the customer's, the payments priced; something received or withheld. */
async function checkReceipt(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: ReceiptInput,
  customer: LockedCustomer,
  settings: CompanySettings,
  destinations: DestinationRows,
): Promise<Priced> {
  assertOpenPeriod(settings, input.issueDate, 'issueDate');
  if (input.branchId) {
    const branch = await trx('branches')
      .where({ id: input.branchId, customerId: customer.id, companyId: ctx.companyId })
      .first('id');
    if (!branch)
      throw badRequest(
        'BRANCH_NOT_FOUND',
        { es: 'branchId: la sucursal no es de ese cliente', en: 'branchId: the branch does not belong to that customer' },
        path('branchId', 'no es de ese cliente', 'not of that customer'),
      );
  }
  const payments = await checkPayments(
    trx,
    ctx,
    input.payments,
    input.issueDate,
    customer.currency,
    settings,
    receiptLine,
    Promise.resolve(destinations),
  );
  if (totalsOf(input, payments, new Map()).total.lte(0))
    throw conflict('EMPTY_RECEIPT', {
      es: 'El recibo no tiene pagos ni retenciones',
      en: 'The receipt has no payments and no withholdings',
    });
  return payments;
}

/**
 * Receipt total = payments (in the account's currency) + the card plans' surcharges + withholdings;
 * applied = what goes to debits, the surcharges' own debit notes included (see insertCoupons).
 */
function totalsOf(input: ReceiptInput, payments: Priced, wanted: Map<number, Dec>): Totals {
  const surcharged = sum(payments.map((p) => p.card?.accountSurcharge ?? '0'));
  const received = sum(payments.map((p) => p.accountAmount)).plus(surcharged);
  const withheld = sum(input.withholdings.map((w) => w.amount));
  return { received, withheld, total: received.plus(withheld), applied: sum([...wanted.values()]).plus(surcharged) };
}

/** Applications grouped per document and checked against the locked debits. */
function checkApplications(
  input: ReceiptInput,
  customer: LockedCustomer,
  payments: Priced,
  docs: Map<number, LockedDoc>,
): { wanted: Map<number, Dec>; paysFce: boolean } {
  const wanted = new Map<number, Dec>();
  for (const a of input.applications) wanted.set(a.documentId, (wanted.get(a.documentId) ?? new D(0)).plus(a.amount));
  const { received, withheld, total, applied } = totalsOf(input, payments, wanted);
  if (applied.gt(total))
    throw conflict('OVER_APPLICATION', {
      es: `Se imputan ${formatMoney(applied)} pero el recibo suma ${formatMoney(total)} (pagos ${formatMoney(received)} + retenciones ${formatMoney(withheld)})`,
      en: `Applications add up to ${formatMoney(applied, 'en')} but the receipt totals ${formatMoney(total, 'en')} (payments ${formatMoney(received, 'en')} + withholdings ${formatMoney(withheld, 'en')})`,
    });
  for (const [docId, amount] of wanted) {
    const d = docs.get(docId);
    const at = `applications (documento ${docId})`;
    if (!d || d.customerId !== customer.id)
      throw conflict(
        'APPLICATION_TARGET',
        {
          es: `El comprobante ${d?.displayNumber ?? docId} no es del cliente ${customer.code}`,
          en: `Document ${d?.displayNumber ?? docId} does not belong to customer ${customer.code}`,
        },
        path(at, 'otro cliente', 'another customer'),
      );
    if (d.currency !== customer.currency)
      throw conflict(
        'DIFFERENT_CURRENCIES',
        {
          es: `${d.displayNumber} es en ${d.currency} y el recibo acredita la cuenta en ${customer.currency}: se imputa solo entre comprobantes de la misma moneda`,
          en: `${d.displayNumber} is in ${d.currency} and the receipt credits the ${customer.currency} ledger: applications join documents of one currency`,
        },
        path(at, `otra moneda (${d.currency})`, `another currency (${d.currency})`),
      );
    if (d.status !== 'posted')
      throw conflict('DOCUMENT_CANCELLED', {
        es: `${d.displayNumber} está ${d.status === 'cancelled' ? 'anulado' : 'anulado'}: no admite imputaciones`,
        en: `${d.displayNumber} is ${d.status}: it takes no applications`,
      });
    if (!isDebit(d.type))
      throw conflict('NOT_A_DEBIT', {
        es: `${d.displayNumber} no es un débito: un recibo se imputa a facturas, notas de débito o ajustes positivos`,
        en: `${d.displayNumber} is not a debit`,
      });
    if (d.issueDate > input.issueDate)
      throw conflict('APPLICATION_BEFORE_ISSUE', {
        es: `${d.displayNumber} se emitió el ${fmt(d.issueDate)}, después del recibo (${fmt(input.issueDate)})`,
        en: `${d.displayNumber} was issued on ${d.issueDate}, after the receipt (${input.issueDate})`,
      });
    if (amount.gt(d.openAmount))
      throw conflict('OVER_APPLICATION', {
        es: `Se imputan ${formatMoney(amount)} a ${d.displayNumber}, cuyo saldo pendiente es ${formatMoney(d.openAmount)}`,
        en: `${formatMoney(amount, 'en')} applied to ${d.displayNumber}, whose open amount is ${formatMoney(d.openAmount, 'en')}`,
      });
  }
  return { wanted, paysFce: [...docs.values()].some((d) => d.fce) };
}

/** A receipt's applications to the debits `ids` by `amounts`, and the open amounts they reduce: one statement. */
const applyToDebits = statement<keyof ReturnType<typeof applicationRow> | 'ids' | 'amounts'>((db, p) => {
  const row = applicationRow(0, 0, 0, 0, '0', '', 'receipt', null);
  return db
    .with('v', db.raw('SELECT unnest(?::bigint[]) AS id, unnest(?::numeric[]) AS amount', [p('ids'), p('amounts')]))
    .with(
      'a',
      db.raw(
        `INSERT INTO applications (${columnsOf(row).join(', ')})
         SELECT ?::int, ?::int, ?::bigint, v.id, v.amount, ?::date, ?, ?::int FROM v RETURNING *`,
        [p('companyId'), p('customerId'), p('creditDocumentId'), p('date'), p('origin'), p('createdBy')],
      ),
    )
    .with(
      'u',
      db.raw(
        `UPDATE documents d SET open_amount = d.open_amount - v.amount, updated_at = now()
           FROM v WHERE d.id = v.id AND d.company_id = ?`,
        [p('companyId')],
      ),
    )
    .from('a')
    .join('documents as o', onKey('o', 'a.debit_document_id'))
    .orderBy('a.id')
    .select(applicationFields(db));
});

/**
 * Every receipt of a point of sale waits on its counter row from the moment it
 * takes its number until it commits. So the receipt is written in reverse: its
 * id first, then payments, values, withholdings and applications (their keys to
 * the receipt are checked at commit), and the numbered receipt row last. Each
 * write returns the rows the receipt's detail shows, so nothing is read back.
 */
async function insertLines(
  trx: Knex.Transaction,
  ctx: Ctx,
  id: number,
  input: ReceiptInput,
  customer: LockedCustomer,
  payments: Priced,
  wanted: Map<number, Dec>,
  settings: CompanySettings,
): Promise<{ written: Promise<Lines> }> {
  const deferred = runSql(trx, `SET CONSTRAINTS ${DEFERRED_KEYS} DEFERRED`);
  const paid = insertPayments(trx, ctx, id, customer, payments, input.issueDate);
  let coupons: unknown[] = [];
  // A cheque's value and a card's coupon point at their payment line: they wait for its answer.
  if (payments.some((p) => p.card || (VALUE_METHODS as readonly string[]).includes(p.input.method))) await paid;
  if (payments.some((p) => p.card)) {
    const cards = await insertCoupons(trx, ctx, id, customer, payments, (await paid).payments as PaidLine[], input, settings);
    coupons = cards.coupons;
    wanted = new Map([...wanted, ...cards.surchargeNotes]);
  }
  const rows = input.withholdings.map((w, i) =>
    withholdingRow(ctx.companyId, id, customer.id, i + 1, {
      type: w.type,
      jurisdiction: w.jurisdiction ?? null,
      certificateNumber: w.certificateNumber,
      date: w.date,
      baseAmount: w.baseAmount ?? null,
      amount: w.amount,
      regimeCode: w.regimeCode ?? null,
      rate: w.rate ?? null,
      // The agent who withheld is the customer unless the certificate names another (a CUIT only).
      agentTaxId: w.agentTaxId ?? (customer.taxId?.length === 11 ? customer.taxId : null),
      agentName: w.agentName ?? (w.agentTaxId ? null : customer.legalName),
    }),
  );
  const withheld = rows.length ? insertWithholdings(trx, { rows: JSON.stringify(rows.map(snakeRow)) }) : [];
  // The applications and the open amounts they reduce, in one statement.
  const row = applicationRow(ctx.companyId, customer.id, id, 0, '0', input.issueDate, 'receipt', ctx.user.id);
  const applied = wanted.size
    ? applyToDebits(trx, { ...row, ids: [...wanted.keys()], amounts: [...wanted.values()].map((a) => a.toFixed(2)) })
    : [];
  return {
    written: Promise.all([deferred, paid, withheld, applied]).then(([, lines, withholdings, applications]) => ({
      ...lines,
      coupons,
      withholdings: (withholdings as Array<{ line: number }>).sort((x, y) => x.line - y.line),
      applications,
    })),
  };
}

type Lines = Record<'applications' | 'payments' | 'withholdings' | 'values' | 'coupons', unknown[]>;

/**
 * The insert of rows built in receipt-rows.ts, all through one JSON parameter (`rows`, their
 * `snakeRow`s), so its text is the same whatever their number; it returns the rows written.
 */
function jsonRowsInsert(db: Knex | Knex.Transaction, table: string, row: object, rows: string): Knex.Raw {
  const columns = columnsOf(row)
    .map((c) => `"${c}"`)
    .join(', ');
  return db.raw(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ?::json) RETURNING *`,
    [rows],
  );
}

/** A receipt's withholding rows, answered as its detail shows them. */
const insertWithholdings = statement<'rows'>((db, p) =>
  db
    .with('w', jsonRowsInsert(db, 'receipt_withholdings', withholdingRow(0, 0, 0, 0, {} as WithholdingFields), p('rows')))
    .from('w')
    .select(WITHHOLDING_FIELDS),
);

/** One statement per column list (a replacement line has one more), built once each. */
const paymentInserts = new Map<string, Statement<'rows'>>();

/** Payment rows inserted and answered with their names, by line. */
function insertPaymentRows(trx: Knex.Transaction, rows: Array<ReturnType<typeof paymentRow>>) {
  const columns = columnsOf(rows[0]).join(',');
  let insert = paymentInserts.get(columns);
  if (!insert)
    paymentInserts.set(
      columns,
      (insert = statement<'rows'>((db, p) =>
        paymentNamesQuery(db.with('p', jsonRowsInsert(db, 'receipt_payments', rows[0], p('rows'))).from('p')),
      )),
    );
  return insert(trx, { rows: JSON.stringify(rows.map(snakeRow)) });
}

/**
 * A receipt's payment lines and the values its cheques and notes bring into the portfolio,
 * each line where its method lands (see `destinationOf`). `replaces` marks a line written
 * later in place of a repudiated one.
 */
export async function insertPayments(
  trx: Knex.Transaction,
  ctx: Ctx,
  id: number,
  customer: Pick<LockedCustomer, 'id' | 'taxId' | 'legalName'>,
  payments: Priced,
  issueDate: string,
  replaces?: { line: number; replacedLine: number },
): Promise<{ payments: unknown[]; values: unknown[] }> {
  if (!payments.length) return { payments: [], values: [] };
  const rows = payments.map((p) => {
    const own = p.input.method === 'customer_cheque' || p.input.method === 'customer_note';
    return {
      ...paymentRow(ctx.companyId, id, replaces?.line ?? p.line, {
        method: p.input.method,
        amount: p.input.amount,
        currency: p.currency,
        exchangeRate: p.exchangeRate,
        accountAmount: p.accountAmount.toFixed(2),
        bankId: p.input.bankId ?? null,
        number: p.input.number ?? null,
        issueDate: p.input.issueDate ?? null,
        paymentDate: p.input.paymentDate ?? null,
        drawerTaxId: p.input.drawerTaxId ?? (own ? customer.taxId : null),
        drawerName: p.input.drawerName ?? (own ? customer.legalName : null),
        kind: p.input.kind ?? null,
        deferred: p.input.deferred ?? false,
        notToOrder: p.input.notToOrder ?? false,
        echeqId: p.input.echeqId ?? null,
        reference: p.input.reference ?? null,
        cashBoxId: p.destination.cashBoxId,
        bankAccountId: p.destination.bankAccountId,
        originCbu: p.input.originCbu ?? null,
        originTaxId: p.input.originTaxId ?? null,
        cardIssuerId: p.input.cardIssuerId ?? null,
        cardPlanId: p.input.cardPlanId ?? null,
        couponNumber: p.input.couponNumber ?? null,
        authorization: p.input.authorization ?? null,
        installments: p.card?.installments ?? null,
        surchargeCoefficient: p.card?.surchargeCoefficient ?? null,
        surchargeAmount: p.card?.surchargeAmount ?? null,
        installmentAmount: p.card?.installmentAmount ?? null,
      }),
      ...(replaces ? { replacesLine: replaces.replacedLine } : {}),
    };
  });
  const inserted = paymentsOut(await insertPaymentRows(trx, rows));
  const held = inserted.filter((r) => (VALUE_METHODS as readonly string[]).includes(r.method as string));
  let values: Array<{ id: number }> = [];
  if (held.length) {
    const valueRows = held.map((v) => valueRow(ctx.companyId, customer.id, id, v as Parameters<typeof valueRow>[3], issueDate));
    values = ((await trx('values').insert(valueRows).returning(VALUE_FIELDS)) as Array<{ id: number }>).sort(
      (x, y) => x.id - y.id,
    );
  }
  return { payments: inserted, values };
}

type PaidLine = Parameters<typeof couponRow>[3] & { line: number; cardIssuerCode?: string };

/**
 * Each card line becomes a coupon pending presentation; its plan's financing surcharge is
 * billed by a debit note on the receipt's date, which the receipt pays (its total includes
 * the surcharge, applied to the note). Answers the coupons and the notes with their amounts.
 */
async function insertCoupons(
  trx: Knex.Transaction,
  ctx: Ctx,
  id: number,
  customer: LockedCustomer,
  payments: Priced,
  paid: PaidLine[],
  input: ReceiptInput,
  settings: CompanySettings,
): Promise<{ coupons: unknown[]; surchargeNotes: Map<number, Dec> }> {
  const surchargeNotes = new Map<number, Dec>();
  const rows = [];
  for (const p of payments) {
    if (!p.card) continue;
    const line = paid.find((l) => l.line === p.line)!;
    const split = cardSurcharge(p.input.amount, p.card.surchargeCoefficient, settings.cardSurchargeIvaRate);
    let noteId: number | null = null;
    if (new D(p.card.accountSurcharge).gt(0)) {
      const note = cardSurcharge(p.accountAmount, p.card.surchargeCoefficient, settings.cardSurchargeIvaRate);
      noteId = (
        await postInternalDocument(trx, ctx, settings, {
          type: 'ND',
          customerId: customer.id,
          currency: customer.currency,
          total: p.card.accountSurcharge,
          issueDate: input.issueDate,
          notes:
            `Recargo por financiación, tarjeta ${line.cardIssuerCode ?? ''} en ${p.card.installments} cuotas, cupón ${p.input.couponNumber ?? ''}: ` +
            `neto ${formatMoney(note.net)} + IVA ${new D(settings.cardSurchargeIvaRate).toString().replace('.', ',')} % ${formatMoney(note.iva)}`,
          reason: null,
          origin: 'surcharge',
        })
      ).id;
      surchargeNotes.set(noteId, new D(p.card.accountSurcharge));
    }
    rows.push(
      couponRow(
        ctx.companyId,
        customer.id,
        id,
        line,
        {
          batchNumber: p.input.batchNumber ?? null,
          surcharge: split,
          surchargeDocumentId: noteId,
          feePct: p.card.feePct,
          settlementDays: p.card.settlementDays,
        },
        input.issueDate,
      ),
    );
  }
  const coupons = (await trx('card_coupons').insert(rows).returning('*')) as Array<{
    id: number;
    authorizationCode: string | null;
  }>;
  return {
    coupons: coupons
      .map(({ authorizationCode, ...c }) => ({ ...c, authorization: authorizationCode }))
      .sort((x, y) => x.id - y.id),
    surchargeNotes,
  };
}

async function writeFigures(
  trx: Knex.Transaction,
  companyId: number,
  customer: { id: number; currency: string },
  totals: Totals,
  issueDate: string,
): Promise<void> {
  const open = totals.total.minus(totals.applied).toFixed(2);
  let recompute = figuresByCurrency.get(customer.currency);
  if (!recompute)
    figuresByCurrency.set(
      customer.currency,
      (recompute = statement<'company' | 'customer' | 'asOf' | 'pending' | 'receiptDate'>((db, p) => {
        const [sql] = recomputeCustomerSql(0, 0, '', { open: '0', receiptDate: '', currency: customer.currency });
        return db.raw(sql, {
          company: p('company'),
          customer: p('customer'),
          asOf: p('asOf'),
          pending: p('pending'),
          receiptDate: p('receiptDate'),
        });
      })),
    );
  await recompute(trx, { company: companyId, customer: customer.id, asOf: today(), pending: open, receiptDate: issueDate });
}

/** The figures' statement of a receipt, one per ledger currency (the receipt's open amount counts in its own). */
const figuresByCurrency = new Map<string, Statement<'company' | 'customer' | 'asOf' | 'pending' | 'receiptDate'>>();

type ReceiptRowParam =
  | 'id'
  | 'companyId'
  | 'type'
  | 'pointOfSale'
  | 'given'
  | 'customerId'
  | 'branchId'
  | 'issueDate'
  | 'currency'
  | 'total'
  | 'open'
  | 'notes'
  | 'createdBy'
  | 'fceCancellationInformed';

/** The counter bumped and the numbered receipt row inserted, answered as the documents resource reads it. */
const insertNumberedStatement = (given: boolean) =>
  statement<ReceiptRowParam>((db, p) => {
    const trx = db as Knex.Transaction;
    const n = (name: ReceiptRowParam) => p(name) as unknown as number;
    const qb = trx
      .with('n', nextNumberCte(trx, n('companyId'), p('type') as 'REC', n('pointOfSale'), given ? n('given') : null))
      .with(
        'd',
        trx.raw(
          `INSERT INTO documents (id, company_id, customer_id, branch_id, type, letter, point_of_sale, number, issue_date, due_date,
                                  currency, total, open_amount, status, notes, created_by, fce_cancellation_informed)
           SELECT ?::bigint, ?::int, ?::int, ?::int, 'REC', 'X', ?::int, n.last_number, ?::date, ?::date,
                  ?, ?::numeric, ?::numeric, 'posted', ?, ?::int, ?::boolean FROM n
           RETURNING *`,
          [
            p('id'),
            p('companyId'),
            p('customerId'),
            p('branchId'),
            p('pointOfSale'),
            p('issueDate'),
            p('issueDate'),
            p('currency'),
            p('total'),
            p('open'),
            p('notes'),
            p('createdBy'),
            p('fceCancellationInformed'),
          ],
        ),
      )
      .from('d')
      .where('d.company_id', p('companyId'))
      .first(selectList(documentsResource, trx));
    documentsResource.from!(qb, { companyId: n('companyId') } as Ctx);
    return qb;
  });
const insertNumbered = insertNumberedStatement(false);
const insertNumberedGiven = insertNumberedStatement(true);

/** From here to the commit the counter row of the series is locked: two statements. */
async function takeNumber(
  trx: Knex.Transaction,
  ctx: Ctx,
  id: number,
  input: ReceiptInput,
  customer: LockedCustomer,
  pointOfSale: number,
  totals: Totals,
  fceCancellationInformed: boolean | null,
): Promise<Record<string, unknown>> {
  const given = input.number !== undefined && input.number !== null;
  const [receipt] = await (given ? insertNumberedGiven : insertNumbered)(trx, {
    id,
    companyId: ctx.companyId,
    type: 'REC',
    pointOfSale,
    given: input.number,
    customerId: customer.id,
    branchId: input.branchId,
    issueDate: input.issueDate,
    currency: customer.currency,
    total: totals.total.toFixed(2),
    open: totals.total.minus(totals.applied).toFixed(2),
    notes: input.notes,
    createdBy: ctx.user.id,
    fceCancellationInformed,
  });
  if (!receipt) {
    await takeCounterNumber(trx, ctx.companyId, 'REC', pointOfSale, input.number); // says why the number was refused
    throw new Error('the receipt number was refused without a reason');
  }
  return receipt;
}

/** The audit event, the receipt.posted event and the answer kept for replays, in one statement. */
async function audit(trx: Knex.Transaction, ctx: Ctx, id: number, response: object, key: string | undefined) {
  const event = auditRow(ctx, { action: 'create', entity: 'documents', entityId: id, after: response });
  const posted = outboxRow(ctx, 'receipt.posted', response);
  const params = {
    ...prefixed('audit', event),
    ...prefixed('outbox', posted),
    key: key ?? null,
    companyId: ctx.companyId,
    statusCode: 201,
    response: event.after,
  };
  // What other modules derive from the event (the customer's credit status) is read in the same round trip.
  await Promise.all([(key ? auditAndAnswer : auditOnly)(trx, params), afterEvent(trx, ctx, 'receipt.posted', response)]);
}

const prefixed = (prefix: string, row: object) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<string, unknown>;

/** `audit`'s statement: with an Idempotency-Key it also keeps the answer for replays; built once each. */
const auditStatement = (withKey: boolean) =>
  statement<string>((db, p) => {
    const trx = db as Knex.Transaction;
    const as = (prefix: string, row: object) => Object.fromEntries(Object.keys(row).map((k) => [k, p(`${prefix}.${k}`)]));
    const sample = { companyId: 0, user: { id: 0, username: '' }, ip: '' } as unknown as Ctx;
    const event = trx('audit_events').insert(as('audit', auditRow(sample, { action: '', entity: '', entityId: 0, after: {} })));
    const posted = trx('outbox').insert(as('outbox', outboxRow(sample, 'receipt.posted', {})));
    return withKey
      ? trx
          .with('a', event)
          .with('o', posted)
          .from('idempotency_keys')
          .where({ companyId: p('companyId'), key: p('key') })
          .update({ statusCode: p('statusCode'), response: p('response') })
      : trx.with('a', event).with('o', posted).select(trx.raw('1 AS written'));
  });
const auditAndAnswer = auditStatement(true);
const auditOnly = auditStatement(false);

/** "Ingreso de recibos anulados": a spoiled receipt form keeps its number, with total zero. */
export async function postVoidedReceipt(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<{
    pointOfSale?: number;
    number?: number | null;
    issueDate: string;
    reason: string;
    customerId: number | null;
  }>(voidedReceiptSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    if (input.customerId) await lockCustomer(trx, ctx, input.customerId);
    const settings = await companySettings(trx, ctx.companyId);
    assertOpenPeriod(settings, input.issueDate, 'issueDate');
    const pointOfSale = input.pointOfSale ?? settings.defaultReceiptPointOfSale;
    const number = await takeCounterNumber(trx, ctx.companyId, 'REC', pointOfSale, input.number);
    const [{ id }] = (await trx('documents')
      .insert({
        companyId: ctx.companyId,
        customerId: input.customerId,
        type: 'REC',
        letter: 'X',
        pointOfSale,
        number,
        issueDate: input.issueDate,
        dueDate: input.issueDate,
        currency: 'ARS',
        total: '0',
        openAmount: '0',
        status: 'voided',
        reason: input.reason,
        createdBy: ctx.user.id,
      })
      .returning('id')) as Array<{ id: number }>;
    const record = await getDocumentDetail(trx, ctx, id);
    await writeAudit(trx, ctx, { action: 'void', entity: 'documents', entityId: id, after: record });
    return record;
  });
}
