import pg from 'pg';
import type { Knex } from 'knex';
import { createKnex } from '../../server/src/db/knex';
import { watchCompanyScope } from './company-guard';

let knex: Knex | undefined;
let appKnex: Knex | undefined;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function workerDatabaseName(): string {
  return `ctacte_w${process.env.JEST_WORKER_ID ?? '1'}_${process.env.CTACTE_TEST_RUN}`;
}

export function workerDatabaseUrl(): string {
  return withDatabase(process.env.CTACTE_TEST_ADMIN_URL!, workerDatabaseName());
}

/** This worker's database, cloned from the migrated template the first time a test file of the worker asks. */
export async function testKnex(): Promise<Knex> {
  if (knex) return knex;
  const admin = new pg.Client({ connectionString: process.env.CTACTE_TEST_ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [workerDatabaseName()]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${workerDatabaseName()} TEMPLATE ${process.env.CTACTE_TEST_TEMPLATE}`);
    }
  } finally {
    await admin.end();
  }
  knex = createKnex(workerDatabaseUrl(), { max: 10 });
  return knex;
}

/**
 * The test app's own pool, apart from the one tests use for direct SQL, so that the
 * company-scope guard (test/support/company-guard.ts) watches only the server's statements.
 * Two jest workers × (10 + 20) stay well under PostgreSQL's default max_connections (100).
 */
export async function testAppKnex(): Promise<Knex> {
  if (appKnex) return appKnex;
  await testKnex();
  appKnex = createKnex(workerDatabaseUrl(), { max: 20 });
  watchCompanyScope(appKnex);
  return appKnex;
}

export async function closeTestKnex(): Promise<void> {
  if (appKnex) {
    const k = appKnex;
    appKnex = undefined;
    await k.destroy();
  }
  if (knex) {
    const k = knex;
    knex = undefined;
    await k.destroy();
  }
}
