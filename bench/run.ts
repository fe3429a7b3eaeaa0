/*
 * npm run bench [-- --reuse <dataDir> [--stale-data]] [--keep] [--customers N] [--documents N] [--quick] [--no-browser]
 *                 [--only lists,reports,receipts,invoices,export,tenants,admin] [--tenants N] [--tenant-documents N]
 *                 [--tenant-load export,receipts] (what the large tenant does meanwhile; one of them to see each's share)
 *                 [--tenant-pause MS] (each of the large tenant's clerks pauses that long between two receipts; 0)
 *
 * SPEC §9: on a generated data set, each goal measured through the HTTP API of a
 * real server process and as the bare SQL of the same operation on the same
 * database; the table goes to bench/RESULTS.md. Without DATABASE_URL or --reuse it
 * starts its own embedded PostgreSQL in a temporary folder and generates the data
 * (the db:generate code); `--reuse <dir>` keeps (or creates) the data set under
 * <dir>/pg so later runs skip the generation; a set made by other generator code is refused
 * (generator.sha256 beside it) unless --stale-data.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ROOT_DIR } from '../server/src/config';
import { freePort, startEmbedded, type EmbeddedDb } from '../server/src/db/embedded';
import { createKnex, migrateLatest } from '../server/src/db/knex';
import type { Ctx } from '../server/src/http/context';
import { exportSql, listRecords, type ResourceDef } from '../server/src/http/resource';
import { copyCsvSql, csvSettingsSql } from '../server/src/lib/csv';
import { parseListParams } from '../server/src/http/list-query';
import { customersResource } from '../server/src/modules/customers/customers.resource';
import { documentsResource } from '../server/src/modules/ledger/ledger.resources';
import { verifyLedger } from '../server/src/modules/ledger/verify';
import { hashToken } from '../server/src/modules/auth/api-tokens.service';
import { addDays, today as todayInArgentina } from '../server/src/lib/dates';
import { generateBulk } from '../seeds/bulk-generate';
import { generateSmallTenants } from '../seeds/bulk-tenants';
import {
  ApiClient,
  captureSql,
  countLines,
  fmtMs,
  listPath,
  managerCookie,
  receiptBody,
  rssOf,
  sample,
  sqlClients,
  stats,
  type Stats,
  type Statement,
} from './measure';
import { agingAsOfSql, agingTodaySql, openReceiptJobs, postReceiptSql, statementSql, type ReceiptJob } from './sql';
import { ensureAdminBuilt, firstLoads, initialJavaScript } from './browser';
import { measureTenants, tenantLoad, tenantPause } from './tenants';
import { writeResults, type Row } from './results';

const PASSWORD = 'bench1234';
const log = (line: string) => console.log(line);

interface Setup {
  url: string;
  knex: Knex;
  companyId: number;
  users: Record<string, number>;
  generation: Array<[string, number]> | null;
  cleanup: () => Promise<void>;
}

/** What made a generated data set: the generator's sources (seeds/bulk-*, the customers it draws, the row shapes). */
function generatorFingerprint(): string {
  const sources = [
    'seeds/bulk-generate.ts',
    'seeds/bulk-ledger.ts',
    'seeds/bulk-copy.ts',
    'seeds/generate.ts',
    'seeds/demo-master-data.ts',
    'server/src/modules/ledger/receipt-rows.ts',
  ];
  const hash = crypto.createHash('sha256');
  for (const file of sources) hash.update(fs.readFileSync(path.join(ROOT_DIR, file)));
  return hash.digest('hex');
}

