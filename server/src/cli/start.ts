import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { loadConfig, ROOT_DIR } from '../config';
import { openDatabase } from '../db/connect';
import { createApp, ADMIN_DIST } from '../app/app';
import { seedDemo, DEMO_USERS, DEMO_PASSWORD } from '../../../seeds/demo';
import { purgeExpired } from '../modules/auth';
import { log, setLogLevel } from '../lib/log';
import { startWorker, workerOptionsFromEnv } from '../modules/integrations';
import { emitBrokenPromises } from '../modules/collections';

/** Builds the admin once when its bundle is missing (a fresh clone). */
function ensureAdminBuilt(): void {
  if (fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) return;
  log.info('building the admin (first start)…');
  const vite = path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The admin build failed');
}

/** Starts the API (and, unless in development, the built admin) until SIGINT/SIGTERM. */
export async function serve(opts: { serveAdmin: boolean; onStop?: () => void }): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  if (opts.serveAdmin) ensureAdminBuilt();
  const db = await openDatabase(config);
  if (db.embedded) {
    const { created } = await seedDemo(db.knex);
    if (created) log.info('demo data created');
  }
  await purgeExpired(db.knex);
  const app = createApp({
    knex: db.knex,
    databaseUrl: db.url,
    sessionSecret: config.sessionSecret,
    sessionHours: config.sessionHours,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    serveAdmin: opts.serveAdmin,
    dbMonitor: db.monitor,
  });
  db.monitor.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  // The webhook worker runs in this process unless the deployment runs it apart (npm run worker).
  const worker =
    process.env.CTACTE_WORKER === 'off'
      ? undefined
      : startWorker(db.knex, { ...workerOptionsFromEnv(), producers: [emitBrokenPromises] });
  log.info(`ctacte listening on http://localhost:${config.port}`, {
    demoUsers: db.embedded ? [...DEMO_USERS.map((u) => u.username as string), 'admin2'] : undefined,
    demoPassword: db.embedded ? DEMO_PASSWORD : undefined,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    opts.onStop?.();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await worker?.stop();
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  serve({ serveAdmin: true }).catch((err: unknown) => {
    log.error('start failed', { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}
