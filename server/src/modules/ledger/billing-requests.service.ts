import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import type { Translated } from '../../http/i18n';
import { Joi, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { getRecord, type ResourceDef } from '../../http/resource';
import { D, formatMoney } from '../../lib/money';
import { today } from '../../lib/dates';
import { recomputeCustomer } from '../customers';
import { emitEvent } from '../integrations';
import { allowedLetters, arcaCode } from '../../../../shared/catalog/fiscal';
import { companySettings, lockCustomer, lockCustomers } from './posting';
import {
  intakeDocument,
  intakeHash,
  lockDocuments,
  onBillingRequestIntake,
  type IntakeInput,
  type Warning,
} from './documents.service';
import { assertNoPendingRequest, assertReversible, lockReversible, reverseWithCreditNote } from './credit-notes.service';
import { differenceLinesSchema, differenceNotes, lockDifferenceLines, recordDifference } from './exchange-difference.service';
import type { DifferenceLine } from '../../../../shared/contract/fiscal';
import {
  interestNotes,
  interestParamsSchema,
  lockInterestRun,
  parseInterestParams,
  recordInterestCharges,
} from './interest.service';
import { getDocumentDetail } from './ledger.queries';
import { onKey } from '../../db/keys';

/*
 * Requests to billing. Where the ledger would post an internal note (letter X), a supervisor may
 * instead ask billing to issue the fiscal document: a credit note reversing an invoice (RG 1415: an
 * authorised document is corrected by a credit note), an exchange-difference ND/NC (CCyC art. 765),
 * a customer's late-payment interest ND (CCyC arts. 768–770). The request is written with its
 * webhook event (billing_request.created) in one transaction; it names what billing must issue —
 * type, the letter the fiscal rules give (shared/catalog/fiscal.ts, RG 1415 arts. 8–11), its ARCA
 * code, customer, currency, total and cause. Billing answers by posting the document to
 * POST /api/documents with `billingRequestId`: the same intake, then the same link to the cause the
 * internal path writes (credit-notes.service.ts, exchange-difference.service.ts, interest.service.ts).
 * While pending the request holds its cause: a second request or an internal note for the same
 * invoice, application or days is refused.
 */

export const BILLING_REQUEST_CAUSES = ['credit_note', 'exchange_difference', 'interest'] as const;
export const BILLING_REQUEST_STATES = ['pending', 'fulfilled', 'cancelled'] as const;
type Cause = (typeof BILLING_REQUEST_CAUSES)[number];

export const billingRequestsResource: ResourceDef = {
  name: 'billing-requests',
  table: 'billing_requests',
  entity: 'billing_requests',
  alias: 'br',
  access: { read: 'read', export: 'export' },
  fields: {
    id: { type: 'int', sort: true },
    cause: { type: 'enum', values: BILLING_REQUEST_CAUSES, filter: true, sort: true },
    state: { type: 'enum', values: BILLING_REQUEST_STATES, filter: true, sort: true },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code', sort: true },
    customerName: { type: 'text', sql: 'c.legal_name', sort: true },
    customerIvaCondition: { type: 'int', sql: 'c.iva_condition' },
    customerTaxIdType: { type: 'text', sql: 'c.tax_id_type' },
    customerTaxId: { type: 'text', sql: 'c.tax_id' },
    type: { type: 'text', filter: true },
    letter: { type: 'text' },
    fce: { type: 'bool' },
    arcaCode: { type: 'int' },
    currency: { type: 'text', filter: true },
    exchangeRate: { type: 'decimal' },
    total: { type: 'money', sort: true },
    issueDate: { type: 'date', range: true, sort: true },
    reason: { type: 'text' },
    causeDocumentId: { type: 'int', filter: true },
    causeDisplayNumber: { type: 'text', sql: 'cd.display_number' },
    applicationId: { type: 'int', filter: true },
    detail: { type: 'json', csv: false },
    documentId: { type: 'int', filter: true },
    documentDisplayNumber: { type: 'text', sql: 'fd.display_number' },
    fulfilledAt: { type: 'timestamp', sort: true },
    cancelledAt: { type: 'timestamp' },
    cancelReason: { type: 'text' },
    createdAt: { type: 'timestamp', sort: true },
    updatedAt: { type: 'timestamp', csv: false },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'br.customer_id'))
      .leftJoin('documents as cd', onKey('cd', 'br.cause_document_id'))
      .leftJoin('documents as fd', onKey('fd', 'br.document_id'));
  },
  search: ['c.code', 'c.legal_name', 'cd.display_number', 'fd.display_number'],
  defaultSort: ['id', 'DESC'],
};

interface NewRequest {
  cause: Cause;
  customerId: number;
  type: 'ND' | 'NC';
  letter: string;
  fce?: boolean;
  currency: string;
  exchangeRate?: string | null;
  total: string;
  issueDate: string;
  reason: string;
  causeDocumentId?: number | null;
  applicationId?: number | null;
  detail: Record<string, unknown>;
}

