import request from 'supertest';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { testServer, loginAs, type Agent } from '../support/app';
import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { createCustomer, postInvoice } from '../support/ledger';
import { ROLES, type Role } from '../../server/src/http/permissions';
import { today } from '../../server/src/lib/dates';

/**
 * Every operation of GET /api/openapi.json, swept from its own schema: a request
 * generated to be valid, sent as each role with a cookie and with a token, and
 * requests made invalid from it (wrong types, missing and extra fields, boundary
 * numbers and dates, huge strings, NUL bytes, prototype-named keys, another
 * company's ids). Whatever the answer: never a 5xx nor a stack trace, the SPEC's
 * error JSON on every 4xx, 403 for a role the operation does not allow (when the same
 * request is accepted from one it allows), and nothing written by a refusal. A new
 * route is swept as soon as the router has it. Fixed seed, bounded runs per operation.
 */

const SEED = 20261204;
const INVALID_PER_OPERATION = 6;
const TODAY = today();

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  security: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: string; schema?: Schema; content?: Record<string, { schema: Schema }> }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-roles'?: Role[];
  responses: Record<string, unknown>;
}
interface Caller {
  label: string;
  role: Role;
  bearer: boolean;
  send: (method: Operation['method'], url: string, body?: string, contentType?: string) => request.Test;
}

// ── from a JSON Schema to values ─────────────────────────────────────────────────

const ID_RESOURCE: Record<string, string> = {
  salespersonId: 'salespeople',
  branchId: 'branches',
  depositBankId: 'banks',
  subscriptionId: 'webhook-subscriptions',
  creditDocumentId: 'receipts',
  debitDocumentId: 'documents',
  cardPlanId: 'card-plans',
  cardIssuerId: 'card-issuers',
  paymentTermId: 'payment-terms',
  priceListId: 'price-lists',
  segment1Id: 'segments',
  segment2Id: 'segments',
  segment3Id: 'segments',
  segment4Id: 'segments',
  valueIds: 'values',
};
const resourceOfId = (name: string) =>
  ID_RESOURCE[name] ??
  (name.endsWith('Id') ? `${name.slice(0, -2).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}s` : undefined);

// Built once: fast-check compiles a regular expression into an arbitrary at some cost (seconds over the sweep).
const CODE_TEXT = fc.stringMatching(/^[A-Z][A-Z0-9]{0,11}$/);

const firstType = (s: Schema) => ([] as unknown[]).concat(s.type ?? []).find((t) => t !== 'null') as string | undefined;

/** A value the schema accepts, ids taken from `ids` (resource → id) so references resolve. */
function valid(s: Schema | undefined, ids: Map<string, number>, name = ''): fc.Arbitrary<unknown> {
  if (!s) return fc.constant(null);
  const ref = resourceOfId(name);
  if (ref && ids.has(ref)) return fc.constant(name.endsWith('Ids') ? [ids.get(ref)] : ids.get(ref));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null);
    return values.length ? fc.constantFrom(...values) : fc.constant(null);
  }
  const branch = s.oneOf ?? s.anyOf;
  if (branch && !firstType(s)) return valid(branch.find((b) => firstType(b) || b.enum || b.const) ?? branch[0], ids, name);
  if (branch) return valid(branch[0], ids, name);
  const min = typeof s.minimum === 'number' ? s.minimum : 1;
  const max = typeof s.maximum === 'number' ? s.maximum : min + 1000;
  switch (firstType(s)) {
    case 'integer':
      return fc.integer({ min, max: Math.min(max, min + 1000) });
    case 'number':
      return fc.integer({ min, max: Math.min(max, min + 1000) });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minItems = Math.max(1, Number(s.minItems ?? 1));
      return fc.array(valid(s.items, ids, name), { minLength: minItems, maxLength: minItems });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const keys = Object.keys(props);
      return fc.record(Object.fromEntries(keys.map((k) => [k, valid(props[k], ids, k)])), {
        requiredKeys: keys.filter((k) => required.includes(k)),
      });
    }
    case 'string': {
      if (s.format === 'date') return fc.constant(TODAY);
      if (s.format === 'date-time') return fc.constant(new Date(Date.now() + 86_400_000).toISOString());
      if (typeof s.pattern === 'string' && /\\d\{1,13\}/.test(s.pattern))
        return fc.integer({ min: 1, max: 9999 }).map((n) => `${n}.00`);
      if (typeof s.pattern === 'string' && /^\^-\?\\d/.test(s.pattern)) return fc.integer({ min: 1, max: 99 }).map(String);
      if (name === 'email') return fc.constant(`${uniq('s')}@example.com`);
      if (name === 'url') return fc.constant('http://127.0.0.1:9/hook');
      const maxLength = Math.max(1, Math.min(Number(s.maxLength ?? 12), 12));
      return CODE_TEXT.map((t) => t.slice(0, maxLength));
    }
    default:
      return fc.constant('x');
  }
}

