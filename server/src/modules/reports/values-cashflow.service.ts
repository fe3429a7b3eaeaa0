import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { addDays, today } from '../../lib/dates';
import { csvCells, type Dialect } from '../../lib/csv';
import { D, sum } from '../../lib/money';
import { fieldLabels, valueLabels } from '../../../../shared/catalog';

/**
 * The money the portfolio still has to bring in, by payment date: ECHEQs waiting for acceptance,
 * accepted ones and cheques and notes in the portfolio, and values deposited but not yet credited.
 * Discounted values (the bank already paid), endorsed ones (handed on), credited, rejected,
 * repudiated and cancelled ones bring nothing more and are left out.
 */
export const CASHFLOW_STATES = ['pending_acceptance', 'accepted', 'in_portfolio', 'deposited'] as const;
type CashflowState = (typeof CASHFLOW_STATES)[number];
/** The next 90 days in weeks of seven from the report's date: 13 weeks, days 0 to 90. */
export const CASHFLOW_DAYS = 90;
const WEEKS = Math.ceil((CASHFLOW_DAYS + 1) / 7);

export const cashflowQuerySchema = Joi.object({
  asOf: Joi.isoDate(),
  currency: Joi.string().valid('ARS', 'USD').default('ARS'),
  dialect: Joi.string().valid('es', 'rfc4180'),
});

interface Cell {
  count: number;
  amount: string;
}
export interface CashflowRow {
  /** null: payment date already past (values late to reach the bank); 0–12 the weeks ahead. */
  week: number | null;
  from: string | null;
  to: string;
  byState: Record<CashflowState, Cell>;
  count: number;
  amount: string;
}

const emptyStates = () =>
  Object.fromEntries(CASHFLOW_STATES.map((s) => [s, { count: 0, amount: '0.00' }])) as Record<CashflowState, Cell>;

function rowOf(week: number | null, asOf: string, cells: Record<CashflowState, Cell>): CashflowRow {
  const values = Object.values(cells);
  return {
    week,
    from: week === null ? null : addDays(asOf, week * 7),
    to: week === null ? addDays(asOf, -1) : addDays(asOf, Math.min(week * 7 + 6, CASHFLOW_DAYS)),
    byState: cells,
    count: values.reduce((n, c) => n + c.count, 0),
    amount: sum(values.map((c) => c.amount)).toFixed(2),
  };
}

/**
 * `GET /api/reports/values-cashflow`: one row for the values whose payment date is already past
 * (still held or at the bank), then one per week of the next 90 days, each with its count and
 * amount per state, and the totals. Amounts in the values' own currency (`currency`).
 */
export async function valuesCashflow(db: Knex, ctx: Ctx, raw: unknown) {
  const q = validate<{ asOf?: string; currency: string }>(cashflowQuerySchema, raw ?? {}, ctx.lang);
  const asOf = q.asOf ?? today();
  const found = (
    await db.raw(
      `SELECT CASE WHEN v.payment_date < :asOf::date THEN NULL ELSE (v.payment_date - :asOf::date) / 7 END AS week,
              v.state, count(*)::int AS count, sum(v.amount)::numeric(15,2)::text AS amount
         FROM "values" v
        WHERE v.company_id = :company AND v.currency = :currency AND v.state IN (${CASHFLOW_STATES.map((s) => `'${s}'`).join(', ')})
          AND v.payment_date <= :asOf::date + :days::int
        GROUP BY 1, 2`,
      { asOf, company: ctx.companyId, currency: q.currency, days: CASHFLOW_DAYS },
    )
  ).rows as Array<{ week: number | null; state: CashflowState; count: number; amount: string }>;
  const weeks: Array<number | null> = [null, ...Array.from({ length: WEEKS }, (_, i) => i)];
  const rows = weeks.map((week) => {
    const cells = emptyStates();
    for (const f of found.filter((r) => r.week === week)) cells[f.state] = { count: f.count, amount: f.amount };
    return rowOf(week, asOf, cells);
  });
  const totals = emptyStates();
  for (const s of CASHFLOW_STATES)
    totals[s] = {
      count: rows.reduce((n, r) => n + r.byState[s].count, 0),
      amount: sum(rows.map((r) => r.byState[s].amount)).toFixed(2),
    };
  const total = rowOf(null, asOf, totals);
  return {
    asOf,
    to: addDays(asOf, CASHFLOW_DAYS),
    currency: q.currency,
    states: CASHFLOW_STATES,
    rows,
    totals: { byState: total.byState, count: total.count, amount: total.amount },
  };
}

/** The cash-flow as CSV: the admin's headers (Spanish by default), a column pair per state, the totals last. */
export function valuesCashflowCsv(report: Awaited<ReturnType<typeof valuesCashflow>>, dialect: Dialect, lang: 'es' | 'en') {
  const { num, date, text, file } = csvCells(dialect);
  const es = dialect === 'es';
  const labels = fieldLabels(lang, 'values-cashflow')!;
  const states = valueLabels(lang, 'valueStates');
  const countWord = labels.count;
  const header = es
    ? [
        labels.from,
        labels.to,
        ...CASHFLOW_STATES.flatMap((s) => [`${states[s]} (${countWord.toLowerCase()})`, states[s]]),
        labels.count,
        labels.amount,
      ]
    : ['from', 'to', ...CASHFLOW_STATES.flatMap((s) => [`${s}Count`, `${s}Amount`]), 'count', 'amount'];
  const cells = (r: { byState: Record<CashflowState, Cell>; count: number; amount: string }) => [
    ...CASHFLOW_STATES.flatMap((s) => [r.byState[s].count, num(r.byState[s].amount)]),
    r.count,
    num(new D(r.amount).toFixed(2)),
  ];
  return file(
    header.map((h) => text(h)),
    [
      ...report.rows.map((r) => [date(r.from), date(r.to), ...cells(r)]),
      [text(labels.amount), date(report.to), ...cells(report.totals)],
    ],
  );
}
