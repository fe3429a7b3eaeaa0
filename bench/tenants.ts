import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import type { Knex } from 'knex';
import { tenantPrefix } from '../seeds/bulk-tenants';
import { ApiClient, fmtMs, listPath, receiptBody, sampleRounds, type Stats } from './measure';
import type { LoadConfig, LoadResult } from './tenant-load';
import { openReceiptJobs } from './sql';
import type { Row } from './results';

/*
 * Many tenants on one server (`npm run bench -- --tenants N`): a small tenant's
 * lists, aging and receipt posting, first on an idle server, then while the large
 * tenant streams its whole documents export in a loop and 8 of its clerks post
 * receipts without pause (`--tenant-pause MS`: each clerk pauses that long between
 * two). Goal: the small tenant's p95 within 1.5× of its idle p95.
 */

export interface TenantsBench {
  base: string;
  knex: Knex;
  /** The large tenant's company and the usernames of its manager (the export) and clerk (the receipts). */
  largeCompanyId: number;
  largeManager: string;
  largeClerk: string;
  today: string;
  password: string;
  runs: number;
  /** What the large tenant does while the small one is measured: its export in a loop, its 8 clerks posting, or both. */
  load: { exports: boolean; receipts: boolean };
  /** Each clerk's pause between two receipts: 0, without pause (the stress case), or a clerk's pace. */
  clerkPauseMs: number;
  log: (line: string) => void;
}

export function tenantLoad(spec: string | undefined): TenantsBench['load'] {
  const parts = (spec ?? 'export,receipts').split(',');
  const unknown = parts.filter((x) => x !== 'export' && x !== 'receipts');
  if (unknown.length || parts.length === 0) throw new Error(`--tenant-load takes export, receipts or both, not ${spec}`);
  return { exports: parts.includes('export'), receipts: parts.includes('receipts') };
}

export function tenantPause(spec: string | undefined): number {
  const ms = Number(spec ?? '0');
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000)
    throw new Error(`--tenant-pause takes milliseconds from 0 to 60000, not ${spec}`);
  return ms;
}

/** Starts the large tenant's load in its own process; `stop()` ends it and answers what it did. */
async function startLoad(config: LoadConfig): Promise<{ stop: () => Promise<LoadResult> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'tenant-load.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the tenant load exited (${code})`)));
    });
  child.stdin.write(JSON.stringify(config) + '\n');
  if ((await next()) !== 'ready') throw new Error('the tenant load did not start');
  return {
    stop: async () => {
      const result = next();
      child.stdin.write('stop\n');
      return JSON.parse(await result) as LoadResult;
    },
  };
}

export async function measureTenants(b: TenantsBench): Promise<{ rows: Row[]; notes: string[] }> {
  const prefix = tenantPrefix(2);
  const small = (await b
    .knex('users')
    .where({ username: `${prefix}_manager` })
    .first('companyId')) as { companyId: number };
  const tenants = Number(((await b.knex('companies').count({ n: '*' }).first()) as { n: string }).n);
  const smallDocuments = Number(
    ((await b.knex('documents').where({ companyId: small.companyId }).count({ n: '*' }).first()) as { n: string }).n,
  );
  const manager = await ApiClient.login(b.base, `${prefix}_manager`, b.password);
  const clerk = await ApiClient.login(b.base, `${prefix}_clerk`, b.password);
  const jobs = await openReceiptJobs(b.knex, small.companyId, b.today, 200);
  if (jobs.length === 0) throw new Error(`tenant ${prefix} has no customer with three open invoices`);
  let k = 0;
  const operations: Array<{ label: string; run: () => Promise<unknown> }> = [
    { label: 'customers, first page', run: () => manager.get(listPath('customers', { range: [0, 24] })) },
    { label: 'documents, first page', run: () => manager.get(listPath('documents', { range: [0, 24] })) },
    { label: 'aging today, first page', run: () => manager.get(`/api/reports/aging?range=${encodeURIComponent('[0,24]')}`) },
    {
      label: 'receipt posting (3 applications)',
      run: async () => {
        const res = await clerk.post('/api/receipts', receiptBody(jobs[k++ % jobs.length], b.today), {
          'Idempotency-Key': crypto.randomUUID(),
        });
        if (res.status !== 201)
          throw new Error(`small tenant's receipt: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      },
    },
  ];
  // Round by round (sampleRounds): every row samples the whole load, not only the stretch its turn fell in (measured
  // one after the other, the first row took the load's first seconds alone, its export and clerks starting up).
  const measureAll = () =>
    sampleRounds(
      b.runs,
      operations.map((op) => op.run),
      3,
    );

  const idle = await measureAll();

  // The large tenant at work, in a process of its own (bench/tenant-load.ts): its export in a loop, 8 clerks posting.
  const load = await startLoad({
    base: b.base,
    manager: b.largeManager,
    clerk: b.largeClerk,
    password: b.password,
    today: b.today,
    jobs: await openReceiptJobs(b.knex, b.largeCompanyId, b.today),
    exports: b.load.exports,
    clerks: b.load.receipts ? 8 : 0,
    pauseMs: b.clerkPauseMs,
  });
  await new Promise((r) => setTimeout(r, 1000)); // the load is running
  const loadStarted = performance.now();
  let loaded: Stats[];
  let done: LoadResult;
  try {
    loaded = await measureAll();
  } finally {
    done = await load.stop();
  }
  const { exports, exported, receipts: largeReceipts, errors: largeErrors } = done;
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const pace = b.clerkPauseMs > 0 ? `, clerks pausing ${b.clerkPauseMs} ms` : '';
  const rows: Row[] = operations.map((op, i) => {
    const ratio = loaded[i].p95 / idle[i].p95;
    return {
      group: 'tenants',
      operation: `small tenant under a large one's load${pace}: ${op.label} (${b.runs} runs)`,
      api: fmtMs(loaded[i].median),
      apiP95: fmtMs(loaded[i].p95),
      sql: fmtMs(idle[i].median),
      sqlP95: fmtMs(idle[i].p95),
      ratio: `p95 ${ratio.toFixed(1)}×`,
      goal: 'p95 ≤ 1.5× idle',
      pass: ratio <= 1.5,
    };
  });
  const notes = [
    `Tenants: ${tenants} companies in the database; the small tenant ${prefix} has ${smallDocuments.toLocaleString('en')} documents. ` +
      `In the "small tenant" rows the API columns are measured under load and the SQL columns hold the same operation on the idle server. ` +
      `During the ${loadSeconds.toFixed(0)} s under load the large tenant exported ${exported.toLocaleString('en')} rows (${exports} whole exports) ` +
      `and posted ${largeReceipts} receipts (${largeErrors} errors) from ${b.load.receipts ? 8 : 0} clients ` +
      `(${b.clerkPauseMs > 0 ? `each pausing ${b.clerkPauseMs} ms between two` : 'without pause'}); that load ran in a process of its own (bench/tenant-load.ts).`,
  ];
  for (const [i, op] of operations.entries())
    b.log(
      `tenant ${op.label}: idle ${fmtMs(idle[i].median)}/${fmtMs(idle[i].p95)}, loaded ${fmtMs(loaded[i].median)}/${fmtMs(loaded[i].p95)}`,
    );
  return { rows, notes };
}
