import type { Knex } from 'knex';
import { testKnex } from '../support/db';
import { uniq } from '../support/factories';
import { generateBulk, type BulkResult } from '../../seeds/bulk-generate';
import { verifyLedger } from '../../server/src/modules/ledger/verify';
import { today } from '../../server/src/lib/dates';

let knex: Knex;
let first: BulkResult;

const generate = (seed: number) =>
  generateBulk(knex, { customers: 150, documents: 3_000, heavyDocuments: 400, seed, prefix: uniq('bulk') });

beforeAll(async () => {
  knex = await testKnex();
  first = await generate(7);
}, 60_000);

describe('npm run db:generate', () => {
  test('when it fills a company, then every ledger invariant holds', async () => {
    expect(await verifyLedger(knex, first.companyId)).toEqual([]);
  });

  test('when it fills a company, then it has about the documents asked for, of every kind, with their history', async () => {
    expect(first.counts.customers).toBe(150);
    expect(first.counts.documents).toBeGreaterThan(2_700);
    expect(first.counts.documents).toBeLessThan(3_300);
    const byType = Object.fromEntries(
      (
        (await knex('documents')
          .where({ companyId: first.companyId })
          .groupBy('type')
          .select('type')
          .count({ n: '*' })) as Array<{
          type: string;
          n: string;
        }>
      ).map((r) => [r.type, Number(r.n)]),
    );
    expect(Object.keys(byType).sort()).toEqual(expect.arrayContaining(['FAC', 'NC', 'REC']));
    expect(byType.REC).toBeGreaterThan(byType.FAC / 4);
    for (const key of ['applications', 'receiptPayments', 'values', 'collectionCalls', 'contacts'])
      expect({ key, n: first.counts[key] }).toEqual({ key, n: expect.any(Number) as number });
    expect(first.counts.applications).toBeGreaterThan(1_000);
    expect(first.counts.values).toBeGreaterThan(0);
    expect(first.counts.collectionCalls).toBeGreaterThan(0);
    const open = await knex('documents')
      .where({ companyId: first.companyId, status: 'posted' })
      .where('openAmount', '>', 0)
      .count({ n: '*' });
    expect(Number(open[0].n)).toBeGreaterThan(0);
    expect(Number(open[0].n)).toBeLessThan(first.counts.documents / 2);
    expect(first.heavyCustomer?.documents).toBeGreaterThan(300);
    const users = await knex('users').where({ companyId: first.companyId }).orderBy('role').pluck('role');
    expect(users).toEqual(['admin', 'clerk', 'manager', 'supervisor']);
  });

  test("when it fills a company, then each customer's stored figures are what a posting would compute", async () => {
    const { rows } = await knex.raw(
      `SELECT c.id, c.balance, c.overdue_balance, c.oldest_open_due_date, c.last_sale_date, c.last_receipt_date,
              coalesce(o.balance, 0) AS want_balance,
              greatest(0, coalesce(o.overdue_debits, 0) - coalesce(o.credits, 0)) AS want_overdue,
              o.oldest_due AS want_oldest,
              (SELECT max(issue_date) FROM documents d WHERE d.customer_id = c.id AND d.type = 'FAC' AND d.status = 'posted') AS want_sale,
              (SELECT max(issue_date) FROM documents d WHERE d.customer_id = c.id AND d.type = 'REC' AND d.status = 'posted') AS want_receipt
         FROM customers c
         LEFT JOIN (SELECT customer_id, sum(sign * open_amount) AS balance,
                           sum(open_amount) FILTER (WHERE sign = 1 AND due_date < :today) AS overdue_debits,
                           sum(open_amount) FILTER (WHERE sign = -1) AS credits,
                           min(due_date) FILTER (WHERE sign = 1) AS oldest_due
                      FROM documents WHERE company_id = :company AND status = 'posted' AND open_amount > 0 GROUP BY customer_id) o
           ON o.customer_id = c.id
        WHERE c.company_id = :company
          AND (c.balance <> coalesce(o.balance, 0)
            OR c.overdue_balance <> greatest(0, coalesce(o.overdue_debits, 0) - coalesce(o.credits, 0))
            OR c.oldest_open_due_date IS DISTINCT FROM o.oldest_due
            OR c.last_sale_date IS DISTINCT FROM (SELECT max(issue_date) FROM documents d WHERE d.customer_id = c.id AND d.type = 'FAC' AND d.status = 'posted')
            OR c.last_receipt_date IS DISTINCT FROM (SELECT max(issue_date) FROM documents d WHERE d.customer_id = c.id AND d.type = 'REC' AND d.status = 'posted'))`,
      { company: first.companyId, today: today() },
    );
    expect(rows).toEqual([]);
  });

  test('when it runs twice with the same seed, then it writes the same ledger', async () => {
    const second = await generate(7);
    expect(second.counts).toEqual(first.counts);
    const sums = async (companyId: number) =>
      (
        await knex.raw(
          `SELECT type, status, count(*) AS n, sum(total) AS total, sum(open_amount) AS open, min(number) AS first, max(number) AS last
             FROM documents WHERE company_id = ? GROUP BY type, status ORDER BY type, status`,
          [companyId],
        )
      ).rows as unknown[];
    expect(await sums(second.companyId)).toEqual(await sums(first.companyId));
    expect(await verifyLedger(knex, second.companyId)).toEqual([]);
  }, 60_000);
});
