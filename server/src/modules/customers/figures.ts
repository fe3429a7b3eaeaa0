import type { Knex } from 'knex';
import type { RequestHandler } from 'express';
import { getKnex } from '../../http/context';
import { today } from '../../lib/dates';
import { ACCOUNT_CURRENCIES } from '../../lib/argentina';

/**
 * The customer's figures, stored on its row so lists sort and filter on indexed
 * columns: balance, overdue, oldest open due date, last sale and last receipt.
 * This file is the only place that knows how they are computed. Overdue counts
 * open debits past due, less the credits still on account (which pay the oldest
 * debts first); see the README's list of rules.
 */

/** The currencies a ledger may be kept in: a customer's account one, and the other when it is bimonetary. */
export const LEDGER_CURRENCIES = ACCOUNT_CURRENCIES;
type Cur = (typeof LEDGER_CURRENCIES)[number];
const p = (cur: Cur) => cur.toLowerCase();

/**
 * The open posted documents summed the way the figures need them, per currency
 * (`ars_balance`, `ars_overdue_debits`, `ars_credits`, `ars_oldest_due`, then `usd_…`).
 * `asOf` and `scope` are SQL text (a placeholder the caller binds, or an expression);
 * `perCustomer` groups by customer for statements over a whole company.
 */
export function openFiguresSql(asOf: string, scope: string, perCustomer = false): string {
  const sums = LEDGER_CURRENCIES.map(
    (cur) => `sum(sign * open_amount) FILTER (WHERE currency = '${cur}') AS ${p(cur)}_balance,
                 sum(open_amount) FILTER (WHERE currency = '${cur}' AND sign = 1 AND due_date < ${asOf}) AS ${p(cur)}_overdue_debits,
                 sum(open_amount) FILTER (WHERE currency = '${cur}' AND sign = -1) AS ${p(cur)}_credits,
                 min(due_date) FILTER (WHERE currency = '${cur}' AND sign = 1) AS ${p(cur)}_oldest_due`,
  ).join(',\n                 ');
  return `SELECT ${perCustomer ? 'company_id, customer_id, ' : ''}${sums}
            FROM documents
           WHERE ${scope} AND status = 'posted' AND open_amount > 0${perCustomer ? '\n           GROUP BY company_id, customer_id' : ''}`;
}

/** A currency's balance from a row of `openFiguresSql` named `o`, less a credit not written yet (SQL text). */
export const balanceSql = (cur: Cur, lessCredit = '0') => `coalesce(o.${p(cur)}_balance, 0) - ${lessCredit}`;

/** A currency's overdue from a row of `openFiguresSql` named `o`, less a credit not written yet (SQL text). */
export const overdueSql = (cur: Cur, lessCredit = '0') =>
  `greatest(0, coalesce(o.${p(cur)}_overdue_debits, 0) - coalesce(o.${p(cur)}_credits, 0) - ${lessCredit})`;

/** The figure of the account's currency of customer `c` (SQL text): `balance` and `overdue_balance` keep that meaning. */
export const accountSql = (figure: (cur: Cur) => string, c = 'c') =>
  `CASE ${c}.currency ${LEDGER_CURRENCIES.map((cur) => `WHEN '${cur}' THEN ${figure(cur)}`).join(' ')} END`;

/** The SET list of every figure of customer `c` from `o`, each currency less its credit not written yet. */
export function figuresSet(less: (cur: Cur) => string, c = 'c'): string {
  return [
    `balance = ${accountSql((cur) => balanceSql(cur, less(cur)), c)}`,
    `overdue_balance = ${accountSql((cur) => overdueSql(cur, less(cur)), c)}`,
    `oldest_open_due_date = ${accountSql((cur) => `o.${p(cur)}_oldest_due`, c)}`,
    ...LEDGER_CURRENCIES.flatMap((cur) => [
      `balance_${p(cur)} = ${balanceSql(cur, less(cur))}`,
      `overdue_balance_${p(cur)} = ${overdueSql(cur, less(cur))}`,
    ]),
  ].join(',\n        ');
}

/** The last posted document of a type (FAC: last sale, REC: last receipt) of customer `c`. */
export const lastDateSql = (type: 'FAC' | 'REC') =>
  `(SELECT max(issue_date) FROM documents d WHERE d.company_id = c.company_id AND d.customer_id = c.id AND d.type = '${type}' AND d.status = 'posted')`;

/**
 * Brings a customer's figures up to date from its open documents, inside the
 * posting transaction.
 */
export async function recomputeCustomer(
  trx: Knex.Transaction,
  companyId: number,
  customerId: number,
  asOf: string = today(),
): Promise<void> {
  await trx.raw(...recomputeCustomerSql(companyId, customerId, asOf));
}

