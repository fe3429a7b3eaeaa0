import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { conflict, notFound } from '../../http/errors';
import { Joi, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { D, money, round2, formatMoney } from '../../lib/money';
import { recomputeCustomer } from '../customers';
import { rateOn } from '../reference';
import { assertOpenPeriod, companySettings, fmt, lockCustomer } from './posting';
import { postInternalDocument } from './internal-documents';
import type { AccountCurrency, DifferenceLine, DifferenceProposal } from '../../../../shared/contract/fiscal';
import { onKey } from '../../db/keys';

/*
 * Exchange difference (diferencia de cambio) on a USD account paid in pesos. A debt in dollars
 * is discharged in pesos at the equivalent of the day of payment (Código Civil y Comercial
 * art. 765; the BNA seller rate in force that day, reference/exchange-rates.ts). When a receipt
 * converted its pesos at another rate (typically the invoice's own rate, because the customer
 * paid the pesos printed on it), each of its applications to a USD debit was credited
 * applied × pesos share × (1 − paymentRate / dayRate) dollars too much (or too little). That is
 * proposed as an ND (or NC) letter X in the account's currency at the day's rate, its peso
 * value shown beside it, posted with one click and linked to the application it corrects.
 * The invoice's own rate is shown too: the peso difference against it is what billing would
 * document fiscally (outside this ledger).
 */

async function propose(db: Knex | Knex.Transaction, ctx: Ctx, receiptId: number): Promise<DifferenceProposal> {
  const receipt = (await db('documents')
    .where({ companyId: ctx.companyId, id: receiptId, type: 'REC' })
    .first('id', 'displayNumber', 'customerId', 'currency', 'issueDate', 'total', 'status')) as
    | {
        id: number;
        displayNumber: string;
        customerId: number;
        currency: AccountCurrency;
        issueDate: string;
        total: string;
        status: string;
      }
    | undefined;
  if (!receipt) throw notFound();
  const pesos = (await db('receipt_payments')
    .where({ companyId: ctx.companyId, documentId: receiptId, currency: 'ARS' })
    .whereNull('replacedByLine')
    .first(db.raw('sum(amount) AS amount'), db.raw('sum(account_amount) AS account_amount'))) as {
    amount: string | null;
    accountAmount: string | null;
  };
  const base: DifferenceProposal = {
    receiptId: Number(receipt.id),
    displayNumber: receipt.displayNumber,
    customerId: receipt.customerId,
    currency: receipt.currency,
    issueDate: receipt.issueDate,
    dayRate: null,
    paymentRate: null,
    lines: [],
  };
  if (receipt.currency !== 'USD' || receipt.status !== 'posted' || !pesos.amount || !pesos.accountAmount) return base;
  const paymentRate = new D(pesos.amount).div(pesos.accountAmount).toDecimalPlaces(6, D.ROUND_HALF_UP);
  const share = new D(pesos.accountAmount).div(receipt.total);
  const dayRate = await rateOn(db, ctx.companyId, receipt.currency, receipt.issueDate);
  base.paymentRate = paymentRate.toFixed(6);
  base.dayRate = dayRate;
  if (!dayRate) return base;
  const applications = (await db('applications as a')
    .join('documents as d', onKey('d', 'a.debit_document_id'))
    .leftJoin('exchange_differences as x', (j) => j.on('x.company_id', 'a.company_id').andOn('x.application_id', 'a.id'))
    .leftJoin('billing_requests as br', (j) =>
      j
        .on('br.company_id', 'a.company_id')
        .andOn('br.application_id', 'a.id')
        .andOnVal('br.cause', 'exchange_difference')
        .andOnVal('br.state', 'pending'),
    )
    .where({ 'a.companyId': ctx.companyId, 'a.creditDocumentId': receiptId })
    .whereNull('a.reversedAt')
    .orderBy('a.id')
    .select(
      'a.id',
      'a.debitDocumentId',
      'a.amount',
      'd.displayNumber',
      'd.exchangeRate',
      'x.documentId as posted',
      'br.id as requested',
    )) as Array<{
    id: number;
    debitDocumentId: number;
    amount: string;
    displayNumber: string;
    exchangeRate: string | null;
    posted: number | null;
    requested: number | null;
  }>;
  for (const a of applications) {
    const pesoApplied = round2(new D(a.amount).times(share));
    const pesoDifference = round2(pesoApplied.times(new D(dayRate).minus(paymentRate)));
    const amount = round2(pesoApplied.times(new D(1).minus(paymentRate.div(dayRate))));
    if (amount.isZero()) continue;
    base.lines.push({
      applicationId: Number(a.id),
      debitDocumentId: Number(a.debitDocumentId),
      displayNumber: a.displayNumber,
      appliedAmount: a.amount,
      pesoApplied: money(pesoApplied),
      documentRate: a.exchangeRate,
      paymentRate: paymentRate.toFixed(6),
      dayRate,
      pesoDifference: money(pesoDifference.abs()),
      amount: money(amount.abs()),
      type: amount.gt(0) ? 'ND' : 'NC',
      postedDocumentId: a.posted === null ? null : Number(a.posted),
      billingRequestId: a.requested === null ? null : Number(a.requested),
    });
  }
  return base;
}

export async function proposeExchangeDifference(ctx: Ctx, receiptId: number): Promise<DifferenceProposal> {
  return propose(ctx.knex, ctx, receiptId);
}

export const differenceLinesSchema = Joi.object({
  applicationIds: Joi.array().items(Joi.number().integer().min(1)).min(1).max(1000),
});

/**
 * The receipt's proposal under its customer's lock, and the lines still open among those named
 * (all when none are): not posted, not asked of billing. A second click, or a concurrent one,
 * waits on the lock and finds nothing left (409). Posting internally and requesting from billing
 * both start here.
 */
export async function lockDifferenceLines(
  trx: Knex.Transaction,
  ctx: Ctx,
  receiptId: number,
  applicationIds?: number[],
): Promise<{ proposal: DifferenceProposal; lines: DifferenceLine[] }> {
  const peek = await propose(trx, ctx, receiptId);
  await lockCustomer(trx, ctx, peek.customerId);
  const proposal = await propose(trx, ctx, receiptId);
  if (proposal.currency === 'USD' && proposal.paymentRate && !proposal.dayRate)
    throw conflict('NO_EXCHANGE_RATE', {
      es: `No hay cotización BNA del ${fmt(proposal.issueDate)} ni de los días anteriores: cárguela en Cotizaciones`,
      en: `There is no BNA rate for ${proposal.issueDate} or the days before: enter it in Exchange rates`,
    });
  const wanted = applicationIds ? new Set(applicationIds) : null;
  const lines = proposal.lines.filter(
    (l) => l.postedDocumentId === null && l.billingRequestId === null && (!wanted || wanted.has(l.applicationId)),
  );
  if (!lines.length)
    throw conflict('NOTHING_TO_POST', {
      es: `El recibo ${proposal.displayNumber} no tiene diferencias de cambio pendientes`,
      en: `Receipt ${proposal.displayNumber} has no exchange difference left to post`,
    });
  return { proposal, lines };
}

/** What an exchange-difference note says it carries. */
export const differenceNotes = (receipt: string, l: DifferenceLine) =>
  `Diferencia de cambio ${l.displayNumber} (recibo ${receipt}): ` +
  `${formatMoney(l.pesoApplied)} a ${l.paymentRate} en lugar de ${l.dayRate} (BNA), ${formatMoney(l.pesoDifference)}`;

/** Links the note that carries a line's difference to its application (one per application). */
export async function recordDifference(
  trx: Knex.Transaction,
  ctx: Ctx,
  cause: { customerId: number; receiptId: number },
  l: DifferenceLine,
  documentId: number,
): Promise<void> {
  await trx('exchange_differences').insert({
    companyId: ctx.companyId,
    customerId: cause.customerId,
    applicationId: l.applicationId,
    receiptId: cause.receiptId,
    debitDocumentId: l.debitDocumentId,
    documentId,
    appliedAmount: l.pesoApplied,
    documentRate: l.documentRate,
    paymentRate: l.paymentRate,
    dayRate: l.dayRate,
    amount: l.amount,
  });
}

/** Posts the proposal's open lines (or the ones named): one ND/NC X each, dated the receipt's day. */
export async function postExchangeDifference(
  ctx: Ctx,
  receiptId: number,
  body: unknown,
): Promise<{ documents: Array<Record<string, unknown>> }> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ applicationIds?: number[] }>(differenceLinesSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const { proposal, lines } = await lockDifferenceLines(trx, ctx, receiptId, input.applicationIds);
    const settings = await companySettings(trx, ctx.companyId);
    assertOpenPeriod(settings, proposal.issueDate, 'issueDate');
    const documents: Array<Record<string, unknown>> = [];
    for (const l of lines) {
      const doc = await postInternalDocument(trx, ctx, settings, {
        customerId: proposal.customerId,
        type: l.type,
        issueDate: proposal.issueDate,
        currency: proposal.currency,
        exchangeRate: l.dayRate,
        total: l.amount,
        origin: 'fx_diff',
        notes: differenceNotes(proposal.displayNumber, l),
      });
      await recordDifference(trx, ctx, proposal, l, doc.id);
      await audit(trx, ctx, {
        action: 'create',
        entity: 'documents',
        entityId: doc.id,
        after: { ...doc, exchangeDifference: l },
      });
      documents.push({ ...doc, applicationId: l.applicationId });
    }
    await recomputeCustomer(trx, ctx.companyId, proposal.customerId);
    return { documents };
  });
}