// ── invalid requests derived from the valid one ─────────────────────────────────

const NUL = 'a\u0000b';
const HUGE = 'x'.repeat(70_000);
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
const WRONG_VALUES: unknown[] = [
  'not-a-number',
  -1,
  0,
  2147483648,
  1e308,
  -1e308,
  1.5,
  true,
  [],
  {},
  NUL,
  HUGE,
  '0000-00-00',
  '2026-02-30',
  '9999-12-31',
  '1900-01-01',
  '-0.001',
  '99999999999999999999.99',
];

// A query string stays under Node's 16 KB header limit, past which the parser answers 431 before the app
// (errors.test.ts checks that answer); the huge value here reaches the application.
const QUERY_VALUES = WRONG_VALUES.map((v) => (v === HUGE ? 'x'.repeat(8_000) : v));

type Mutation = { label: string; body?: string; query?: string; path?: string };

function bodyMutations(body: Record<string, unknown>, schema: Schema, otherIds: Map<string, number>): fc.Arbitrary<Mutation> {
  const keys = Object.keys(schema.properties ?? {});
  const required = (schema.required ?? []).filter((k) => k in body);
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('name');
  const withValue = (k: string, v: unknown) => JSON.stringify({ ...body, [k]: v });
  return fc.oneof(
    fc
      .tuple(key, fc.constantFrom(...WRONG_VALUES))
      .map(([k, v]) => ({ label: `${k}=${JSON.stringify(v).slice(0, 30)}`, body: withValue(k, v) })),
    required.length
      ? fc.constantFrom(...required).map((k) => {
          const rest = { ...body };
          delete rest[k];
          return { label: `without ${k}`, body: JSON.stringify(rest) };
        })
      : fc.constant({ label: 'empty object', body: '{}' }),
    fc
      .constantFrom(...PROTO_KEYS)
      .map((k) => ({ label: `extra ${k}`, body: JSON.stringify(body).replace(/^\{/, `{"${k}":{"polluted":true},`) })),
    fc.constant({ label: 'extra field', body: JSON.stringify({ ...body, notAField: 1 }) }),
    fc.constantFrom('null', '[]', '"text"', '12', '{"a":').map((raw) => ({ label: `body ${raw}`, body: raw })),
    key.map((k) => {
      const ref = resourceOfId(k);
      const other = ref ? otherIds.get(ref) : undefined;
      return { label: `${k} of another company`, body: withValue(k, other ?? 2147483647) };
    }),
  );
}

function queryMutations(op: Operation): fc.Arbitrary<Mutation> {
  const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const fields = Object.keys(
    op.parameters?.find((p) => p.name === 'filter')?.content?.['application/json'].schema.properties ?? { q: {} },
  );
  const name = names.length ? fc.constantFrom(...names) : fc.constant('q');
  return fc.oneof(
    fc.constantFrom(...PROTO_KEYS).map((k) => ({ label: `filter ${k}`, query: `filter=${enc(`{"${k}":1}`)}` })),
    fc.constantFrom(...PROTO_KEYS).map((k) => ({ label: `sort ${k}`, query: `sort=${enc([k, 'ASC'])}` })),
    fc.tuple(fc.constantFrom(...fields), fc.constantFrom(...QUERY_VALUES)).map(([f, v]) => ({
      label: `filter ${f}=${JSON.stringify(v).slice(0, 20)}`,
      query: `filter=${enc({ [f]: v })}`,
    })),
    fc
      .constantFrom([5, 1], [-1, 3], [0, 1e9], 'x', [0])
      .map((r) => ({ label: `range ${JSON.stringify(r)}`, query: `range=${enc(r)}` })),
    fc.tuple(name, fc.constantFrom(...QUERY_VALUES)).map(([n, v]) => ({
      label: `${n}=${String(v).slice(0, 20)}`,
      query: `${n}=${enc(typeof v === 'string' ? v : JSON.stringify(v))}`,
    })),
  );
}

const PATH_IDS = ['0', '-1', '99999999999', 'abc', '%00', '1e3', '%2e%2e'];

// ── the sweep ───────────────────────────────────────────────────────────────────

let company: TestCompany;
let callers: Caller[];
let admin: Agent;
let operations: Operation[];
const ids = new Map<string, number>();
const otherIds = new Map<string, number>();
let knex: Knex;
let tables: string[];
const stats = { operations: 0, cases: 0, accepted: 0, forbidden: 0, writesAccepted: 0 };
const failures: string[] = [];

/** Rows of the company, every table but the ones a request touches to authenticate it. */
async function checksum(): Promise<string> {
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*) AS n, coalesce(sum(hashtext(x::text)), 0) AS h FROM "${t}" x WHERE company_id = :c`)
    .join(' UNION ALL ');
  const { rows } = await knex.raw(sql, { c: company.companyId });
  return JSON.stringify(rows);
}

beforeAll(async () => {
  company = await createTestCompany('Barrido del contrato');
  knex = company.knex;
  const agents = await agentsFor(company);
  admin = agents.admin;
  // Another company's records: their ids must never answer or be written from here.
  const other = await createTestCompany('Otra empresa');
  const otherAdmin = (await agentsFor(other)).admin;
  const theirCustomer = await createCustomer(otherAdmin);
  otherIds.set('customers', theirCustomer.id);
  otherIds.set('documents', (await postInvoice(otherAdmin, theirCustomer.id, '100.00')).id);

  const customer = await createCustomer(admin);
  const invoice = await postInvoice(admin, customer.id, '1000.00');
  const receipt = await admin.post('/api/receipts', {
    customerId: customer.id,
    issueDate: TODAY,
    payments: [{ method: 'cash', amount: '100.00' }],
  });
  expect(receipt.status).toBe(201);
  // Victims the sweep may edit or delete by id (the highest id of their list): never the sweep's own users and tokens.
  expect(
    (await admin.post('/api/users', { username: uniq('victim'), fullName: 'Víctima', role: 'clerk', password: 'victim1234' }))
      .status,
  ).toBe(201);

  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    const res = await admin.post('/api/api-tokens', { name: uniq(`sweep-${role}`), role, ratePerMinute: 100000 });
    expect(res.status).toBe(201);
    tokens.set(role, res.body.token as string);
  }
  expect((await admin.post('/api/api-tokens', { name: uniq('victim'), role: 'clerk' })).status).toBe(201);

  const doc = (await admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ ...op, method: method as Operation['method'], path })),
  );
  for (const path of Object.keys(doc.paths).filter((p) => /^\/api\/[\w-]+$/.test(p))) {
    const res = await admin.get(`${path}?sort=${encodeURIComponent('["id","DESC"]')}&range=${encodeURIComponent('[0,0]')}`);
    if (res.status === 200 && Array.isArray(res.body) && res.body[0]?.id) ids.set(path.slice(5), Number(res.body[0].id));
  }
  ids.set('documents', invoice.id);
  ids.set('receipts', receipt.body.id as number);

  const server = await testServer();
  const cookieAgents = new Map<Role, Agent>(ROLES.map((r) => [r, agents[r]]));
  callers = ROLES.flatMap((role): Caller[] => [
    {
      label: `${role} (cookie)`,
      role,
      bearer: false,
      send: (method, url, body, contentType = 'application/json') => {
        const a = cookieAgents.get(role)!;
        const t = a.raw[method](url).set('X-CSRF-Token', a.csrf);
        return body === undefined ? t : t.set('Content-Type', contentType).send(body);
      },
    },
    {
      label: `${role} (token)`,
      role,
      bearer: true,
      send: (method, url, body, contentType = 'application/json') => {
        const client = request(server);
        const t = client[method](url).set('Authorization', `Bearer ${tokens.get(role)}`);
        return body === undefined ? t : t.set('Content-Type', contentType).send(body);
      },
    },
  ]);
  const { rows } = await knex.raw(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'company_id' AND table_schema = current_schema()
        AND table_name NOT IN ('sessions', 'api_tokens', 'login_attempts', 'companies')
      ORDER BY 1`,
  );
  tables = (rows as Array<{ tableName: string; table_name?: string }>).map((r) => r.tableName ?? r.table_name!);
});

