import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createKnex } from '../../server/src/db/knex';
import { verifyLedger } from '../../server/src/modules/ledger/verify';

/**
 * `ledger:verify` over every worker database the run wrote: whatever the tests did,
 * every invariant it checks must still hold from the raw rows. A discrepancy fails the run.
 */
async function verifyWorkerDatabases(adminUrl: string, runId: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let names: string[];
  try {
    names = (
      await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`ctacte_w%_${runId}`])
    ).rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
  const problems: string[] = [];
  for (const name of names) {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const knex = createKnex(url.toString(), { max: 1 });
    try {
      for (const d of await verifyLedger(knex)) problems.push(`${name}: invariant ${d.invariant} · ${d.subject}: ${d.detail}`);
    } finally {
      await knex.destroy();
    }
  }
  return problems;
}

function recordFailure(problems: string[]): void {
  const file = path.join(__dirname, '..', '..', '.tmp', process.env.CTACTE_JEST_SUMMARY || 'jest-summary.json');
  try {
    const summary = JSON.parse(fs.readFileSync(file, 'utf8')) as { passed: number; failed: number };
    fs.writeFileSync(file, JSON.stringify({ ...summary, failed: summary.failed + 1 }) + '\n');
  } catch {
    // no summary to amend
  }
  console.error(`\nledger:verify after the test run FAILED:\n${problems.join('\n')}`);
}

/** Drops the run's databases (on an external server) or stops the embedded one and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.CTACTE_TEST_RUN;
  const problems =
    process.env.CTACTE_TEST_ADMIN_URL && runId ? await verifyWorkerDatabases(process.env.CTACTE_TEST_ADMIN_URL, runId) : [];
  if (problems.length) recordFailure(problems);
  else console.log('\nledger:verify over the test databases: every invariant holds');
  await cleanUp();
  if (problems.length) throw new Error('ledger:verify found discrepancies in the test databases');
}

async function cleanUp(): Promise<void> {
  const embedded = globalThis.__CTACTE_EMBEDDED__;
  if (embedded) {
    await embedded.db.stop();
    fs.rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env.CTACTE_TEST_ADMIN_URL;
  const runId = process.env.CTACTE_TEST_RUN;
  if (!adminUrl || !runId) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `ctacte_%_${runId}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
