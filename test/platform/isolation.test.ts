import { createTestCompany, agentsFor } from '../support/factories';
import { listQuery, type Agent } from '../support/app';

let adminA: Agent;
let adminB: Agent;
let userOfA: { id: number; username: string };
let levelOfA: number;

beforeAll(async () => {
  adminA = (await agentsFor(await createTestCompany('Empresa A'))).admin;
  adminB = (await agentsFor(await createTestCompany('Empresa B'))).admin;
  userOfA = (await adminA.get(`/api/users${listQuery({ filter: { role: 'clerk' } })}`)).body[0];
  levelOfA = (await adminA.get('/api/segment-levels')).body[0].id;
});

describe('company isolation', () => {
  test("when company B asks for company A's ids, then 404 on read, update and delete", async () => {
    expect((await adminB.get(`/api/users/${userOfA.id}`)).status).toBe(404);
    expect((await adminB.put(`/api/users/${userOfA.id}`, { fullName: 'X' })).status).toBe(404);
    expect((await adminB.delete(`/api/users/${userOfA.id}`)).status).toBe(404);
    expect((await adminB.get(`/api/segment-levels/${levelOfA}`)).status).toBe(404);
    expect((await adminB.put(`/api/segment-levels/${levelOfA}`, { name: 'X' })).status).toBe(404);
    expect((await adminA.get(`/api/users/${userOfA.id}`)).body.fullName).not.toBe('X');
  });

  test("company A's rows never appear in B's lists, getMany, q search or exports", async () => {
    const list = await adminB.get(`/api/users${listQuery({ range: [0, 999] })}`);
    expect(list.body.some((u: { id: number }) => u.id === userOfA.id)).toBe(false);
    expect(list.body.every((u: { username: string }) => !u.username.includes(userOfA.username))).toBe(true);
    const many = await adminB.get(`/api/users${listQuery({ filter: { id: [userOfA.id] } })}`);
    expect(many.body).toEqual([]);
    const q = await adminB.get(`/api/users${listQuery({ filter: { q: userOfA.username } })}`);
    expect(q.body).toEqual([]);
    const csv = await adminB.get('/api/users/export.csv?dialect=rfc4180');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(userOfA.username);
    const audit = await adminB.get(`/api/audit-events${listQuery({ filter: { entityId: String(userOfA.id) } })}`);
    expect(audit.body).toEqual([]);
    const allAudit = await adminB.get(`/api/audit-events${listQuery({ range: [0, 999] })}`);
    expect(allAudit.body.map((e: { username: string }) => e.username)).not.toContain(adminA.username);
  });

  test('when company B names a segment level it does not own in a getMany, then nothing comes back', async () => {
    const res = await adminB.get(`/api/segment-levels${listQuery({ filter: { id: [levelOfA] } })}`);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toBe('segment-levels 0-0/0');
  });
});
