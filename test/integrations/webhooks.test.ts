import crypto from 'node:crypto';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { workerDatabaseUrl } from '../support/db';
import { createCustomer, postAdjustment, postInvoice } from '../support/ledger';
import { startReceiver } from '../support/receiver';
import { customerBody } from '../support/master-data';
import { addDays, today } from '../../server/src/lib/dates';
import { runWorkerOnce } from '../../server/src/modules/integrations/worker';
import { verifySignature } from '../../server/src/modules/integrations/signature';
import { emitBrokenPromises } from '../../server/src/modules/collections/promise-events';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let customerId: number;
const SECRET = 'whsec_test_0123456789abcdef';

beforeAll(async () => {
  company = await createTestCompany('Webhooks');
  agents = await agentsFor(company);
  customerId = (await createCustomer(agents.clerk)).id;
});

async function subscribe(url: string, events: string[]): Promise<number> {
  const res = await agents.admin.post('/api/webhook-subscriptions', { url, events, secret: SECRET });
  if (res.status !== 201) throw new Error(`subscription: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function deliveries(subscriptionId: number) {
  const res = await agents.admin.get(`/api/webhook-deliveries?filter=${encodeURIComponent(JSON.stringify({ subscriptionId }))}`);
  expect(res.status).toBe(200);
  return res.body as Array<{
    id: number;
    status: string;
    attempts: number;
    eventType: string;
    eventId: string;
    lastStatusCode: number | null;
  }>;
}

/** Runs worker rounds until nothing is due (retries set to be due at once). */
async function drain(opts = {}) {
  for (let i = 0; i < 10 && (await runWorkerOnce(company.knex, { retryBaseSeconds: 0, ...opts })) > 0; i++);
}

describe('signed webhooks through the outbox', () => {
  test('when a document is posted, then the subscriber gets one signed event, once, with the documented body', async () => {
    const receiver = await startReceiver();
    try {
      const sub = await subscribe(receiver.url, ['document.posted']);
      const invoice = await postInvoice(agents.clerk, customerId, '1210.00');
      const outbox = await company.knex('outbox').where({ companyId: company.companyId, type: 'document.posted' });
      expect(outbox.map((o) => o.data.id)).toContain(invoice.id);
      await drain();
      await drain();
      const mine = receiver.events().filter((e) => e.data.id === invoice.id);
      expect(mine).toHaveLength(1);
      const [raw] = receiver.received.filter((r) => JSON.parse(r.body).data.id === invoice.id);
      const body = JSON.parse(raw.body);
      expect(Object.keys(body).sort()).toEqual(['companyId', 'createdAt', 'data', 'id', 'type']);
      expect(body).toMatchObject({ type: 'document.posted', companyId: company.companyId, data: { total: '1210.00' } });
      expect(raw.headers['x-ctacte-event-id']).toBe(body.id);
      // The documented algorithm, written out here independently of the server's helper.
      const sig = String(raw.headers['x-ctacte-signature']);
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig)!;
      expect(m).not.toBeNull();
      expect(crypto.createHmac('sha256', SECRET).update(`${m[1]}.${raw.body}`).digest('hex')).toBe(m[2]);
      expect(verifySignature(SECRET, sig, raw.body)).toBe(true);
      expect(verifySignature(SECRET, sig, raw.body + ' ')).toBe(false);
      expect(verifySignature('another-secret-000', sig, raw.body)).toBe(false);
      // Replay-safe: the same signature ten minutes later is refused.
      expect(verifySignature(SECRET, sig, raw.body, Number(m[1]) + 600)).toBe(false);
      const log = await deliveries(sub);
      expect(log.find((d) => d.eventId === body.id)).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
      await agents.admin.put(`/api/webhook-subscriptions/${sub}`, { active: false });
    } finally {
      await receiver.close();
    }
  });

  test('when the receiver answers 500, then the delivery is retried with back-off until it succeeds', async () => {
    let calls = 0;
    const receiver = await startReceiver(() => (++calls <= 2 ? 500 : 204));
    try {
      const sub = await subscribe(receiver.url, ['document.posted']);
      await postInvoice(agents.clerk, customerId, '10.00');
      await runWorkerOnce(company.knex, { retryBaseSeconds: 3600 });
      let [d] = await deliveries(sub);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      const row = await company.knex('webhook_deliveries').where({ companyId: company.companyId, id: d.id }).first();
      // First retry one base later (±10% jitter).
      const wait = (new Date(row.nextAttemptAt).getTime() - Date.now()) / 1000;
      expect(wait).toBeGreaterThan(3000);
      expect(wait).toBeLessThan(4000);
      expect(await runWorkerOnce(company.knex)).toBe(0); // not due yet
      await company
        .knex('webhook_deliveries')
        .where({ companyId: company.companyId, id: d.id })
        .update({ nextAttemptAt: company.knex.fn.now() });
      await drain();
      [d] = await deliveries(sub);
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204 });
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((r) => r.headers['x-ctacte-event-id'])).size).toBe(1);
      await agents.admin.put(`/api/webhook-subscriptions/${sub}`, { active: false });
    } finally {
      await receiver.close();
    }
  });

  test('when the attempts run out, then the delivery is failed, and "resend" sends it again', async () => {
    let ok = false;
    const receiver = await startReceiver(() => (ok ? 200 : 503));
    try {
      const sub = await subscribe(receiver.url, ['document.posted']);
      await postInvoice(agents.clerk, customerId, '11.00');
      await drain({ maxAttempts: 2 });
      let [d] = await deliveries(sub);
      expect(d).toMatchObject({ status: 'failed', attempts: 2 });
      ok = true;
      expect((await agents.clerk.post(`/api/webhook-deliveries/${d.id}/resend`)).status).toBe(403);
      const resent = await agents.admin.post(`/api/webhook-deliveries/${d.id}/resend`);
      expect(resent.status).toBe(200);
      expect(resent.body.status).toBe('pending');
      await drain();
      [d] = await deliveries(sub);
      expect(d).toMatchObject({ status: 'delivered', attempts: 3 });
      await agents.admin.put(`/api/webhook-subscriptions/${sub}`, { active: false });
    } finally {
      await receiver.close();
    }
  });

  test('when two workers run at once, then each event is delivered once', async () => {
    const receiver = await startReceiver();
    try {
      const sub = await subscribe(receiver.url, ['document.posted']);
      for (let i = 0; i < 12; i++) await postInvoice(agents.clerk, customerId, `${20 + i}.00`);
      await Promise.all([drain({ batch: 3 }), drain({ batch: 3 }), drain({ batch: 3 })]);
      const ids = receiver.received.map((r) => r.headers['x-ctacte-event-id']);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect((await deliveries(sub)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
      await agents.admin.put(`/api/webhook-subscriptions/${sub}`, { active: false });
    } finally {
      await receiver.close();
    }
  });

  test('when the ledger changes, then each kind of event is written in the same transaction, and none for a refusal', async () => {
    const count = async (type: string) =>
      Number((await company.knex('outbox').where({ companyId: company.companyId, type }).count({ n: '*' }).first())?.n);
    const before = Object.fromEntries(
      await Promise.all(
        [
          'document.posted',
          'document.cancelled',
          'receipt.posted',
          'receipt.cancelled',
          'application.created',
          'application.reversed',
        ].map(async (t) => [t, await count(t)] as const),
      ),
    );
    // An internal debit, so that it can be cancelled (fiscal invoices are reversed by credit notes).
    const inv = await postAdjustment(agents.supervisor, customerId, '500.00');
    const refused = await agents.clerk.post('/api/documents', {
      customerId,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 3,
      number: 1,
      issueDate: '2026-10-01',
      total: '-1',
    });
    expect(refused.status).toBe(400);
    const receipt = await agents.clerk.post('/api/receipts', {
      customerId,
      issueDate: '2026-10-05',
      payments: [{ method: 'cash', amount: '200.00' }],
    });
    expect(receipt.status).toBe(201);
    const applied = await agents.clerk.post('/api/applications', {
      creditDocumentId: receipt.body.id,
      debitDocumentId: inv.id,
      amount: '200.00',
      date: '2026-10-05',
    });
    expect(applied.status).toBe(201);
    expect((await agents.supervisor.delete(`/api/applications/${applied.body.id}`)).status).toBe(200);
    expect(
      (await agents.supervisor.post(`/api/documents/${receipt.body.id}/cancel`, { reason: 'Cargado dos veces' })).status,
    ).toBe(200);
    expect((await agents.supervisor.post(`/api/documents/${inv.id}/cancel`, { reason: 'Facturado por error' })).status).toBe(200);
    expect({
      'document.posted': (await count('document.posted')) - before['document.posted'],
      'document.cancelled': (await count('document.cancelled')) - before['document.cancelled'],
      'receipt.posted': (await count('receipt.posted')) - before['receipt.posted'],
      'receipt.cancelled': (await count('receipt.cancelled')) - before['receipt.cancelled'],
      'application.created': (await count('application.created')) - before['application.created'],
      'application.reversed': (await count('application.reversed')) - before['application.reversed'],
    }).toEqual({
      'document.posted': 1,
      'document.cancelled': 1,
      'receipt.posted': 1,
      'receipt.cancelled': 1,
      'application.created': 1,
      'application.reversed': 1,
    });
  });

  test('when the worker is killed between commit and delivery, then the outbox row is delivered after restart', async () => {
    let hang = true;
    const receiver = await startReceiver(() => (hang ? 'hang' : 200));
    const spawnWorker = (): ChildProcess =>
      // One process, the worker itself: tsx's CLI would run it as a child of its own, which a SIGKILL of the
      // CLI leaves running (it went on delivering, and outlived the test run).
      spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/worker.ts'], {
        cwd: path.resolve(__dirname, '..', '..'),
        env: {
          ...process.env,
          DATABASE_URL: workerDatabaseUrl(),
          SESSION_SECRET: 'worker-test',
          LOG_LEVEL: 'silent',
          WEBHOOK_LEASE_SECONDS: '2',
          WEBHOOK_RETRY_BASE_SECONDS: '0',
        },
        stdio: 'ignore',
      });
    const waitFor = async (what: () => boolean | Promise<boolean>, ms = 120_000) => {
      for (const start = Date.now(); !(await what());) {
        if (Date.now() - start > ms) throw new Error('timed out waiting');
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    let child: ChildProcess | undefined;
    try {
      await drain(); // earlier tests' events fanned out before this subscription exists
      const sub = await subscribe(receiver.url, ['document.posted']);
      const inv = await postInvoice(agents.clerk, customerId, '77.00'); // committed; nothing delivered yet
      child = spawnWorker();
      await waitFor(() => receiver.received.length > 0); // the worker is sending, the receiver holds the request
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      const [stuck] = await deliveries(sub);
      expect(stuck.status).toBe('pending');
      hang = false;
      child = spawnWorker();
      await waitFor(async () => (await deliveries(sub))[0].status === 'delivered');
      const events = receiver.events();
      expect(events.length).toBeGreaterThanOrEqual(2); // at least once: the interrupted send, then the real one
      expect(new Set(events.map((e) => e.id)).size).toBe(1);
      expect(events[0].data.id).toBe(inv.id);
    } finally {
      child?.kill('SIGTERM');
      await receiver.close();
    }
    // Two worker processes start here (tsx compiles the server each time): slow on a loaded machine.
  }, 300_000);

  test('when someone other than an admin manages subscriptions, then 403; a bad subscription is a 400', async () => {
    expect(
      (
        await agents.supervisor.post('/api/webhook-subscriptions', {
          url: 'http://127.0.0.1:1/x',
          events: ['receipt.posted'],
          secret: SECRET,
        })
      ).status,
    ).toBe(403);
    expect((await agents.manager.get('/api/webhook-deliveries')).status).toBe(403);
    for (const body of [
      { url: 'ftp://x', events: ['receipt.posted'], secret: SECRET },
      { url: 'http://127.0.0.1:1/x', events: ['receipt.printed'], secret: SECRET },
      { url: 'http://127.0.0.1:1/x', events: ['receipt.posted'], secret: 'short' },
    ]) {
      const res = await agents.admin.post('/api/webhook-subscriptions', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const list = await agents.admin.get('/api/webhook-subscriptions');
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
  });

  test('when a posting takes a customer over its limit and a credit note brings it back, then credit_status_changed fires each way', async () => {
    const created = await agents.supervisor.post('/api/customers', {
      ...customerBody(),
      creditLimit: '1000.00',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const events = async () =>
      (await company.knex('outbox').where({ companyId: company.companyId, type: 'customer.credit_status_changed' }).orderBy('id'))
        .map((o) => o.data)
        .filter((d) => d.customerId === id)
        .map((d) => ({
          allowed: d.allowed,
          previouslyAllowed: d.previouslyAllowed,
          reasons: d.reasons.map((r: { code: string }) => r.code),
        }));
    const notDue = { issueDate: today(), dueDate: addDays(today(), 60) };
    await postInvoice(agents.clerk, id, '800.00', notDue);
    expect(await events()).toEqual([]);
    const over = await postInvoice(agents.clerk, id, '300.00', notDue);
    expect(await events()).toEqual([{ allowed: false, previouslyAllowed: true, reasons: ['OVER_LIMIT'] }]);
    const reversal = await agents.supervisor.post(`/api/documents/${over.id}/credit-note`, {
      pointOfSale: 3,
      number: 70001,
      issueDate: today(),
      reason: 'Excede el límite',
    });
    expect(reversal.status).toBe(201);
    expect(await events()).toEqual([
      { allowed: false, previouslyAllowed: true, reasons: ['OVER_LIMIT'] },
      { allowed: true, previouslyAllowed: false, reasons: [] },
    ]);
    // A change of the record itself counts too: suspending the customer blocks it.
    expect((await agents.supervisor.put(`/api/customers/${id}`, { status: 'suspended' })).status).toBe(200);
    expect((await events()).at(-1)).toEqual({ allowed: false, previouslyAllowed: true, reasons: ['SUSPENDED'] });
  });

  test('when a promise date passes without the receipts, then promise.broken fires once', async () => {
    const c = await createCustomer(agents.clerk);
    await company
      .knex('customers')
      .where({ companyId: company.companyId, id: c.id })
      .update({
        promiseDate: company.knex.raw('CURRENT_DATE - 1'),
        promiseAmount: '150.00',
        promiseSince: company.knex.raw('CURRENT_DATE - 5'),
      });
    await emitBrokenPromises(company.knex);
    await emitBrokenPromises(company.knex);
    const rows = (await company.knex('outbox').where({ companyId: company.companyId, type: 'promise.broken' })).filter(
      (o) => o.data.customerId === c.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({ promiseAmount: '150.00', received: '0.00' });
  });
});
