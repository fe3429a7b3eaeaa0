import request from 'supertest';
import { testApp, loginAs, TEST_PASSWORD } from '../support/app';
import { createTestCompany, type TestCompany } from '../support/factories';
import type { Router } from 'express';
import { apiRoutes, mounts, PUBLIC_PATHS } from '../../server/src/app/routes';

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';
interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string;
}

/** Every route an Express router answers, read from its stack: method, full path, and the area it is mounted at. */
function routesOf(router: Router, prefix = '', area = ''): Array<{ method: Method; path: string; area: string }> {
  return (router.stack as unknown as Layer[]).flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}`;
      return Object.keys(layer.route.methods).map((m) => ({ method: m as Method, path: path || '/', area: area || path }));
    }
    if (layer.handle.stack && typeof layer.rawPath === 'string') {
      // A router used without a path (the health routes) gives each of its routes its own area.
      const mount = layer.rawPath === '/' ? '' : layer.rawPath;
      return routesOf(layer.handle as unknown as Router, prefix + mount, area || (mount && prefix + mount));
    }
    return [];
  });
}

let company: TestCompany;

beforeAll(async () => {
  company = await createTestCompany('Auth');
});

describe('login, me and logout', () => {
  test('when the password is right, then the session cookie is httpOnly and /me answers the user', async () => {
    const agent = request.agent(await testApp());
    const res = await agent.post('/api/auth/login').send({ username: company.users.clerk, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('ctacte_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('ctacte_csrf='))).not.toMatch(/HttpOnly/i);
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: company.users.clerk,
      role: 'clerk',
      companyId: company.companyId,
      companyName: expect.stringContaining('Auth'),
    });
    expect(Object.keys(me.body)).toEqual(
      expect.arrayContaining(['id', 'username', 'fullName', 'role', 'companyId', 'companyName']),
    );
  });

  test('when the password is wrong, then 401 with a Spanish message and no cookie', async () => {
    const res = await request(await testApp())
      .post('/api/auth/login')
      .send({ username: company.users.clerk, password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Usuario o contraseña incorrectos');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('when the username does not exist, then the same 401', async () => {
    const res = await request(await testApp())
      .post('/api/auth/login')
      .send({ username: 'nobody-here', password: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
  });

  test('when the login body is incomplete, then 400 naming the field', async () => {
    const res = await request(await testApp())
      .post('/api/auth/login')
      .send({ username: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('password');
  });

  test('when logging out, then the session no longer works', async () => {
    const agent = await loginAs(company.users.manager);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const out = await agent.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  test('when a mutation lacks the CSRF header, then 403 and nothing is written', async () => {
    const agent = await loginAs(company.users.admin);
    const res = await agent.raw.put('/api/company').send({ name: 'Hackeada' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
    const after = await agent.get('/api/company');
    expect(after.body.name).not.toBe('Hackeada');
    const wrong = await agent.raw
      .put('/api/company')
      .set('X-CSRF-Token', 'x'.repeat(agent.csrf.length))
      .send({ name: 'Hackeada' });
    expect(wrong.status).toBe(403);
  });
});

describe('every route needs a session', () => {
  test('when there is no cookie, then every route of the running router answers 401, and the areas are the written ones', async () => {
    const running = routesOf(apiRoutes({ sessionSecret: 'test', sessionHours: 12, secureCookies: false }));
    // Written by hand: a mount that disappears (or appears) from the route table is noticed here.
    const areas = [
      '/health',
      '/ready',
      '/auth',
      '/api-tokens',
      '/webhook-subscriptions',
      '/webhook-deliveries',
      '/company',
      '/users',
      '/audit-events',
      '/segment-levels',
      '/payment-terms',
      '/salespeople',
      '/collectors',
      '/price-lists',
      '/carriers',
      '/segments',
      '/banks',
      '/exchange-rates',
      '/holidays',
      '/bank-accounts',
      '/cash-boxes',
      '/customers',
      '/branches',
      '/contacts',
      '/card-issuers',
      '/card-plans',
      '/documents',
      '/receipts',
      '/adjustments',
      '/applications',
      '/billing-requests',
      '/values',
      '/deposit-slips',
      '/card-coupons',
      '/card-batches',
      '/card-settlements',
      '/withholdings',
      '/interest-rates',
      '/interest-runs',
      '/collection-calls',
      '/debtors',
      '/agenda',
      '/collection-sheets',
      '/reports',
      '/imports/customers',
      '/imports/documents',
      '/imports/exchange-rates',
      '/openapi.json',
      '/docs',
    ];
    expect([...new Set(running.map((r) => r.area))].sort()).toEqual([...areas].sort());
    expect([...new Set(mounts().map(([path]) => path))].sort()).toEqual(
      areas.filter((a) => !['/health', '/ready', '/auth', '/openapi.json', '/docs'].includes(a)).sort(),
    );
    expect(running.length).toBeGreaterThan(areas.length * 3);
    const app = await testApp();
    for (const { method, path } of running) {
      if (PUBLIC_PATHS.has(`${method.toUpperCase()} ${path}`)) continue;
      const url = `/api${path.replace(/:\w+/g, '1')}`;
      const res = await request(app)[method](url).send({});
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
    for (const path of ['/api/nothing-here', '/api/customers/1/nothing']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(401);
    }
  });

  test('when a session cookie is forged, then 401', async () => {
    const res = await request(await testApp())
      .get('/api/users')
      .set('Cookie', 'ctacte_session=forged-token-value');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED', message: 'Debe iniciar sesión' }));
  });

  test('health answers without a session', async () => {
    const res = await request(await testApp()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok', mode: 'external', state: 'up' });
  });

  test('security headers are set', async () => {
    const res = await request(await testApp()).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('login rate limiting', () => {
  test('when one username fails 10 times, then the 11th attempt gets 429 with Retry-After, even with the right password', async () => {
    const app = await testApp();
    const username = company.users.supervisor;
    for (let i = 0; i < 10; i++) {
      const res = await request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.1.0.${i + 1}`)
        .send({ username, password: 'bad' });
      expect(res.status).toBe(401);
    }
    const blocked = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.1.1.1')
      .send({ username, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    // Another user is not affected.
    const other = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.1.1.1')
      .send({ username: company.users.clerk, password: TEST_PASSWORD });
    expect(other.status).toBe(200);
  });

  test('when one address fails 50 times over many usernames, then it gets 429; successful logins do not count', async () => {
    const app = await testApp();
    const ip = '10.2.0.9';
    for (let i = 0; i < 5; i++) {
      const ok = await request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: company.users.manager, password: TEST_PASSWORD });
      expect(ok.status).toBe(200);
    }
    for (let i = 0; i < 50; i++) {
      const res = await request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: `ghost${i}`, password: 'bad' });
      expect(res.status).toBe(401);
    }
    const blocked = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: company.users.manager, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const elsewhere = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.2.0.10')
      .send({ username: company.users.manager, password: TEST_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });
});
