import { createTestCompany, agentsFor, uniq } from '../support/factories';
import { listQuery, type Agent } from '../support/app';

let admin: Agent;
const created: Array<{ id: number; username: string; role: string; fullName: string }> = [];

beforeAll(async () => {
  const company = await createTestCompany('SimpleRest');
  admin = (await agentsFor(company)).admin;
  for (const [i, role] of ['clerk', 'clerk', 'supervisor', 'manager', 'clerk', 'manager'].entries()) {
    const res = await admin.post('/api/users', {
      username: uniq(`u${i}_`).toLowerCase(),
      fullName: `Persona ${String.fromCharCode(70 - i)} ${i}`,
      role,
      password: 'password1',
      email: `p${i}@example.com`,
    });
    expect(res.status).toBe(201);
    created.push(res.body);
  }
});

describe('ra-data-simple-rest contract on /api/users', () => {
  test('when listing with range, then the page and Content-Range with the total', async () => {
    const res = await admin.get(`/api/users${listQuery({ sort: ['id', 'ASC'], range: [0, 2] })}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    // 4 users of the factory + 6 created here
    expect(res.headers['content-range']).toBe('users 0-2/10');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
    const next = await admin.get(`/api/users${listQuery({ sort: ['id', 'ASC'], range: [3, 5] })}`);
    expect(next.headers['content-range']).toBe('users 3-5/10');
    expect(next.body[0].id).toBeGreaterThan(res.body[2].id);
  });

  test('when sorting by a whitelisted field, then rows come in that order both ways', async () => {
    const asc = await admin.get(`/api/users${listQuery({ sort: ['fullName', 'ASC'], range: [0, 99] })}`);
    const names = asc.body.map((u: { fullName: string }) => u.fullName);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = await admin.get(`/api/users${listQuery({ sort: ['fullName', 'DESC'], range: [0, 99] })}`);
    expect(desc.body.map((u: { fullName: string }) => u.fullName)).toEqual([...names].reverse());
  });

  test('when filtering by a field, by an array (IN) and by q, then only matching rows and a matching total', async () => {
    const clerks = await admin.get(`/api/users${listQuery({ filter: { role: 'clerk' }, range: [0, 99] })}`);
    expect(clerks.body.every((u: { role: string }) => u.role === 'clerk')).toBe(true);
    expect(clerks.headers['content-range']).toBe(`users 0-${clerks.body.length - 1}/${clerks.body.length}`);
    const two = await admin.get(`/api/users${listQuery({ filter: { role: ['manager', 'supervisor'] } })}`);
    expect(new Set(two.body.map((u: { role: string }) => u.role))).toEqual(new Set(['manager', 'supervisor']));
    // the factory's manager and supervisor, and the three created here
    expect(two.body).toHaveLength(5);
    const q = await admin.get(`/api/users${listQuery({ filter: { q: 'persona c' } })}`);
    expect(q.body.map((u: { fullName: string }) => u.fullName)).toEqual(['Persona C 3']);
  });

  test('when filtering with _gte and _lte, then the range applies', async () => {
    const first = created[0];
    const all = await admin.get(`/api/users${listQuery({ filter: { createdAt_gte: '2000-01-01' } })}`);
    expect(all.body.length).toBe(10);
    const none = await admin.get(`/api/users${listQuery({ filter: { createdAt_lte: '2000-01-01' } })}`);
    expect(none.body).toEqual([]);
    expect(none.headers['content-range']).toBe('users 0-0/0');
    expect(first.id).toBeGreaterThan(0);
  });

  test('when asking getMany with {"id":[...]}, then exactly those records', async () => {
    const ids = [created[1].id, created[4].id];
    const res = await admin.get(`/api/users${listQuery({ filter: { id: ids } })}`);
    expect(res.status).toBe(200);
    expect(res.body.map((u: { id: number }) => u.id).sort()).toEqual(ids.sort());
  });

  test('GET /:id answers the record; an unknown id 404', async () => {
    const res = await admin.get(`/api/users/${created[2].id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created[2].id, role: 'supervisor' });
    expect(res.body.passwordHash).toBeUndefined();
    expect(res.body.password).toBeUndefined();
    expect((await admin.get('/api/users/999999')).status).toBe(404);
    expect((await admin.get('/api/users/abc')).status).toBe(404);
  });

  test('PUT merges a partial body and answers the whole record', async () => {
    const target = created[5];
    const res = await admin.put(`/api/users/${target.id}`, { fullName: 'Nombre Cambiado' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, fullName: 'Nombre Cambiado', role: 'manager', email: 'p5@example.com' });
  });

  test('PUT accepts the whole record back as react-admin sends it, but not a changed read-only field', async () => {
    const record = (await admin.get(`/api/users/${created[5].id}`)).body;
    const same = await admin.put(`/api/users/${record.id}`, { ...record, email: 'nuevo@example.com' });
    expect(same.status).toBe(200);
    expect(same.body.email).toBe('nuevo@example.com');
    const changed = await admin.put(`/api/users/${record.id}`, { ...record, createdAt: '2001-01-01T00:00:00.000Z' });
    expect(changed.status).toBe(400);
    expect(changed.body.code).toBe('READ_ONLY');
  });

  test('DELETE answers the deleted record', async () => {
    const victim = created[3];
    const res = await admin.delete(`/api/users/${victim.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: victim.id, username: victim.username });
    expect((await admin.get(`/api/users/${victim.id}`)).status).toBe(404);
    created.splice(3, 1);
  });

  test.each([
    ['unknown sort field', { sort: ['passwordHash', 'ASC'] }, 'BAD_SORT'],
    ['bad sort order', { sort: ['username', 'UP'] }, 'BAD_SORT'],
    ['unknown filter field', { filter: { passwordHash: 'x' } }, 'BAD_FILTER'],
    ['range not an array', { range: 'all' }, 'BAD_RANGE'],
    ['range too wide', { range: [0, 5000] }, 'BAD_RANGE'],
    ['range reversed', { range: [10, 2] }, 'BAD_RANGE'],
  ])('when the list has a %s, then 400', async (_name, params, code) => {
    const res = await admin.get(`/api/users${listQuery(params as never)}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toEqual(expect.any(String));
  });

  test('when the filter is not JSON, or a value has the wrong type, then 400', async () => {
    expect((await admin.get('/api/users?filter=%7Bnot-json')).status).toBe(400);
    expect((await admin.get(`/api/users${listQuery({ filter: { active: 'maybe' } })}`)).status).toBe(400);
    expect((await admin.get(`/api/users${listQuery({ filter: { role: 'emperor' } })}`)).status).toBe(400);
    expect((await admin.get(`/api/users${listQuery({ filter: { createdAt_gte: 'yesterday' } })}`)).status).toBe(400);
    expect((await admin.get(`/api/users${listQuery({ filter: { id: ['x'] } })}`)).status).toBe(400);
  });
});

describe('segment levels as a declared resource', () => {
  test('the four levels come sorted by level, renamed by the admin, and a fifth is refused', async () => {
    const res = await admin.get('/api/segment-levels');
    expect(res.body.map((l: { level: number; name: string }) => [l.level, l.name])).toEqual([
      [1, 'Zona'],
      [2, 'Rubro'],
      [3, 'Canal'],
      [4, 'Grupo'],
    ]);
    expect(res.headers['content-range']).toBe('segment-levels 0-3/4');
    const dup = await admin.post('/api/segment-levels', { level: 2, name: 'Otro' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('Ese nivel de segmento ya tiene nombre');
    const fifth = await admin.post('/api/segment-levels', { level: 5, name: 'Quinto' });
    expect(fifth.status).toBe(400);
    expect(fifth.body.details[0].path).toBe('level');
  });
});
