import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded, type EmbeddedDb } from '../../server/src/db/embedded';
import { createKnex, migrateLatest } from '../../server/src/db/knex';

declare global {
  var __CTACTE_EMBEDDED__: { db: EmbeddedDb; dir: string } | undefined;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One PostgreSQL for the run: the embedded one in a temporary folder unless
 * DATABASE_URL names a server. Migrations run once, into a template database
 * that each jest worker clones (see test/support/db.ts).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const base = path.join(os.tmpdir(), 'ctacte-test');
    fs.mkdirSync(base, { recursive: true, mode: 0o755 });
    fs.chmodSync(base, 0o755);
    const dir = fs.mkdtempSync(path.join(base, 'run-'));
    fs.chmodSync(dir, 0o755);
    const db = await startEmbedded(path.join(dir, 'pg'), { fast: true });
    globalThis.__CTACTE_EMBEDDED__ = { db, dir };
    adminUrl = db.url('postgres');
  }
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `ctacte_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const knex = createKnex(withDatabase(adminUrl, template), { max: 1 });
  try {
    await migrateLatest(knex);
  } finally {
    await knex.destroy();
  }
  // A template is cloned only while nobody is connected to it; a pooler (PgBouncer) keeps its server
  // connection to the template open after the migrations, so close it from the server's side.
  const closer = new pg.Client({ connectionString: adminUrl });
  await closer.connect();
  try {
    await closer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [template]);
  } finally {
    await closer.end();
  }
  process.env.CTACTE_TEST_ADMIN_URL = adminUrl;
  process.env.CTACTE_TEST_TEMPLATE = template;
  process.env.CTACTE_TEST_RUN = runId;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
}
