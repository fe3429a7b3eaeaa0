import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { balanceOf, createCustomer, doc, expectLedgerConsistent, postAdjustment, postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Concurrencia');
  agents = await agentsFor(company);
});

const statuses = (results: Array<{ status: number }>) =>
  results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('under concurrency', () => {
  test('30 receipts racing for the same 3 invoices never apply more than their totals; losers get 409', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await Promise.all(['1000.00', '700.00', '300.00'].map((t) => postInvoice(agents.clerk, customer.id, t)));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        agents.clerk.post('/api/receipts', {
          customerId: customer.id,
          issueDate: '2026-10-20',
          payments: [{ method: 'cash', amount: '450' }],
          applications: [
            { documentId: inv[0].id, amount: '200' },
            { documentId: inv[1].id, amount: '150' },
            { documentId: inv[2].id, amount: i % 2 ? '100' : '50' },
          ],
        }),
      ),
    );
    const byStatus = statuses(results);
    expect(Object.keys(byStatus).sort()).toEqual(['201', '409']);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'OVER_APPLICATION')).toBe(true);
    const opens = await Promise.all(inv.map(async (d) => (await doc(agents.clerk, d.id)).openAmount));
    for (const o of opens) expect(Number(o)).toBeGreaterThanOrEqual(0);
    // Each receipt takes 200 of the 1000, 150 of the 700 and 100 or 50 of the 300: they
    // succeed, one at a time, until one of those runs out. So exactly the receipts that
    // fit succeed (four, or three when three of 100 empty the 300 first), and every
    // loser would still not fit what is left.
    const won = results.flatMap((r, i) => (r.status === 201 ? [i] : []));
    const third = won.reduce((s, i) => s + (i % 2 ? 100 : 50), 0);
    expect(opens).toEqual([1000 - 200 * won.length, 700 - 150 * won.length, 300 - third].map((c) => c.toFixed(2)));
    expect([3, 4]).toContain(won.length);
    for (const i of results.keys())
      if (!won.includes(i)) expect(700 - 150 * won.length < 150 || 300 - third < (i % 2 ? 100 : 50)).toBe(true);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('30 receipts on one point of sale get contiguous numbers, none repeated', async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, () => createCustomer(agents.clerk)));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        agents.clerk.post('/api/receipts', {
          customerId: customers[i % 5].id,
          issueDate: '2026-10-20',
          pointOfSale: 12,
          payments: [{ method: 'cash', amount: `${10 + i}` }],
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 30 });
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('applying and cancelling the same document at once: one order wins, the books still add up', async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await createCustomer(agents.clerk);
      // An internal debit: fiscal invoices are reversed by credit notes, only letter X is cancelled.
      const inv = await postAdjustment(agents.supervisor, customer.id, '1000.00');
      const nc = await agents.clerk.post('/api/documents', {
        customerId: customer.id,
        type: 'NC',
        letter: 'A',
        pointOfSale: 9,
        number: 100 + round,
        issueDate: '2026-10-02',
        total: '400',
      });
      const [apply, cancel, apply2] = await Promise.all([
        agents.clerk.post('/api/applications', {
          creditDocumentId: nc.body.id,
          debitDocumentId: inv.id,
          amount: '400',
          date: '2026-10-05',
        }),
        agents.supervisor.post(`/api/documents/${inv.id}/cancel`, { reason: 'Carrera', date: '2026-10-06' }),
        agents.clerk.post('/api/applications', {
          creditDocumentId: nc.body.id,
          debitDocumentId: inv.id,
          amount: '400',
          date: '2026-10-05',
        }),
      ]);
      expect(cancel.status).toBe(200);
      for (const a of [apply, apply2]) expect([201, 409]).toContain(a.status);
      expect((await doc(agents.clerk, inv.id)).status).toBe('cancelled');
      expect((await doc(agents.clerk, inv.id)).openAmount).toBe('1000.00');
      expect((await doc(agents.clerk, nc.body.id)).openAmount).toBe('400.00');
      expect(await balanceOf(agents.clerk, customer.id)).toBe('-400.00');
    }
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('the same Idempotency-Key from 10 parallel requests posts one receipt', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '500.00');
    const body = {
      customerId: customer.id,
      issueDate: '2026-10-20',
      payments: [{ method: 'cash', amount: '500' }],
      applications: [{ documentId: inv.id, amount: '500' }],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => agents.clerk.post('/api/receipts', body).set('Idempotency-Key', 'pago-abc-123')),
    );
    expect(statuses(results)).toEqual({ 201: 10 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const receipts = await company.knex('documents').where({ customerId: customer.id, type: 'REC' }).count({ n: '*' }).first();
    expect(Number(receipts!.n)).toBe(1);
    const different = await agents.clerk.post('/api/receipts', { ...body, notes: 'otro' }).set('Idempotency-Key', 'pago-abc-123');
    expect(different.status).toBe(409);
    expect(different.body.code).toBe('IDEMPOTENCY_MISMATCH');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('receipts and unapplications of one customer interleaved keep every open amount right', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '3000.00');
    const first = await Promise.all(
      Array.from({ length: 10 }, () =>
        agents.clerk.post('/api/receipts', {
          customerId: customer.id,
          issueDate: '2026-10-20',
          payments: [{ method: 'cash', amount: '100' }],
          applications: [{ documentId: inv.id, amount: '100' }],
        }),
      ),
    );
    const appIds = first.map((r) => (r.body.applications as Array<{ id: number }>)[0].id);
    const mixed = await Promise.all([
      ...appIds.slice(0, 5).map((id) => agents.supervisor.delete(`/api/applications/${id}`)),
      ...appIds.slice(0, 5).map((id) => agents.supervisor.delete(`/api/applications/${id}`)),
      ...Array.from({ length: 5 }, () =>
        agents.clerk.post('/api/receipts', {
          customerId: customer.id,
          issueDate: '2026-10-21',
          payments: [{ method: 'cash', amount: '50' }],
          applications: [{ documentId: inv.id, amount: '50' }],
        }),
      ),
    ]);
    expect(mixed.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    expect(mixed.filter((r) => r.status === 200)).toHaveLength(5);
    expect((await doc(agents.clerk, inv.id)).openAmount).toBe((3000 - 500 - 250).toFixed(2));
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});
