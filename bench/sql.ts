import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type pg from 'pg';
import { figuresSet, openFiguresSql } from '../server/src/modules/customers/figures';

/*
 * The bare SQL of the report operations, written as a DBA would for the same
 * answer, independent of the server's code: the reference the API is compared to.
 * (Lists and exports replay the exact statements the server sends instead.)
 */

const buckets = (asOf: string, open: string, ref = 'd.due_date') => {
  const days = `('${asOf}'::date - ${ref})`;
  const b = (cond: string) => `coalesce(sum(${open}) FILTER (WHERE d.sign = 1 AND ${cond}), 0)`;
  return `${b(`${days} <= 0`)} AS not_due,
          ${b(`${days} BETWEEN 1 AND 30`)} AS d1_30,
          ${b(`${days} BETWEEN 31 AND 60`)} AS d31_60,
          ${b(`${days} BETWEEN 61 AND 90`)} AS d61_90,
          ${b(`${days} BETWEEN 91 AND 120`)} AS d91_120,
          ${b(`${days} > 120`)} AS over120,
          coalesce(sum(${open}) FILTER (WHERE d.sign = -1), 0) AS unapplied,
          sum(d.sign * ${open}) AS total`;
};

/** Aging today from the stored open amounts, by customer (or collector), largest first. */
export function agingTodaySql(
  companyId: number,
  asOf: string,
  opts: { customerId?: number; groupBy?: 'customer' | 'collector' } = {},
): string {
  const byCollector = opts.groupBy === 'collector';
  return `SELECT ${byCollector ? 'c.collector_id, g.name AS label, count(DISTINCT c.id) AS customers' : "c.id, c.code || ' – ' || c.legal_name AS label"},
                 ${buckets(asOf, 'd.open_amount')}
            FROM documents d JOIN customers c ON c.company_id = d.company_id AND c.id = d.customer_id
            ${byCollector ? 'LEFT JOIN collectors g ON g.company_id = c.company_id AND g.id = c.collector_id' : ''}
           WHERE d.company_id = ${companyId} AND d.status = 'posted' AND d.open_amount > 0 AND d.currency = 'ARS'
             ${opts.customerId ? `AND d.customer_id = ${opts.customerId}` : ''}
           GROUP BY 1, 2 ORDER BY total DESC`;
}

/** Aging by customer as it stood on `asOf`: documents then alive, less the applications then active. */
export function agingAsOfSql(companyId: number, asOf: string): string {
  const active = `company_id = ${companyId} AND date <= '${asOf}' AND (reversal_date IS NULL OR reversal_date > '${asOf}')`;
  return `WITH applied AS (
            SELECT document_id, sum(amount) AS amount FROM (
              SELECT debit_document_id AS document_id, amount FROM applications WHERE ${active}
              UNION ALL
              SELECT credit_document_id, amount FROM applications WHERE ${active}) x
             GROUP BY document_id)
          SELECT c.id, c.code || ' – ' || c.legal_name AS label, ${buckets(asOf, '(d.total - coalesce(a.amount, 0))')}
            FROM documents d
            LEFT JOIN applied a ON a.document_id = d.id
            JOIN customers c ON c.company_id = d.company_id AND c.id = d.customer_id
           WHERE d.company_id = ${companyId} AND d.currency = 'ARS' AND d.issue_date <= '${asOf}'
             AND (d.status = 'posted' OR (d.status = 'cancelled' AND d.cancel_date > '${asOf}'))
             AND d.total - coalesce(a.amount, 0) > 0
           GROUP BY c.company_id, c.id ORDER BY total DESC`;
}

/** One customer's statement: every movement with its running balance, and the opening balance. */
export function statementSql(companyId: number, customerId: number, from: string, to: string): string {
  return `WITH l AS (
            SELECT d.issue_date AS date, d.id, d.type, d.display_number, d.due_date, d.sign * d.total AS amount, 0 AS ord
              FROM documents d
             WHERE d.company_id = ${companyId} AND d.customer_id = ${customerId} AND d.status IN ('posted', 'cancelled')
            UNION ALL
            SELECT d.cancel_date, d.id, d.type, d.display_number, NULL, -d.sign * d.total, 1
              FROM documents d
             WHERE d.company_id = ${companyId} AND d.customer_id = ${customerId} AND d.status = 'cancelled'),
          o AS (SELECT coalesce(sum(amount), 0) AS opening FROM l WHERE date < '${from}')
          SELECT l.*, o.opening + sum(l.amount) OVER (ORDER BY l.date, l.ord, l.amount < 0, l.id) AS balance
            FROM l, o WHERE l.date BETWEEN '${from}' AND '${to}'
           ORDER BY l.date, l.ord, l.amount < 0, l.id`;
}

export interface ReceiptJob {
  customerId: number;
  /** Three open debit documents of that customer. */
  documentIds: number[];
  bankId: number;
}

