import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { HELD_STATES } from './value-states';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { AppError, badRequest, conflict, fromPgError, isPgError, notFound, toResponse } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { D, formatMoney } from '../../lib/money';
import { addDays, today } from '../../lib/dates';
import {
  assertOpenPeriod,
  companySettings,
  fmt,
  isDebit,
  ledgerCurrency,
  lockCustomer,
  lockCustomers,
  takeNumber,
  type CompanySettings,
  type DocumentType,
  type LockedCustomer,
} from './posting';
import { recomputeCustomer } from '../customers';
import { rateOn } from '../reference';
import { cancelSchema, documentBatchSchema, documentIntakeSchema, documentUpdateSchema } from './ledger.schemas';
import { getDocumentDetail } from './ledger.queries';
import { checkIdempotencyKey, claimIdempotencyKey, type PostResult } from './idempotency';
import { emitEvent } from '../integrations';
import { assertFceAnswer, assertFiscalIntake, isFiscalDocument } from './fiscal-rules';
import type { InternalOrigin } from './internal-documents';
import { statement } from '../../db/statement';

/** Posts a document billing issued for a request and links it to the request's cause (registered by billing-requests.service.ts). */
export type BillingRequestIntake = (
  trx: Knex.Transaction,
  ctx: Ctx,
  input: IntakeInput & { billingRequestId: number },
) => Promise<{ id: number; warnings: Warning[] }>;
let billingRequestIntake: BillingRequestIntake | undefined;
export function onBillingRequestIntake(handler: BillingRequestIntake): void {
  billingRequestIntake = handler;
}

export interface IntakeInput {
  customerId: number;
  branchId: number | null;
  type: 'FAC' | 'ND' | 'NC' | 'AJP' | 'AJN';
  letter: string;
  pointOfSale?: number;
  number?: number;
  issueDate: string;
  dueDate: string | null;
  currency?: string;
  exchangeRate?: string;
  total: string;
  notes: string | null;
  reason?: string;
  externalRef?: string;
  cae?: string | null;
  caeDueDate?: string;
  fce?: boolean;
  fceAcceptance?: string | null;
  fceCbu?: string | null;
  fceOption?: string | null;
  /** The request to billing this document fulfils (billing-requests.service.ts). */
  billingRequestId?: number;
}

export interface Warning {
  code: string;
  message: string;
}

async function termDays(trx: Knex.Transaction, ctx: Ctx, customer: LockedCustomer, branchTermId: number | null): Promise<number> {
  const termId = branchTermId ?? customer.paymentTermId;
  if (!termId) return 0;
  const term = (await trx('payment_terms').where({ id: termId, companyId: ctx.companyId }).first('days')) as
    { days: number } | undefined;
  return term?.days ?? 0;
}

/** A debit to a suspended customer or beyond its limit is posted, with a warning for whoever sold. */
export function warningsFor(ctx: Ctx, customer: LockedCustomer, total: string): Warning[] {
  const out: Warning[] = [];
  const say = (code: string, es: string, en: string) => out.push({ code, message: ctx.lang === 'es' ? es : en });
  if (['suspended', 'inactive', 'cash_only', 'prospect'].includes(customer.status))
    say(
      'CUSTOMER_' + customer.status.toUpperCase(),
      `El cliente ${customer.code} no está habilitado para cuenta corriente (${customer.status})`,
      `Customer ${customer.code} is not enabled for credit (${customer.status})`,
    );
  if (customer.creditLimit !== null) {
    const after = new D(customer.balance).plus(total);
    if (after.gt(customer.creditLimit))
      say(
        'OVER_CREDIT_LIMIT',
        `Con este comprobante el saldo (${formatMoney(after)}) supera el límite de crédito (${formatMoney(customer.creditLimit)})`,
        `With this document the balance (${formatMoney(after, 'en')}) exceeds the credit limit (${formatMoney(customer.creditLimit, 'en')})`,
      );
  }
  return out;
}

export interface IntakeOptions {
  settings?: CompanySettings;
  /** Where the document came from; an ND/NC billing issued for interest or an exchange difference carries that cause. */
  origin?: 'api' | 'import' | InternalOrigin;
  /** Already locked by the caller in this transaction, with the balance it keeps running (an import of many documents). */
  customer?: LockedCustomer;
}

