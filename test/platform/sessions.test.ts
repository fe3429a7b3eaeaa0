import request from 'supertest';
import { testApp, loginAs, TEST_PASSWORD } from '../support/app';
import { createTestCompany, type TestCompany } from '../support/factories';
import { MAX_FAILURES_PER_USERNAME } from '../../server/src/modules/auth/auth.service';

let company: TestCompany;

beforeAll(async () => {
  company = await createTestCompany('Sesiones');
});

const userId = async (username: string) => ((await company.knex('users').where({ username }).first('id')) as { id: number }).id;

describe('changes to a user end their sessions', () => {
  test('when an admin changes a user password, then the old session can neither read nor write', async () => {
    const admin = await loginAs(company.users.admin);
    const victim = await loginAs(company.users.clerk);
    expect((await victim.get('/api/customers')).status).toBe(200);
    const res = await admin.put(`/api/users/${victim.userId}`, { password: 'otra-clave-123' });
    expect(res.status).toBe(200);
    expect((await victim.get('/api/customers')).status).toBe(401);
    expect((await victim.post('/api/contacts', { name: 'x' })).status).toBe(401);
    // The new password works; restore the test password for the rest of the file.
    const again = await loginAs(company.users.clerk, 'otra-clave-123');
    expect((await admin.put(`/api/users/${again.userId}`, { password: TEST_PASSWORD })).status).toBe(200);
  });

  test('when an admin changes a user role or deactivates them, then their sessions end', async () => {
    const admin = await loginAs(company.users.admin);
    const manager = await loginAs(company.users.manager);
    expect((await admin.put(`/api/users/${manager.userId}`, { role: 'supervisor' })).status).toBe(200);
    expect((await manager.get('/api/auth/me')).status).toBe(401);
    const again = await loginAs(company.users.manager);
    expect(again.role).toBe('supervisor');
    expect((await admin.put(`/api/users/${again.userId}`, { active: false })).status).toBe(200);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await admin.put(`/api/users/${again.userId}`, { active: true, role: 'manager' })).status).toBe(200);
  });

  test('when a user changes their own password, then their other sessions end and the current one goes on', async () => {
    const here = await loginAs(company.users.supervisor);
    const elsewhere = await loginAs(company.users.supervisor);
    const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'nueva-clave-456' });
    expect(res.status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    const sessions = await company.knex('sessions').where({ userId: await userId(company.users.supervisor) });
    expect(sessions).toHaveLength(1);
    expect(
      (await here.post('/api/auth/password', { currentPassword: 'nueva-clave-456', newPassword: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  test('when the current password is wrong, then 400 and the password stays', async () => {
    const here = await loginAs(company.users.supervisor);
    const res = await here.post('/api/auth/password', { currentPassword: 'equivocada', newPassword: 'nueva-clave-456' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('currentPassword');
    await loginAs(company.users.supervisor, TEST_PASSWORD);
  });

  test('when an admin changes their own password through the users list, then their current session goes on', async () => {
    const here = await loginAs(company.users.admin);
    const elsewhere = await loginAs(company.users.admin);
    expect((await here.put(`/api/users/${here.userId}`, { password: 'admin-clave-789' })).status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await here.put(`/api/users/${here.userId}`, { password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('the per-username login limit under concurrency', () => {
  test('when 24 wrong passwords arrive in 3 concurrent bursts of 8, then exactly 10 are evaluated and the rest get 429', async () => {
    const app = await testApp();
    const username = company.users.clerk;
    const statuses: number[] = [];
    for (let burst = 0; burst < 3; burst++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          request(app)
            .post('/api/auth/login')
            .set('X-Forwarded-For', `10.77.${burst}.${i + 1}`)
            .send({ username, password: `wrong-${burst}-${i}` }),
        ),
      );
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_USERNAME);
    expect(statuses.filter((s) => s === 429)).toHaveLength(24 - MAX_FAILURES_PER_USERNAME);
    const failures = await company.knex('login_failures').whereRaw('lower(username) = lower(?)', [username]).count({ n: '*' });
    expect(Number(failures[0].n)).toBe(MAX_FAILURES_PER_USERNAME);
  });
});