/** Up to `limit` receipt jobs of a company: customers with three open invoices of at least 200 each (each receipt applies 1.00 to them). */
/** Peso debits only: the receipt is a transfer to the company's default account, which is in pesos. */
export async function openReceiptJobs(knex: Knex, companyId: number, today: string, limit = 800): Promise<ReceiptJob[]> {
  const jobs = (
    await knex.raw(
      `SELECT customer_id, (array_agg(id ORDER BY id))[1:3] AS ids FROM documents
        WHERE company_id = ? AND status = 'posted' AND sign = 1 AND open_amount >= 200 AND issue_date <= ? AND currency = 'ARS'
        GROUP BY customer_id HAVING count(*) >= 3 ORDER BY customer_id LIMIT ?`,
      [companyId, today, limit],
    )
  ).rows as Array<{ customerId: number; ids: number[] }>;
  const bankId = ((await knex('banks').where({ companyId }).orderBy('code').first('id')) as { id: number }).id;
  return jobs.map((j) => ({ customerId: j.customerId, documentIds: j.ids, bankId }));
}

/**
 * The receipt of the API bench (a transfer applied to three debits, with an
 * Idempotency-Key) as a hand-written transaction: claim the key, lock the
 * customer and the debits, write the payment and the applications, reduce the
 * open amounts, take the gapless number with the receipt row, recompute the
 * customer, audit, store the answer for replays.
 */
export async function postReceiptSql(
  client: pg.Client,
  companyId: number,
  userId: number,
  job: ReceiptJob,
  issueDate: string,
): Promise<void> {
  const amounts = ['1.00', '1.00', '1.00'];
  const key = crypto.randomUUID();
  await client.query('BEGIN');
  try {
    const claimed = await client.query(
      'INSERT INTO idempotency_keys (company_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
      [companyId, key, crypto.createHash('sha256').update(key).digest('hex')],
    );
    if (!claimed.rowCount) throw new Error('key taken');
    const customer = await client.query(
      'SELECT id, code, currency, status, balance FROM customers WHERE company_id = $1 AND id = $2 FOR UPDATE',
      [companyId, job.customerId],
    );
    const company = await client.query(
      'SELECT lock_date, default_receipt_point_of_sale, default_bank_account_id FROM companies WHERE id = $1',
      [companyId],
    );
    const account = company.rows[0].default_bank_account_id as number;
    await client.query('SELECT active, currency FROM bank_accounts WHERE company_id = $1 AND id = $2', [companyId, account]);
    const docs = await client.query(
      `SELECT id, customer_id, type, status, issue_date, open_amount FROM documents
        WHERE company_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE`,
      [companyId, job.documentIds],
    );
    if (docs.rows.some((d: { open_amount: string }) => Number(d.open_amount) < 1)) throw new Error('document paid');
    // The same order as the server: the receipt's rows first, the numbered receipt last.
    await client.query(
      `SET CONSTRAINTS receipt_payments_company_id_document_id_foreign, applications_company_id_credit_document_id_foreign DEFERRED`,
    );
    const id = (await client.query(`SELECT nextval(pg_get_serial_sequence('documents', 'id')) AS id`)).rows[0].id as string;
    await client.query(
      `INSERT INTO receipt_payments (company_id, document_id, line, method, amount, currency, account_amount, bank_id, reference,
                                     destination, bank_account_id)
       VALUES ($1, $2, 1, 'transfer', '3.00', $3, '3.00', $4, $5, 'bank_account', $6)`,
      [companyId, id, customer.rows[0].currency, job.bankId, `TRF ${key.slice(0, 8)}`, account],
    );
    await client.query(
      `WITH a AS (INSERT INTO applications (company_id, customer_id, credit_document_id, debit_document_id, amount, date, origin, created_by)
                  SELECT $1, $2, $3, unnest($4::bigint[]), unnest($5::numeric[]), $6, 'receipt', $7)
       UPDATE documents d SET open_amount = d.open_amount - v.amount, updated_at = now()
         FROM (SELECT unnest($4::bigint[]) AS id, unnest($5::numeric[]) AS amount) v
        WHERE d.id = v.id AND d.company_id = $1`,
      [companyId, job.customerId, id, job.documentIds, amounts, issueDate, userId],
    );
    await client.query(
      `WITH n AS (UPDATE document_counters SET last_number = last_number + 1
                   WHERE company_id = $1 AND type = 'REC' AND point_of_sale = 1 RETURNING last_number)
       INSERT INTO documents (id, company_id, customer_id, type, letter, point_of_sale, number, issue_date, due_date, currency,
                              total, open_amount, status, created_by)
       SELECT $2, $1, $3, 'REC', 'X', 1, n.last_number, $4, $4, $5, '3.00', '0.00', 'posted', $6 FROM n`,
      [companyId, id, job.customerId, issueDate, customer.rows[0].currency, userId],
    );
    const answer = JSON.stringify({ id, customerId: job.customerId, total: '3.00', applications: job.documentIds });
    await client.query(
      `WITH r AS (
         UPDATE customers c SET
            ${figuresSet(() => '0')},
            last_receipt_date = greatest(c.last_receipt_date, $2::date)
           FROM (${openFiguresSql('$2::date', 'company_id = $3 AND customer_id = $1')}) o
          WHERE c.company_id = $3 AND c.id = $1),
       a AS (INSERT INTO audit_events (company_id, user_id, action, entity, entity_id, after)
             VALUES ($3, $4, 'create', 'documents', $5, $6)),
       e AS (INSERT INTO outbox (company_id, type, data) VALUES ($3, 'receipt.posted', $6::jsonb))
       UPDATE idempotency_keys SET status_code = 201, response = $6 WHERE company_id = $3 AND key = $7`,
      [job.customerId, issueDate, companyId, userId, id, answer, key],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