/**
 * Posts one FAC/ND/NC from billing, or an AJP/AJN adjustment numbered here, inside
 * the caller's transaction (the API and the CSV import share it).
 */
export async function intakeDocument(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: IntakeInput,
  opts: IntakeOptions = {},
): Promise<{ id: number; warnings: Warning[] }> {
  const { row, warnings } = await prepareIntake(trx, ctx, input, opts);
  const [{ id }] = (await trx('documents').insert(row).returning('id')) as Array<{ id: number }>;
  return { id, warnings };
}

/**
 * Every rule of the intake (customer, period lock, currency, branch, due date,
 * number) and the documents row it leads to, for the caller to insert: one by
 * one (intakeDocument) or many rows in one statement (the CSV import).
 */
export async function prepareIntake(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: IntakeInput,
  opts: IntakeOptions = {},
): Promise<{ row: Record<string, unknown>; warnings: Warning[] }> {
  const customer = opts.customer?.id === input.customerId ? opts.customer : await lockCustomer(trx, ctx, input.customerId);
  const settings = opts.settings ?? (await companySettings(trx, ctx.companyId));
  assertOpenPeriod(settings, input.issueDate, 'issueDate');
  const currency = ledgerCurrency(customer, input.currency);
  const exchangeRate = await documentRate(trx, ctx, currency, input);
  let branchTermId: number | null = null;
  if (input.branchId) {
    const branch = (await trx('branches')
      .where({ id: input.branchId, customerId: customer.id, companyId: ctx.companyId })
      .first('paymentTermId')) as { paymentTermId: number | null } | undefined;
    if (!branch)
      throw badRequest(
        'BRANCH_NOT_FOUND',
        { es: 'branchId: la sucursal no es de ese cliente', en: 'branchId: the branch does not belong to that customer' },
        [{ path: 'branchId', message: { es: 'no es de ese cliente', en: 'not of that customer' } }],
      );
    branchTermId = branch.paymentTermId;
  }
  const dueDate = input.dueDate ?? addDays(input.issueDate, await termDays(trx, ctx, customer, branchTermId));
  if (dueDate < input.issueDate)
    throw badRequest(
      'DUE_BEFORE_ISSUE',
      { es: 'El vencimiento no puede ser anterior a la emisión', en: 'The due date cannot be before the issue date' },
      [{ path: 'dueDate', message: { es: 'anterior a la emisión', en: 'before the issue date' } }],
    );
  const internal = input.type === 'AJP' || input.type === 'AJN';
  if (!internal)
    assertFiscalIntake(settings.companyIvaCondition, customer, {
      type: input.type,
      letter: input.letter,
      total: input.total,
      currency,
      fce: input.fce,
      fceCbu: input.fceCbu,
      fceOption: input.fceOption,
    });
  const pointOfSale = input.pointOfSale ?? settings.defaultReceiptPointOfSale;
  const number = internal ? await takeNumber(trx, ctx.companyId, input.type, pointOfSale, input.number) : input.number!;
  const warnings = isDebit(input.type) ? warningsFor(ctx, customer, input.total) : [];
  const row = {
    companyId: ctx.companyId,
    customerId: customer.id,
    branchId: input.branchId,
    type: input.type,
    letter: internal ? 'X' : input.letter,
    pointOfSale,
    number,
    issueDate: input.issueDate,
    dueDate,
    currency,
    exchangeRate,
    total: input.total,
    openAmount: input.total,
    status: 'posted',
    notes: input.notes,
    reason: input.reason ?? null,
    warnings: warnings.length ? JSON.stringify(warnings) : null,
    origin: opts.origin ?? 'api',
    createdBy: ctx.user.id,
    externalRef: input.externalRef ?? null,
    externalHash: input.externalRef ? intakeHash(input) : null,
    cae: input.cae ?? null,
    caeDueDate: input.caeDueDate ?? null,
    fce: input.fce ?? false,
    fceAcceptance: input.fceAcceptance ?? null,
    fceCbu: input.fceCbu ?? null,
    fceOption: input.fceOption ?? null,
  };
  return { row, warnings };
}

/**
 * The rate a document carries: pesos per dollar of a USD document, as billing sent it, else the
 * BNA seller rate in force on its issue date (reference/exchange-rates.ts). A peso document has
 * none. A USD document with neither is posted without one (the exchange difference of its
 * payment then cannot be proposed, and says why).
 */
