/**
 * npm run test:kill — the server heals when its database dies.
 *
 * Starts the server on a fresh embedded PostgreSQL (demo data), posts receipts
 * from several clients, SIGKILLs the PostgreSQL postmaster in the middle of it
 * and keeps posting. Passes when: no answer is a 500 (the outage answers 503
 * with Retry-After), the server serves again within 30 s without anyone
 * restarting it, every receipt acknowledged (201) is in the database, and
 * `ledger:verify` finds the invariants intact. Writes its figures to
 * .tmp/kill-summary.json for CI's final line and the README.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../server/src/db/embedded';
import { today } from '../../server/src/lib/dates';

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENTS = 4;
const LOAD_BEFORE_KILL_MS = 4_000;
const LOAD_AFTER_RECOVERY_MS = 3_000;
const RECOVERY_LIMIT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  acknowledged: number;
  acknowledgedBeforeKill: number;
  missing: number;
  statuses: Record<string, number>;
  answers503: number;
  answers503WithoutRetryAfter: number;
  answers5xxOther: number;
  networkErrors: number;
  recoveryMs: number | null;
  healthDuringOutage: string[];
  ledgerVerify: string;
  serverConnections: { socket: number; tcp: number } | null;
  durationMs: number;
}

async function waitHealthy(base: string, server: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server exited');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`the server did not become healthy in ${limitMs} ms`);
}

function postmasterPid(dataDir: string): { pid: number; port: number } {
  const lines = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function main(): Promise<boolean> {
  const started = Date.now();
  const base0 = path.join(os.tmpdir(), 'ctacte-kill');
  fs.mkdirSync(base0, { recursive: true, mode: 0o755 });
  fs.chmodSync(base0, 0o755);
  const dataDir = fs.mkdtempSync(path.join(base0, 'run-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const server = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/kill/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, CTACTE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const figures: Figures = {
    acknowledged: 0,
    acknowledgedBeforeKill: 0,
    missing: 0,
    statuses: {},
    answers503: 0,
    answers503WithoutRetryAfter: 0,
    answers5xxOther: 0,
    networkErrors: 0,
    recoveryMs: null,
    healthDuringOutage: [],
    ledgerVerify: 'not run',
    serverConnections: null,
    durationMs: 0,
  };
  const problems: string[] = [];
  try {
    await waitHealthy(base, server, 180_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: 'demo1234' }),
    });
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken };
    const customers = (await (
      await fetch(`${base}/api/customers?range=[0,19]&filter=${encodeURIComponent('{"status":"active"}')}`, { headers })
    ).json()) as Array<{ id: number }>;
    if (!customers.length) throw new Error('no customers in the demo data');
    const issueDate = today();

    const acknowledged: number[] = [];
    let killedAt = 0;
    let firstOutageAt = 0;
    let recoveredAt = 0;
    let stopAt = Number.POSITIVE_INFINITY;
    let seq = 0;
    const client = async (n: number) => {
      while (Date.now() < stopAt) {
        seq += 1;
        const body = {
          customerId: customers[(seq + n) % customers.length].id,
          issueDate,
          notes: `kill test ${seq}`,
          payments: [{ method: 'cash', amount: `${(seq % 90) + 10}.00` }],
        };
        const sentAt = Date.now();
        let res: Response;
        try {
          res = await fetch(`${base}/api/receipts`, {
            method: 'POST',
            headers: { ...headers, 'Idempotency-Key': `kill-${n}-${seq}-${Date.now()}` },
            body: JSON.stringify(body),
          });
        } catch {
          figures.networkErrors += 1;
          await sleep(200);
          continue;
        }
        figures.statuses[res.status] = (figures.statuses[res.status] ?? 0) + 1;
        if (res.status === 201) {
          const receipt = (await res.json()) as { id: number };
          acknowledged.push(receipt.id);
          if (!killedAt) figures.acknowledgedBeforeKill += 1;
          // Served again: a receipt sent after the outage was seen (not one in flight at the kill).
          if (firstOutageAt && sentAt > firstOutageAt && !recoveredAt) recoveredAt = Date.now();
        } else {
          await res.arrayBuffer();
          if (res.status === 503) {
            figures.answers503 += 1;
            if (killedAt && !firstOutageAt) firstOutageAt = Date.now();
            if (!Number(res.headers.get('retry-after'))) figures.answers503WithoutRetryAfter += 1;
            await sleep(250);
          } else if (res.status >= 500) figures.answers5xxOther += 1;
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await sleep(LOAD_BEFORE_KILL_MS);

    const { pid } = postmasterPid(dataDir);
    process.kill(pid, 'SIGKILL');
    killedAt = Date.now();
    console.log(`kill test: SIGKILL sent to PostgreSQL (pid ${pid}) after ${figures.acknowledgedBeforeKill} receipts`);
    while (!recoveredAt && Date.now() - killedAt < RECOVERY_LIMIT_MS + 5_000) {
      try {
        const h = await fetch(`${base}/api/health`);
        const j = (await h.json()) as { state?: string };
        const seen = `${h.status} ${j.state ?? ''}`.trim();
        if (!figures.healthDuringOutage.includes(seen)) figures.healthDuringOutage.push(seen);
      } catch {
        // the load loop counts network errors
      }
      await sleep(250);
    }
    stopAt = Date.now() + LOAD_AFTER_RECOVERY_MS;
    await load;
    await waitHealthy(base, server, 30_000);
    figures.acknowledged = acknowledged.length;
    figures.recoveryMs = recoveredAt ? recoveredAt - killedAt : null;

    // Every acknowledged receipt is in the database, read directly.
    const { port: pgPort } = postmasterPid(dataDir);
    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const databaseUrl = `postgres://postgres:${password}@127.0.0.1:${pgPort}/ctacte`;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const found = await db.query('SELECT id FROM documents WHERE id = ANY($1::int[])', [acknowledged]);
      figures.missing = acknowledged.length - (found.rowCount ?? 0);
      // The server reaches its embedded database through the Unix socket (embedded.ts), after the restart too.
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE client_addr IS NULL)::int AS socket, count(*) FILTER (WHERE client_addr IS NOT NULL)::int AS tcp
           FROM pg_stat_activity WHERE datname = 'ctacte' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      figures.serverConnections = rows[0] as { socket: number; tcp: number };
    } finally {
      await db.end();
    }
    const verify = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/src/cli/ledger-verify.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      },
    );
    figures.ledgerVerify = verify.status === 0 ? 'ok' : `failed: ${(verify.stdout + verify.stderr).slice(-500)}`;

    if (figures.answers5xxOther > 0) problems.push(`${figures.answers5xxOther} answers were 5xx other than 503`);
    if (figures.answers503 === 0) problems.push('no 503 was seen during the outage');
    if (figures.answers503WithoutRetryAfter > 0)
      problems.push(`${figures.answers503WithoutRetryAfter} 503 answers had no Retry-After`);
    if (figures.recoveryMs === null || figures.recoveryMs > RECOVERY_LIMIT_MS)
      problems.push(`the server did not serve again within ${RECOVERY_LIMIT_MS / 1000} s`);
    if (figures.missing > 0) problems.push(`${figures.missing} acknowledged receipts are not in the database`);
    if (figures.ledgerVerify !== 'ok') problems.push(`ledger:verify ${figures.ledgerVerify}`);
    if (!figures.serverConnections?.socket || figures.serverConnections.tcp)
      problems.push(`the server's connections are not all on the socket: ${JSON.stringify(figures.serverConnections)}`);
    if (figures.acknowledgedBeforeKill === 0) problems.push('no receipt was acknowledged before the kill');
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    console.log(fs.readFileSync(logFile, 'utf8').slice(-3000));
  } finally {
    await stopServer(server);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  figures.durationMs = Date.now() - started;
  const passed = problems.length === 0;
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, '.tmp', 'kill-summary.json'),
    JSON.stringify({ passed: passed ? 1 : 0, failed: passed ? 0 : 1, problems, figures }, null, 2),
  );
  console.log(`kill test: ${JSON.stringify(figures)}`);
  console.log(passed ? 'kill test: PASSED' : `kill test: FAILED — ${problems.join('; ')}`);
  return passed;
}

/** SIGTERM to the server's process group (the server stops PostgreSQL), SIGKILL after 20 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (alive() && Date.now() < deadline) await sleep(200);
  if (alive()) process.kill(-pid, 'SIGKILL');
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
