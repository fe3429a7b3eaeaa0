import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createKnex, migrateLatest } from '../../server/src/db/knex';
import { today } from '../../server/src/lib/dates';
import { verifyLedger } from '../../server/src/modules/ledger/verify';
import { hashPassword } from '../../server/src/modules/auth/password';
import { createCompany } from '../../server/src/modules/company/company.service';
import { MAX_FAILURES_PER_USERNAME } from '../../server/src/modules/auth/auth.service';
import { customerBody } from '../support/master-data';
import {
  ensurePackages,
  freePort,
  startPgbouncer,
  startPrimary,
  startReplica,
  stopChild,
  waitForPort,
  workDir,
  type Postgres,
} from './parts';

/**
 * `npm run test:scale`: ctacte past one machine, with the real parts on loopback
 * ports — a PostgreSQL 15 primary, a streaming replica made by pg_basebackup,
 * PgBouncer in transaction mode, three API processes and HAProxy in front — and
 * the scenario of the README's "Scaling out" section run through HAProxy. Prints
 * its figures; exits 1 on any failed check.
 */
const ROOT = path.join(__dirname, '..', '..');
const PASSWORD = 'scale-test-1';
const CLIENTS = 8;
const RECEIPT_SECONDS = 12;

interface Api {
  name: string;
  port: number;
  child: ChildProcess;
}

