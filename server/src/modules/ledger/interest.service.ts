import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { conflict } from '../../http/errors';
import { Joi, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { D, money, sum, type Dec } from '../../lib/money';
import { addDays, daysBetween } from '../../lib/dates';
import { recomputeCustomer } from '../customers';
import { assertOpenPeriod, companySettings, fmt, lockCustomers, type CompanySettings } from './posting';
import { postInternalDocument } from './internal-documents';
import type { AccountCurrency, InterestProposal } from '../../../../shared/contract/fiscal';
import { onKey } from '../../db/keys';

/*
 * Late-payment interest (intereses punitorios / moratorios). The rules, in one place:
 * - The rate is the monthly percentage the company set in force from a date (interest_rates);
 *   a period that spans a change is charged at each rate for its own days. The company's rate is
 *   the "tasa convenida" of Código Civil y Comercial art. 768 (inc. a); without one in force for
 *   a day, that day is not charged.
 * - Simple interest: open amount × monthly % / 100 × days / 30 (commercial month), per rate stretch,
 *   rounded to cents per debit. Never on interest already charged: the debit notes this run posts
 *   are not themselves charged (no anatocismo, CCyC art. 770).
 * - Days late start after the due date plus the grace days (stricter reading: the grace days are
 *   never charged, not merely a tolerance after which the whole delay is charged), and after the
 *   last day already charged on that debit, so the same days are never charged twice.
 * - The base is the debit's open amount at the run (stricter reading: a debit paid in part during
 *   the period is charged on what is still open, never on more).
 * - A customer whose interest adds up to less than the minimum amount is not proposed.
 * Posting writes one ND letter X per customer (numbered here) and one interest_charges row per
 * debit linking it to the ND; ledger:verify checks the links and that stretches never overlap.
 */

export interface InterestParams {
  date: string;
  graceDays: number;
  minimumAmount: string;
  customerIds?: number[];
}

export const interestParamsSchema = Joi.object({
  date: Joi.isoDate().required(),
  graceDays: Joi.number().integer().min(0).max(365).default(0),
  minimumAmount: Joi.money().min(0).default('0'),
  customerIds: Joi.array().items(Joi.number().integer().min(1)).max(10000),
  // One customer's proposal (the page's filter; a query string carries no array).
  customerId: Joi.number().integer().min(1),
  dialect: Joi.string().valid('es', 'rfc4180'),
});

interface Rate {
  validFrom: string;
  monthlyPct: string;
}

/** Interest on `base` from `from` (exclusive) to `to` (inclusive), piecewise over the rates in force. */
export function interestFor(base: string, from: string, to: string, rates: Rate[]): Dec {
  let total = new D(0);
  // Stretches [start, end) between rate changes; day d is charged at the rate in force on d.
  const sorted = [...rates].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  let day = addDays(from, 1);
  const end = addDays(to, 1);
  while (day < end) {
    const idx = sorted.findLastIndex((r) => r.validFrom <= day);
    const next = sorted[idx + 1]?.validFrom;
    const stretchEnd = next && next < end ? next : end;
    if (idx >= 0) {
      const days = daysBetween(day, stretchEnd);
      total = total.plus(new D(base).times(sorted[idx].monthlyPct).div(100).times(days).div(30));
    }
    day = stretchEnd;
  }
  return total.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/**
 * The proposal for a date: per customer, each overdue debit with the days not charged yet.
 * Inside a posting it runs after the customers and debits are locked, so it sees every charge
 * committed before.
 */
async function propose(db: Knex | Knex.Transaction, ctx: Ctx, params: InterestParams): Promise<InterestProposal[]> {
  const rates = (await db('interest_rates')
    .where({ companyId: ctx.companyId })
    .where('validFrom', '<=', params.date)
    .select('validFrom', 'monthlyPct')) as Rate[];
  if (!rates.length) return [];
  const q = db('documents as d')
    .join('customers as c', onKey('c', 'd.customer_id'))
    .where({ 'd.companyId': ctx.companyId, 'd.status': 'posted', 'd.sign': 1 })
    .where('d.openAmount', '>', 0)
    .whereNot('d.origin', 'interest')
    .whereRaw('d.due_date + ?::int < ?::date', [params.graceDays, params.date])
    .select(
      'd.id',
      'd.customerId',
      'd.displayNumber',
      'd.dueDate',
      'd.openAmount',
      'c.code',
      'c.legalName',
      'd.currency',
      db.raw(
        '(SELECT max(ic.to_date) FROM interest_charges ic WHERE ic.company_id = d.company_id AND ic.debit_document_id = d.id) AS charged_to',
      ),
    )
    .orderBy(['d.customerId', 'd.dueDate', 'd.id']);
  if (params.customerIds?.length) q.whereIn('d.customerId', params.customerIds);
  const rows = (await q) as Array<{
    id: number;
    customerId: number;
    displayNumber: string;
    dueDate: string;
    openAmount: string;
    code: string;
    legalName: string;
    currency: AccountCurrency;
    chargedTo: string | null;
  }>;
  const byCustomer = new Map<number, InterestProposal>();
  for (const r of rows) {
    const graceEnd = addDays(r.dueDate, params.graceDays);
    const from = r.chargedTo && r.chargedTo > graceEnd ? r.chargedTo : graceEnd;
    if (from >= params.date) continue;
    const amount = interestFor(r.openAmount, from, params.date, rates);
    if (amount.lte(0)) continue;
    const p = byCustomer.get(r.customerId) ?? {
      customerId: r.customerId,
      customerCode: r.code,
      customerName: r.legalName,
      currency: r.currency,
      total: '0.00',
      lines: [],
    };
    p.lines.push({
      debitDocumentId: Number(r.id),
      displayNumber: r.displayNumber,
      dueDate: r.dueDate,
      baseAmount: r.openAmount,
      fromDate: from,
      toDate: params.date,
      days: daysBetween(from, params.date),
      amount: money(amount),
    });
    p.total = money(sum(p.lines.map((l) => l.amount)));
    byCustomer.set(r.customerId, p);
  }
  return [...byCustomer.values()].filter((p) => new D(p.total).gte(params.minimumAmount));
}

export function parseInterestParams(ctx: Ctx, input: unknown): InterestParams {
  const { customerId, ...params } = validate<InterestParams & { customerId?: number }>(
    interestParamsSchema,
    input ?? {},
    ctx.lang,
  );
  return customerId ? { ...params, customerIds: [...(params.customerIds ?? []), customerId] } : params;
}

export async function previewInterest(ctx: Ctx, input: unknown): Promise<InterestProposal[]> {
  return propose(ctx.knex, ctx, parseInterestParams(ctx, input));
}

/**
 * The run's proposals under its locks: customers locked in id order, then their open debits, then
 * the proposal computed again (a run that waited behind another finds those days charged, whether
 * by an ND or by a request to billing, and proposes nothing for them). Posting internally and
 * requesting from billing both start here.
 */
export async function lockInterestRun(
  trx: Knex.Transaction,
  ctx: Ctx,
  params: InterestParams,
): Promise<{ settings: CompanySettings; proposals: InterestProposal[] }> {
  const settings = await companySettings(trx, ctx.companyId);
  assertOpenPeriod(settings, params.date, 'date');
  const candidates = await propose(trx, ctx, params);
  if (!candidates.length)
    throw conflict('NOTHING_TO_CHARGE', {
      es: `No hay intereses para cobrar al ${fmt(params.date)}: ningún comprobante vencido tiene días sin cobrar (o no hay tasa vigente)`,
      en: `There is no interest to charge on ${params.date}: no overdue document has days not charged yet (or no rate is in force)`,
    });
  const ids = candidates.map((c) => c.customerId);
  await lockCustomers(trx, ctx, ids);
  await trx('documents')
    .where({ companyId: ctx.companyId })
    .whereIn('customerId', ids)
    .where('openAmount', '>', 0)
    .where({ sign: 1, status: 'posted' })
    .orderBy('id')
    .forUpdate()
    .select('id');
  const proposals = await propose(trx, ctx, { ...params, customerIds: ids });
  if (!proposals.length)
    throw conflict('NOTHING_TO_CHARGE', {
      es: `Esos intereses ya se cobraron: otra corrida registró los mismos días`,
      en: 'That interest was already charged: another run posted the same days',
    });
  return { settings, proposals };
}

/**
 * Records the stretches of days a customer's interest charges, linked to the ND that charges them
 * or to the request to billing that will (its ND is linked when billing posts it).
 */
export async function recordInterestCharges(
  trx: Knex.Transaction,
  ctx: Ctx,
  p: Pick<InterestProposal, 'customerId' | 'lines'>,
  link: { documentId: number } | { billingRequestId: number },
): Promise<void> {
  await trx('interest_charges').insert(
    p.lines.map((l) => ({
      companyId: ctx.companyId,
      customerId: p.customerId,
      debitDocumentId: l.debitDocumentId,
      ...link,
      fromDate: l.fromDate,
      toDate: l.toDate,
      days: l.days,
      baseAmount: l.baseAmount,
      amount: l.amount,
    })),
  );
}

/** What an interest ND says it charges. */
export const interestNotes = (date: string, p: Pick<InterestProposal, 'lines'>) =>
  `Intereses por mora al ${fmt(date)} (${p.lines.map((l) => l.displayNumber).join(', ')})`;

/** Posts the run: one ND X per customer, its charges linked to it. */
export async function postInterest(ctx: Ctx, input: unknown): Promise<{ documents: Array<Record<string, unknown>> }> {
  assertCan(ctx.user.role, 'ledger.supervise');
  const params = parseInterestParams(ctx, input);
  return withTransaction(ctx.knex, async (trx) => {
    const { settings, proposals } = await lockInterestRun(trx, ctx, params);
    const documents: Array<Record<string, unknown>> = [];
    for (const p of proposals) {
      const doc = await postInternalDocument(trx, ctx, settings, {
        customerId: p.customerId,
        type: 'ND',
        issueDate: params.date,
        currency: p.currency,
        total: p.total,
        origin: 'interest',
        notes: interestNotes(params.date, p),
      });
      await recordInterestCharges(trx, ctx, p, { documentId: doc.id });
      await recomputeCustomer(trx, ctx.companyId, p.customerId);
      await audit(trx, ctx, { action: 'create', entity: 'documents', entityId: doc.id, after: { ...doc, interest: p.lines } });
      documents.push({ ...doc, lines: p.lines });
    }
    return { documents };
  });
}