/**
 * The statement of `recomputeCustomer`. `pending` is a credit the posting has not
 * written yet (a receipt that takes its number last), in its ledger's currency: its
 * open amount and date count as if it were there, so the customer's row is written
 * before the counter is locked. Every table by company and id: one node on Citus.
 */
export function recomputeCustomerSql(
  companyId: number,
  customerId: number,
  asOf: string = today(),
  pending: { open: string; receiptDate: string; currency: string } | null = null,
): [string, Record<string, Knex.RawBinding>] {
  return [
    `UPDATE customers c SET
        ${figuresSet((cur) => (pending?.currency === cur ? ':pending::numeric' : '0'))},
        last_sale_date = ${lastDateSql('FAC')},
        last_receipt_date = greatest(:receiptDate::date, ${lastDateSql('REC')})
      FROM (${openFiguresSql(':asOf::date', 'company_id = :company AND customer_id = :customer')}) o
     WHERE c.company_id = :company AND c.id = :customer`,
    { pending: pending?.open ?? '0', receiptDate: pending?.receiptDate ?? null, asOf, company: companyId, customer: customerId },
  ];
}

/**
 * Every customer of a company in one statement. `all`: balance and the last sale
 * and receipt dates too (a bulk load); otherwise only what the calendar moves
 * (overdue and oldest due date), and only the rows that change.
 */
export async function refreshCompanyFigures(
  db: Knex | Knex.Transaction,
  companyId: number,
  asOf: string,
  opts: { all: boolean },
): Promise<void> {
  const overdue = (cur: Cur) => `overdue_balance_${p(cur)} = ${overdueSql(cur)}`;
  const set = opts.all
    ? `${figuresSet(() => '0', 'k')}, last_sale_date = s.last_sale, last_receipt_date = s.last_receipt`
    : `overdue_balance = ${accountSql((cur) => overdueSql(cur), 'k')},
       oldest_open_due_date = ${accountSql((cur) => `o.${p(cur)}_oldest_due`, 'k')},
       ${LEDGER_CURRENCIES.map(overdue).join(', ')}`;
  const dates = opts.all
    ? `LEFT JOIN (SELECT company_id, customer_id, max(issue_date) FILTER (WHERE type = 'FAC') AS last_sale,
                         max(issue_date) FILTER (WHERE type = 'REC') AS last_receipt
                    FROM documents WHERE company_id = :company AND status = 'posted' GROUP BY company_id, customer_id) s
              ON s.company_id = k.company_id AND s.customer_id = k.id`
    : '';
  const changed = opts.all
    ? ''
    : `AND (c.overdue_balance <> ${accountSql((cur) => overdueSql(cur), 'k')}
            OR c.oldest_open_due_date IS DISTINCT FROM ${accountSql((cur) => `o.${p(cur)}_oldest_due`, 'k')}
            ${LEDGER_CURRENCIES.map((cur) => `OR c.overdue_balance_${p(cur)} <> ${overdueSql(cur)}`).join(' ')})`;
  await db.raw(
    `UPDATE customers c SET ${set}
       FROM customers k
       LEFT JOIN (${openFiguresSql(':asOf::date', 'company_id = :company', true)}) o
              ON o.company_id = k.company_id AND o.customer_id = k.id
       ${dates}
      WHERE c.company_id = k.company_id AND c.id = k.id AND k.company_id = :company ${changed}`,
    { company: companyId, asOf },
  );
}

const refreshed = new Map<number, string>();

/**
 * Overdue depends on the calendar: the first read of a day brings every customer
 * of the company up to date (one statement over the open documents).
 */
export async function ensureFiguresCurrent(knex: Knex, companyId: number): Promise<void> {
  const day = today();
  if (refreshed.get(companyId) === day) return;
  // A refresh that loses a lock race is simply tried again on the next read.
  await knex
    .transaction(async (trx) => {
      const row = (await trx('companies').where({ id: companyId }).first('figuresAsOf')) as { figuresAsOf: string | null };
      if (row.figuresAsOf !== day) {
        const { rows } = await trx.raw('SELECT pg_try_advisory_xact_lock(?, ?) AS got', [7001, companyId]);
        if (!rows[0].got) return; // another request is refreshing it right now
        await refreshCompanyFigures(trx, companyId, day, { all: false });
        await trx('companies').where({ id: companyId }).update({ figuresAsOf: day });
      }
      refreshed.set(companyId, day);
    })
    .catch((err: { code?: string }) => {
      if (err.code !== '40P01' && err.code !== '40001') throw err;
    });
}

/**
 * The one place the calendar's effect is applied: before any read of the API,
 * the company's overdue figures are brought to today (a map lookup once done).
 */
export const figuresCurrent: RequestHandler = async (req, _res, next) => {
  if (req.method === 'GET' && req.session) await ensureFiguresCurrent(getKnex(req), req.session.user.companyId);
  next();
};