/** Writes one request and its event (what billing must issue) in the caller's transaction. */
async function createRequest(trx: Knex.Transaction, ctx: Ctx, r: NewRequest): Promise<Record<string, unknown>> {
  const [{ id }] = (await trx('billing_requests')
    .insert({
      companyId: ctx.companyId,
      ...r,
      fce: r.fce ?? false,
      arcaCode: arcaCode(r.type, r.letter, r.fce),
      exchangeRate: r.exchangeRate ?? null,
      causeDocumentId: r.causeDocumentId ?? null,
      applicationId: r.applicationId ?? null,
      detail: JSON.stringify(r.detail),
      requestedBy: ctx.user.id,
    })
    .returning('id')) as Array<{ id: number }>;
  const record = await getRecord(billingRequestsResource, ctx, Number(id), { trx });
  await audit(trx, ctx, { action: 'create', entity: 'billing_requests', entityId: Number(id), after: record });
  await emitEvent(trx, ctx, 'billing_request.created', record);
  return record;
}

/** The fiscal letter billing issues to a customer: the first the rules allow (A before M). */
async function letterFor(trx: Knex.Transaction, ctx: Ctx, ivaCondition: number): Promise<string> {
  const settings = await companySettings(trx, ctx.companyId);
  return allowedLetters(settings.companyIvaCondition, ivaCondition)[0];
}

const creditNoteRequestSchema = Joi.object({
  documentId: Joi.number().integer().min(1).max(2147483647).required(),
  total: Joi.money().positive(),
  reason: Joi.string().trim().min(3).max(500).required(),
});

/** POST /api/billing-requests/credit-note: billing is asked for the NC that reverses a fiscal invoice or ND. */
export async function requestCreditNote(ctx: Ctx, body: unknown): Promise<{ requests: Array<Record<string, unknown>> }> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ documentId: number; total?: string; reason: string }>(creditNoteRequestSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const doc = await lockReversible(trx, ctx, input.documentId);
    const issueDate = today();
    const total = assertReversible(doc, input.total, issueDate);
    await assertNoPendingRequest(trx, ctx, doc);
    const invoice = (await trx('documents')
      .where({ companyId: ctx.companyId, id: doc.id })
      .first('pointOfSale', 'number', 'issueDate', 'cae', 'arcaCode', 'exchangeRate', 'externalRef')) as Record<string, unknown>;
    const record = await createRequest(trx, ctx, {
      cause: 'credit_note',
      customerId: doc.customerId!,
      type: 'NC',
      letter: doc.letter,
      fce: doc.fce,
      currency: doc.currency,
      exchangeRate: (invoice.exchangeRate as string | null) ?? null,
      total,
      issueDate,
      reason: input.reason,
      causeDocumentId: doc.id,
      // The associated document an NC names (wsfev1 CbtesAsoc).
      detail: { reverses: { id: doc.id, displayNumber: doc.displayNumber, type: doc.type, letter: doc.letter, ...invoice } },
    });
    return { requests: [record] };
  });
}

const differenceRequestSchema = differenceLinesSchema.keys({
  receiptId: Joi.number().integer().min(1).max(2147483647).required(),
});

/** POST /api/billing-requests/exchange-difference: one request per open line of a receipt's proposal. */
export async function requestExchangeDifference(ctx: Ctx, body: unknown): Promise<{ requests: Array<Record<string, unknown>> }> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ receiptId: number; applicationIds?: number[] }>(differenceRequestSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const { proposal, lines } = await lockDifferenceLines(trx, ctx, input.receiptId, input.applicationIds);
    const customer = await lockCustomer(trx, ctx, proposal.customerId);
    const letter = await letterFor(trx, ctx, customer.ivaCondition);
    const requests: Array<Record<string, unknown>> = [];
    for (const l of lines)
      requests.push(
        await createRequest(trx, ctx, {
          cause: 'exchange_difference',
          customerId: proposal.customerId,
          type: l.type,
          letter,
          currency: proposal.currency,
          exchangeRate: l.dayRate,
          total: l.amount,
          issueDate: proposal.issueDate,
          reason: differenceNotes(proposal.displayNumber, l),
          causeDocumentId: proposal.receiptId,
          applicationId: l.applicationId,
          detail: { receipt: proposal.displayNumber, line: l },
        }),
      );
    return { requests };
  });
}

const interestRequestSchema = interestParamsSchema;

