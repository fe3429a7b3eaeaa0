import type { Ctx } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { addDays, today } from '../../lib/dates';
import { D } from '../../lib/money';
import { agendaResource, debtorsResource } from '../collections';
import { customersResource } from '../customers';
import { valuesResource, DEFAULT_DUE_DAYS, MAX_DUE_DAYS } from '../ledger';
import { baseQuery, type ResourceDef } from '../../http/resource';
import { applyFilters } from '../../http/list-query';
import { aging, BUCKETS } from './aging.service';

/** How many rows a list shows with these filters, and the sum of one of its amounts (exact, not estimated). */
async function listFigures(ctx: Ctx, def: ResourceDef, filter: Record<string, unknown>, sumSql = '0') {
  const qb = baseQuery(def, ctx);
  applyFilters(qb, def, filter, ctx);
  const row = (await qb.first(ctx.knex.raw(`count(*)::int AS count, ${sumSql}::numeric(15,2)::text AS sum`))) as {
    count: number;
    sum: string;
  };
  return row;
}

/**
 * The manager's first screen. DSO (days sales outstanding) = receivables today ÷
 * net sales on account of the last 90 days (FAC + ND − NC, posted) × 90.
 */
export async function dashboard(ctx: Ctx, raw: unknown) {
  const q = validate<{ currency: 'ARS' | 'USD'; dueDays: number }>(
    Joi.object({
      currency: Joi.string().valid('ARS', 'USD').default('ARS'),
      // The portfolio's alert: values due for deposit within this many days.
      dueDays: Joi.number().integer().min(0).max(MAX_DUE_DAYS).default(DEFAULT_DUE_DAYS),
    }),
    raw ?? {},
    ctx.lang,
  );
  const day = today();
  const params = { company: ctx.companyId, currency: q.currency, since: addDays(day, -90) };
  const { currency } = q;
  const ledger = currency === 'USD' ? 'usd' : 'ars';
  // Every card counts the rows of the list it opens, through that list's own filters.
  const [owing, late, credit, calls, broken, dueValues, staleValues] = await Promise.all([
    // Each customer's ledger in this currency (a bimonetary customer owes in both), not its account's balance.
    listFigures(ctx, debtorsResource, { currency }, `coalesce(sum(c.balance_${ledger}), 0)`),
    listFigures(ctx, debtorsResource, { currency, minOverdue: '0.01' }, `coalesce(sum(c.overdue_balance_${ledger}), 0)`),
    listFigures(ctx, customersResource, { currency, balance_lte: '-0.01' }, `coalesce(sum(c.balance_${ledger}), 0)`),
    listFigures(ctx, agendaResource, { nextContactDue: true }),
    listFigures(ctx, debtorsResource, { currency, brokenPromise: true }),
    listFigures(ctx, valuesResource, { currency, dueWithin: q.dueDays }, 'coalesce(sum(v.amount), 0)'),
    listFigures(ctx, valuesResource, { currency, stale: true }, 'coalesce(sum(v.amount), 0)'),
  ]);
  const figures = {
    receivable: new D(owing.sum).plus(credit.sum).toFixed(2),
    owed: owing.sum,
    overdue: late.sum,
    debtors: owing.count,
    overdueDebtors: late.count,
    inCredit: credit.count,
    creditBalance: credit.sum,
    callsDue: calls.count,
    brokenPromises: broken.count,
  };
  const sales = (
    await ctx.knex.raw(
      `SELECT coalesce(sum(CASE WHEN type = 'NC' THEN -total ELSE total END), 0) AS net_sales
         FROM documents WHERE company_id = :company AND currency = :currency AND status = 'posted'
          AND type IN ('FAC', 'ND', 'NC') AND issue_date > :since`,
      params,
    )
  ).rows[0].netSales as string;
  const receivable = new D(figures.receivable);
  const owed = new D(figures.owed);
  const overdue = new D(figures.overdue);
  const dso = new D(sales).gt(0) ? receivable.div(sales).times(90).toDecimalPlaces(1).toNumber() : null;
  const agingToday = await aging(ctx.knex, ctx, { groupBy: 'rating', currency: q.currency });
  // The aging's overdue buckets count every late debit; `overdue` nets the credits on account against them.
  const overdueGross = BUCKETS.filter((b) => b !== 'notDue').reduce((acc, b) => acc.plus(agingToday.totals[b]), new D(0));
  // The debtors list of this currency (a bimonetary customer owing in it included), by what each owes in that ledger.
  const debtorsOwing = baseQuery(debtorsResource, ctx);
  applyFilters(debtorsOwing, debtorsResource, { currency }, ctx);
  const top = await debtorsOwing
    .orderByRaw(`c.balance_${ledger} DESC, c.id DESC`)
    .limit(10)
    .select(
      'c.id',
      'c.code',
      'c.legalName',
      ctx.knex.raw(`c.balance_${ledger} AS balance`),
      ctx.knex.raw(`c.overdue_balance_${ledger} AS overdue_balance`),
      'c.oldestOpenDueDate',
    );
  return {
    asOf: day,
    currency: q.currency,
    receivable: receivable.toFixed(2),
    overdue: overdue.toFixed(2),
    overdueGross: overdueGross.toFixed(2),
    overdueCredits: overdueGross.minus(overdue).toFixed(2),
    overdueShare: owed.gt(0) ? overdue.div(owed).times(100).toDecimalPlaces(1).toNumber() : 0,
    owed: owed.toFixed(2),
    debtors: figures.debtors,
    overdueDebtors: figures.overdueDebtors,
    inCredit: figures.inCredit,
    creditBalance: new D(figures.creditBalance).toFixed(2),
    netSales90: new D(sales).toFixed(2),
    dso,
    dsoMethod: 'receivable / (FAC + ND - NC of the last 90 days) * 90',
    aging: agingToday.totals,
    callsDueToday: figures.callsDue,
    brokenPromises: figures.brokenPromises,
    valuesDue: { days: q.dueDays, count: dueValues.count, amount: dueValues.sum },
    valuesStale: { count: staleValues.count, amount: staleValues.sum },
    topDebtors: top,
  };
}