async function documentRate(trx: Knex.Transaction, ctx: Ctx, currency: string, input: IntakeInput): Promise<string | null> {
  if (currency === 'ARS') {
    if (input.exchangeRate)
      throw badRequest(
        'RATE_NOT_APPLICABLE',
        {
          es: 'Un comprobante en pesos no lleva cotización',
          en: 'A document in pesos carries no exchange rate',
        },
        [{ path: 'exchangeRate', message: { es: 'solo para comprobantes en USD', en: 'only for USD documents' } }],
      );
    return null;
  }
  return input.exchangeRate ?? (await rateOn(trx, ctx.companyId, currency, input.issueDate));
}

/** What "the same body" means for an externalRef: the validated document, keys in a fixed order. */
export function intakeHash(input: IntakeInput): string {
  const canonical = Object.fromEntries(Object.entries(input).sort(([a], [b]) => a.localeCompare(b)));
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function validateIntake(ctx: Ctx, body: unknown): IntakeInput {
  const input = validate<IntakeInput>(documentIntakeSchema, body ?? {}, ctx.lang);
  assertCan(ctx.user.role, input.type === 'AJP' || input.type === 'AJN' ? 'ledger.supervise' : 'ledger.post');
  return input;
}

/**
 * Posts one document inside the caller's transaction, once per externalRef: a
 * document already posted with that reference is answered (200) when the body is
 * the same, and refused (409) when it is not. Concurrent posts of one reference
 * queue on an advisory lock, so exactly one inserts.
 */
async function intakeOnce(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: IntakeInput,
): Promise<{ status: 200 | 201; body: Record<string, unknown> }> {
  if (input.externalRef) {
    await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [ctx.companyId, input.externalRef]);
    const prior = (await trx('documents')
      .where({ companyId: ctx.companyId, externalRef: input.externalRef })
      .first('id', 'externalHash', 'warnings')) as { id: number; externalHash: string; warnings: unknown } | undefined;
    if (prior) {
      if (prior.externalHash !== intakeHash(input))
        throw conflict(
          'EXTERNAL_REF_CONFLICT',
          {
            es: `Ya se registró un comprobante con externalRef ${input.externalRef} y otro contenido`,
            en: `A document with externalRef ${input.externalRef} was already posted with a different body`,
          },
          [{ path: 'externalRef', message: { es: 'ya usado con otro contenido', en: 'already used with another body' } }],
        );
      const record = await getDocumentDetail(trx, ctx, Number(prior.id));
      return { status: 200, body: { ...record, warnings: prior.warnings ?? [] } };
    }
  }
  if (input.billingRequestId && billingRequestIntake) {
    // The request's path posts, links, audits and announces the document the way its cause does.
    const { id, warnings } = await billingRequestIntake(trx, ctx, { ...input, billingRequestId: input.billingRequestId });
    return { status: 201, body: { ...(await getDocumentDetail(trx, ctx, id)), warnings } };
  }
  const { id, warnings } = await intakeDocument(trx, ctx, input);
  await recomputeCustomer(trx, ctx.companyId, input.customerId);
  const record = await getDocumentDetail(trx, ctx, id);
  await audit(trx, ctx, { action: 'create', entity: 'documents', entityId: id, after: record });
  await emitEvent(trx, ctx, 'document.posted', record);
  return { status: 201, body: { ...record, warnings } };
}

export async function postDocument(ctx: Ctx, body: unknown) {
  const input = validateIntake(ctx, body);
  return withTransaction(ctx.knex, async (trx) => (await intakeOnce(trx, ctx, input)).body);
}

/**
 * POST /api/documents: intake from billing, safe to retry. The Idempotency-Key header
 * replays the first answer (as receipts do); an externalRef answers the first document.
 */
export async function receiveDocument(ctx: Ctx, body: unknown, idempotencyKey?: string): Promise<PostResult> {
  checkIdempotencyKey(idempotencyKey);
  const input = validateIntake(ctx, body);
  const hash = crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return withTransaction(ctx.knex, async (trx) => {
    if (idempotencyKey) {
      const prior = await claimIdempotencyKey(trx, ctx, idempotencyKey, hash);
      if (prior) return { ...prior, replayed: true };
    }
    const result = await intakeOnce(trx, ctx, input);
    if (idempotencyKey)
      await trx('idempotency_keys')
        .where({ companyId: ctx.companyId, key: idempotencyKey })
        .update({ statusCode: result.status, response: JSON.stringify(result.body) });
    return { ...result, replayed: false };
  });
}

