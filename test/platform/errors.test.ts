import { createTestCompany, agentsFor, uniq } from '../support/factories';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listQuery, testApp, type Agent } from '../support/app';
import { answerClientErrors } from '../../server/src/http/errors';

let admin: Agent;

beforeAll(async () => {
  admin = (await agentsFor(await createTestCompany('Errores'))).admin;
});

describe('errors', () => {
  test('when the JSON body is malformed, then 400 BAD_JSON', async () => {
    const res = await admin.raw
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expect.objectContaining({ code: 'BAD_JSON', message: 'El cuerpo no es JSON válido' }));
  });

  test('when the body is too large, then 413', async () => {
    const res = await admin.post('/api/users', {
      username: 'big',
      fullName: 'x'.repeat(3 * 1024 * 1024),
      role: 'clerk',
      password: 'password1',
    });
    expect(res.status).toBe(413);
  });

  test('when fields are invalid, then 400 with every field named, in Spanish by default and in English on request', async () => {
    const body = { username: 'A B', role: 'emperor', password: 'short', fullName: 'x'.repeat(100_000) };
    const es = await admin.post('/api/users', body);
    expect(es.status).toBe(400);
    expect(es.body.code).toBe('VALIDATION');
    expect(es.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['fullName', 'password', 'role', 'username']);
    expect(es.body.errors.password).toBe('password debe tener al menos 8 caracteres');
    expect(es.body.message).toMatch(/y 3 errores más/);
    const en = await admin.post('/api/users', body).set('Accept-Language', 'en-US,en;q=0.9');
    expect(en.body.errors.password).toBe('password must have at least 8 characters');
    expect(en.body).not.toHaveProperty('stack');
  });

  test('when the body has unknown fields, then 400 and nothing is written', async () => {
    const username = uniq('unk').toLowerCase();
    const res = await admin.post('/api/users', {
      username,
      fullName: 'X',
      role: 'clerk',
      password: 'password1',
      companyId: 1,
      id: 5,
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['companyId', 'id']);
    expect((await admin.get(`/api/users${listQuery({ filter: { q: username } })}`)).body).toEqual([]);
  });

  test('when a unique value repeats, then 409 with a readable message', async () => {
    const username = uniq('dup').toLowerCase();
    expect((await admin.post('/api/users', { username, fullName: 'Uno', role: 'clerk', password: 'password1' })).status).toBe(
      201,
    );
    const dup = await admin.post('/api/users', {
      username: username.toUpperCase(),
      fullName: 'Dos',
      role: 'clerk',
      password: 'password1',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
    expect(dup.body.message).toBe('Ese nombre de usuario no está disponible');
  });

  test('when DELETE targets a user with history, then 409 pointing at deactivation', async () => {
    const res = await admin.delete(`/api/users/${admin.userId}`);
    expect(res.status).toBe(409);
  });

  test('when the body is not an object on PUT, then 400', async () => {
    const res = await admin.raw
      .put(`/api/users/${admin.userId}`)
      .set('X-CSRF-Token', admin.csrf)
      .set('Content-Type', 'application/json')
      .send('[1,2]');
    expect(res.status).toBe(400);
  });

  test('when the URL is past the size Node accepts, then 431 with the error JSON (not an empty answer)', async () => {
    const server = http.createServer(await testApp());
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/customers?q=${'x'.repeat(70_000)}`);
      expect(res.status).toBe(431);
      expect(await res.json()).toEqual(expect.objectContaining({ code: 'HEADERS_TOO_LARGE', details: [] }));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('an unknown API route is a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('audit', () => {
  test('every mutation writes an audit event with who, what and before/after', async () => {
    const username = uniq('aud').toLowerCase();
    const created = await admin.post('/api/users', { username, fullName: 'Auditada', role: 'clerk', password: 'password1' });
    await admin.put(`/api/users/${created.body.id}`, { fullName: 'Auditada Dos' });
    await admin.delete(`/api/users/${created.body.id}`);
    const events = await admin.get(
      `/api/audit-events${listQuery({ filter: { entity: 'users', entityId: String(created.body.id) }, sort: ['id', 'ASC'] })}`,
    );
    expect(events.status).toBe(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    const [create, update, del] = events.body;
    expect(create).toMatchObject({
      username: admin.username,
      after: expect.objectContaining({ username, fullName: 'Auditada' }),
    });
    expect(create.after.passwordHash).toBeUndefined();
    expect(update.before.fullName).toBe('Auditada');
    expect(update.after.fullName).toBe('Auditada Dos');
    expect(del.before.fullName).toBe('Auditada Dos');
    expect(del.after).toBeNull();
  });

  test('logins are audited too', async () => {
    const events = await admin.get(`/api/audit-events${listQuery({ filter: { action: 'login', username: admin.username } })}`);
    expect(events.body.length).toBeGreaterThanOrEqual(1);
  });
});
