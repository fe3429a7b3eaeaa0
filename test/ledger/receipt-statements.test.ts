import pg from 'pg';
import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { testAppKnex, workerDatabaseUrl } from '../support/db';
import { createReferences } from '../support/master-data';
import { createCustomer, expectLedgerConsistent, postInvoice } from '../support/ledger';
import { postReceiptSql } from '../../bench/sql';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

/** The app's statements while `recording` is on: listened to from the app's first statement (see test/support/db.ts). */
let recording: string[] | undefined;

beforeAll(async () => {
  (await testAppKnex()).on('query', (q: { sql: string }) => recording?.push(q.sql));
  company = await createTestCompany('Recibo en SQL');
  agents = await agentsFor(company);
});

/** Table → the columns a transaction's statements write (INSERT column lists, UPDATE … SET targets). */
function writes(statements: string[]): Record<string, string[]> {
  const found: Record<string, Set<string>> = {};
  const add = (table: string, column: string) => (found[table] ??= new Set()).add(column);
  const name = (s: string) => s.replace(/"/g, '').trim();
  for (const raw of statements) {
    // One segment per INSERT or UPDATE, so statements chained in CTEs are read apart.
    for (const part of raw.toLowerCase().split(/(?=\binsert into\b|(?<!\bdo )\bupdate\s)/)) {
      const insert = /^insert into\s+"?(\w+)"?\s*\(([^)]*)\)/.exec(part);
      if (insert) for (const c of insert[2].split(',')) add(insert[1], name(c));
      const update = /^update\s+"?(\w+)"?(?:\s+(?:as\s+)?"?\w+"?)?\s+set\s+([\s\S]*)/.exec(part);
      const upsert = /do update set([\s\S]*?)(?:\bwhere\b|\breturning\b|$)/.exec(part);
      const sets: Array<[string, string]> = [];
      if (update) sets.push([update[1], update[2]]);
      if (insert && upsert) sets.push([insert[1], upsert[1]]);
      for (const [table, clause] of sets) for (const m of (',' + clause).matchAll(/,\s*"?(\w+)"?\s*=(?!=)/g)) add(table, m[1]);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([t, cols]) => [t, [...cols].sort()]));
}

describe("the bench's bare-SQL receipt", () => {
  test('when the bench posts its receipt, then it writes the tables the service writes, and only columns the service writes', async () => {
    const refs = await createReferences(agents.admin, 'Q');
    const customer = await createCustomer(agents.clerk);
    const invoices = await Promise.all(Array.from({ length: 6 }, () => postInvoice(agents.clerk, customer.id, '10.00')));

    const service: string[] = [];
    recording = service;
    const res = await agents.clerk
      .post('/api/receipts', {
        customerId: customer.id,
        issueDate: '2026-10-20',
        payments: [{ method: 'transfer', amount: '3.00', bankId: refs.bankId, reference: 'TRF 1' }],
        applications: invoices.slice(0, 3).map((d) => ({ documentId: d.id, amount: '1.00' })),
      })
      .set('Idempotency-Key', uniq('key'));
    recording = undefined;
    expect(res.status).toBe(201);

    const bench: string[] = [];
    const client = new pg.Client({ connectionString: workerDatabaseUrl() });
    await client.connect();
    const spy = {
      query: (text: string, values?: unknown[]) => (bench.push(text), client.query(text, values)),
    } as unknown as pg.Client;
    try {
      const job = { customerId: customer.id, documentIds: invoices.slice(3).map((d) => d.id), bankId: refs.bankId };
      await postReceiptSql(spy, company.companyId, agents.clerk.userId, job, '2026-10-20');
    } finally {
      await client.end();
    }

    const byService = writes(service);
    const byBench = writes(bench);
    expect(Object.keys(byBench).sort()).toEqual(Object.keys(byService).sort());
    expect(Object.keys(byService).sort()).toEqual([
      'applications',
      'audit_events',
      'customers',
      'document_counters',
      'documents',
      'idempotency_keys',
      'outbox',
      'receipt_payments',
    ]);
    expect(byService.customers).toEqual([
      'balance',
      'balance_ars',
      'balance_usd',
      'last_receipt_date',
      'last_sale_date',
      'oldest_open_due_date',
      'overdue_balance',
      'overdue_balance_ars',
      'overdue_balance_usd',
    ]);
    expect(byBench.documents).toEqual(expect.arrayContaining(['open_amount', 'number', 'total', 'status']));
    for (const [table, columns] of Object.entries(byBench))
      expect({ table, extra: columns.filter((c) => !byService[table].includes(c)) }).toEqual({ table, extra: [] });
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});