/** An error of one document of a batch, its message and paths naming the document. */
function inBatch(err: AppError, index: number): AppError {
  const text = (m: AppError['text']) =>
    typeof m === 'string'
      ? `#${index + 1}: ${m}`
      : { es: `Documento ${index + 1}: ${m.es}`, en: `Document ${index + 1}: ${m.en}` };
  const details = err.details.length ? err.details : [{ path: '', message: err.text }];
  return new AppError(
    err.status,
    err.code,
    text(err.text),
    details.map((d) => ({ path: `documents[${index}]${d.path ? '.' + d.path : ''}`, message: d.message })),
    err.headers,
  );
}

/** An AppError for a refusal of one document, or undefined for a real fault. */
function asRefusal(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (isPgError(err)) return fromPgError(err);
  return undefined;
}

export interface BatchResult {
  index: number;
  status: number;
  id?: number;
  externalRef?: string | null;
  document?: Record<string, unknown>;
  error?: ReturnType<typeof toResponse>;
}

/**
 * POST /api/documents/batch: up to 1,000 documents in one transaction. All or nothing
 * by default (the first refusal answers for the whole batch, naming the document);
 * with `partial`, each document in its own savepoint and one result per document.
 */
export async function receiveBatch(ctx: Ctx, body: unknown, partial: boolean): Promise<{ results: BatchResult[] }> {
  assertCan(ctx.user.role, 'ledger.post');
  const { documents } = validate<{ documents: unknown[] }>(documentBatchSchema, body ?? {}, ctx.lang);
  const inputs = documents.map((item, index): IntakeInput | AppError => {
    try {
      return validateIntake(ctx, item);
    } catch (err) {
      const refusal = asRefusal(err);
      if (!refusal || !partial) throw refusal ? inBatch(refusal, index) : err;
      return inBatch(refusal, index);
    }
  });
  return withTransaction(ctx.knex, async (trx) => {
    // Every customer of the batch locked up front, in id order, so concurrent batches queue instead of deadlocking.
    const customerIds = inputs.flatMap((i) => (i instanceof AppError ? [] : [i.customerId]));
    await lockCustomers(
      trx,
      ctx,
      [...new Set(customerIds)].sort((a, b) => a - b),
    );
    const results: BatchResult[] = [];
    for (const [index, input] of inputs.entries()) {
      if (input instanceof AppError) {
        results.push({ index, status: input.status, error: toResponse(input, ctx.lang) });
        continue;
      }
      try {
        const done = partial ? await trx.transaction((sp) => intakeOnce(sp, ctx, input)) : await intakeOnce(trx, ctx, input);
        results.push({
          index,
          status: done.status,
          id: Number(done.body.id),
          externalRef: input.externalRef ?? null,
          document: done.body,
        });
      } catch (err) {
        const refusal = asRefusal(err);
        if (!refusal || !partial) throw refusal ? inBatch(refusal, index) : err;
        results.push({
          index,
          status: refusal.status,
          externalRef: input.externalRef ?? null,
          error: toResponse(inBatch(refusal, index), ctx.lang),
        });
      }
    }
    return { results };
  });
}

/** PUT /api/documents/by-ref/:externalRef: the corrections the ledger allows, found by the issuing system's id. */
export async function documentIdByRef(ctx: Ctx, externalRef: string): Promise<number> {
  const row = (await ctx.knex('documents').where({ companyId: ctx.companyId, externalRef }).first('id')) as
    { id: number } | undefined;
  if (!row)
    throw notFound({
      es: `No hay comprobante con externalRef ${externalRef}`,
      en: `No document with externalRef ${externalRef}`,
    });
  return Number(row.id);
}