afterAll(() => {
  console.log(
    `contract sweep: ${stats.cases} requests over ${stats.operations} operations of the OpenAPI document ` +
      `(${stats.accepted} accepted, ${stats.forbidden} refused 403, ${stats.writesAccepted} writes accepted from a generated body), ${failures.length} failures`,
  );
});

const STACK = /\bat .+:\d+:\d+|node_modules|\.ts:\d+/;

function checkAnswer(label: string, res: request.Response): void {
  stats.cases += 1;
  if (res.status < 300) stats.accepted += 1;
  if (res.status === 403) stats.forbidden += 1;
  if (res.status >= 500) failures.push(`${label} → ${res.status} ${res.text.slice(0, 160)}`);
  if (STACK.test(res.text ?? '') && !res.headers['content-type']?.includes('javascript'))
    failures.push(`${label} → a stack trace in the answer`);
  if (res.status >= 400) {
    const body = res.body as { message?: unknown; code?: unknown; details?: unknown };
    const details = Array.isArray(body?.details) ? (body.details as Array<{ path?: unknown; message?: unknown }>) : undefined;
    if (
      typeof body?.message !== 'string' ||
      typeof body?.code !== 'string' ||
      !details ||
      details.some((d) => typeof d.path !== 'string' || typeof d.message !== 'string')
    )
      failures.push(`${label} → ${res.status} without the error JSON: ${res.text.slice(0, 160)}`);
  }
}