/** POST /api/billing-requests/interest: one ND request per customer of the run; its days are held at once. */
export async function requestInterest(ctx: Ctx, body: unknown): Promise<{ requests: Array<Record<string, unknown>> }> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const params = parseInterestParams(ctx, body);
  return withTransaction(ctx.knex, async (trx) => {
    const { proposals } = await lockInterestRun(trx, ctx, params);
    const customers = await lockCustomers(
      trx,
      ctx,
      proposals.map((p) => p.customerId),
    );
    const requests: Array<Record<string, unknown>> = [];
    for (const p of proposals) {
      const record = await createRequest(trx, ctx, {
        cause: 'interest',
        customerId: p.customerId,
        type: 'ND',
        letter: await letterFor(trx, ctx, customers.get(p.customerId)!.ivaCondition),
        currency: p.currency,
        total: p.total,
        issueDate: params.date,
        reason: interestNotes(params.date, p),
        detail: { date: params.date, graceDays: params.graceDays, lines: p.lines },
      });
      await recordInterestCharges(trx, ctx, p, { billingRequestId: Number(record.id) });
      requests.push(record);
    }
    return { requests };
  });
}

interface RequestRow {
  id: number;
  cause: Cause;
  state: string;
  customerId: number;
  type: string;
  letter: string;
  fce: boolean;
  currency: string;
  total: string;
  reason: string;
  causeDocumentId: number | null;
  applicationId: number | null;
  detail: { line?: DifferenceLine };
  documentId: number | null;
}

async function lockRequest(trx: Knex.Transaction, ctx: Ctx, id: number): Promise<RequestRow> {
  const row = (await trx('billing_requests').where({ companyId: ctx.companyId, id }).forUpdate().first()) as
    RequestRow | undefined;
  if (!row) throw notFound();
  return row;
}

function assertPending(r: RequestRow): void {
  if (r.state !== 'pending')
    throw conflict(r.state === 'fulfilled' ? 'BILLING_REQUEST_FULFILLED' : 'BILLING_REQUEST_CANCELLED', {
      es:
        r.state === 'fulfilled'
          ? `El pedido a facturación ${r.id} ya fue cumplido con otro comprobante`
          : `El pedido a facturación ${r.id} fue cancelado`,
      en:
        r.state === 'fulfilled'
          ? `Billing request ${r.id} was already fulfilled by another document`
          : `Billing request ${r.id} was cancelled`,
    });
}

/** What billing posted must be what was asked: customer, type, letter, FCE, currency and total. */
function assertMatches(r: RequestRow, input: IntakeInput, currency: string): void {
  const asked: Array<[keyof IntakeInput, unknown, unknown, Translated]> = [
    [
      'customerId',
      input.customerId,
      Number(r.customerId),
      { es: `debe ser el cliente ${r.customerId}`, en: `must be customer ${r.customerId}` },
    ],
    ['type', input.type, r.type, { es: `debe ser ${r.type}`, en: `must be ${r.type}` }],
    ['letter', input.letter, r.letter, { es: `debe ser ${r.letter}`, en: `must be ${r.letter}` }],
    [
      'fce',
      input.fce ?? false,
      r.fce,
      { es: r.fce ? 'debe ser una FCE' : 'no es una FCE', en: r.fce ? 'must be an FCE' : 'is not an FCE' },
    ],
    ['currency', currency, r.currency, { es: `debe ser ${r.currency}`, en: `must be ${r.currency}` }],
    [
      'total',
      new D(input.total).toFixed(2),
      new D(r.total).toFixed(2),
      { es: `debe ser ${formatMoney(r.total)}`, en: `must be ${formatMoney(r.total, 'en')}` },
    ],
  ];
  const wrong = asked.filter(([, given, wanted]) => given !== wanted);
  if (wrong.length)
    throw badRequest(
      'BILLING_REQUEST_MISMATCH',
      {
        es: `El comprobante no es el que pidió el pedido a facturación ${r.id}: revise ${wrong.map(([k]) => k).join(', ')}`,
        en: `The document is not what billing request ${r.id} asked for: check ${wrong.map(([k]) => k).join(', ')}`,
      },
      wrong.map(([path, , , message]) => ({ path, message })),
    );
}

/**
 * A document billing issued for a request (POST /api/documents with billingRequestId), inside the
 * intake's transaction: the customer locked, then the request (a concurrent fulfilment waits and
 * finds it fulfilled: 409), then the document posted and linked the way the cause's internal path does.
 */