/** Posted documents keep their amounts; a supervisor may still fix the notes and the due date. */
export async function updateDocument(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'documents.edit');
  const incoming = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  return withTransaction(ctx.knex, async (trx) => {
    const before = await getDocumentDetail(trx, ctx, id, { lock: true });
    const storedAcceptance = (
      (await trx('documents').where({ id, companyId: ctx.companyId }).first('fceAcceptance')) as { fceAcceptance: string | null }
    ).fceAcceptance;
    // The admin sends the record back whole: fields other than notes and dueDate must be unchanged.
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(incoming)) {
      if (key === 'notes' || key === 'dueDate') data[key] = value;
      // The buyer's answer to an FCE (and why it rejected it) is reported by billing after the invoice.
      else if (key === 'fceAcceptance' && value !== before.fceAcceptance) data[key] = value;
      else if (key === 'fceRejectionReason' && value !== before.fceRejectionReason) data[key] = value;
      else if (key === 'fceCancellationInformed' && value !== before.fceCancellationInformed) {
        if (before.fceCancellationInformed === null || before.fceCancellationInformed === undefined)
          throw badRequest(
            'NOT_FCE',
            {
              es: 'Solo un recibo que paga una FCE informa su cancelación',
              en: 'Only a receipt paying an FCE informs its cancellation',
            },
            [{ path: key, message: { es: 'el recibo no paga una FCE', en: 'the receipt pays no FCE' } }],
          );
        data[key] = value;
      } else if (key in before && JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]))
        throw badRequest(
          'IMMUTABLE',
          {
            es: `Un comprobante registrado no cambia su ${key}; anúlelo o ajústelo`,
            en: `A posted document cannot change its ${key}; cancel or adjust it`,
          },
          [{ path: key, message: { es: 'no se puede modificar', en: 'cannot be changed' } }],
        );
      else if (!(key in before))
        throw badRequest('VALIDATION', { es: `${key} no es un campo conocido`, en: `${key} is not a known field` });
    }
    const valid = validate<{
      notes?: string | null;
      dueDate?: string;
      fceAcceptance?: string;
      fceRejectionReason?: string;
      fceCancellationInformed?: boolean;
    }>(documentUpdateSchema, data, ctx.lang);
    if ((valid.fceAcceptance || valid.fceRejectionReason) && !before.fce)
      throw badRequest(
        'NOT_FCE',
        {
          es: 'Solo una Factura de Crédito Electrónica tiene estado de aceptación',
          en: 'Only an FCE invoice has an acceptance state',
        },
        [{ path: 'fceAcceptance', message: { es: 'el comprobante no es FCE', en: 'the document is not an FCE' } }],
      );
    if (valid.fceAcceptance || valid.fceRejectionReason)
      assertFceAnswer(
        { displayNumber: before.displayNumber as string, issueDate: before.issueDate as string, fceAcceptance: storedAcceptance },
        valid.fceAcceptance ?? (before.fceAcceptance as string),
        valid.fceRejectionReason,
        today(),
      );
    if (valid.fceAcceptance === 'accepted' && valid.fceRejectionReason)
      throw badRequest(
        'FCE_REJECTION_REASON',
        { es: 'Una FCE aceptada no lleva motivo de rechazo', en: 'An accepted FCE has no rejection reason' },
        [{ path: 'fceRejectionReason', message: { es: 'solo al rechazar', en: 'only when rejecting' } }],
      );
    if (valid.dueDate && valid.dueDate < (before.issueDate as string))
      throw badRequest(
        'DUE_BEFORE_ISSUE',
        { es: 'El vencimiento no puede ser anterior a la emisión', en: 'The due date cannot be before the issue date' },
        [{ path: 'dueDate', message: { es: 'anterior a la emisión', en: 'before the issue date' } }],
      );
    if (Object.keys(valid).length) {
      await trx('documents')
        .where({ id, companyId: ctx.companyId })
        .update({ ...valid, updatedAt: trx.fn.now() });
      if (valid.dueDate && before.customerId) {
        await lockCustomer(trx, ctx, before.customerId as number);
        await recomputeCustomer(trx, ctx.companyId, before.customerId as number);
      }
    }
    const after = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'update', entity: 'documents', entityId: id, before, after });
    return after;
  });
}

export interface LockedDoc {
  id: number;
  customerId: number | null;
  type: DocumentType;
  letter: string;
  cae: string | null;
  fce: boolean;
  currency: string;
  branchId: number | null;
  status: string;
  issueDate: string;
  total: string;
  openAmount: string;
  displayNumber: string;
}

