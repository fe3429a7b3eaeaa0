import fs from 'node:fs';
import pg from 'pg';

/** Drops the run's databases (on an external server) or stops the embedded one and removes its folder. */
export default async function globalTeardown(): Promise<void> {
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
