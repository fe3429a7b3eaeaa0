import http from 'node:http';
import request from 'supertest';
import { createTestCompany, type TestCompany } from '../support/factories';
import { testApp, TEST_PASSWORD } from '../support/app';
import { workerDatabaseUrl } from '../support/db';
import { startApiProcess } from '../support/process';

const EVENTS = 20000;
let company: TestCompany;

beforeAll(async () => {
  company = await createTestCompany('Apagado');
  // ~10 MB of CSV: far more than the socket buffers hold, so the export is still being written while we stop.
  await company.knex.raw(
    `INSERT INTO audit_events (company_id, username, action, entity, entity_id, after)
     SELECT ?, 'bulk', 'create', 'bulk', g::text, jsonb_build_object('note', repeat('x', 400), 'n', g)
       FROM generate_series(1, ?) g`,
    [company.companyId, EVENTS],
  );
});

describe('readiness', () => {
  it('when the database answers and every migration ran, then /api/ready and /api/health say so without a session', async () => {
    const app = await testApp();
    const ready = await request(app).get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', db: 'ok', migrations: 'ok', stopping: false });
    const health = await request(app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', db: 'ok' });
  });
});

describe('SIGTERM', () => {
  it('when a process gets SIGTERM during a streamed export, then the export completes, new connections are refused and it exits 0', async () => {
    const api = await startApiProcess({ DATABASE_URL: workerDatabaseUrl() });
    try {
      const login = await request(api.url)
        .post('/api/auth/login')
        .send({ username: company.users.admin, password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');

      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.get(`${api.url}/api/audit-events/export.csv?dialect=rfc4180`, { headers: { cookie } }, resolve).on('error', reject);
      });
      expect(res.statusCode).toBe(200);
      // A slow client: several chunks wait in the response's buffer before it starts reading.
      await new Promise((r) => setTimeout(r, 300));
      // Read one chunk, then stop reading: the server is blocked mid-export by back-pressure. The listener keeps
      // every chunk and pauses in the same tick (paused later, from a promise, the chunks the stream emits in
      // between would be dropped).
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve) =>
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (chunks.length === 1) {
            res.pause();
            resolve();
          }
        }),
      );
      let ended = false;
      res.on('end', () => (ended = true));

      api.child.kill('SIGTERM');
      await waitFor(() => api.output().includes('draining'));
      expect(ended).toBe(false);
      // A new connection (agent: false): the login's kept-alive one is reset, not refused, by the draining server.
      const refused = await new Promise<string>((resolve) => {
        http
          .get(`${api.url}/api/health`, { agent: false }, (r) => {
            r.resume();
            resolve(String(r.statusCode));
          })
          .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');

      res.resume();
      await new Promise((resolve) => res.on('end', resolve));
      const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
      const exported = new Set(lines.filter((l) => l.includes(',bulk,create,bulk,')).map((l) => /"n"":\s*(\d+)/.exec(l)?.[1]));
      expect(exported.size).toBe(EVENTS);
      expect(await api.exited).toBe(0);
      expect(api.output()).toContain('"drained":true');
    } finally {
      if (api.child.exitCode === null) api.child.kill('SIGKILL');
    }
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error('condition not reached');
}