/** The debits (or any documents) of a posting locked in id order: a statement built once (db/statement.ts). */
const lockDocumentsStatement = statement<'companyId' | 'ids'>((db, p) =>
  db('documents')
    .where({ companyId: p('companyId') })
    .whereRaw('id = ANY(?::bigint[])', [p('ids')])
    .orderBy('id')
    .forUpdate()
    .select(
      'id',
      'customerId',
      'type',
      'letter',
      'cae',
      'fce',
      'currency',
      'branchId',
      'status',
      'issueDate',
      'total',
      'openAmount',
      'displayNumber',
    ),
);

export async function lockDocuments(trx: Knex.Transaction, ctx: Ctx, ids: number[]): Promise<Map<number, LockedDoc>> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const rows = (await lockDocumentsStatement(trx, { companyId: ctx.companyId, ids: unique })) as unknown as LockedDoc[];
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/**
 * Reverses the active applications of a document as of `date`, restoring both
 * open amounts; the rows stay, marked reversed.
 */
export async function reverseApplicationsOf(
  trx: Knex.Transaction,
  ctx: Ctx,
  documentId: number,
  date: string,
  reason: string,
): Promise<Array<{ id: number; counterpartId: number; amount: string }>> {
  const apps = (await trx('applications')
    .where({ companyId: ctx.companyId })
    .whereNull('reversedAt')
    .where((w) => w.where('creditDocumentId', documentId).orWhere('debitDocumentId', documentId))
    .orderBy('id')
    .forUpdate()
    .select('id', 'creditDocumentId', 'debitDocumentId', 'amount', 'date')) as Array<{
    id: number;
    creditDocumentId: number;
    debitDocumentId: number;
    amount: string;
    date: string;
  }>;
  const late = apps.find((a) => a.date > date);
  if (late)
    throw conflict('DATE_BEFORE_APPLICATION', {
      es: `La fecha ${fmt(date)} es anterior a una imputación del ${fmt(late.date)}`,
      en: `The date ${date} is before an application dated ${late.date}`,
    });
  const counterparts = apps.map((a) => Number(a.creditDocumentId === documentId ? a.debitDocumentId : a.creditDocumentId));
  await lockDocuments(trx, ctx, [documentId, ...counterparts]);
  for (const a of apps) {
    await trx('applications')
      .where({ id: a.id, companyId: ctx.companyId })
      .update({ reversedAt: trx.fn.now(), reversedBy: ctx.user.id, reversalDate: date, reversalReason: reason.slice(0, 500) });
    await trx('documents')
      .where({ companyId: ctx.companyId })
      .whereIn('id', [a.creditDocumentId, a.debitDocumentId])
      .update({ openAmount: trx.raw('open_amount + ?', [a.amount]), updatedAt: trx.fn.now() });
  }
  return apps.map((a, i) => ({ id: a.id, counterpartId: counterparts[i], amount: a.amount }));
}

/**
 * Cancels a posted document as of a date: its applications are reversed, its
 * number stays used, and for a receipt its values leave the portfolio (only while
 * all of them are still in it) and its withholding certificates are released.
 */
