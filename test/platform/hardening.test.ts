import request from 'supertest';
import { testApp, listQuery, type Agent } from '../support/app';
import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { customerBody } from '../support/master-data';
import { fromPgError } from '../../server/src/http/errors';
import { jsonKeysExceed } from '../../server/src/http/validate';
import { loadConfig } from '../../server/src/config';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let customerId: number;

beforeAll(async () => {
  company = await createTestCompany('Blindaje');
  agents = await agentsFor(company);
  const res = await agents.clerk.post('/api/customers', customerBody());
  expect(res.status).toBe(201);
  customerId = res.body.id;
});

/** A JSON object with `n` keys, written by hand (n unknown fields of one character each). */
function manyKeys(n: number, base: Record<string, unknown> = {}): string {
  const parts = Object.entries(base).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  for (let i = 0; i < n; i++) parts.push(`"k${i}":1`);
  return `{${parts.join(',')}}`;
}

const expectErrorShape = (body: Record<string, unknown>) => {
  expect(typeof body.message).toBe('string');
  expect(typeof body.code).toBe('string');
  expect(Array.isArray(body.details)).toBe(true);
};

describe('pre-authentication amplification', () => {
  test('when a login body carries 100,000 unknown keys, then it is refused with an answer of a few KB', async () => {
    const res = await request(await testApp())
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(manyKeys(100_000, { username: 'x', password: 'y' }));
    expect([400, 413]).toContain(res.status);
    expectErrorShape(res.body);
    expect(res.text.length).toBeLessThan(4096);
  });

  test('when a login body is larger than 4 KB, then 413', async () => {
    const res = await request(await testApp())
      .post('/api/auth/login')
      .send({ username: 'x', password: 'y'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('TOO_LARGE');
  });

  test('when a signed-in write carries 100,000 unknown keys, then 4xx with at most 20 reported errors', async () => {
    const res = await agents.clerk.raw
      .put(`/api/customers/${customerId}`)
      .set('X-CSRF-Token', agents.clerk.csrf)
      .set('Content-Type', 'application/json')
      .send(manyKeys(100_000));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorShape(res.body);
    expect(res.body.details.length).toBeLessThanOrEqual(20);
    expect(res.text.length).toBeLessThan(8192);
  });

  test('when a body has a few hundred unknown keys, then at most 20 errors are listed', async () => {
    const res = await agents.clerk.raw
      .post('/api/customers')
      .set('X-CSRF-Token', agents.clerk.csrf)
      .set('Content-Type', 'application/json')
      .send(manyKeys(300, customerBody()));
    expect(res.status).toBe(400);
    expect(res.body.details.length).toBeLessThanOrEqual(20);
    expect(res.text.length).toBeLessThan(8192);
  });
});

describe('key floods refused before parsing', () => {
  test('when the raw JSON is read, then only colons outside strings count as keys', () => {
    const inStrings = Buffer.from(JSON.stringify({ note: '12:30 ' + ':'.repeat(50) + ' "x":1', a: 1 }));
    expect(jsonKeysExceed(inStrings, 2)).toBe(false); // two keys, however many colons the text holds
    expect(jsonKeysExceed(inStrings, 1)).toBe(true);
    // An escaped quote does not close the string (its colon stays inside); an escaped backslash does not escape the quote after it.
    const escaped = Buffer.from(JSON.stringify({ a: 'x ":y', b: { c: 'z\\' }, d: 1 }));
    expect(jsonKeysExceed(escaped, 4)).toBe(false);
    expect(jsonKeysExceed(escaped, 3)).toBe(true);
    expect(jsonKeysExceed(Buffer.from(manyKeys(10_000)), 10_000)).toBe(false);
    expect(jsonKeysExceed(Buffer.from(manyKeys(10_001)), 10_000)).toBe(true);
  });

  test('when a write carries 10,001 keys, then 413 TOO_MANY_KEYS, and a note full of colons is still saved', async () => {
    const flood = await agents.clerk.raw
      .put(`/api/customers/${customerId}`)
      .set('X-CSRF-Token', agents.clerk.csrf)
      .set('Content-Type', 'application/json')
      .send(manyKeys(10_001));
    expect(flood.status).toBe(413);
    expect(flood.body.code).toBe('TOO_MANY_KEYS');
    const notes = `Llamar 10:30 ${':'.repeat(3900)}`;
    const saved = await agents.clerk.put(`/api/customers/${customerId}`, { notes });
    expect(saved.status).toBe(200);
    expect(saved.body.notes).toBe(notes);
  });
});

describe('NUL and other control characters', () => {
  test('when a customer name carries a NUL byte, then 400 naming the field and nothing is written', async () => {
    const body = customerBody({ legalName: 'Hola\u0000Mundo S.A.' });
    const res = await agents.clerk.post('/api/customers', body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain('legalName');
    const found = await company.knex('customers').where({ companyId: company.companyId, code: body.code }).first('id');
    expect(found).toBeUndefined();
  });

  test('when an update carries a C0 control character, then 400; tab and newline in notes pass', async () => {
    const bad = await agents.clerk.put(`/api/customers/${customerId}`, { tradeName: 'a\u0007b' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('tradeName');
    const ok = await agents.clerk.put(`/api/customers/${customerId}`, { notes: 'línea 1\n\tlínea 2' });
    expect(ok.status).toBe(200);
    expect(ok.body.notes).toBe('línea 1\n\tlínea 2');
  });

  test('when the search text of a list or export holds a NUL byte, then 400 naming q', async () => {
    for (const path of ['/api/customers', '/api/customers/export.csv', '/api/documents', '/api/collection-calls']) {
      const res = await agents.clerk.get(`${path}${listQuery({ filter: { q: '\u0000' } })}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.details[0].path).toBe('filter.q');
    }
  });

  test('when a plain query parameter holds a control character, then 400', async () => {
    const res = await agents.clerk.get(`/api/customers?dialect=${encodeURIComponent('es\u0001')}`);
    expect(res.status).toBe(400);
  });

  test('when PostgreSQL refuses a byte sequence (22021, 22P05), then the mapper answers 400', () => {
    for (const code of ['22021', '22P05']) {
      const err = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code });
      expect(fromPgError(err)?.status).toBe(400);
    }
  });
});

describe('keys named like Object.prototype members', () => {
  const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  const LISTS = [
    '/api/customers',
    '/api/documents',
    '/api/receipts',
    '/api/values',
    '/api/collection-calls',
    '/api/debtors',
    '/api/card-issuers',
    '/api/card-plans',
    '/api/contacts',
    '/api/users',
  ];

  test('when a list or export is filtered by such a key, then 400 unknown filter', async () => {
    for (const list of LISTS) {
      for (const key of PROTO_KEYS) {
        for (const path of [list, `${list}/export.csv`]) {
          const res = await agents.admin.get(`${path}?filter=${encodeURIComponent(`{"${key}":1}`)}`);
          expect({ path, key, status: res.status }).toEqual({ path, key, status: 400 });
          expect(res.body.code).toBe('BAD_FILTER');
        }
      }
    }
  });

  test('when a list is sorted by such a key, then 400', async () => {
    for (const list of LISTS) {
      for (const key of PROTO_KEYS) {
        const res = await agents.admin.get(`${list}${listQuery({ sort: [key, 'ASC'] })}`);
        expect({ list, key, status: res.status }).toEqual({ list, key, status: 400 });
      }
    }
  });

  test('when a body carries such keys, then the write is refused and no prototype changes', async () => {
    for (const key of PROTO_KEYS) {
      const res = await agents.clerk.raw
        .put(`/api/customers/${customerId}`)
        .set('X-CSRF-Token', agents.clerk.csrf)
        .set('Content-Type', 'application/json')
        .send(`{"${key}":{"polluted":true},"tradeName":"Sin cambios"}`);
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

describe('bodies that are not objects, charsets and references in use', () => {
  test('when a PUT body is null, a number or an array, then 400', async () => {
    for (const raw of ['null', '123', '[]', '"x"']) {
      for (const path of [`/api/customers/${customerId}`, '/api/company']) {
        const agent = path === '/api/company' ? agents.admin : agents.clerk;
        const res = await agent.raw.put(path).set('X-CSRF-Token', agent.csrf).set('Content-Type', 'application/json').send(raw);
        expect({ path, raw, status: res.status }).toEqual({ path, raw, status: 400 });
        expectErrorShape(res.body);
      }
    }
  });

  test('when a PUT has no body at all, then 400', async () => {
    const res = await agents.clerk.raw.put(`/api/customers/${customerId}`).set('X-CSRF-Token', agents.clerk.csrf);
    expect(res.status).toBe(400);
  });

  test('when the charset is not UTF-8, then 415', async () => {
    for (const charset of ['utf-16', 'latin1', 'iso-8859-1']) {
      const res = await agents.clerk.raw
        .post('/api/customers')
        .set('X-CSRF-Token', agents.clerk.csrf)
        .set('Content-Type', `application/json; charset=${charset}`)
        .send(JSON.stringify(customerBody()));
      expect({ charset, status: res.status }).toEqual({ charset, status: 415 });
      expectErrorShape(res.body);
    }
  });

  test('when an update is refused because the record is referenced, then the message says it cannot be changed', () => {
    const err = Object.assign(new Error('fk'), {
      code: '23503',
      detail: 'Key (company_id, id)=(1, 2) is still referenced from table "customers".',
    });
    expect(fromPgError(err, 'update')?.text).toEqual(
      expect.objectContaining({ es: expect.stringMatching(/^No se puede modificar/) }),
    );
    expect(fromPgError(err, 'delete')?.text).toEqual(
      expect.objectContaining({ es: expect.stringMatching(/^No se puede eliminar/) }),
    );
  });
});

describe('cookies in production', () => {
  test('when NODE_ENV is production and SECURE_COOKIES is unset, then cookies are Secure', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's' }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ SESSION_SECRET: 's' }).secureCookies).toBe(false);
  });
});
