import fs from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import type request from 'supertest';
import { loginAs, type Agent } from '../support/app';
import { createTestCompany, agentsFor } from '../support/factories';
import { customerBody } from '../support/master-data';
import { mounts } from '../../server/src/app/routes';
import { authRouter } from '../../server/src/modules/auth/auth.routes';
import { ROOT_DIR } from '../../server/src/config';

/**
 * Every route template of the real router, sent malformed input as a signed-in
 * admin: NUL and other C0 characters in bodies and in filter/q, keys named like
 * Object.prototype members in filters, sorts and bodies, a 100,000-key body,
 * bodies that are not objects, and charsets other than UTF-8. Bad input is
 * never a 5xx, and every 4xx is the SPEC's error JSON.
 */

interface Template {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
}

function routesOf(prefix: string, router: Router): Template[] {
  const out: Template[] = [];
  for (const layer of router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && ['get', 'post', 'put', 'delete', 'patch'].includes(method))
        out.push({ method: method as Template['method'], path: `${prefix}${layer.route.path === '/' ? '' : layer.route.path}` });
    }
  }
  return out;
}

function allTemplates(): Template[] {
  const templates: Template[] = [{ method: 'get', path: '/api/health' }];
  templates.push(...routesOf('/api/auth', authRouter({ sessionSecret: 'x', sessionHours: 1, secureCookies: false })));
  for (const [mount, router] of mounts()) templates.push(...routesOf(`/api${mount}`, router));
  // Logging out would end the sweep's own session.
  return templates.filter((t) => t.path !== '/api/auth/logout');
}

const NUL_TEXT = 'a\u0000b';
const TEXT_FIELDS = ['name', 'legalName', 'tradeName', 'code', 'notes', 'note', 'description', 'username', 'fullName', 'reason'];
const nulBody = () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, NUL_TEXT]));
const C0_BODY = { name: 'x\u001by', notes: 'bell\u0007', code: '\u0001' };
const PROTO_BODIES = [
  '{"__proto__":{"polluted":true},"name":"x"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":"y","name":"x"}',
];
const NOT_OBJECTS = ['null', '123', '[]', '"text"', 'true'];
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

function manyKeys(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`"k${i}":1`);
  return `{${parts.join(',')}}`;
}

const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

function queryVariants(): string[] {
  return [
    `filter=${enc({ q: '\u0000' })}`,
    `filter=${enc({ q: 'x\u0007' })}`,
    ...PROTO_KEYS.map((k) => `filter=${encodeURIComponent(`{"${k}":1}`)}`),
    ...PROTO_KEYS.map((k) => `sort=${enc([k, 'ASC'])}`),
    `filter=${enc({ status: '\u0000' })}`,
    'q=%00',
    'date=%00&dialect=%01',
  ];
}

let admin: Agent;
let sent = 0;
const failures: string[] = [];
const idFor = new Map<string, string>();

async function check(label: string, req: request.Test): Promise<void> {
  sent += 1;
  const res = await req;
  if (res.status >= 500) failures.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
  else if (res.status >= 400) {
    const body = res.body as Record<string, unknown>;
    if (typeof body?.message !== 'string' || typeof body?.code !== 'string' || !Array.isArray(body?.details))
      failures.push(`${label} → ${res.status} without the error JSON: ${res.text.slice(0, 200)}`);
  }
}

/** A real id of the route's resource when it has a list, so PUT/DELETE reach validation rather than 404. */
function concretePath(template: string): string {
  return template.replace(/\/:(\w+)/g, (_m, name: string) => {
    const base = template.split('/:')[0];
    return `/${name === 'id' ? (idFor.get(base) ?? '1') : '1'}`;
  });
}

beforeAll(async () => {
  const company = await createTestCompany('Barrido');
  const agents = await agentsFor(company);
  expect((await agents.clerk.post('/api/customers', customerBody())).status).toBe(201);
  admin = await loginAs(company.users.admin);
  for (const [mount] of mounts()) {
    const res = await admin.get(`/api${mount}?range=${enc([0, 0])}`);
    if (res.status === 200 && Array.isArray(res.body) && res.body[0]?.id) idFor.set(`/api${mount}`, String(res.body[0].id));
  }
});

afterAll(() => {
  const file = path.join(ROOT_DIR, '.tmp', 'malformed-sweep.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ routes: allTemplates().length, requests: sent, failures: failures.length }));
  console.log(
    `malformed sweep: ${sent} requests over ${allTemplates().length} route templates, ${failures.length} answers ≥ 500 or without the error JSON`,
  );
});

describe('a sweep of malformed requests over every route', () => {
  const templates = allTemplates();

  test('the router has the expected breadth', () => {
    expect(templates.length).toBeGreaterThan(100);
  });

  test('when reads get control characters and prototype-named keys in filter, sort and q, then never a 5xx', async () => {
    for (const t of templates.filter((x) => x.method === 'get')) {
      const url = concretePath(t.path);
      for (const q of queryVariants()) await check(`GET ${t.path}?${q}`, admin.get(`${url}?${q}`));
    }
    expect(failures).toEqual([]);
  }, 600_000);

  test('when writes get NUL and C0 text, prototype-named keys, non-objects and other charsets, then never a 5xx', async () => {
    const writes = templates.filter((x) => x.method !== 'get');
    for (const t of writes) {
      const url = concretePath(t.path);
      const send = (body: string, contentType = 'application/json') =>
        admin.raw[t.method](url).set('X-CSRF-Token', admin.csrf).set('Content-Type', contentType).send(body);
      const label = `${t.method.toUpperCase()} ${t.path}`;
      await check(`${label} NUL`, send(JSON.stringify(nulBody())));
      await check(`${label} C0`, send(JSON.stringify(C0_BODY)));
      for (const body of PROTO_BODIES) await check(`${label} ${body.slice(0, 20)}`, send(body));
      for (const body of NOT_OBJECTS) await check(`${label} ${body}`, send(body));
      await check(`${label} utf-16`, send(JSON.stringify({ name: 'x' }), 'application/json; charset=utf-16'));
      await check(`${label} latin1`, send(JSON.stringify({ name: 'x' }), 'application/json; charset=latin1'));
      await check(`${label} empty`, admin.raw[t.method](url).set('X-CSRF-Token', admin.csrf));
      await check(`${label} csv NUL`, send('code;legalName\r\nA\u0000;B\r\n', 'text/csv; charset=utf-8'));
      await check(`${label} csv proto`, send('constructor;__proto__;toString\r\n1;2;3\r\n', 'text/csv; charset=utf-8'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(failures).toEqual([]);
  }, 600_000);

  test('when a write carries 100,000 keys, then 4xx with a small answer', async () => {
    const huge = manyKeys(100_000);
    for (const t of templates.filter((x) => x.method !== 'get')) {
      const url = concretePath(t.path);
      sent += 1;
      const res = await admin.raw[t.method](url)
        .set('X-CSRF-Token', admin.csrf)
        .set('Content-Type', 'application/json')
        .send(huge);
      if (res.status >= 500 || res.status < 400 || res.text.length > 4096)
        failures.push(`${t.method.toUpperCase()} ${t.path} 100k keys → ${res.status}, ${res.text.length} bytes`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
