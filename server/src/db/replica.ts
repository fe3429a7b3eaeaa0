import type { Knex } from 'knex';
import { createKnex } from './knex';
import { log } from '../lib/log';

/** A write-ahead-log position ('16/B374D848') as a number that compares. */
export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  if (!/^[0-9A-Fa-f]{1,8}$/.test(hi ?? '') || !/^[0-9A-Fa-f]{1,8}$/.test(lo ?? '')) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export interface ReplicaStatus {
  /** What the replica has replayed. */
  replayLsn: bigint;
  /** How far behind the primary it is: 0 when it has replayed everything the primary has written. */
  lagMs: number;
}

export type ReplicaState = 'none' | 'ok' | 'lagging' | 'down';

export interface Reader {
  knex: Knex;
  /** For the COPY exports, which open a connection of their own. */
  url: string;
  source: 'primary' | 'replica';
}

export interface ReadRouterOptions {
  primary: { knex: Knex; url: string };
  replica?: { knex: Knex; url: string };
  maxLagMs: number;
  /** How often the replica is asked how far it is; 0 = only when refresh() is called. */
  pollMs?: number;
  /** Measures the replica; by default asks both servers (see measureReplica). */
  probe?: () => Promise<ReplicaStatus>;
}

/**
 * Sends read-only work (reports, lists, exports) to a streaming replica when it is
 * up and close behind, and everything else to the primary. Read-your-writes: a
 * session that wrote carries the primary's WAL position after its commit, and
 * reads from the primary until the replica has replayed past it. A replica that
 * is down or lags past `maxLagMs` sends every read to the primary; each change of
 * state is logged once.
 */
export class ReadRouter {
  private state: ReplicaState;
  private status: ReplicaStatus | undefined;
  private reason = '';
  private timer: NodeJS.Timeout | undefined;
  private readonly probe: (() => Promise<ReplicaStatus>) | undefined;

  constructor(private readonly opts: ReadRouterOptions) {
    this.state = opts.replica ? 'down' : 'none';
    this.probe = opts.replica ? (opts.probe ?? (() => measureReplica(opts.primary.knex, opts.replica!.knex))) : undefined;
    if (opts.replica && opts.pollMs) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), opts.pollMs);
      this.timer.unref();
    }
  }

  get hasReplica(): boolean {
    return !!this.opts.replica;
  }

  /** The replica's state for /api/health. */
  health(): { state: ReplicaState; lagMs?: number } {
    return this.status && this.state !== 'none' && this.state !== 'down'
      ? { state: this.state, lagMs: Math.round(this.status.lagMs) }
      : { state: this.state };
  }

  /** Measures the replica again and logs a change of state once. */
  async refresh(): Promise<ReplicaState> {
    if (!this.probe) return this.state;
    let next: ReplicaState;
    try {
      this.status = await this.probe();
      next = this.status.lagMs > this.opts.maxLagMs ? 'lagging' : 'ok';
      this.reason = next === 'lagging' ? `${Math.round(this.status.lagMs)} ms behind (limit ${this.opts.maxLagMs})` : '';
    } catch (err) {
      this.status = undefined;
      next = 'down';
      this.reason = err instanceof Error ? err.message : String(err);
    }
    if (next !== this.state) {
      if (next === 'ok') log.info('replica in use for reads', { previous: this.state });
      else log.warn('replica not used: reads fall back to the primary', { state: next, reason: this.reason });
      this.state = next;
    }
    return this.state;
  }

  /** Where a read-only request goes; `wroteAt` is the WAL position of the session's last write, if any. */
  async reader(wroteAt?: string): Promise<Reader> {
    const primary: Reader = { ...this.opts.primary, source: 'primary' };
    if (!this.opts.replica || this.state !== 'ok' || !this.status) return primary;
    if (wroteAt) {
      let needed: bigint;
      try {
        needed = parseLsn(wroteAt);
      } catch {
        return primary;
      }
      // Not replayed yet as far as the last measure knows: ask once more before giving up on the replica.
      if (this.status.replayLsn < needed && ((await this.refresh()) !== 'ok' || this.status.replayLsn < needed)) return primary;
    }
    return { ...this.opts.replica, source: 'replica' };
  }

  /** The primary's WAL position now: after a commit, at or past that commit. */
  async primaryPosition(): Promise<string> {
    const { rows } = await this.opts.primary.knex.raw<{ rows: Array<{ lsn: string }> }>(
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    return rows[0].lsn;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.opts.replica) await this.opts.replica.knex.destroy();
  }
}

/** The replica's replay position, and its lag: none when it has replayed all the primary wrote. */
export async function measureReplica(primary: Knex, replica: Knex): Promise<ReplicaStatus> {
  const [p, r] = await Promise.all([
    primary.raw<{ rows: Array<{ lsn: string }> }>('SELECT pg_current_wal_lsn()::text AS lsn'),
    replica.raw<{ rows: Array<{ standby: boolean; replay: string | null; idleMs: number | null }> }>(
      `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay,
              (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS idle_ms`,
    ),
  ]);
  const row = r.rows[0];
  if (!row.standby || !row.replay) throw new Error('DATABASE_REPLICA_URL is not a streaming replica (not in recovery)');
  const replayLsn = parseLsn(row.replay);
  const caughtUp = replayLsn >= parseLsn(p.rows[0].lsn);
  // Behind: as old as the last transaction it replayed (the usual replication-lag measure).
  return { replayLsn, lagMs: caughtUp ? 0 : (row.idleMs ?? Number.POSITIVE_INFINITY) };
}

/** A router for DATABASE_REPLICA_URL (if set), polling the replica every second. */
export function openReadRouter(
  primary: { knex: Knex; url: string },
  replicaUrl: string | undefined,
  maxLagMs: number,
): ReadRouter {
  return new ReadRouter({
    primary,
    replica: replicaUrl ? { knex: createKnex(replicaUrl), url: replicaUrl } : undefined,
    maxLagMs,
    pollMs: 1000,
  });
}
