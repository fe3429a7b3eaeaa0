import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
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
  lockCustomer,
  takeNumber,
  type CompanySettings,
  type DocumentType,
  type LockedCustomer,
} from './posting';
import { recomputeCustomer } from '../customers';
import { cancelSchema, documentIntakeSchema, documentUpdateSchema } from './ledger.schemas';
import { getDocumentDetail } from './ledger.queries';

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
  total: string;
  notes: string | null;
  reason?: string;
}

export interface Warning {
  code: string;
  message: string;
}

async function termDays(trx: Knex.Transaction, customer: LockedCustomer, branchTermId: number | null): Promise<number> {
  const termId = branchTermId ?? customer.paymentTermId;
  if (!termId) return 0;
  const term = (await trx('payment_terms').where({ id: termId }).first('days')) as { days: number } | undefined;
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
  origin?: 'api' | 'import';
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
  const currency = input.currency ?? customer.currency;
  if (currency !== customer.currency)
    throw badRequest(
      'CURRENCY_MISMATCH',
      {
        es: `La cuenta corriente de ${customer.code} es en ${customer.currency}; el comprobante no puede ser en ${currency}`,
        en: `The current account of ${customer.code} is in ${customer.currency}; the document cannot be in ${currency}`,
      },
      [{ path: 'currency', message: { es: `debe ser ${customer.currency}`, en: `must be ${customer.currency}` } }],
    );
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
  const dueDate = input.dueDate ?? addDays(input.issueDate, await termDays(trx, customer, branchTermId));
  if (dueDate < input.issueDate)
    throw badRequest(
      'DUE_BEFORE_ISSUE',
      { es: 'El vencimiento no puede ser anterior a la emisión', en: 'The due date cannot be before the issue date' },
      [{ path: 'dueDate', message: { es: 'anterior a la emisión', en: 'before the issue date' } }],
    );
  const internal = input.type === 'AJP' || input.type === 'AJN';
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
    total: input.total,
    openAmount: input.total,
    status: 'posted',
    notes: input.notes,
    reason: input.reason ?? null,
    warnings: warnings.length ? JSON.stringify(warnings) : null,
    origin: opts.origin ?? 'api',
    createdBy: ctx.user.id,
  };
  return { row, warnings };
}

export async function postDocument(ctx: Ctx, body: unknown) {
  const input = validate<IntakeInput>(documentIntakeSchema, body ?? {}, ctx.lang);
  assertCan(ctx.user.role, input.type === 'AJP' || input.type === 'AJN' ? 'ledger.supervise' : 'ledger.post');
  return withTransaction(ctx.knex, async (trx) => {
    const { id, warnings } = await intakeDocument(trx, ctx, input);
    await recomputeCustomer(trx, input.customerId);
    const record = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'create', entity: 'documents', entityId: id, after: record });
    return { ...record, warnings };
  });
}

/** Posted documents keep their amounts; a supervisor may still fix the notes and the due date. */
export async function updateDocument(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'documents.edit');
  const incoming = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  return withTransaction(ctx.knex, async (trx) => {
    const before = await getDocumentDetail(trx, ctx, id, { lock: true });
    // The admin sends the record back whole: fields other than notes and dueDate must be unchanged.
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(incoming)) {
      if (key === 'notes' || key === 'dueDate') data[key] = value;
      else if (key in before && JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]))
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
    const valid = validate<{ notes?: string | null; dueDate?: string }>(documentUpdateSchema, data, ctx.lang);
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
        await recomputeCustomer(trx, before.customerId as number);
      }
    }
    const after = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'update', entity: 'documents', entityId: id, before, after });
    return after;
  });
}

interface LockedDoc {
  id: number;
  customerId: number | null;
  type: DocumentType;
  status: string;
  issueDate: string;
  total: string;
  openAmount: string;
  displayNumber: string;
}

export async function lockDocuments(trx: Knex.Transaction, ctx: Ctx, ids: number[]): Promise<Map<number, LockedDoc>> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const rows = (await trx('documents')
    .where({ companyId: ctx.companyId })
    .whereIn('id', unique)
    .orderBy('id')
    .forUpdate()
    .select('id', 'customerId', 'type', 'status', 'issueDate', 'total', 'openAmount', 'displayNumber')) as LockedDoc[];
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
      .where({ id: a.id })
      .update({ reversedAt: trx.fn.now(), reversedBy: ctx.user.id, reversalDate: date, reversalReason: reason.slice(0, 500) });
    await trx('documents')
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
      const moved = (await trx('values')
        .where({ receiptId: id })
        .whereNot({ state: 'in_portfolio' })
        .select('number', 'state')) as Array<{
        number: string;
        state: string;
      }>;
      if (moved.length)
        throw conflict('VALUES_OUT_OF_PORTFOLIO', {
          es: `El recibo tiene valores que ya salieron de cartera (${moved.map((v) => `Nº ${v.number}: ${v.state}`).join(', ')}); no se puede anular`,
          en: `The receipt has values no longer in the portfolio (${moved.map((v) => `#${v.number}: ${v.state}`).join(', ')}); it cannot be cancelled`,
        });
    }
    const before = await getDocumentDetail(trx, ctx, id);
    const reversed = await reverseApplicationsOf(trx, ctx, id, date, `Anulación: ${input.reason}`);
    if (doc.type === 'REC') {
      const values = (await trx('values').where({ receiptId: id }).forUpdate().select('id')) as Array<{ id: number }>;
      for (const v of values) {
        await trx('values')
          .where({ id: v.id })
          .update({ state: 'cancelled', stateDate: date, stateReason: input.reason, updatedAt: trx.fn.now() });
        await trx('value_transitions').insert({
          companyId: ctx.companyId,
          valueId: v.id,
          fromState: 'in_portfolio',
          toState: 'cancelled',
          date,
          reason: input.reason,
          documentId: id,
          userId: ctx.user.id,
        });
      }
      await trx('receipt_withholdings').where({ documentId: id }).update({ active: false });
    }
    await trx('documents').where({ id }).update({
      status: 'cancelled',
      cancelDate: date,
      cancelReason: input.reason,
      cancelledBy: ctx.user.id,
      cancelledAt: trx.fn.now(),
      updatedAt: trx.fn.now(),
    });
    if (doc.customerId) await recomputeCustomer(trx, doc.customerId);
    const after = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'cancel', entity: 'documents', entityId: id, before, after });
    return { ...after, reversedApplications: reversed };
  });
}
