import { createTestCompany, agentsFor } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';

let agents: Record<Role, Agent>;

beforeAll(async () => {
  agents = await agentsFor(await createTestCompany('Roles'));
});

const expectStatus = async (agent: Agent, call: (a: Agent) => Promise<{ status: number }>, status: number) => {
  const res = await call(agent);
  expect({ role: agent.role, status: res.status }).toEqual({ role: agent.role, status });
};

describe('the role matrix', () => {
  test('users: only the admin reads or writes them', async () => {
    for (const role of ['clerk', 'supervisor', 'manager'] as const) {
      await expectStatus(agents[role], (a) => a.get('/api/users'), 403);
      await expectStatus(
        agents[role],
        (a) => a.post('/api/users', { username: 'zz', fullName: 'x', role: 'clerk', password: 'abcdefgh' }),
        403,
      );
      await expectStatus(agents[role], (a) => a.get('/api/users/export.csv'), 403);
    }
    await expectStatus(agents.admin, (a) => a.get('/api/users'), 200);
  });

  test('audit events: supervisor, manager and admin read them; the clerk does not', async () => {
    await expectStatus(agents.clerk, (a) => a.get('/api/audit-events'), 403);
    for (const role of ['supervisor', 'manager', 'admin'] as const)
      await expectStatus(agents[role], (a) => a.get('/api/audit-events'), 200);
  });

  test('reference tables: everyone reads, only the admin writes', async () => {
    const levels = await agents.clerk.get('/api/segment-levels');
    expect(levels.status).toBe(200);
    const id = levels.body[0].id;
    for (const role of ['clerk', 'supervisor', 'manager'] as const) {
      await expectStatus(agents[role], (a) => a.get('/api/segment-levels'), 200);
      await expectStatus(agents[role], (a) => a.put(`/api/segment-levels/${id}`, { name: 'Región' }), 403);
    }
    await expectStatus(agents.admin, (a) => a.put(`/api/segment-levels/${id}`, { name: 'Región' }), 200);
  });

  test('company settings: everyone reads, only the admin edits', async () => {
    for (const role of ['clerk', 'supervisor', 'manager'] as const) {
      await expectStatus(agents[role], (a) => a.get('/api/company'), 200);
      await expectStatus(agents[role], (a) => a.put('/api/company', { overdueToleranceDays: 5 }), 403);
    }
    const res = await agents.admin.put('/api/company', { overdueToleranceDays: 5, lockDate: '2026-01-31' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ overdueToleranceDays: 5, lockDate: '2026-01-31' });
  });

  test('when an admin edits company settings with bad values, then 400 naming each field and nothing changes', async () => {
    const before = (await agents.admin.get('/api/company')).body;
    const res = await agents.admin.put('/api/company', { defaultReceiptPointOfSale: 0, taxId: '30712345670', province: 'AR-ZZ' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'defaultReceiptPointOfSale',
      'province',
      'taxId',
    ]);
    expect((await agents.admin.get('/api/company')).body).toEqual(before);
  });
});
