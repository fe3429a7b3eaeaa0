import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Knex } from 'knex';
import pg from 'pg';
import type { ReceiptJob } from './sql';

/** Latency samples in milliseconds and what the bench reports of them. */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times one after the other. */
export async function sample(n: number, fn: () => Promise<unknown>, warmup = 3): Promise<Stats> {
  return (await sampleRounds(n, [fn], warmup))[0];
}

/**
 * Times several operations round by round, each once per round (`warmup` rounds untimed first): every operation's
 * samples spread over the same stretch of time, so a load that changes meanwhile weighs on all of them alike.
 */
export async function sampleRounds(n: number, fns: Array<() => Promise<unknown>>, warmup = 3): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < n; i++)
    for (const [k, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      times[k].push(performance.now() - started);
    }
  return times.map(stats);
}

export const fmtMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;

/** A logged-in API session, as the admin holds it: cookies and the CSRF token. */
export class ApiClient {
  constructor(
    readonly base: string,
    private cookie = '',
    private csrf = '',
  ) {}

  static async login(base: string, username: string, password: string): Promise<ApiClient> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new ApiClient(base, cookie, ((await res.json()) as { csrfToken: string }).csrfToken);
  }

  get cookies(): Array<{ name: string; value: string }> {
    return this.cookie.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1) };
    });
  }

  /** GET that reads the whole body; throws unless 200. */
  async get(path: string): Promise<{ body: Buffer; headers: Headers }> {
    const res = await fetch(`${this.base}${path}`, { headers: { Cookie: this.cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
    return { body, headers: res.headers };
  }

  async json<T>(path: string): Promise<T> {
    return JSON.parse((await this.get(path)).body.toString('utf8')) as T;
  }

  async post(path: string, payload: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrf, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }
}

/** A list URL as ra-data-simple-rest builds it. */
export function listPath(resource: string, q: { sort?: [string, string]; range?: [number, number]; filter?: object }): string {
  const params = new URLSearchParams();
  if (q.sort) params.set('sort', JSON.stringify(q.sort));
  if (q.range) params.set('range', JSON.stringify(q.range));
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  return `/api/${resource}?${params.toString()}`;
}

export interface Statement {
  sql: string;
  bindings: unknown[];
}

/**
 * Records the SQL a piece of server code sends (knex's `query` event), so the
 * bench can replay exactly those statements on a bare connection.
 */
export async function captureSql(knex: Knex, fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.off('query', listener);
  }
  return seen.map((s) => ({ sql: toNative(s.sql), bindings: s.bindings }));
}

/** knex's `?` placeholders to PostgreSQL's `$n` (knex already emits `$n` for pg; this covers raw text). */
function toNative(sql: string): string {
  if (/\$\d/.test(sql)) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Bare connections for the SQL side, with the server's session settings (Argentine time). */
export async function sqlClients(url: string, n: number): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'ctacte-bench' });
      await c.connect();
      await c.query(`SET TIME ZONE 'America/Argentina/Buenos_Aires'`);
      return c;
    }),
  );
}

/** Resident memory of a process, in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : NaN;
}

/** A receipt's body: a transfer of 3.00 applied 1.00 to each of the job's three documents. */
export function receiptBody(job: ReceiptJob, issueDate: string) {
  return {
    customerId: job.customerId,
    issueDate,
    payments: [
      { method: 'transfer', amount: '3.00', bankId: job.bankId, reference: `TRF ${crypto.randomBytes(4).toString('hex')}` },
    ],
    applications: job.documentIds.map((documentId) => ({ documentId, amount: '1.00' })),
  };
}

export function managerCookie(client: ApiClient): string {
  return client.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Counts the lines and bytes of a stream (an export read through). */
export async function countLines(stream: AsyncIterable<Uint8Array | Buffer>): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += buf.length;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
  }
  return { lines, bytes };
}