async function fulfil(
  trx: Knex.Transaction,
  ctx: Ctx,
  input: IntakeInput & { billingRequestId: number },
): Promise<{ id: number; warnings: Warning[] }> {
  const peek = (await trx('billing_requests')
    .where({ companyId: ctx.companyId, id: input.billingRequestId })
    .first('customerId')) as { customerId: number } | undefined;
  if (!peek)
    throw badRequest(
      'BILLING_REQUEST_NOT_FOUND',
      {
        es: `No hay pedido a facturación ${input.billingRequestId}`,
        en: `There is no billing request ${input.billingRequestId}`,
      },
      [{ path: 'billingRequestId', message: { es: 'no existe', en: 'does not exist' } }],
    );
  const customer = await lockCustomer(trx, ctx, peek.customerId);
  const r = await lockRequest(trx, ctx, input.billingRequestId);
  assertPending(r);
  assertMatches(r, input, input.currency ?? customer.currency);
  let id: number;
  let warnings: Warning[] = [];
  if (r.cause === 'credit_note') {
    const doc = (await lockDocuments(trx, ctx, [Number(r.causeDocumentId)])).get(Number(r.causeDocumentId))!;
    const note = await reverseWithCreditNote(
      trx,
      ctx,
      doc,
      {
        pointOfSale: input.pointOfSale!,
        number: input.number!,
        issueDate: input.issueDate,
        total: input.total,
        reason: r.reason,
        cae: input.cae ?? null,
        caeDueDate: input.caeDueDate,
        externalRef: input.externalRef,
      },
      { notes: input.notes ?? undefined },
    );
    id = Number(note.id);
    // A retry of billing's post (same externalRef, same body) answers this document.
    if (input.externalRef)
      await trx('documents')
        .where({ companyId: ctx.companyId, id })
        .update({ externalHash: intakeHash(input) });
  } else {
    if (r.cause === 'exchange_difference') {
      const app = (await trx('applications').where({ companyId: ctx.companyId, id: r.applicationId }).first('reversedAt')) as {
        reversedAt: string | null;
      };
      if (app.reversedAt)
        throw conflict('BILLING_REQUEST_CAUSE_GONE', {
          es: `La imputación del pedido a facturación ${r.id} fue desimputada: cancele el pedido`,
          en: `The application of billing request ${r.id} was reversed: cancel the request`,
        });
    }
    const posted = await intakeDocument(
      trx,
      ctx,
      { ...input, notes: input.notes ?? r.reason },
      {
        origin: r.cause === 'interest' ? 'interest' : 'fx_diff',
        customer,
      },
    );
    id = posted.id;
    warnings = posted.warnings;
    if (r.cause === 'exchange_difference')
      await recordDifference(trx, ctx, { customerId: r.customerId, receiptId: Number(r.causeDocumentId) }, r.detail.line!, id);
    else
      await trx('interest_charges')
        .where({ companyId: ctx.companyId, billingRequestId: r.id })
        .whereNull('documentId')
        .update({ documentId: id });
    await recomputeCustomer(trx, ctx.companyId, r.customerId);
    const record = await getDocumentDetail(trx, ctx, id);
    await audit(trx, ctx, { action: 'create', entity: 'documents', entityId: id, after: record });
    await emitEvent(trx, ctx, 'document.posted', record);
  }
  await trx('billing_requests')
    .where({ companyId: ctx.companyId, id: r.id })
    .update({ state: 'fulfilled', documentId: id, fulfilledAt: trx.fn.now(), updatedAt: trx.fn.now() });
  await audit(trx, ctx, {
    action: 'fulfil',
    entity: 'billing_requests',
    entityId: Number(r.id),
    before: { state: 'pending' },
    after: { state: 'fulfilled', documentId: id },
  });
  return { id, warnings };
}

onBillingRequestIntake(fulfil);

const cancelRequestSchema = Joi.object({ reason: Joi.string().trim().min(3).max(500).required() });

/** A pending request is cancelled (billing will not issue it): its cause is free again, its interest days uncharged. */
export async function cancelBillingRequest(ctx: Ctx, id: number, body: unknown): Promise<Record<string, unknown>> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ reason: string }>(cancelRequestSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const peek = (await trx('billing_requests').where({ companyId: ctx.companyId, id }).first('customerId')) as
      { customerId: number } | undefined;
    if (!peek) throw notFound();
    await lockCustomer(trx, ctx, peek.customerId);
    const r = await lockRequest(trx, ctx, id);
    assertPending(r);
    const before = await getRecord(billingRequestsResource, ctx, id, { trx });
    // The days were held for the request's ND, never charged by a document: they are released (the request keeps its lines).
    await trx('interest_charges').where({ companyId: ctx.companyId, billingRequestId: id }).whereNull('documentId').delete();
    await trx('billing_requests').where({ companyId: ctx.companyId, id }).update({
      state: 'cancelled',
      cancelledAt: trx.fn.now(),
      cancelledBy: ctx.user.id,
      cancelReason: input.reason,
      updatedAt: trx.fn.now(),
    });
    const after = await getRecord(billingRequestsResource, ctx, id, { trx });
    await audit(trx, ctx, { action: 'cancel', entity: 'billing_requests', entityId: id, before, after });
    await emitEvent(trx, ctx, 'billing_request.cancelled', after);
    return after;
  });
}

export { creditNoteRequestSchema, differenceRequestSchema, interestRequestSchema, cancelRequestSchema };
