import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** True when running the build (`npm run build` → `dist/`) with plain node, not the TypeScript sources. */
export const COMPILED = path.extname(__filename) === '.js';

/** The project folder; the build lives one level down, in `dist/server/src`. */
export const ROOT_DIR = path.resolve(__dirname, '..', '..', ...(COMPILED ? ['..'] : []));

/** Where the migrations (and their extension) are for this way of running. */
export const MIGRATIONS_DIR = COMPILED ? path.join(ROOT_DIR, 'dist', 'migrations') : path.join(ROOT_DIR, 'migrations');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  /** A streaming replica for read-only work (reports, lists, exports). */
  replicaUrl: string | undefined;
  /** Past this lag the replica is not used and reads go to the primary. */
  replicaMaxLagMs: number;
  dataDir: string;
  sessionSecret: string;
  logLevel: LogLevel;
  /** Express "trust proxy" setting, so rate limits see the client address behind a load balancer. */
  trustProxy: string | number | boolean;
  /** Session lifetime in hours (sliding). */
  sessionHours: number;
  secureCookies: boolean;
  /** How long SIGTERM waits for requests in flight (a long export) before cutting them. */
  shutdownGraceMs: number;
  tenantMaxConcurrency: number;
  /** TENANT_REST_RATIO (http/tenant-share.ts, REST_RATIO when unset); 0 turns the rest off. */
  tenantRestRatio?: number;
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}

function nonNegativeNumber(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.CTACTE_DATA_DIR ?? path.join(ROOT_DIR, '.data'));
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagMs: Number(env.REPLICA_MAX_LAG_MS ?? 5000),
    dataDir,
    sessionSecret: env.SESSION_SECRET || readOrCreateSecret(dataDir),
    logLevel,
    // A hop count ("1"), true, or addresses/subnets ("loopback, 10.0.0.0/8").
    trustProxy: !env.TRUST_PROXY
      ? false
      : /^\d+$/.test(env.TRUST_PROXY)
        ? Number(env.TRUST_PROXY)
        : env.TRUST_PROXY === 'true'
          ? true
          : env.TRUST_PROXY,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    // Production runs behind HTTPS: Secure cookies unless SECURE_COOKIES=false says otherwise.
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 30000),
    // Requests of one company running at once in this process (http/tenant-share.ts); half the pool of 10.
    tenantMaxConcurrency: Number(env.TENANT_MAX_CONCURRENCY ?? 5),
    tenantRestRatio:
      env.TENANT_REST_RATIO === undefined ? undefined : nonNegativeNumber('TENANT_REST_RATIO', env.TENANT_REST_RATIO),
  };
}