/** A concrete URL: its own company's id for `{id}`, a reference for `{externalRef}`. */
function urlOf(op: Operation, pathId?: string): string {
  const base = op.path.split('/')[2];
  return op.path
    .replace('{id}', pathId ?? String(ids.get(op.path.startsWith('/api/reports/aging/customers') ? 'customers' : base) ?? 1))
    .replace('{externalRef}', 'ref-none');
}

describe('the contract sweep', () => {
  test('when every operation of the OpenAPI document is called as each role, with valid and invalid input, then the contract holds', async () => {
    const skip = new Set(['post /api/auth/logout', 'post /api/auth/login', 'post /api/auth/password']);
    let index = 0;
    for (const op of operations) {
      if (skip.has(`${op.method} ${op.path}`)) continue;
      index += 1;
      stats.operations += 1;
      const name = `${op.method.toUpperCase()} ${op.path}`;
      const schema = op.requestBody?.content['application/json']?.schema;
      const csv = !!op.requestBody?.content['text/csv'];
      const [validBody] = schema ? fc.sample(valid(schema, ids), { seed: SEED + index, numRuns: 1 }) : [undefined];
      const bodyText = csv ? 'code;legalName\r\n' : validBody === undefined ? undefined : JSON.stringify(validBody);
      const contentType = csv ? 'text/csv' : 'application/json';
      const allowed = new Set(op['x-roles'] ?? ROLES);
      // Another company's record of this very resource (ids are not per company: another table's id proves nothing).
      const their = otherIds.get(op.path.split('/')[2]);
      const theirs = their === undefined ? [] : [String(their)];
      const tokensAllowed = op.security.some((s) => 'bearer' in s);
      let baseline = await checksum();
      const afterWrite = async (res: request.Response) => {
        if (res.status < 300 && op.method !== 'get') baseline = await checksum();
      };

      // The role matrix: refusals first (they must write nothing), then the roles that may.
      const order = [...callers].sort((a, b) => Number(allowed.has(a.role)) - Number(allowed.has(b.role)));
      const answers = new Map<string, number>();
      for (const caller of order) {
        const res = await caller.send(op.method, urlOf(op), bodyText, contentType);
        checkAnswer(`${name} as ${caller.label}`, res);
        answers.set(caller.label, res.status);
        if (caller.bearer && !tokensAllowed && op.security.length > 0 && res.status !== 403)
          failures.push(`${name} as ${caller.label} → ${res.status}, but tokens never reach it`);
        if (!allowed.has(caller.role) && res.status < 300)
          failures.push(`${name} as ${caller.label} → ${res.status}, not its role's`);
        await afterWrite(res);
      }
      const acceptedFromAllowed = ROLES.some((r) => allowed.has(r) && (answers.get(`${r} (cookie)`) ?? 500) < 300);
      if (acceptedFromAllowed && op.method !== 'get') stats.writesAccepted += 1;
      if (acceptedFromAllowed)
        for (const role of ROLES.filter((r) => !allowed.has(r)))
          if (answers.get(`${role} (cookie)`) !== 403)
            failures.push(`${name} as ${role} → ${answers.get(`${role} (cookie)`)}, expected 403 (its role may not)`);

      // Invalid input, as the admin, alternately with the cookie and the token.
      const mutations: fc.Arbitrary<Mutation> = fc.oneof(
        queryMutations(op),
        ...(op.path.includes('{id}')
          ? [fc.constantFrom(...PATH_IDS, ...theirs).map((p) => ({ label: `id ${p}`, path: p }))]
          : []),
        ...(schema && validBody && typeof validBody === 'object' && !Array.isArray(validBody)
          ? [bodyMutations(validBody as Record<string, unknown>, schema, otherIds)]
          : []),
        ...(op.method !== 'get'
          ? [
              fc.constant({
                label: 'NUL everywhere',
                body: JSON.stringify({ name: NUL, notes: NUL, code: NUL, legalName: NUL, reason: NUL }),
              }),
            ]
          : []),
      );
      const cases = fc.sample(mutations, { seed: SEED * 7 + index, numRuns: INVALID_PER_OPERATION });
      for (const [k, m] of cases.entries()) {
        const adminCaller = callers.find((c) => c.role === 'admin' && c.bearer === (k % 2 === 1 && tokensAllowed))!;
        let url = urlOf(op, m.path);
        if (m.query) url += `${url.includes('?') ? '&' : '?'}${m.query}`;
        const res = await adminCaller.send(op.method, url, m.body ?? bodyText, contentType);
        checkAnswer(`${name} as ${adminCaller.label} with ${m.label}`, res);
        if (m.path !== undefined && theirs.includes(m.path) && res.status < 300)
          failures.push(`${name} with another company's id → ${res.status}`);
        await afterWrite(res);
      }
      if ((await checksum()) !== baseline) failures.push(`${name}: a refused request wrote something`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(failures).toEqual([]);
    expect(stats.operations).toBeGreaterThan(150);
    // The generated bodies are valid often enough for the role matrix to bite on writes too.
    expect(stats.writesAccepted).toBeGreaterThan(10);
  }, 300_000);
});

test('when the sweep is done, then the admin session still answers (no request broke it)', async () => {
  expect((await loginAs(company.users.admin)).role).toBe('admin');
});
