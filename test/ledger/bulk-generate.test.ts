import type { Knex } from 'knex';
import { testKnex } from '../support/db';
import { uniq } from '../support/factories';
import { generateBulk, type BulkResult } from '../../seeds/bulk-generate';
import { generateSmallTenants, tenantPrefix } from '../../seeds/bulk-tenants';
import { verifyLedger } from '../../server/src/modules/ledger/verify';
import { today } from '../../server/src/lib/dates';
import { D, type Dec } from '../../server/src/lib/money';

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

  test("when it fills a company, then each customer's stored figures are what its documents say", async () => {
    // Worked out here from the raw rows, not with the server's SQL: balance is what
    // is open, overdue the open debits past due less the credits on account.
    const day = today();
    const docs = (await knex('documents')
      .where({ companyId: first.companyId, status: 'posted' })
      .select('customerId', 'type', 'sign', 'openAmount', 'dueDate', 'issueDate')) as Array<{
      customerId: number;
      type: string;
      sign: number;
      openAmount: string;
      dueDate: string;
      issueDate: string;
    }>;
    const want = new Map<
      number,
      { balance: Dec; pastDue: Dec; credits: Dec; oldest: string | null; sale: string | null; receipt: string | null }
    >();
    const customers = (await knex('customers')
      .where({ companyId: first.companyId })
      .select('id', 'balance', 'overdueBalance', 'oldestOpenDueDate', 'lastSaleDate', 'lastReceiptDate')) as Array<
      Record<string, string | number | null>
    >;
    for (const c of customers)
      want.set(c.id as number, { balance: D(0), pastDue: D(0), credits: D(0), oldest: null, sale: null, receipt: null });
    const later = (a: string | null, b: string) => (a === null || b > a ? b : a);
    for (const d of docs) {
      const w = want.get(d.customerId)!;
      if (d.type === 'FAC') w.sale = later(w.sale, d.issueDate);
      if (d.type === 'REC') w.receipt = later(w.receipt, d.issueDate);
      const open = D(d.openAmount);
      if (open.isZero()) continue;
      if (Number(d.sign) === 1) {
        w.balance = w.balance.plus(open);
        if (d.dueDate < day) w.pastDue = w.pastDue.plus(open);
        if (w.oldest === null || d.dueDate < w.oldest) w.oldest = d.dueDate;
      } else {
        w.balance = w.balance.minus(open);
        w.credits = w.credits.plus(open);
      }
    }
    const stored = customers.map((c) => ({
      id: c.id,
      balance: c.balance,
      overdue: c.overdueBalance,
      oldest: c.oldestOpenDueDate,
      sale: c.lastSaleDate,
      receipt: c.lastReceiptDate,
    }));
    const expected = customers.map((c) => {
      const w = want.get(c.id as number)!;
      const overdue = w.pastDue.minus(w.credits);
      return {
        id: c.id,
        balance: w.balance.toFixed(2),
        overdue: (overdue.isNegative() ? D(0) : overdue).toFixed(2),
        oldest: w.oldest,
        sale: w.sale,
        receipt: w.receipt,
      };
    });
    expect(docs.length).toBeGreaterThan(1_000);
    expect(expected.filter((e) => e.overdue !== '0.00').length).toBeGreaterThan(0);
    expect(stored).toEqual(expected);
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

  test('when small tenants are asked for, then each is a company of its own whose ledger holds, and a rerun adds only the missing ones', async () => {
    const two = await generateSmallTenants(knex, { companies: 3, documentsEach: 300 });
    expect(two).toHaveLength(2);
    expect(new Set([...two, first.companyId]).size).toBe(3);
    for (const companyId of two) {
      expect(await verifyLedger(knex, companyId)).toEqual([]);
      const docs = await knex('documents').where({ companyId }).count({ n: '*' });
      expect(Number(docs[0].n)).toBeGreaterThan(200);
    }
    const managers = await knex('users')
      .whereIn('companyId', two)
      .where('role', 'manager')
      .orderBy('companyId')
      .pluck('username');
    expect(managers).toEqual([`${tenantPrefix(2)}_manager`, `${tenantPrefix(3)}_manager`]);

    const three = await generateSmallTenants(knex, { companies: 4, documentsEach: 300 });
    expect(three.slice(0, 2)).toEqual(two);
    expect(two).not.toContain(three[2]);
    expect(await verifyLedger(knex, three[2])).toEqual([]);
  }, 60_000);
});
