import request from 'supertest';
import type { Router } from 'express';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { testApp, type Agent } from '../support/app';
import { createTestCompany, agentsFor } from '../support/factories';
import { createCustomer, postInvoice } from '../support/ledger';
import { apiRoutes } from '../../server/src/app/routes';
import { ROOT_DIR } from '../../server/src/config';

/** The OpenAPI 3.1 schema as @seriousme/openapi-schema-validator ships it (that package is ESM-only; its schema is used through ajv as it does). */
const OPENAPI_31 = JSON.parse(
  fs.readFileSync(path.join(ROOT_DIR, 'node_modules/@seriousme/openapi-schema-validator/schemas/v3.1/schema.json'), 'utf8'),
) as object;

/**
 * GET /api/openapi.json is generated from the router and the joi schemas: these tests
 * walk the router on their own, validate the document as OpenAPI 3.1, and check real
 * answers against the schemas it publishes.
 */

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string;
}

/** Every (method, path) the API's router answers, as OpenAPI writes paths. */
function routerOperations(router: Router, prefix: string): Set<string> {
  const out = new Set<string>();
  const walk = (r: Router, base: string) => {
    for (const layer of r.stack as unknown as Layer[]) {
      if (layer.route) {
        const path = `${base}${layer.route.path === '/' ? '' : layer.route.path}`.replace(/:(\w+)/g, '{$1}');
        for (const m of Object.keys(layer.route.methods)) out.add(`${m} ${path}`);
      } else if (layer.handle.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle as unknown as Router, base + (layer.rawPath === '/' ? '' : layer.rawPath));
      }
    }
  };
  walk(router, prefix);
  return out;
}

type Doc = { paths: Record<string, Record<string, { summary: string; responses: Record<string, unknown> }>> };

let admin: Agent;
let doc: Doc;

beforeAll(async () => {
  const company = await createTestCompany('OpenAPI');
  ({ admin } = await agentsFor(company));
  const res = await admin.get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Doc;
});

test('when the router is walked, then every route is an operation of the document and every operation a route', () => {
  const routes = routerOperations(apiRoutes({ sessionSecret: 'x', sessionHours: 1, secureCookies: false }), '/api');
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)),
  );
  expect([...routes].filter((r) => !documented.has(r))).toEqual([]);
  expect([...documented].filter((d) => !routes.has(d))).toEqual([]);
  expect(routes.size).toBeGreaterThan(150);
});

test('when a route is declared, then it carries its own description (a summary, not the path)', () => {
  const bare = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method, op]) => op.summary === `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)
      .map(([method]) => `${method} ${path}`),
  );
  expect(bare).toEqual([]);
});

test('when the document is checked against the OpenAPI 3.1 schema, then it is valid', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(OPENAPI_31);
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  // The schema is not a rubber stamp: a parameter in a place OpenAPI 3.1 does not have fails it.
  const broken = structuredClone(doc);
  (broken.paths['/api/customers'].get as unknown as { parameters: Array<{ in: string }> }).parameters[0].in = 'body';
  expect(validate(broken)).toBe(false);
  expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
});

test('when an operation takes a body or answers errors, then the joi schema and the error JSON are in it', () => {
  const post = doc.paths['/api/documents'].post as unknown as {
    requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    responses: Record<string, unknown>;
    security: unknown[];
  };
  expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(
    expect.arrayContaining(['customerId', 'type', 'total', 'externalRef', 'cae']),
  );
  expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '429']));
  expect(post.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
  const list = doc.paths['/api/customers'].get as unknown as { parameters: Array<{ name: string }> };
  expect(list.parameters.map((p) => p.name)).toEqual(['sort', 'range', 'filter']);
  expect(doc.paths['/api/health'].get).toMatchObject({ security: [] });
});

describe('real answers against the published schemas', () => {
  let ajv: Ajv2020;
  const schemaOf = (path: string, method: string, status: number) => {
    const pointer = `#/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}`;
    const response = doc.paths[path][method].responses[String(status)] as { $ref?: string };
    const ref = `openapi${response.$ref ?? pointer}/content/application~1json/schema`;
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    return validate;
  };
  const expectValid = (path: string, method: string, status: number, body: unknown) => {
    const validate = schemaOf(path, method, status);
    const ok = validate(body);
    expect(ok ? [] : validate.errors).toEqual([]);
  };

  beforeAll(() => {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi');
  });

  test('when customers are listed, then the rows match the customers schema', async () => {
    await createCustomer(admin, { creditLimit: '50000.00' });
    const res = await admin.get('/api/customers');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expectValid('/api/customers', 'get', 200, res.body);
  });

  test('when a document and a receipt are read, then they match their schemas', async () => {
    const customer = await createCustomer(admin);
    const invoice = await postInvoice(admin, customer.id, '1210.00');
    const read = await admin.get(`/api/documents/${invoice.id}`);
    expectValid('/api/documents/{id}', 'get', 200, read.body);
    const receipt = await admin.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-02',
      payments: [{ method: 'cash', amount: '500.00' }],
      applications: [{ documentId: invoice.id, amount: '500.00' }],
    });
    expect(receipt.status).toBe(201);
    expectValid('/api/receipts', 'post', 201, receipt.body);
    const got = await admin.get(`/api/receipts/${receipt.body.id}`);
    expectValid('/api/receipts/{id}', 'get', 200, got.body);
  });

  test('when a request is refused (400, 401, 404), then the answer is the published error JSON', async () => {
    const bad = await admin.post('/api/customers', { legalName: '' });
    expect(bad.status).toBe(400);
    expectValid('/api/customers', 'post', 400, bad.body);
    const anonymous = await request(await testApp()).get('/api/customers');
    expect(anonymous.status).toBe(401);
    expectValid('/api/customers', 'get', 401, anonymous.body);
    const missing = await admin.get('/api/documents/2147483647');
    expect(missing.status).toBe(404);
    expectValid('/api/documents/{id}', 'get', 404, missing.body);
    // The validator is not a rubber stamp: a record without its id fails.
    expect(schemaOf('/api/documents/{id}', 'get', 200)({ total: '1.00' })).toBe(false);
  });
});

test('when a token with narrow scopes asks for the document, then it gets it (the contract is no secret to an integration)', async () => {
  const token = await admin.post('/api/api-tokens', { name: `contract ${Date.now()}`, scopes: ['credit-status:read'] });
  expect(token.status).toBe(201);
  const res = await request(await testApp())
    .get('/api/openapi.json')
    .set('Authorization', `Bearer ${token.body.token}`);
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const elsewhere = await request(await testApp())
    .get('/api/customers')
    .set('Authorization', `Bearer ${token.body.token}`);
  expect(elsewhere.status).toBe(403);
});

test('when the reference page is opened, then it is served from this site with no inline script', async () => {
  const page = await admin.get('/api/docs');
  expect(page.status).toBe(200);
  expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
  expect(page.text).not.toMatch(/<script>(?!<)/);
  expect(page.text).not.toMatch(/https?:\/\//);
  const csp = String(page.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
  const bundle = await admin.get('/api/docs/assets/swagger-ui-bundle.js');
  expect(bundle.status).toBe(200);
  const init = await admin.get('/api/docs/init.js');
  expect(init.text).toContain("url: '/api/openapi.json'");
});