const checks: Array<{ what: string; ok: boolean; detail: string }> = [];
function check(what: string, ok: boolean, detail = ''): void {
  checks.push({ what, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
}

async function startApi(name: string, port: number, env: Record<string, string>, dir: string): Promise<Api> {
  const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'serve-api.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  return { name, port, child };
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API on ${port} never got ready`);
}

function startHaproxy(dir: string, port: number, apis: Api[]): ChildProcess {
  const cfg = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(
    cfg,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  option redispatch',
      '  retries 2',
      '  timeout check 3s',
      'frontend api',
      `  bind 127.0.0.1:${port}`,
      '  default_backend apis',
      'backend apis',
      '  balance roundrobin',
      '  option httpchk GET /api/ready',
      '  http-response set-header X-Served-By %s',
      ...apis.map((a) => `  server ${a.name} 127.0.0.1:${a.port} check inter 500ms fall 2 rise 1`),
    ].join('\n') + '\n',
  );
  return spawn('/usr/sbin/haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A cookie jar of one client, as a browser keeps it. */
class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}
  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return {
      status: res.status,
      body: json as Record<string, unknown>,
      servedBy: res.headers.get('x-served-by') ?? '?',
      readFrom: res.headers.get('x-read-from') ?? '',
    };
  }
  async login(username: string, password = PASSWORD) {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = String(r.body.csrfToken);
    return r;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  ensurePackages();
  const dir = workDir('scale');
  const apis: Api[] = [];
  let haproxy: ChildProcess | undefined;
  let primary: Postgres | undefined;
  let replica: Postgres | undefined;
  let bouncer: Awaited<ReturnType<typeof startPgbouncer>> | undefined;
  try {
    // The parts.
    primary = await startPrimary(dir, { fast: true });
    const admin = new pg.Client({ connectionString: primary.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE ctacte');
    await admin.end();
    const knex = createKnex(primary.url('ctacte'), { max: 4 });
    await migrateLatest(knex);
    const companyId = await knex.transaction((trx) => createCompany(trx, { name: 'Escala S.A.' }));
    const hash = await hashPassword(PASSWORD);
    for (const [username, role] of [
      ['clerk', 'clerk'],
      ['victim', 'clerk'],
    ])
      await knex('users').insert({ companyId, username, fullName: username, role, passwordHash: hash });
    replica = await startReplica(dir, primary);
    bouncer = await startPgbouncer(dir, primary, { poolSize: 20 });
    const env = {
      DATABASE_URL: bouncer.url('ctacte'),
      DATABASE_REPLICA_URL: replica.url('ctacte'),
      SESSION_SECRET: crypto.randomBytes(16).toString('hex'),
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'info',
    };
    for (const name of ['api1', 'api2', 'api3']) apis.push(await startApi(name, await freePort(), env, dir));
    await Promise.all(apis.map((a) => waitReady(a.port)));
    const lbPort = await freePort();
    haproxy = startHaproxy(dir, lbPort, apis);
    await waitForPort(lbPort);
    await new Promise((r) => setTimeout(r, 1200)); // first health checks
    const base = `http://127.0.0.1:${lbPort}`;
    console.log(
      `primary :${primary.port}, replica :${replica.port}, PgBouncer :${bouncer.port}, API ${apis.map((a) => `:${a.port}`).join(' ')}, HAProxy :${lbPort}`,
    );
    console.log(`parts up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 1. One login, its session answered by every process.
    const clerk = new Client(base);
    check('login through HAProxy', (await clerk.login('clerk')).status === 200);
    const servedBy = new Set<string>();
    let sessionOk = true;
    for (let i = 0; i < 9; i++) {
      const r = await clerk.request('GET', '/api/auth/me');
      sessionOk &&= r.status === 200;
      servedBy.add(r.servedBy);
    }
    check('one session answered by every API process', sessionOk && servedBy.size === 3, [...servedBy].sort().join(', '));

    // 2. The login limit, counted once across the processes.
    const attacker = new Client(base);
    const limitStatuses: number[] = [];
    const limitServers = new Set<string>();
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME + 2; i++) {
      const r = await attacker.request('POST', '/api/auth/login', { username: 'victim', password: 'wrong-password' });
      limitStatuses.push(r.status);
      limitServers.add(r.servedBy);
    }
    const first429 = limitStatuses.indexOf(429);
    check(
      `login limit shared: the ${MAX_FAILURES_PER_USERNAME + 1}th attempt gets 429`,
      first429 === MAX_FAILURES_PER_USERNAME && limitStatuses.slice(0, first429).every((s) => s === 401),
      `${limitStatuses.join(' ')} over ${[...limitServers].sort().join(', ')}`,
    );

    // 3. Receipts from 8 clients on two points of sale while api2 is killed with SIGKILL and restarted.
    const customers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await clerk.request('POST', '/api/customers', customerBody({ code: `ESC${i}` }));
      if (r.status !== 201) throw new Error(`customer: ${r.status} ${JSON.stringify(r.body)}`);
      customers.push(Number(r.body.id));
    }
    const figures = { requests: 0, created: 0, replays: 0, cut: 0, other5xx: 0, retried: 0 };
    const keys: string[] = [];
    let killing = false;
    // Every client logs in before the clock and the killer start.
    const sessions = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const c = new Client(base);
        const r = await c.login('clerk');
        if (r.status !== 200) throw new Error(`login: ${r.status}`);
        return c;
      }),
    );
    const deadline = Date.now() + RECEIPT_SECONDS * 1000;
    const worker = async (n: number) => {
      const c = sessions[n];
      while (Date.now() < deadline) {
        const key = `scale-${n}-${keys.length}-${crypto.randomUUID()}`;
        keys.push(key);
        const body = {
          customerId: customers[n % customers.length],
          issueDate: today(),
          pointOfSale: 20 + (n % 2),
          payments: [{ method: 'cash', amount: `${10 + n}.50` }],
        };
        for (let attempt = 0; ; attempt++) {
          figures.requests++;
          const r = await c
            .request('POST', '/api/receipts', body, { 'Idempotency-Key': key })
            .catch(() => ({ status: 0, body: {}, servedBy: '?', readFrom: '' }));
          if (r.status === 201 || r.status === 200) {
            if (attempt > 0) figures.retried++;
            if (r.status === 201) figures.created++;
            else figures.replays++;
            break;
          }
          if (r.status === 0 || r.status >= 500) {
            if (killing) figures.cut++;
            else figures.other5xx++;
            await new Promise((res) => setTimeout(res, 100));
            continue;
          }
          throw new Error(`receipt: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }
    };
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, 3000));
      killing = true;
      apis[1].child.kill('SIGKILL');
      await new Promise((r) => apis[1].child.once('exit', r));
      await new Promise((r) => setTimeout(r, 1000));
      apis[1] = await startApi('api2', apis[1].port, env, dir);
      await waitReady(apis[1].port);
      await new Promise((r) => setTimeout(r, 1000)); // HAProxy sees it back
      killing = false;
    })();
    const receiptStart = Date.now();
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => worker(n)), killer]);
    const receiptSecs = (Date.now() - receiptStart) / 1000;
    console.log(
      `receipts: ${figures.created} posted in ${receiptSecs.toFixed(1)} s (${(figures.created / receiptSecs).toFixed(0)}/s) by ${CLIENTS} clients, ${figures.requests} requests, ${figures.cut} cut by the kill, ${figures.retried} retried with their Idempotency-Key (${figures.replays} answered as replays)`,
    );
    check('no 5xx except the requests cut by the kill', figures.other5xx === 0, `${figures.other5xx} other`);
    const posted = await knex('idempotency_keys')
      .where({ companyId })
      .whereIn('key', keys)
      .count<{ count: number }[]>('* as count');
    const receiptsPosted = await knex('documents').where({ companyId, type: 'REC' }).count<{ count: number }[]>('* as count');
    check(
      'each Idempotency-Key posted exactly once',
      Number(posted[0].count) === keys.length && Number(receiptsPosted[0].count) === keys.length,
      `${keys.length} keys, ${receiptsPosted[0].count} receipts`,
    );
    const gaps = await knex.raw<{ rows: Array<{ pointOfSale: number; n: number; lo: number; hi: number }> }>(
      `SELECT point_of_sale, count(*)::int AS n, min(number)::int AS lo, max(number)::int AS hi
         FROM documents WHERE company_id = ? AND type = 'REC' GROUP BY point_of_sale ORDER BY 1`,
      [companyId],
    );
    check(
      'numbering gapless on both points of sale',
      gaps.rows.length === 2 && gaps.rows.every((g) => g.lo === 1 && g.hi === g.n),
      gaps.rows.map((g) => `POS ${g.pointOfSale}: 1..${g.hi} (${g.n})`).join(', '),
    );

    // 4. The aging right after a receipt: the receipt is there, and the replica serves the others.
    // The replica first replays everything the clients above posted, so "before" is today's figure.
    const replicaKnex = createKnex(replica.url('ctacte'), { max: 1 });
    try {
      const target = (await knex.raw('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn as string;
      for (let i = 0; i < 100; i++) {
        const { rows } = await replicaKnex.raw('SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn AS done', [target]);
        if (rows[0].done) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await replicaKnex.destroy();
    }
    const before = await clerk.request('GET', '/api/reports/aging');
    const r = await clerk.request('POST', '/api/receipts', {
      customerId: customers[0],
      issueDate: today(),
      pointOfSale: 20,
      payments: [{ method: 'cash', amount: '1234.56' }],
    });
    const after = await clerk.request('GET', '/api/reports/aging');
    const unapplied = (x: typeof after) => Number((x.body.totals as Record<string, string>).unapplied);
    check(
      'aging right after a receipt shows it',
      r.status === 201 && Math.abs(unapplied(after) - unapplied(before) - 1234.56) < 0.001,
      `unapplied ${unapplied(before).toFixed(2)} → ${unapplied(after).toFixed(2)}, read from the ${after.readFrom}`,
    );
    check('the aging before the receipt was read from the replica', before.readFrom === 'replica', before.readFrom);
    const health = await Promise.all(
      apis.map((a) => fetch(`http://127.0.0.1:${a.port}/api/health`).then((x) => x.json() as Promise<{ replica?: string }>)),
    );
    check(
      'every process reads from the replica',
      health.every((h) => h.replica === 'ok'),
      JSON.stringify(health.map((h) => h.replica)),
    );

    // 5. The replica stops: reports fall back to the primary.
    replica.stop('fast');
    await new Promise((res) => setTimeout(res, 2500));
    const down = await Promise.all(
      apis.map((a) => fetch(`http://127.0.0.1:${a.port}/api/health`).then((x) => x.json() as Promise<{ replica?: string }>)),
    );
    const agingWithoutReplica = await clerk.request('GET', '/api/reports/aging');
    check(
      'replica stopped: health says so and the aging still answers from the primary',
      down.every((h) => h.replica === 'down') &&
        agingWithoutReplica.status === 200 &&
        unapplied(agingWithoutReplica) === unapplied(after),
      JSON.stringify(down.map((h) => h.replica)),
    );
    let fallbacks = 0;
    for (const a of apis) {
      const log = fs.readFileSync(path.join(dir, `${a.name}.log`), 'utf8');
      fallbacks += log.split('\n').filter((l) => l.includes('reads fall back to the primary') && l.includes('"down"')).length;
    }

    // 6. The books.
    const discrepancies = await verifyLedger(knex);
    check('ledger:verify', discrepancies.length === 0, `${discrepancies.length} discrepancies`);
    await knex.destroy();
    console.log(
      `\nscale-out figures: ${figures.requests} receipt requests, 1 kill (SIGKILL + restart), ${figures.cut} cut, ${fallbacks} fallbacks logged, ${Number(receiptsPosted[0].count) + 1} receipts, discrepancies = ${discrepancies.length}, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
  } finally {
    if (haproxy) await stopChild(haproxy);
    await Promise.all(apis.map((a) => stopChild(a.child)));
    if (bouncer) await bouncer.stop();
    replica?.stop('immediate');
    primary?.stop('immediate');
    if (!checks.some((c) => !c.ok)) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`logs kept in ${dir}`);
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n${checks.length - failed.length} passed, ${failed.length} failed`);
  // For .ci/run's summary line.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, '.tmp', 'scale-summary.json'),
    JSON.stringify({ passed: checks.length - failed.length, failed: failed.length || (checks.length ? 0 : 1) }) + '\n',
  );
  if (failed.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
