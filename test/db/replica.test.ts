import pg from 'pg';
import request from 'supertest';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { createApp } from '../../server/src/app/app';
import { createKnex } from '../../server/src/db/knex';
import { ReadRouter, parseLsn, type ReplicaStatus } from '../../server/src/db/replica';
import { setLogLevel } from '../../server/src/lib/log';
import { testKnex, workerDatabaseUrl } from '../support/db';
import { loginAs, type Agent } from '../support/app';
import { createTestCompany } from '../support/factories';
import { createCustomer, postInvoice } from '../support/ledger';
import { customerBody } from '../support/master-data';

// The "replica" is a second database cloned from the migrated template: same schema, none of this
// company's rows. What a request answers tells which of the two it read. The replica's replay
// position and lag come from `status`, set by each test; the real streaming replica runs in
// `npm run test:scale`.
let status: ReplicaStatus | Error;
let replicaKnex: Knex;
let reads: ReadRouter;
let app: Express;
let clerk: Agent;
const replicaName = `ctacte_r${process.env.JEST_WORKER_ID ?? '1'}_${process.env.CTACTE_TEST_RUN}`;

beforeAll(async () => {
  const company = await createTestCompany('Réplica');
  const admin = new pg.Client({ connectionString: process.env.CTACTE_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${replicaName} TEMPLATE ${process.env.CTACTE_TEST_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const replicaUrl = new URL(workerDatabaseUrl());
  replicaUrl.pathname = `/${replicaName}`;
  replicaKnex = createKnex(replicaUrl.toString(), { max: 4 });
  const knex = await testKnex();
  reads = new ReadRouter({
    primary: { knex, url: workerDatabaseUrl() },
    replica: { knex: replicaKnex, url: replicaUrl.toString() },
    maxLagMs: 5000,
    probe: async () => {
      if (status instanceof Error) throw status;
      return status;
    },
  });
  app = createApp({ knex, databaseUrl: workerDatabaseUrl(), sessionSecret: 'test-secret', trustProxy: 'loopback', reads });
  clerk = await loginAs(company.users.clerk, undefined, app);
  // Written by another session: this clerk's session has no write of its own to wait for.
  const other = await loginAs(company.users.clerk, undefined, app);
  await postInvoice(other, (await createCustomer(other)).id, '1000.00');
});

afterAll(async () => {
  await reads.close();
});

async function customersTotal(agent: Agent): Promise<number> {
  const res = await agent.get('/api/customers');
  expect(res.status).toBe(200);
  return Number(String(res.headers['content-range']).split('/')[1]);
}

const FAR = parseLsn('FFFF/0');

describe('reads on a replica', () => {
  it('when the replica is close behind and the session has not written, then lists, exports and the aging read from it', async () => {
    status = { replayLsn: FAR, lagMs: 0 };
    await reads.refresh();
    expect(await customersTotal(clerk)).toBe(0);
    const csv = await clerk.get('/api/customers/export.csv?dialect=rfc4180');
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(1); // the header only
    expect(csv.headers['x-read-from']).toBe('replica');
    const aging = await clerk.get('/api/reports/aging');
    expect(aging.status).toBe(200);
    expect(aging.body.rows).toEqual([]);

    status = new Error('connection refused');
    await reads.refresh();
    expect(await customersTotal(clerk)).toBe(1);
    const onPrimary = await clerk.get('/api/reports/aging');
    expect(onPrimary.body.totals.total).toBe('1000.00');
  });

  it('when the session has just written, then it reads from the primary until the replica has replayed that write', async () => {
    status = { replayLsn: FAR, lagMs: 0 };
    await reads.refresh();
    const writer = clerk;
    const created = await writer.post('/api/customers', customerBody());
    expect(created.status).toBe(201);
    const cookie = (created.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ctacte_wrote_at='));
    expect(cookie).toBeDefined();
    const wroteAt = parseLsn(decodeURIComponent(cookie!.split(';')[0].split('=')[1]));

    status = { replayLsn: wroteAt - 1n, lagMs: 0 };
    await reads.refresh();
    expect(await customersTotal(writer)).toBe(2);

    status = { replayLsn: wroteAt, lagMs: 0 };
    expect(await customersTotal(writer)).toBe(0);
  });

  it('when the replica lags past the limit or is down, then reads fall back to the primary, logged once, and /api/health says so', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    setLogLevel('info');
    try {
      status = { replayLsn: FAR, lagMs: 0 };
      await reads.refresh();
      status = { replayLsn: FAR, lagMs: 6000 };
      await reads.refresh();
      await reads.refresh();
      expect(await customersTotal(clerk)).toBe(2);
      // The primary's part of /api/health stays the same throughout; only the replica's changes.
      const health = async () => {
        const { replica, replicaLagMs, ...primary } = (await request(app).get('/api/health')).body;
        expect(primary).toEqual({ status: 'ok', db: 'ok', mode: 'external', state: 'up', restarts: 0, lastOutageAt: null });
        return { replica, replicaLagMs };
      };
      expect(await health()).toEqual({ replica: 'lagging', replicaLagMs: 6000 });

      status = new Error('connection refused');
      await reads.refresh();
      await reads.refresh();
      expect(await customersTotal(clerk)).toBe(2);
      expect(await health()).toEqual({ replica: 'down', replicaLagMs: undefined });

      status = { replayLsn: FAR, lagMs: 10 };
      await reads.refresh();
      expect(await customersTotal(clerk)).toBe(0);
      expect(await health()).toEqual({ replica: 'ok', replicaLagMs: 10 });
    } finally {
      setLogLevel('silent');
      spy.mockRestore();
    }
    const fallbacks = lines.filter((l) => l.includes('reads fall back to the primary'));
    expect(fallbacks.map((l) => JSON.parse(l).state)).toEqual(['lagging', 'down']);
    expect(lines.filter((l) => l.includes('replica in use for reads'))).toHaveLength(1);
  });

  it('when WAL positions are compared, then they compare as numbers, not as text', () => {
    expect(parseLsn('0/A') > parseLsn('0/9')).toBe(true);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
    expect(() => parseLsn('nonsense')).toThrow();
  });
});
