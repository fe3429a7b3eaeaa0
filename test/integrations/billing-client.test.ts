import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import { testApp } from '../support/app';
import { createCustomer } from '../support/ledger';
import { createToken } from '../support/tokens';
import { startWorker } from '../../server/src/modules/integrations/worker';
import { runBillingClient, verifyCtacteSignature } from '../../examples/billing-client';
import { signPayload } from '../../server/src/modules/integrations/signature';

let company: TestCompany;
let server: Server;

beforeAll(async () => {
  company = await createTestCompany('Cliente de facturación');
  const app = await testApp();
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('when the example billing client runs against ctacte, then it posts once, its retry answers the same document, and the webhook signature checks', async () => {
  const agents = await agentsFor(company);
  const customer = await createCustomer(agents.clerk);
  const token = await createToken(agents.admin, {
    name: 'Facturación (ejemplo)',
    scopes: ['documents:write', 'credit-status:read'],
  });
  const secret = 'example-shared-secret-123';
  const port = 40000 + Math.floor(Math.random() * 20000);
  const sub = await agents.admin.post('/api/webhook-subscriptions', {
    url: `http://127.0.0.1:${port}/`,
    events: ['document.posted'],
    secret,
  });
  expect(sub.status).toBe(201);
  const worker = startWorker(company.knex, { idleMs: 100 });
  try {
    const report = await runBillingClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: token.token,
      customerId: customer.id,
      webhookSecret: secret,
      webhookPort: port,
      invoice: { pointOfSale: 8, number: 4242, total: '121000.00', issueDate: '2026-11-30' },
      log: () => undefined,
    });
    expect(report).toMatchObject({
      allowed: true,
      firstStatus: 201,
      retryStatus: 200,
      webhook: { type: 'document.posted', signatureValid: true },
    });
    const rows = await company.knex('documents').where({ companyId: company.companyId, externalRef: 'BILLING-FAC-A-8-4242' });
    expect(rows).toHaveLength(1);
  } finally {
    await worker.stop();
  }
});

test("when the example's signature check meets a tampered body or an old timestamp, then it refuses", () => {
  const body = '{"id":"e1"}';
  expect(verifyCtacteSignature('s3cret-s3cret-s3cret', signPayload('s3cret-s3cret-s3cret', body), body)).toBe(true);
  expect(verifyCtacteSignature('s3cret-s3cret-s3cret', signPayload('s3cret-s3cret-s3cret', body), body + 'x')).toBe(false);
  const old = signPayload('s3cret-s3cret-s3cret', body, Math.floor(Date.now() / 1000) - 3600);
  expect(verifyCtacteSignature('s3cret-s3cret-s3cret', old, body)).toBe(false);
});
