import type { Knex } from 'knex';
import type { RequestHandler } from 'express';
import { getKnex } from '../../http/context';
import { today } from '../../lib/dates';

/**
 * The customer's figures, stored on its row so lists sort and filter on indexed
 * columns: balance, overdue, oldest open due date, last sale and last receipt.
 * This file is the only place that knows how they are computed. Overdue counts
 * open debits past due, less the credits still on account (which pay the oldest
 * debts first); see the README's list of rules.
 */

/**
 * The open posted documents summed the way the figures need them. `asOf` and
 * `scope` are SQL text (a placeholder the caller binds, or an expression);
 * `perCustomer` groups by customer for statements over a whole company.
 */
export function openFiguresSql(asOf: string, scope: string, perCustomer = false): string {
  return `SELECT ${perCustomer ? 'customer_id, ' : ''}sum(sign * open_amount) AS balance,
                 sum(open_amount) FILTER (WHERE sign = 1 AND due_date < ${asOf}) AS overdue_debits,
                 sum(open_amount) FILTER (WHERE sign = -1) AS credits,
                 min(due_date) FILTER (WHERE sign = 1) AS oldest_due
            FROM documents
           WHERE ${scope} AND status = 'posted' AND open_amount > 0${perCustomer ? '\n           GROUP BY customer_id' : ''}`;
}

/** Overdue from a row of `openFiguresSql` named `o`, less a credit not written yet (SQL text). */
export const overdueSql = (lessCredit = '0') =>
  `greatest(0, coalesce(o.overdue_debits, 0) - coalesce(o.credits, 0) - ${lessCredit})`;

/** The last posted document of a type (FAC: last sale, REC: last receipt) of customer `c`. */
export const lastDateSql = (type: 'FAC' | 'REC') =>
  `(SELECT max(issue_date) FROM documents d WHERE d.customer_id = c.id AND d.type = '${type}' AND d.status = 'posted')`;

/**
 * Brings a customer's figures up to date from its open documents, inside the
 * posting transaction.
 */
export async function recomputeCustomer(trx: Knex.Transaction, customerId: number, asOf: string = today()): Promise<void> {
  await trx.raw(...recomputeCustomerSql(customerId, asOf));
}

/**
 * The statement of `recomputeCustomer`. `pending` is a credit the posting has not
 * written yet (a receipt that takes its number last): its open amount and date
 * count as if it were there, so the customer's row is written before the counter
 * is locked.
 */
export function recomputeCustomerSql(
  customerId: number,
  asOf: string = today(),
  pending: { open: string; receiptDate: string } | null = null,
): [string, Knex.RawBinding[]] {
  const credit = pending?.open ?? '0';
  return [
    `UPDATE customers c SET
        balance = coalesce(o.balance, 0) - ?::numeric,
        overdue_balance = ${overdueSql('?::numeric')},
        oldest_open_due_date = o.oldest_due,
        last_sale_date = ${lastDateSql('FAC')},
        last_receipt_date = greatest(?::date, ${lastDateSql('REC')})
      FROM (${openFiguresSql('?::date', 'customer_id = ?')}) o
     WHERE c.id = ?`,
    [credit, credit, pending?.receiptDate ?? null, asOf, customerId, customerId],
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
  const set = opts.all
    ? `balance = coalesce(o.balance, 0), overdue_balance = ${overdueSql()}, oldest_open_due_date = o.oldest_due,
       last_sale_date = s.last_sale, last_receipt_date = s.last_receipt`
    : `overdue_balance = ${overdueSql()}, oldest_open_due_date = o.oldest_due`;
  const dates = opts.all
    ? `LEFT JOIN (SELECT customer_id, max(issue_date) FILTER (WHERE type = 'FAC') AS last_sale,
                         max(issue_date) FILTER (WHERE type = 'REC') AS last_receipt
                    FROM documents WHERE company_id = :company AND status = 'posted' GROUP BY customer_id) s
              ON s.customer_id = k.id`
    : '';
  const changed = opts.all
    ? ''
    : `AND (c.overdue_balance <> ${overdueSql()} OR c.oldest_open_due_date IS DISTINCT FROM o.oldest_due)`;
  await db.raw(
    `UPDATE customers c SET ${set}
       FROM customers k
       LEFT JOIN (${openFiguresSql(':asOf::date', 'company_id = :company', true)}) o ON o.customer_id = k.id
       ${dates}
      WHERE c.id = k.id AND k.company_id = :company ${changed}`,
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
