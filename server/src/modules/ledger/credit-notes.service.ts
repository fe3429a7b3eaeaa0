import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { conflict, notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { D, formatMoney } from '../../lib/money';
import { recomputeCustomer } from '../customers';
import { emitEvent } from '../integrations';
import { intakeDocument, lockDocuments, type LockedDoc } from './documents.service';
import { insertApplication } from './applications.service';
import { creditNoteSchema } from './ledger.schemas';
import { getDocumentDetail } from './ledger.queries';
import { isFiscalDocument } from './fiscal-rules';
import { fmt, lockCustomer } from './posting';

export interface CreditNoteInput {
  pointOfSale: number;
  number: number;
  issueDate: string;
  total?: string;
  reason: string;
  cae?: string | null;
  caeDueDate?: string;
  externalRef?: string;
}

/**
 * "Generar nota de crédito": a fiscal invoice or debit note is reversed by a credit note of its
 * letter (an FCE by an FCE credit note, Ley 27.440 art. 5), posted with the number billing gave it
 * and applied to the document in the same transaction (RG 1415: an authorised document is never
 * cancelled). The NC goes through the intake's rules like any other.
 */
export async function issueCreditNote(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<CreditNoteInput>(creditNoteSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const doc = await lockReversible(trx, ctx, id);
    await assertNoPendingRequest(trx, ctx, doc);
    return reverseWithCreditNote(trx, ctx, doc, input);
  });
}

/** The invoice or debit note a credit note would reverse, its customer locked first, then the document. */
export async function lockReversible(trx: Knex.Transaction, ctx: Ctx, id: number): Promise<LockedDoc> {
  const peek = (await trx('documents').where({ id, companyId: ctx.companyId }).first('customerId')) as
    { customerId: number | null } | undefined;
  if (!peek) throw notFound();
  if (peek.customerId) await lockCustomer(trx, ctx, peek.customerId);
  return (await lockDocuments(trx, ctx, [id])).get(id)!;
}

/** What may be reversed, and by how much: a posted fiscal FAC/ND, up to its open amount, not before its date. */
export function assertReversible(doc: LockedDoc, totalGiven: string | undefined, issueDate: string): string {
  if (!['FAC', 'ND'].includes(doc.type) || !isFiscalDocument(doc) || !doc.customerId)
    throw conflict('NOT_REVERSIBLE_BY_CREDIT_NOTE', {
      es: `${doc.displayNumber} no es una factura o nota de débito fiscal: no se revierte con una nota de crédito`,
      en: `${doc.displayNumber} is not a fiscal invoice or debit note: it is not reversed by a credit note`,
    });
  if (doc.status !== 'posted')
    throw conflict('DOCUMENT_CANCELLED', {
      es: `${doc.displayNumber} no está vigente (${doc.status})`,
      en: `${doc.displayNumber} is not posted (${doc.status})`,
    });
  const total = new D(totalGiven ?? doc.openAmount);
  if (total.lte(0) || total.gt(doc.openAmount))
    throw conflict(
      'OVER_APPLICATION',
      {
        es: `La nota de crédito de ${formatMoney(total)} supera lo pendiente de ${doc.displayNumber} (${formatMoney(doc.openAmount)}): desimpute antes lo aplicado`,
        en: `The credit note of ${formatMoney(total, 'en')} exceeds what ${doc.displayNumber} has open (${formatMoney(doc.openAmount, 'en')}): unapply first`,
      },
      [
        {
          path: 'total',
          message: { es: `hasta ${formatMoney(doc.openAmount)}`, en: `at most ${formatMoney(doc.openAmount, 'en')}` },
        },
      ],
    );
  if (issueDate < doc.issueDate)
    throw conflict('APPLICATION_BEFORE_ISSUE', {
      es: `La nota de crédito no puede ser anterior a ${doc.displayNumber} (${fmt(doc.issueDate)})`,
      en: `The credit note cannot be dated before ${doc.displayNumber} (${doc.issueDate})`,
    });
  return total.toFixed(2);
}

/** A credit note asked of billing and not issued yet holds the invoice: no second one meanwhile. */
export async function assertNoPendingRequest(trx: Knex.Transaction, ctx: Ctx, doc: LockedDoc): Promise<void> {
  const pending = (await trx('billing_requests')
    .where({ companyId: ctx.companyId, causeDocumentId: doc.id, cause: 'credit_note', state: 'pending' })
    .first('id')) as { id: number } | undefined;
  if (pending)
    throw conflict('BILLING_REQUEST_PENDING', {
      es: `Ya se pidió a facturación una nota de crédito para ${doc.displayNumber} (pedido ${pending.id}): espere que la emita o cancele el pedido`,
      en: `A credit note for ${doc.displayNumber} was already requested from billing (request ${pending.id}): wait for it or cancel the request`,
    });
}

/**
 * Posts the NC and applies it to the locked document, inside the caller's transaction (the
 * admin's "Generar nota de crédito" and a credit note billing issued for a request share it).
 */
export async function reverseWithCreditNote(
  trx: Knex.Transaction,
  ctx: Ctx,
  doc: LockedDoc,
  input: CreditNoteInput,
  opts: { notes?: string } = {},
) {
  const total = assertReversible(doc, input.total, input.issueDate);
  const customerId = doc.customerId!;
  const { id: noteId } = await intakeDocument(trx, ctx, {
    customerId,
    branchId: doc.branchId,
    type: 'NC',
    letter: doc.letter,
    pointOfSale: input.pointOfSale,
    number: input.number,
    issueDate: input.issueDate,
    dueDate: input.issueDate,
    currency: doc.currency,
    total,
    notes: opts.notes ?? `Revierte ${doc.displayNumber}: ${input.reason}`,
    externalRef: input.externalRef,
    cae: input.cae ?? null,
    caeDueDate: input.caeDueDate,
    fce: doc.fce,
    fceAcceptance: null,
  });
  await insertApplication(trx, ctx, {
    customerId,
    creditDocumentId: noteId,
    debitDocumentId: doc.id,
    amount: total,
    date: input.issueDate,
  });
  await trx('documents').where({ id: noteId, companyId: ctx.companyId }).update({ openAmount: '0.00' });
  await trx('documents')
    .where({ id: doc.id, companyId: ctx.companyId })
    .update({ openAmount: new D(doc.openAmount).minus(total).toFixed(2), updatedAt: trx.fn.now() });
  await recomputeCustomer(trx, ctx.companyId, customerId);
  const note = await getDocumentDetail(trx, ctx, noteId);
  await audit(trx, ctx, { action: 'create', entity: 'documents', entityId: noteId, after: note });
  await emitEvent(trx, ctx, 'document.posted', note);
  return note;
}