export async function cancelDocument(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ reason: string; date?: string }>(cancelSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const peek = (await trx('documents').where({ id, companyId: ctx.companyId }).first('customerId', 'status')) as
      { customerId: number | null; status: string } | undefined;
    if (!peek) throw notFound();
    if (peek.customerId) await lockCustomer(trx, ctx, peek.customerId);
    const doc = (await lockDocuments(trx, ctx, [id])).get(id)!;
    if (doc.status !== 'posted')
      throw conflict(doc.status === 'cancelled' ? 'DOCUMENT_CANCELLED' : 'DOCUMENT_VOIDED', {
        es: `${doc.displayNumber} ya está ${doc.status === 'cancelled' ? 'anulado' : 'registrado como anulado'}`,
        en: `${doc.displayNumber} is already ${doc.status}`,
      });
    if (isFiscalDocument(doc))
      throw conflict(
        'FISCAL_DOCUMENT',
        {
          es: `${doc.displayNumber} es un comprobante fiscal: no se anula, se revierte con una nota de crédito (POST /api/documents/${id}/credit-note) (RG 1415)`,
          en: `${doc.displayNumber} is a fiscal document: it is not cancelled but reversed by a credit note (POST /api/documents/${id}/credit-note) (RG 1415)`,
        },
        [{ path: '', message: { es: 'genere una nota de crédito', en: 'issue a credit note' } }],
      );
    const settings = await companySettings(trx, ctx.companyId);
    const date = input.date ?? today();
    assertOpenPeriod(settings, date);
    if (date < doc.issueDate)
      throw badRequest(
        'DATE_BEFORE_ISSUE',
        {
          es: `La anulación no puede ser anterior a la emisión (${fmt(doc.issueDate)})`,
          en: `The cancellation cannot be before the issue date (${doc.issueDate})`,
        },
        [{ path: 'date', message: { es: 'anterior a la emisión', en: 'before the issue date' } }],
      );
    if (doc.type === 'REC') {
      // Still held (in the portfolio, an ECHEQ to accept or accepted), or repudiated (it never came in).
      const moved = (await trx('values')
        .where({ receiptId: id, companyId: ctx.companyId })
        .whereNotIn('state', [...HELD_STATES, 'repudiated'])
        .select('number', 'state')) as Array<{
        number: string;
        state: string;
      }>;
      if (moved.length)
        throw conflict('VALUES_OUT_OF_PORTFOLIO', {
          es: `El recibo tiene valores que ya salieron de cartera (${moved.map((v) => `Nº ${v.number}: ${v.state}`).join(', ')}); no se puede anular`,
          en: `The receipt has values no longer in the portfolio (${moved.map((v) => `#${v.number}: ${v.state}`).join(', ')}); it cannot be cancelled`,
        });
      const presented = (await trx('card_coupons')
        .where({ companyId: ctx.companyId, receiptId: id })
        .whereNot('state', 'pending')
        .select('couponNumber', 'state')) as Array<{ couponNumber: string; state: string }>;
      if (presented.length)
        throw conflict('CARD_COUPONS_PRESENTED', {
          es: `El recibo tiene cupones de tarjeta ya presentados o liquidados (${presented.map((c) => `Nº ${c.couponNumber}`).join(', ')}); no se puede anular`,
          en: `The receipt has card coupons already presented or settled (${presented.map((c) => `#${c.couponNumber}`).join(', ')}); it cannot be cancelled`,
        });
    }
    const before = await getDocumentDetail(trx, ctx, id);
    const reversed = await reverseApplicationsOf(trx, ctx, id, date, `Anulación: ${input.reason}`);
    const cancelled = [id];
    if (doc.type === 'REC') {
      const values = (await trx('values')
        .where({ receiptId: id, companyId: ctx.companyId })
        .whereIn('state', HELD_STATES)
        .forUpdate()
        .select('id', 'state')) as Array<{ id: number; state: string }>;
      for (const v of values) {
        await trx('values')
          .where({ id: v.id, companyId: ctx.companyId })
          .update({ state: 'cancelled', stateDate: date, stateReason: input.reason, updatedAt: trx.fn.now() });
        await trx('value_transitions').insert({
          companyId: ctx.companyId,
          valueId: v.id,
          fromState: v.state,
          toState: 'cancelled',
          date,
          reason: input.reason,
          documentId: id,
          userId: ctx.user.id,
        });
      }
      await trx('receipt_withholdings').where({ documentId: id, companyId: ctx.companyId }).update({ active: false });
      // Its card coupons are void, and the surcharges they billed with them (the receipt paid them).
      const coupons = (await trx('card_coupons')
        .where({ companyId: ctx.companyId, receiptId: id })
        .update({ state: 'cancelled', updatedAt: trx.fn.now() })
        .returning('surchargeDocumentId')) as Array<{ surchargeDocumentId: number | null }>;
      const notes = coupons.map((c) => c.surchargeDocumentId).filter((n): n is number => n !== null);
      for (const note of notes) await reverseApplicationsOf(trx, ctx, note, date, `Anulación: ${input.reason}`);
      cancelled.push(...notes);
    }
    await trx('documents').where({ companyId: ctx.companyId }).whereIn('id', cancelled).update({
      status: 'cancelled',
      cancelDate: date,
      cancelReason: input.reason,
      cancelledBy: ctx.user.id,
      cancelledAt: trx.fn.now(),
      updatedAt: trx.fn.now(),
    });
    if (doc.customerId) await recomputeCustomer(trx, ctx.companyId, doc.customerId);
    const after = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'cancel', entity: 'documents', entityId: id, before, after });
    await emitEvent(trx, ctx, doc.type === 'REC' ? 'receipt.cancelled' : 'document.cancelled', after);
    return { ...after, reversedApplications: reversed };
  });
}