async function setupDatabase(opts: {
  reuse?: string;
  keep: boolean;
  customers: number;
  documents: number;
  tenants: number;
  tenantDocuments: number;
  staleData: boolean;
}): Promise<Setup> {
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  let tempDir: string | undefined;
  let dataDir: string | undefined;
  if (!url) {
    if (opts.reuse) {
      dataDir = path.resolve(opts.reuse);
    } else {
      const base = path.join(os.tmpdir(), 'ctacte-bench');
      fs.mkdirSync(base, { recursive: true, mode: 0o755 });
      fs.chmodSync(base, 0o755);
      tempDir = fs.mkdtempSync(path.join(base, 'run-'));
      fs.chmodSync(tempDir, 0o755);
      dataDir = tempDir;
    }
    log(`embedded PostgreSQL under ${path.join(dataDir, 'pg')}`);
    embedded = await startEmbedded(path.join(dataDir, 'pg'));
    await embedded.createDatabase('ctacte');
    url = embedded.socketUrl('ctacte');
  }
  const knex = createKnex(url);
  const applied = await migrateLatest(knex);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  if (opts.reuse) {
    // A reused data set may have been migrated (a new stored column rewrites a table) or written by an
    // earlier run: without fresh statistics and visibility map the first runs would measure that, not the
    // code. Settled, it is as a generated one is (cheap when nothing changed).
    const t = performance.now();
    await knex.raw('VACUUM (ANALYZE)');
    log(`VACUUM ANALYZE of the reused data set: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  let generation: Setup['generation'] = null;
  let manager = await knex('users').where({ username: 'bench_manager' }).first('companyId');
  const stamp = dataDir ? path.join(dataDir, 'generator.sha256') : undefined;
  if (manager && stamp) {
    // A data set made by other generator code measures that code's rows: 12-04's set still held cancelled
    // fiscal invoices, so every receipts run reported 1,285 discrepancies that were not the run's.
    const made = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : 'unknown';
    if (made !== generatorFingerprint()) {
      if (!opts.staleData)
        throw new Error(
          `the data set under ${dataDir} was generated by other generator code (${made.slice(0, 12)} against ` +
            `${generatorFingerprint().slice(0, 12)}): remove it to regenerate, or pass --stale-data to measure it anyway`,
        );
      log(`warning: the data set was generated by other generator code (--stale-data)`);
    }
  }
  if (!manager) {
    log(`generating ${opts.customers.toLocaleString('en')} customers and ~${opts.documents.toLocaleString('en')} documents…`);
    const result = await generateBulk(knex, { customers: opts.customers, documents: opts.documents, log: (l) => log(`  ${l}`) });
    generation = result.timings;
    if (stamp) fs.writeFileSync(stamp, generatorFingerprint() + '\n');
    manager = await knex('users').where({ username: 'bench_manager' }).first('companyId');
  }
  const companyId = manager.companyId as number;
  if (opts.tenants > 1) {
    const t = performance.now();
    log(`small tenants: up to ${opts.tenants - 1} of ~${opts.tenantDocuments.toLocaleString('en')} documents each…`);
    await generateSmallTenants(knex, { companies: opts.tenants, documentsEach: opts.tenantDocuments, log: (l) => log(`  ${l}`) });
    log(`small tenants ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const users = Object.fromEntries(
    ((await knex('users').where({ companyId }).select('id', 'role')) as Array<{ id: number; role: string }>).map((u) => [
      u.role,
      u.id,
    ]),
  );
  return {
    url,
    knex,
    companyId,
    users,
    generation,
    cleanup: async () => {
      await knex.destroy();
      await embedded?.stop();
      if (tempDir && !opts.keep) fs.rmSync(tempDir, { recursive: true, force: true });
      else if (tempDir) log(`data kept in ${tempDir} (rerun with --reuse ${tempDir})`);
    },
  };
}

/** The real server, as `npm start` runs it against DATABASE_URL, in its own process. */
async function startServer(
  url: string,
  logFile: string,
): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/cli/start.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', SESSION_SECRET: 'bench-session-secret' },
    stdio: ['ignore', out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error('the server did not start in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

interface ListCase {
  label: string;
  def: ResourceDef;
  sort?: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter?: Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      reuse: { type: 'string' },
      'stale-data': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      customers: { type: 'string', default: '50000' },
      documents: { type: 'string', default: '1000000' },
      quick: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      'receipt-seconds': { type: 'string', default: '15' },
      tenants: { type: 'string', default: '1' },
      'tenant-documents': { type: 'string', default: '4000' },
      'tenant-load': { type: 'string', default: 'export,receipts' },
      'tenant-pause': { type: 'string', default: '0' },
      only: { type: 'string' },
      out: { type: 'string', default: path.join(ROOT_DIR, 'bench', 'RESULTS.md') },
    },
  });
  const quick = args.quick;
  const only = args.only?.split(',');
  const want = (group: string) => !only || only.includes(group);
  const n = (full: number) => (quick ? Math.max(5, Math.ceil(full / 4)) : full);
  // Read before the data set is made, so a mistyped option fails at once, not minutes later.
  const tenantsLoad = tenantLoad(args['tenant-load']);
  const clerkPauseMs = tenantPause(args['tenant-pause']);
  const load = [os.loadavg()[0]];
  const started = new Date();
  const db = await setupDatabase({
    reuse: args.reuse,
    staleData: args['stale-data'],
    keep: args.keep,
    customers: Number(args.customers),
    documents: Number(args.documents),
    tenants: Number(args.tenants),
    tenantDocuments: Number(args['tenant-documents']),
  });
  const rows: Row[] = [];
  const notes: string[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const clients: pg.Client[] = [];
  try {
    const { knex, companyId } = db;
    const today = todayInArgentina();
    const facts = (
      await knex.raw(
        `SELECT (SELECT count(*) FROM customers WHERE company_id = :c) AS customers,
                (SELECT count(*) FROM documents WHERE company_id = :c) AS documents,
                (SELECT count(*) FROM documents WHERE company_id = :c AND status = 'posted' AND open_amount > 0) AS open_items,
                (SELECT count(*) FROM applications WHERE company_id = :c) AS applications,
                (SELECT version()) AS version`,
        { c: companyId },
      )
    ).rows[0] as Record<string, string>;
    const heavy = (
      await knex.raw(
        `SELECT customer_id AS id, count(*)::int AS n FROM documents WHERE company_id = ? AND customer_id IS NOT NULL
          GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
        [companyId],
      )
    ).rows[0] as { id: number; n: number };
    const collector = (
      await knex.raw(
        `SELECT collector_id AS id FROM customers WHERE company_id = ? AND collector_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        [companyId],
      )
    ).rows[0] as { id: number };
    const someNumber = (
      await knex.raw(`SELECT number FROM documents WHERE company_id = ? AND type = 'FAC' ORDER BY id DESC LIMIT 1 OFFSET 5000`, [
        companyId,
      ])
    ).rows[0] as { number: number };
    log(
      `data: ${Number(facts.customers).toLocaleString('en')} customers, ${Number(facts.documents).toLocaleString('en')} documents ` +
        `(${Number(facts.openItems).toLocaleString('en')} open), big customer ${heavy.id} with ${heavy.n.toLocaleString('en')} documents`,
    );

    const logFile = path.join(os.tmpdir(), `ctacte-bench-server-${process.pid}.log`);
    server = await startServer(db.url, logFile);
    const base = server.base;
    const manager = await ApiClient.login(base, 'bench_manager', PASSWORD);
    clients.push(...(await sqlClients(db.url, 10)));
    const [sqlA, sqlB] = clients;
    const ctx: Ctx = {
      knex,
      companyId,
      lang: 'es',
      ip: '127.0.0.1',
      requestId: 'bench',
      user: { id: db.users.manager, username: 'bench_manager', fullName: 'Bench', role: 'manager', companyId, companyName: '' },
    };
    const replay = async (stmts: Statement[]) => {
      // As the engine does it: the page on one connection, the total (estimate, then maybe a count) on another.
      const page = stmts.filter((s) => !/^explain|count\(/i.test(s.sql));
      const rest = stmts.filter((s) => /^explain|count\(/i.test(s.sql));
      await Promise.all([
        (async () => {
          for (const s of page) await sqlA.query(s.sql, s.bindings);
        })(),
        (async () => {
          for (const s of rest) await sqlB.query(s.sql, s.bindings);
        })(),
      ]);
    };

    if (want('lists')) {
      // ── Lists ────────────────────────────────────────────────────────────────
      // The last page is the one the pager offers: from the total the list's Content-Range says.
      const listTotal = async (resource: string) =>
        Number(
          /\/(\d+)$/.exec((await manager.get(listPath(resource, { range: [0, 24] }))).headers.get('content-range') ?? '')![1],
        );
      const lastPage = (n: number): [number, number] => [Math.max(0, n - 25), n - 1];
      const monthAgo = addDays(today, -30);
      const lists: ListCase[] = [
        { label: 'customers: first page (by code)', def: customersResource, range: [0, 24] },
        { label: 'customers: sorted by balance ↓', def: customersResource, sort: ['balance', 'DESC'], range: [0, 24] },
        {
          label: 'customers: sorted by legal name, page 100',
          def: customersResource,
          sort: ['legalName', 'ASC'],
          range: [2475, 2499],
        },
        {
          label: 'customers: active of one collector with overdue, by overdue ↓',
          def: customersResource,
          sort: ['overdueBalance', 'DESC'],
          range: [0, 24],
          filter: { status: 'active', collectorId: collector.id, hasOverdue: true },
        },
        { label: 'customers: search "ferreter"', def: customersResource, range: [0, 24], filter: { q: 'ferreter' } },
        {
          label: 'customers: last page by legal name',
          def: customersResource,
          sort: ['legalName', 'ASC'],
          range: lastPage(await listTotal('customers')),
        },
        { label: 'documents: first page (by issue date ↓)', def: documentsResource, range: [0, 24] },
        {
          label: 'documents: one customer (10k), by issue date ↓',
          def: documentsResource,
          range: [0, 24],
          filter: { customerId: heavy.id },
        },
        {
          label: 'documents: open invoices by due date',
          def: documentsResource,
          sort: ['dueDate', 'ASC'],
          range: [0, 24],
          filter: { type: 'FAC', open: true },
        },
        {
          label: 'documents: last 30 days by total ↓',
          def: documentsResource,
          sort: ['total', 'DESC'],
          range: [0, 24],
          filter: { issueDate_gte: monthAgo, issueDate_lte: today },
        },
        { label: 'documents: search a number', def: documentsResource, range: [0, 24], filter: { q: String(someNumber.number) } },
        { label: 'documents: page 400 (by issue date ↓)', def: documentsResource, range: [9975, 9999] },
        {
          label: 'documents: the middle page, worst case (by issue date ↓)',
          def: documentsResource,
          range: ((n) => [n - 25, n - 1] as [number, number])(Math.floor((await listTotal('documents')) / 2 / 25) * 25),
        },
        {
          label: 'documents: last page (by issue date ↓)',
          def: documentsResource,
          range: lastPage(await listTotal('documents')),
        },
      ];
      for (const c of lists) {
        const query = {
          sort: c.sort ? JSON.stringify(c.sort) : undefined,
          range: JSON.stringify(c.range),
          filter: c.filter ? JSON.stringify(c.filter) : undefined,
        };
        const params = parseListParams(query, c.def, 'es');
        const stmts = await captureSql(knex, () => listRecords(c.def, ctx, params));
        const url = listPath(c.def.name, { sort: c.sort, range: c.range, filter: c.filter });
        let header = '';
        const api = await sample(n(60), async () => {
          const r = await manager.get(url);
          header = r.headers.get('content-range') ?? '';
        });
        const sql = await sample(n(60), () => replay(stmts));
        rows.push(latencyRow('lists', `${c.label} — \`${header}\``, api, sql, 'p95 ≤ 50 ms', api.p95 <= 50));
        log(`${c.label}: API ${fmtMs(api.median)}/${fmtMs(api.p95)}, SQL ${fmtMs(sql.median)}/${fmtMs(sql.p95)} ${header}`);
      }
    }

    if (want('reports')) {
      // ── Aging and statement ─────────────────────────────────────────────────
      const asOf = addDays(today, -180);
      const reports: Array<{
        label: string;
        api: string;
        sql: string;
        runs: number;
        goal: string;
        pass: (api: Stats, sql: Stats) => boolean;
      }> = [
        {
          label: 'aging today, whole company by customer (first page)',
          api: `/api/reports/aging?range=${encodeURIComponent('[0,24]')}`,
          sql: agingTodaySql(companyId, today),
          runs: n(20),
          goal: '≤ 1.5× SQL and ≤ 500 ms',
          pass: (a, s) => a.median <= 1.5 * s.median && a.p95 <= 500,
        },
        {
          label: 'aging today, whole company by customer (all rows)',
          api: `/api/reports/aging`,
          sql: agingTodaySql(companyId, today),
          runs: n(20),
          goal: '≤ 1.5× SQL and ≤ 500 ms',
          pass: (a, s) => a.median <= 1.5 * s.median && a.p95 <= 500,
        },
        {
          label: 'aging today by collector',
          api: `/api/reports/aging?groupBy=collector`,
          sql: agingTodaySql(companyId, today, { groupBy: 'collector' }),
          runs: n(20),
          goal: '≤ 1.5× SQL and ≤ 500 ms',
          pass: (a, s) => a.median <= 1.5 * s.median && a.p95 <= 500,
        },
        {
          label: `aging as of ${asOf}, whole company`,
          api: `/api/reports/aging?asOf=${asOf}&range=${encodeURIComponent('[0,24]')}`,
          sql: agingAsOfSql(companyId, asOf),
          runs: n(8),
          goal: '≤ 2 s',
          pass: (a) => a.p95 <= 2000,
        },
        {
          label: `aging of the big customer (${heavy.n.toLocaleString('en')} documents)`,
          api: `/api/reports/aging?customerId=${heavy.id}`,
          sql: agingTodaySql(companyId, today, { customerId: heavy.id }),
          runs: n(40),
          goal: '≤ 50 ms',
          pass: (a) => a.p95 <= 50,
        },
        {
          label: `statement of the big customer, 3 years (${heavy.n.toLocaleString('en')} movements)`,
          api: `/api/customers/${heavy.id}/statement?from=${addDays(today, -3 * 366)}&to=${today}`,
          sql: statementSql(companyId, heavy.id, addDays(today, -3 * 366), today),
          runs: n(40),
          goal: '≤ 50 ms',
          pass: (a) => a.p95 <= 50,
        },
      ];
      for (const r of reports) {
        const api = await sample(r.runs, () => manager.get(r.api), 2);
        const sql = await sample(r.runs, () => sqlA.query(r.sql), 2);
        rows.push(latencyRow('reports', r.label, api, sql, r.goal, r.pass(api, sql)));
        log(`${r.label}: API ${fmtMs(api.median)}/${fmtMs(api.p95)}, SQL ${fmtMs(sql.median)}/${fmtMs(sql.p95)}`);
      }
    }

    if (want('receipts')) {
      // ── Receipts: 8 concurrent clients ─────────────────────────────────────
      const seconds = Number(args['receipt-seconds']) * (quick ? 0.5 : 1);
      const receiptJobs = await openReceiptJobs(knex, companyId, today);
      const workers = 8;
      const clerks = await Promise.all(Array.from({ length: workers }, () => ApiClient.login(base, 'bench_clerk', PASSWORD)));
      interface Run {
        latencies: number[];
        elapsed: number;
        errors: number;
        firstError: string;
      }
      const runFor = async (run: Run, secs: number, worker: (w: number, job: ReceiptJob) => Promise<boolean>) => {
        const deadline = performance.now() + secs * 1000;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: workers }, async (_, w) => {
            for (let k = 0; performance.now() < deadline; k++) {
              const job = receiptJobs[(w + k * workers + run.latencies.length) % receiptJobs.length];
              const s = performance.now();
              try {
                if (!(await worker(w, job))) run.errors++;
              } catch (err) {
                run.errors++;
                run.firstError ||= String(err);
              }
              run.latencies.push(performance.now() - s);
            }
          }),
        );
        run.elapsed += (performance.now() - t0) / 1000;
      };
      const summary = (run: Run) => ({
        rate: run.latencies.length / run.elapsed,
        stats: stats(run.latencies),
        errors: run.errors,
        count: run.latencies.length,
        firstError: run.firstError,
      });
      // Warm-up of both paths.
      await clerks[0].post('/api/receipts', receiptBody(receiptJobs[0], today), { 'Idempotency-Key': crypto.randomUUID() });
      await postReceiptSql(clients[2], companyId, db.users.clerk, receiptJobs[1], today);
      let apiFailure = '';
      let apiCpu = 0;
      const api: Run = { latencies: [], elapsed: 0, errors: 0, firstError: '' };
      const sql: Run = { latencies: [], elapsed: 0, errors: 0, firstError: '' };
      // API and SQL in alternating rounds, so a change in the machine's load touches both alike.
      const rounds = quick ? 1 : 3;
      for (let round = 0; round < rounds; round++) {
        const cpuBefore = cpuOf(server.child.pid!);
        await runFor(api, seconds / rounds, async (w, job) => {
          const res = await clerks[w].post('/api/receipts', receiptBody(job, today), { 'Idempotency-Key': crypto.randomUUID() });
          if (res.status !== 201) apiFailure ||= `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          return res.status === 201;
        });
        apiCpu += cpuOf(server.child.pid!) - cpuBefore;
        await runFor(sql, seconds / rounds, (w, job) =>
          postReceiptSql(clients[2 + w], companyId, db.users.clerk, job, today).then(() => true),
        );
      }
      const apiRun = summary(api);
      const sqlRun = summary(sql);
      const serverCpuPerReceipt = apiCpu / apiRun.count;
      const verifyStarted = performance.now();
      const discrepancies = await verifyLedger(knex, companyId);
      const verifyMs = performance.now() - verifyStarted;
      rows.push({
        group: 'receipts',
        operation: `receipt posting, 3 applications, ${workers} concurrent clients (${apiRun.count} API / ${sqlRun.count} SQL receipts)`,
        api: `${apiRun.rate.toFixed(0)}/s`,
        apiP95: `p95 ${fmtMs(apiRun.stats.p95)}`,
        sql: `${sqlRun.rate.toFixed(0)}/s`,
        sqlP95: `p95 ${fmtMs(sqlRun.stats.p95)}`,
        ratio: `${((apiRun.rate / sqlRun.rate) * 100).toFixed(0)} %`,
        goal: '≥ 300/s, ≥ 25 % of SQL, 0 errors, invariants',
        pass: apiRun.rate >= 300 && apiRun.rate >= 0.25 * sqlRun.rate && apiRun.errors === 0 && discrepancies.length === 0,
      });
      notes.push(
        `Receipts: ${apiRun.errors} API errors${apiFailure ? ` (first: ${apiFailure})` : ''}, ${sqlRun.errors} SQL errors${sqlRun.firstError ? ` (${sqlRun.firstError})` : ''}; ` +
          `ledger:verify after them: ${discrepancies.length ? `${discrepancies.length} discrepancies` : 'OK'} (${fmtMs(verifyMs)}). ` +
          `API latency median ${fmtMs(apiRun.stats.median)}, SQL transaction median ${fmtMs(sqlRun.stats.median)}; ` +
          `the server process spent ${fmtMs(serverCpuPerReceipt)} of CPU per API receipt.`,
      );
      log(
        `receipts: API ${apiRun.rate.toFixed(0)}/s (${apiRun.errors} errors), SQL ${sqlRun.rate.toFixed(0)}/s; verify ${discrepancies.length}`,
      );
    }

    if (want('invoices')) {
      // ── Invoices from billing through an API token: 8 concurrent clients ──
      const seconds = Number(args['receipt-seconds']) * (quick ? 0.5 : 1);
      const workers = 8;
      const secret = `ctk_live_bench${crypto.randomBytes(16).toString('hex')}`;
      await knex('api_tokens').insert({
        companyId,
        name: `bench ${Date.now()}`,
        prefix: secret.slice(0, 15),
        tokenHash: hashToken(secret),
        scopes: ['documents:write'],
        ratePerMinute: 100000,
        createdBy: db.users.clerk,
      });
      const billing = new ApiClient(base);
      const auth = { Authorization: `Bearer ${secret}` };
      const customerIds = // Consumidores finales in pesos: a Responsable Inscripto bills them class B (RG 1415).
        (
          (await knex('customers')
            .where({ companyId, currency: 'ARS', ivaCondition: 5 })
            .orderBy('id')
            .limit(800)
            .select('id')) as Array<{
            id: number;
          }>
        ).map((c) => c.id);
      // Each path numbers its own point of sale; the numbers go up from what a previous run left.
      const next = async (pointOfSale: number) =>
        Number(
          (
            (await knex('documents')
              .where({ companyId, type: 'FAC', letter: 'B', pointOfSale })
              .max({ n: 'number' })
              .first()) as {
              n: number | null;
            }
          ).n ?? 0,
        );
      let apiNumber = await next(9001);
      let sqlNumber = await next(9002);
      const body = (k: number, number: number) => ({
        customerId: customerIds[k % customerIds.length],
        type: 'FAC',
        letter: 'B',
        pointOfSale: 9001,
        number,
        issueDate: today,
        total: '12100.00',
        externalRef: `bench-9001-${number}`,
      });
      const timed = async (worker: (w: number, k: number) => Promise<boolean>) => {
        const latencies: number[] = [];
        let errors = 0;
        let firstError = '';
        const deadline = performance.now() + seconds * 1000;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: workers }, async (_, w) => {
            for (let k = w; performance.now() < deadline; k += workers) {
              const st = performance.now();
              try {
                if (!(await worker(w, k))) errors++;
              } catch (err) {
                errors++;
                firstError ||= String(err);
              }
              latencies.push(performance.now() - st);
            }
          }),
        );
        const elapsed = (performance.now() - t0) / 1000;
        return { rate: latencies.length / elapsed, stats: stats(latencies), count: latencies.length, errors, firstError };
      };
      let apiFailure = '';
      const apiRun = await timed(async (_w, k) => {
        const res = await billing.post('/api/documents', body(k, ++apiNumber), auth);
        if (res.status !== 201) apiFailure ||= `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        return res.status === 201;
      });
      // The bare SQL path: the documents row alone, one statement on each client's own connection.
      const sqlRun = await timed(async (w, k) => {
        await clients[2 + w].query(
          `INSERT INTO documents (company_id, customer_id, type, letter, point_of_sale, number, issue_date, due_date, currency,
                                  total, open_amount, status, external_ref, created_by)
           VALUES ($1, $2, 'FAC', 'B', 9002, $3, $4, $4, 'ARS', 12100.00, 12100.00, 'posted', $5, $6)`,
          [companyId, customerIds[k % customerIds.length], ++sqlNumber, today, `bench-9002-${sqlNumber}`, db.users.clerk],
        );
        return true;
      });
      // The bare rows skipped the customer figures: they go, so a reused database stays consistent.
      await knex('documents').where({ companyId, type: 'FAC', letter: 'B', pointOfSale: 9002 }).delete();
      rows.push({
        group: 'invoices',
        operation: `invoice intake through an API token (externalRef), ${workers} concurrent clients (${apiRun.count} API / ${sqlRun.count} SQL inserts)`,
        api: `${apiRun.rate.toFixed(0)}/s`,
        apiP95: `p95 ${fmtMs(apiRun.stats.p95)}`,
        sql: `${sqlRun.rate.toFixed(0)}/s`,
        sqlP95: `p95 ${fmtMs(sqlRun.stats.p95)}`,
        ratio: `${((apiRun.rate / sqlRun.rate) * 100).toFixed(0)} %`,
        goal: 'no goal in the SPEC; 0 errors',
        pass: apiRun.errors === 0,
      });
      notes.push(
        `Invoices through a token: ${apiRun.errors} API errors${apiFailure ? ` (first: ${apiFailure})` : ''}, ${sqlRun.errors} SQL errors. ` +
          `Each API invoice locks its customer, checks the externalRef under an advisory lock, recomputes the customer's figures, ` +
          `writes the audit event and the outbox event and answers the full document; the SQL path inserts the row only.`,
      );
      log(`invoices: API ${apiRun.rate.toFixed(0)}/s (${apiRun.errors} errors), SQL ${sqlRun.rate.toFixed(0)}/s`);
    }

    if (want('export')) {
      // ── CSV export of every document ───────────────────────────────────────
      const exportParams = parseListParams({}, documentsResource, 'es');
      const { sql: exportQuery } = exportSql(documentsResource, ctx, exportParams, 'es');
      const serverPid = server.child.pid!;
      const exportRuns = quick ? 1 : 3;
      const apiExports: Array<{ rows: number; ms: number; bytes: number; rssGrowth: number; probes: number[] }> = [];
      const sqlExports: Array<{ rows: number; ms: number }> = [];
      for (let i = 0; i < exportRuns; i++) {
        const rssBefore = rssOf(serverPid);
        let rssPeak = rssBefore;
        const probes: number[] = [];
        let done = false;
        const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(serverPid))), 20);
        const prober = (async () => {
          while (!done) {
            const s = performance.now();
            await manager.get('/api/health');
            await manager.get(listPath('customers', { range: [0, 24] }));
            probes.push(performance.now() - s);
            await new Promise((r) => setTimeout(r, 200));
          }
        })();
        const t0 = performance.now();
        // A plain node:http reader: the bench's own side of the socket should cost as little as COPY's.
        const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
          http
            .get(`${base}/api/documents/export.csv`, { headers: { Cookie: managerCookie(manager) } }, resolve)
            .on('error', reject),
        );
        if (res.statusCode !== 200) throw new Error(`export: ${res.statusCode}`);
        const counted = await countLines(res);
        const ms = performance.now() - t0;
        done = true;
        await prober;
        clearInterval(sampler);
        apiExports.push({ rows: counted.lines - 1, ms, bytes: counted.bytes, rssGrowth: rssPeak - rssBefore, probes });
        // …and right after it the bare COPY, so both see the same machine.
        const s0 = performance.now();
        await sqlA.query('BEGIN READ ONLY');
        await sqlA.query(csvSettingsSql('es').join('; '));
        const stream = sqlA.query(copyTo(copyCsvSql(exportQuery, 'es')));
        const copied = await countLines(stream);
        await sqlA.query('COMMIT');
        sqlExports.push({ rows: copied.lines, ms: performance.now() - s0 });
      }
      const apiRate = stats(apiExports.map((e) => (e.rows / e.ms) * 1000));
      const sqlRate = stats(sqlExports.map((e) => (e.rows / e.ms) * 1000));
      const growth = Math.max(...apiExports.map((e) => e.rssGrowth));
      const probes = stats(apiExports.flatMap((e) => e.probes));
      rows.push({
        group: 'export',
        operation: `CSV export of all documents (${apiExports[0].rows.toLocaleString('en')} rows, ${(apiExports[0].bytes / 1e6).toFixed(0)} MB)`,
        api: `${Math.round(apiRate.median).toLocaleString('en')} rows/s`,
        apiP95: `in ${fmtMs(stats(apiExports.map((e) => e.ms)).median)}`,
        sql: `${Math.round(sqlRate.median).toLocaleString('en')} rows/s`,
        sqlP95: `in ${fmtMs(stats(sqlExports.map((e) => e.ms)).median)}`,
        ratio: `${((apiRate.median / sqlRate.median) * 100).toFixed(0)} %`,
        goal: '≥ 200,000 rows/s, ≥ 70 % of COPY',
        pass: apiRate.median >= 200_000 && apiRate.median >= 0.7 * sqlRate.median,
      });
      rows.push({
        group: 'export',
        operation: 'server memory growth during the export (RSS)',
        api: `${(growth / 1e6).toFixed(0)} MB`,
        goal: '≤ 100 MB',
        pass: growth <= 100e6,
      });
      rows.push({
        group: 'export',
        operation: `health + customer list answered during the export (${probes.n} probes)`,
        api: fmtMs(probes.median),
        apiP95: fmtMs(probes.p95),
        goal: 'answered meanwhile',
        pass: probes.n > 0 && probes.p95 < 1000,
      });
      log(
        `export: API ${Math.round(apiRate.median)} rows/s, COPY ${Math.round(sqlRate.median)} rows/s, RSS +${(growth / 1e6).toFixed(0)} MB`,
      );
    }

    if (want('tenants') && Number(args.tenants) > 1) {
      // ── Many tenants: a small one while the large one exports and posts ────
      const measured = await measureTenants({
        base,
        knex,
        largeCompanyId: companyId,
        largeManager: 'bench_manager',
        largeClerk: 'bench_clerk',
        today,
        password: PASSWORD,
        // A p95 of 40 runs is their second slowest: one stray pause moved it by half. 100 runs (their sixth slowest)
        // still moved a row from 1.3× to 2.0× between two runs of the same tree; 300 runs: their fifteenth slowest.
        runs: n(300),
        load: tenantsLoad,
        clerkPauseMs,
        log,
      });
      rows.push(...measured.rows);
      notes.push(...measured.notes);
    }

    if (want('admin')) {
      // ── Admin ──────────────────────────────────────────────────────────────
      ensureAdminBuilt(log);
      const js = initialJavaScript();
      rows.push({
        group: 'admin',
        operation: `initial JavaScript of index.html (${js.files.length} files, ${(js.bytes / 1e6).toFixed(2)} MB raw)`,
        api: `${(js.gzip / 1024).toFixed(0)} KB gzip`,
        goal: '≤ 1 MB gzipped',
        pass: js.gzip <= 1024 * 1024,
      });
      if (!args['no-browser']) {
        const loads = await firstLoads(base, manager.cookies, quick ? 3 : 7);
        rows.push({
          group: 'admin',
          operation: `first load to an interactive customer list, headless Chromium, cold cache (${loads.stats.n} runs)`,
          api: fmtMs(loads.stats.median),
          apiP95: fmtMs(loads.stats.p95),
          goal: '≤ 2 s',
          pass: loads.stats.p95 <= 2000,
        });
        log(`admin first load: ${fmtMs(loads.stats.median)} / p95 ${fmtMs(loads.stats.p95)} (${loads.rowsShown} rows shown)`);
      }
    }

    load.push(os.loadavg()[0]);
    const table = writeResults(args.out, {
      started,
      load,
      facts: {
        customers: Number(facts.customers),
        documents: Number(facts.documents),
        openItems: Number(facts.openItems),
        applications: Number(facts.applications),
        heavy: heavy.n,
        postgres: String(facts.version).split(' on ')[0],
      },
      generation: db.generation,
      rows,
      notes,
    });
    console.log(`\n${table}\nwritten to ${path.relative(process.cwd(), args.out)}`);
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await server?.stop();
    await db.cleanup();
  }
}

function latencyRow(group: string, operation: string, api: Stats, sql: Stats, goal: string, pass: boolean): Row {
  return {
    group,
    operation,
    api: fmtMs(api.median),
    apiP95: fmtMs(api.p95),
    sql: fmtMs(sql.median),
    sqlP95: fmtMs(sql.p95),
    ratio: `${(api.median / sql.median).toFixed(1)}×`,
    goal,
    pass,
  };
}

/** CPU time (user + system) a process has used, in ms (Linux). */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
