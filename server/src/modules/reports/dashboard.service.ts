import type { Ctx } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { addDays, today } from '../../lib/dates';
import { D } from '../../lib/money';
import { BROKEN_PROMISE_SQL } from '../collections/calls.resource';
import { aging } from './aging.service';

/**
 * The manager's first screen. DSO (days sales outstanding) = receivables today ÷
 * net sales on account of the last 90 days (FAC + ND − NC, posted) × 90.
 */
export async function dashboard(ctx: Ctx, raw: unknown) {
  const q = validate<{ currency: 'ARS' | 'USD' }>(
    Joi.object({ currency: Joi.string().valid('ARS', 'USD').default('ARS') }),
    raw ?? {},
    ctx.lang,
  );
  // The route brings the figures up to date on the primary first: ctx.knex may be a replica here.
  const day = today();
  const params = { company: ctx.companyId, currency: q.currency, since: addDays(day, -90) };
  const figures = (
    await ctx.knex.raw(
      `SELECT coalesce(sum(balance), 0) AS receivable,
              coalesce(sum(balance) FILTER (WHERE balance > 0), 0) AS owed,
              coalesce(sum(overdue_balance), 0) AS overdue,
              count(*) FILTER (WHERE balance > 0) AS debtors,
              count(*) FILTER (WHERE overdue_balance > 0) AS overdue_debtors,
              count(*) FILTER (WHERE next_contact_at < (CURRENT_DATE + 1)::timestamptz) AS calls_due,
              count(*) FILTER (WHERE ${BROKEN_PROMISE_SQL('c')}) AS broken_promises
         FROM customers c WHERE c.company_id = :company AND c.currency = :currency`,
      params,
    )
  ).rows[0] as Record<string, string | number>;
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
  const top = await ctx
    .knex('customers')
    .where({ companyId: ctx.companyId, currency: q.currency })
    .where('balance', '>', 0)
    .orderBy([{ column: 'balance', order: 'desc' }, { column: 'id' }])
    .limit(10)
    .select('id', 'code', 'legalName', 'balance', 'overdueBalance', 'oldestOpenDueDate');
  return {
    asOf: day,
    currency: q.currency,
    receivable: receivable.toFixed(2),
    overdue: overdue.toFixed(2),
    overdueShare: owed.gt(0) ? overdue.div(owed).times(100).toDecimalPlaces(1).toNumber() : 0,
    debtors: Number(figures.debtors),
    overdueDebtors: Number(figures.overdueDebtors),
    netSales90: new D(sales).toFixed(2),
    dso,
    dsoMethod: 'receivable / (FAC + ND - NC of the last 90 days) * 90',
    aging: agingToday.totals,
    callsDueToday: Number(figures.callsDue),
    brokenPromises: Number(figures.brokenPromises),
    topDebtors: top,
  };
}
