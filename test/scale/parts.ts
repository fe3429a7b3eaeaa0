import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The real scale-out parts from Debian's packages — PostgreSQL 15 (primary and a
 * streaming replica made by pg_basebackup), PgBouncer 1.18, HAProxy 2.6 — run on
 * loopback ports under a throw-away folder. PostgreSQL and PgBouncer refuse to
 * run as root, so they run as the `postgres` system user the package creates.
 */
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PG_USER = 'postgres';
export const PG_PASSWORD = 'ctacte';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Installs postgresql, pgbouncer and haproxy with apt when one is missing (CI starts from a bare image). */
export function ensurePackages(): void {
  const missing = [
    [path.join(PG_BIN, 'pg_basebackup'), 'postgresql'],
    ['/usr/sbin/pgbouncer', 'pgbouncer'],
    ['/usr/sbin/haproxy', 'haproxy'],
  ].filter(([file]) => !fs.existsSync(file));
  if (!missing.length) return;
  const names = missing.map(([, pkg]) => pkg);
  console.log(`installing ${names.join(', ')} with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...names],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

function systemUser(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${PG_USER}:`));
  if (!line) throw new Error(`no ${PG_USER} system user (is the postgresql package installed?)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A throw-away folder the postgres user owns. */
export function workDir(prefix: string): string {
  const base = path.join(os.tmpdir(), 'ctacte-scale');
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  fs.chmodSync(base, 0o755);
  const dir = fs.mkdtempSync(path.join(base, `${prefix}-`));
  fs.chmodSync(dir, 0o755);
  const { uid, gid } = systemUser();
  fs.chownSync(dir, uid, gid);
  return dir;
}

function asPostgres(cmd: string, args: string[], opts: { quiet?: boolean } = {}): void {
  const { uid, gid } = systemUser();
  const r = spawnSync(cmd, args, { uid, gid, encoding: 'utf8', cwd: '/tmp' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
  if (!opts.quiet && r.stdout.trim()) console.log(r.stdout.trim());
}

export interface Postgres {
  port: number;
  dataDir: string;
  url: (database?: string) => string;
  stop: (mode?: 'fast' | 'immediate') => void;
  start: () => void;
}

function pgHandle(dataDir: string, port: number, logFile: string): Postgres {
  return {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: (mode = 'fast') => {
      try {
        asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop'], { quiet: true });
      } catch {
        // already stopped
      }
    },
    start: () => asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', 'start'], { quiet: true }),
  };
}

/** A primary that accepts replication connections from loopback. */
export async function startPrimary(dir: string, opts: { fast?: boolean } = {}): Promise<Postgres> {
  const dataDir = path.join(dir, 'primary');
  const port = await freePort();
  const pwFile = path.join(dir, 'pw');
  fs.writeFileSync(pwFile, PG_PASSWORD);
  const { uid, gid } = systemUser();
  fs.chownSync(pwFile, uid, gid);
  asPostgres(
    path.join(PG_BIN, 'initdb'),
    ['-D', dataDir, '-U', PG_USER, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'],
    { quiet: true },
  );
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'wal_level = replica',
    'max_wal_senders = 4',
    'hot_standby = on',
    'max_connections = 200',
    'shared_buffers = 64MB',
    ...(opts.fast ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'] : []),
  ];
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), conf.join('\n') + '\n');
  fs.appendFileSync(path.join(dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 scram-sha-256\n');
  const pg = pgHandle(dataDir, port, path.join(dir, 'primary.log'));
  pg.start();
  return pg;
}

/** A hot-standby replica streaming from `primary`, made with pg_basebackup. */
export async function startReplica(dir: string, primary: Postgres): Promise<Postgres> {
  const dataDir = path.join(dir, 'replica');
  const port = await freePort();
  const { uid, gid } = systemUser();
  const env = { ...process.env, PGPASSWORD: PG_PASSWORD };
  const r = spawnSync(
    path.join(PG_BIN, 'pg_basebackup'),
    ['-h', '127.0.0.1', '-p', String(primary.port), '-U', PG_USER, '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast'],
    { uid, gid, env, encoding: 'utf8', cwd: '/tmp' },
  );
  if (r.status !== 0) throw new Error(`pg_basebackup failed: ${r.stderr}`);
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `port = ${port}\nunix_socket_directories = '${dir}'\n`);
  const pg = pgHandle(dataDir, port, path.join(dir, 'replica.log'));
  pg.start();
  return pg;
}

export interface Pgbouncer {
  port: number;
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

/** PgBouncer in transaction mode in front of `upstream`, for any database name. */
export async function startPgbouncer(dir: string, upstream: Postgres, opts: { poolSize?: number } = {}): Promise<Pgbouncer> {
  const port = await freePort();
  const ini = path.join(dir, 'pgbouncer.ini');
  const users = path.join(dir, 'userlist.txt');
  fs.writeFileSync(users, `"${PG_USER}" "${PG_PASSWORD}"\n`);
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${upstream.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      'auth_type = scram-sha-256',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      `default_pool_size = ${opts.poolSize ?? 20}`,
      'max_client_conn = 1000',
      // node-pg sends it at connect; PgBouncer would otherwise refuse the connection.
      'ignore_startup_parameters = extra_float_digits',
      'admin_users = postgres',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    ].join('\n') + '\n',
  );
  const { uid, gid } = systemUser();
  for (const f of [ini, users]) fs.chownSync(f, uid, gid);
  const child = spawn('/usr/sbin/pgbouncer', [ini], { uid, gid, stdio: 'ignore', cwd: '/tmp' });
  await waitForPort(port, () => child.exitCode !== null);
  return {
    port,
    url: (database = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => stopChild(child),
  };
}

export async function waitForPort(port: number, failed: () => boolean = () => false, timeoutMs = 30000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (failed()) throw new Error(`the process meant to listen on ${port} exited`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
