import net from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { createApp } from '../../server/src/app/app';
import { createKnex } from '../../server/src/db/knex';
import { testKnex, workerDatabaseUrl } from '../support/db';
import { createTestCompany, type TestCompany } from '../support/factories';
import { TEST_PASSWORD } from '../support/app';

/**
 * A TCP relay in front of the test database that can be cut and restored: the
 * database "dies" for the server (every connection reset, new ones refused) and
 * comes back on the same address, as an external PostgreSQL would.
 */
class Relay {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

let company: TestCompany;
let relay: Relay;
let knex: Knex;
let app: Express;

beforeAll(async () => {
  company = await createTestCompany('Caída');
  await testKnex();
  const target = new URL(workerDatabaseUrl());
  relay = new Relay(target.hostname, Number(target.port));
  await relay.open();
  const viaRelay = new URL(workerDatabaseUrl());
  viaRelay.port = String(relay.port);
  knex = createKnex(viaRelay.toString());
  app = createApp({ knex, databaseUrl: viaRelay.toString(), sessionSecret: 'test-secret' });
});

afterAll(async () => {
  await knex.destroy();
  await relay.cut(); // the relay's server and sockets would keep the worker alive after its tests
});

describe('an external database that goes away and comes back', () => {
  test('when the database is unreachable, then 503 with Retry-After (never 500), and the pool recovers by itself', async () => {
    const agent = request.agent(app);
    const login = await agent.post('/api/auth/login').send({ username: company.users.clerk, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const csrf = login.body.csrfToken as string;
    const health = await agent.get('/api/health');
    expect(health.status).toBe(200);

    await relay.cut();
    const answers = [
      await agent.get('/api/customers'),
      await agent.post('/api/contacts').set('X-CSRF-Token', csrf).send({ name: 'x' }),
      await request(app).post('/api/auth/login').send({ username: company.users.clerk, password: TEST_PASSWORD }),
      await agent.get('/api/customers/export.csv'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ code: 'DB_UNAVAILABLE', message: expect.any(String), details: [] });
    }
    const down = await agent.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', db: 'down', mode: 'external' });

    await relay.open();
    const back = await agent.get('/api/customers');
    expect(back.status).toBe(200);
    expect((await agent.get('/api/health')).body).toMatchObject({ status: 'ok', db: 'ok', mode: 'external' });
  });
});
