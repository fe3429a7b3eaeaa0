import request from 'supertest';
import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import { testApp, type Agent } from '../support/app';
import { createCustomer, ledgerSnapshot } from '../support/ledger';
import { bearerClient, createToken } from '../support/tokens';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let customerId: number;
let number = 5000;

const invoice = (extra: Record<string, unknown> = {}) => ({
  customerId,
  type: 'FAC',
  letter: 'A',
  pointOfSale: 7,
  number: ++number,
  issueDate: '2026-11-02',
  total: '1500.00',
  ...extra,
});

beforeAll(async () => {
  company = await createTestCompany('Tokens');
  agents = await agentsFor(company);
  customerId = (await createCustomer(agents.clerk)).id;
});

describe('API tokens', () => {
  test('when an admin creates a token, then the secret comes once, only its hash is stored, and the list has no secret', async () => {
    const res = await agents.admin.post('/api/api-tokens', { name: 'Facturación', scopes: ['documents:write'] });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^ctk_live_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toMatchObject({ name: 'Facturación', scopes: ['documents:write'], role: null, active: true });
    const stored = await company.knex('api_tokens').where({ companyId: company.companyId, id: res.body.id }).first();
    expect(stored.tokenHash).not.toContain(res.body.token);
    expect(JSON.stringify(stored)).not.toContain(res.body.token);
    const list = await agents.admin.get('/api/api-tokens');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    expect(list.body.find((t: { id: number }) => t.id === res.body.id)).not.toHaveProperty('token');
  });

  test('when someone other than an admin manages tokens, then 403', async () => {
    for (const role of ['clerk', 'supervisor', 'manager'] as const) {
      expect((await agents[role].post('/api/api-tokens', { name: 'x', role: 'clerk' })).status).toBe(403);
      expect((await agents[role].get('/api/api-tokens')).status).toBe(403);
    }
  });

  test('when the body names both a role and scopes, or an unknown scope, then 400 with the error JSON', async () => {
    for (const body of [
      { name: 'both', role: 'clerk', scopes: ['reports:read'] },
      { name: 'none' },
      { name: 'bad', scopes: ['documents:delete'] },
      { name: 'ip', role: 'clerk', allowedIps: ['300.1.1.1'] },
      { name: 'past', role: 'clerk', expiresAt: '2020-01-01T00:00:00Z' },
    ]) {
      const res = await agents.admin.post('/api/api-tokens', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    }
  });

  test('scopes × endpoints: each scope opens its own paths and nothing else', async () => {
    const documents = await createToken(agents.admin, { name: 'docs', scopes: ['documents:write'] });
    const credit = await createToken(agents.admin, { name: 'credit', scopes: ['credit-status:read'] });
    const reports = await createToken(agents.admin, { name: 'reports', scopes: ['reports:read'] });
    const customers = await createToken(agents.admin, { name: 'customers', scopes: ['customers:write'] });
    const receipts = await createToken(agents.admin, { name: 'receipts', scopes: ['receipts:write'] });
    const creditUrl = `/api/customers/${customerId}/credit-status`;
    const cases: Array<[string, () => request.Test, number]> = [
      ['documents POST', () => documents.post('/api/documents', invoice()), 201],
      ['documents GET', () => documents.get('/api/documents'), 200],
      ['documents → credit-status', () => documents.get(creditUrl), 403],
      ['documents → receipts', () => documents.get('/api/receipts'), 403],
      ['documents → cancel (needs supervisor)', () => documents.post('/api/documents/1/cancel', { reason: 'xxx' }), 403],
      ['credit GET', () => credit.get(creditUrl), 200],
      ['credit → documents', () => credit.post('/api/documents', invoice()), 403],
      ['credit → customers list', () => credit.get('/api/customers'), 403],
      ['reports aging', () => reports.get('/api/reports/aging'), 200],
      ['reports debtors', () => reports.get('/api/debtors'), 200],
      ['reports → customers', () => reports.get('/api/customers'), 403],
      ['customers list', () => customers.get('/api/customers'), 200],
      ['customers credit-status', () => customers.get(creditUrl), 200],
      ['customers → users', () => customers.get('/api/users'), 403],
      ['receipts list', () => receipts.get('/api/receipts'), 200],
      ['receipts → documents', () => receipts.get('/api/documents'), 403],
      ['any token → api-tokens', () => customers.get('/api/api-tokens'), 403],
    ];
    for (const [name, call, status] of cases) {
      const res = await call();
      expect({ name, status: res.status }).toEqual({ name, status });
    }
  });

  test('when a token holds a role, then the role matrix decides, as for a person', async () => {
    const manager = await createToken(agents.admin, { name: 'bi', role: 'manager' });
    expect((await manager.get('/api/customers')).status).toBe(200);
    expect((await manager.post('/api/documents', invoice())).status).toBe(403);
    const admin = await createToken(agents.admin, { name: 'erp', role: 'admin' });
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  test('when a token is revoked, expired or unknown, then 401', async () => {
    const client = await createToken(agents.admin, { name: 'to-revoke', scopes: ['documents:write'] });
    expect((await client.get('/api/documents')).status).toBe(200);
    const revoked = await agents.admin.delete(`/api/api-tokens/${client.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    const after = await client.get('/api/documents');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('INVALID_TOKEN');

    const expiring = await createToken(agents.admin, {
      name: 'short-lived',
      role: 'clerk',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await expiring.get('/api/documents')).status).toBe(200);
    await company
      .knex('api_tokens')
      .where({ id: expiring.id })
      .update({ expiresAt: company.knex.raw("now() - interval '1 second'") });
    expect((await expiring.get('/api/documents')).status).toBe(401);

    expect((await (await bearerClient('ctk_live_nothing')).get('/api/documents')).status).toBe(401);
    expect((await (await bearerClient('abc')).get('/api/documents')).status).toBe(401);
  });

  test('when the token has an IP allow-list, then only those addresses get in', async () => {
    const client = await createToken(agents.admin, { name: 'pos', role: 'clerk', allowedIps: ['10.1.2.0/24', '192.0.2.7'] });
    const app = await testApp();
    const from = (ip: string) =>
      request(app).get('/api/documents').set('Authorization', `Bearer ${client.token}`).set('X-Forwarded-For', ip);
    expect((await from('10.1.2.99')).status).toBe(200);
    expect((await from('192.0.2.7')).status).toBe(200);
    const refused = await from('10.1.3.1');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('IP_NOT_ALLOWED');
  });

  test('when a bearer posts, then no CSRF token is needed; a cookie session still needs one', async () => {
    const client = await createToken(agents.admin, { name: 'no-csrf', scopes: ['documents:write'] });
    expect((await client.post('/api/documents', invoice())).status).toBe(201);
    const noCsrf = await agents.clerk.raw.post('/api/documents').send(invoice());
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('CSRF');
  });

  test('when a token passes its requests per minute, then 429 with Retry-After, and nothing is written', async () => {
    const client = await createToken(agents.admin, { name: 'chatty', scopes: ['documents:write'], ratePerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await client.get('/api/documents')).status).toBe(200);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const limited = await client.post('/api/documents', invoice());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
    // Another token of the company is not affected.
    const other = await createToken(agents.admin, { name: 'quiet', scopes: ['documents:write'] });
    expect((await other.get('/api/documents')).status).toBe(200);
  });

  test('when a token posts, then the audit names the token as the actor and the token shows its last use', async () => {
    const client = await createToken(agents.admin, { name: 'Tienda online', scopes: ['documents:write'] });
    const posted = await client.post('/api/documents', invoice());
    expect(posted.status).toBe(201);
    const event = await company
      .knex('audit_events')
      .where({ companyId: company.companyId, entity: 'documents', entityId: String(posted.body.id) })
      .first();
    expect(event.username).toBe('Tienda online');
    const listed = await agents.admin.get(`/api/api-tokens/${client.id}`);
    expect(listed.body.lastUsedAt).toBeTruthy();
    expect(listed.body.lastUsedIp).toBeTruthy();
  });
});
