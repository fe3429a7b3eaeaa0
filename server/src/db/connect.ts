import path from 'node:path';
import type { Knex } from 'knex';
import { createKnex, migrateLatest } from './knex';
import { startEmbedded, type EmbeddedDb } from './embedded';
import { DbMonitor } from './monitor';
import type { AppConfig } from '../config';
import { log } from '../lib/log';

export interface Database {
  knex: Knex;
  url: string;
  embedded: EmbeddedDb | undefined;
  /** Watches the database; heals the embedded one (see monitor.ts). Started by the server, not here. */
  monitor: DbMonitor;
  close: () => Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL with its data under
 * `<dataDir>/pg`. Migrations run every time.
 */
export async function openDatabase(config: AppConfig, opts: { migrate?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbedded(path.join(config.dataDir, 'pg'), {
      log: (line) => {
        // Ctrl-C reaches postgres too; its goodbye to open connections is expected, not news.
        if (/FATAL|PANIC|ERROR/.test(line) && !/administrator command/.test(line)) log.warn('postgres', { line: line.trim() });
      },
    });
    await embedded.createDatabase('ctacte');
    url = embedded.socketUrl('ctacte');
    log.info('embedded PostgreSQL started', {
      port: embedded.port,
      ms: Date.now() - started,
      dataDir: path.join(config.dataDir, 'pg'),
    });
  }
  const knex = createKnex(url);
  try {
    if (opts.migrate !== false) {
      const applied = await migrateLatest(knex);
      if (applied.length) log.info('migrations applied', { migrations: applied });
    }
  } catch (err) {
    await knex.destroy();
    await embedded?.stop();
    throw err;
  }
  let closed = false;
  const monitor = new DbMonitor(knex, embedded ? 'embedded' : 'external', embedded);
  return {
    knex,
    url,
    embedded,
    monitor,
    async close() {
      if (closed) return;
      closed = true;
      monitor.stop();
      await knex.destroy();
      await embedded?.stop();
    },
  };
}
