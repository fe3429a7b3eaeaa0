import type { Knex } from 'knex';
import { log } from '../lib/log';

export type DbMode = 'embedded' | 'external';
export type DbState = 'up' | 'down' | 'restarting';

export interface DbStatus {
  mode: DbMode;
  state: DbState;
  /** Times the embedded PostgreSQL was started again after it died. */
  restarts: number;
  /** When the database was last seen unreachable (ISO), if ever. */
  lastOutageAt: string | null;
}

const CHECK_EVERY_MS = 2_000;
const QUERY_TIMEOUT_MS = 3_000;

/**
 * Watches the database the server uses. With an external PostgreSQL it only
 * tells: requests answer 503 with Retry-After while it is unreachable (the
 * error mapper sees to that) and knex's pool drops dead connections and opens
 * new ones when it is back. With the embedded PostgreSQL it also heals: when
 * the postgres process is gone (a crash, a kill), it starts it again on the
 * same port and data folder, so the pool's address stays valid.
 */
export class DbMonitor {
  private state: DbState = 'up';
  private restarts = 0;
  private lastOutageAt: Date | null = null;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly knex: Knex,
    readonly mode: DbMode,
    private readonly embedded?: { alive: () => boolean; restart: () => Promise<void> },
  ) {}

  status(): DbStatus {
    return {
      mode: this.mode,
      state: this.state,
      restarts: this.restarts,
      lastOutageAt: this.lastOutageAt?.toISOString() ?? null,
    };
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A request met a connection error: look now rather than at the next tick. */
  notifyUnavailable(): void {
    void this.check();
  }

  /** One probe (never two at once): restart a dead embedded PostgreSQL, then `select 1`. */
  check(): Promise<void> {
    this.checking ??= this.probe().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async probe(): Promise<void> {
    if (this.embedded && !this.embedded.alive()) {
      this.markDown();
      this.state = 'restarting';
      const started = Date.now();
      log.warn('embedded PostgreSQL is not running: starting it again');
      try {
        await this.embedded.restart();
        this.restarts += 1;
        log.info('embedded PostgreSQL started again', { ms: Date.now() - started, restarts: this.restarts });
      } catch (err) {
        this.state = 'down';
        log.error('embedded PostgreSQL did not start; retrying', { error: err instanceof Error ? err.message : String(err) });
        return;
      }
    }
    try {
      await this.knex.raw('select 1').timeout(QUERY_TIMEOUT_MS, { cancel: false });
      if (this.state !== 'up') log.info('database reachable again');
      this.state = 'up';
    } catch {
      this.markDown();
    }
  }

  private markDown(): void {
    if (this.state === 'up') {
      this.lastOutageAt = new Date();
      log.warn('database unreachable', { mode: this.mode });
    }
    this.state = 'down';
  }
}
