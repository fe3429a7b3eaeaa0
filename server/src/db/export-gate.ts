import crypto from 'node:crypto';
import pg from 'pg';
import { log } from '../lib/log';

/*
 * A streamed export gives way to other companies' requests inside PostgreSQL, not
 * only in Node. Holding the HTTP stream is not enough: the kernel buffers megabytes
 * of a COPY between the database and the API process (tcp_rmem grows to 32 MB
 * here), so the COPY's backend keeps a core busy for a second or more after Node
 * stops reading, and a small company's 20 ms request shares two cores with it.
 *
 * So the export's query passes through a gate: about once every GATE_EVERY rows it
 * calls `export_gate()` (migration 20261208300000), which takes and at once
 * releases a shared advisory lock on the export's own key. While another company
 * has a request running, the API process holds that key exclusively in a
 * transaction on a connection of its own: the COPY waits at its next call, on a
 * lock, using no CPU, and goes on the moment the transaction ends.
 *
 * Always safe: the gate is held at most `maxHoldMs` at a time and then left open
 * for `breatheMs`, so an export always progresses; the holding transaction
 * has idle_in_transaction_session_timeout set, so PostgreSQL ends it if this
 * process stops answering; a holder that fails leaves the gate open for good (the
 * export is then paced in Node only) and logs once. Transaction-scoped only: it
 * works through PgBouncer in transaction mode and on a streaming replica, where
 * advisory locks work as on the primary.
 */

/** The advisory lock class of export gates: negative, so it never meets a company id used as class elsewhere. */
const GATE_CLASS = -7003;

/** The COPY calls the gate once every this many rows on average (random(), so no column is needed). */
export const GATE_EVERY = 256;

/**
 * How long the gate opens after a full hold. Short and rare on purpose: an open window that falls inside another
 * company's request is what that request's p95 pays (the COPY's leader and its parallel workers take both cores). With
 * 2000 ms held and 50 ms open, about 3 % of a back-to-back client's 20 ms requests meet one; with 200 and 50 (the
 * quarter), about 28 % did, and the small tenant's p95 was 1.9–3.1× idle against 1.2–2.0× (bench/RESULTS.md, 12-05).
 * The price: while other companies keep requests running without a pause, an export moves 50 ms in 2050.
 */
export const GATE_BREATHE_MS = 50;

export class ExportGate {
  /** This export's key, random: two exports never share a gate. */
  readonly key = crypto.randomInt(1, 2 ** 31 - 1);
  private client: pg.Client | undefined;
  private wanted = false;
  private held = false;
  private busy = false;
  private failed = false;
  private ended = false;
  private heldSince = 0;
  private openUntil = 0;
  /** Held on until then after the others' last request ended: their next one usually follows within it. */
  private lingerUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  /** The round of settle() under way, if any. */
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    private readonly maxHoldMs: number,
    private readonly lingerMs = Math.round(maxHoldMs / 2),
    private readonly breatheMs = Math.min(GATE_BREATHE_MS, Math.max(1, Math.round(maxHoldMs / 4))),
  ) {}

  /**
   * The export's SELECT (no LIMIT or OFFSET of its own) with the gate in it: the same columns, in the same order.
   * OFFSET 0 keeps the SELECT planned on its own, as it is without the gate (an index-ordered, parallel scan);
   * pulled up, the volatile test would sit below a full sort of every row and turn the plan serial.
   */
  wrap(selectSql: string): string {
    return (
      `SELECT * FROM (${selectSql} OFFSET 0) AS gated ` +
      `WHERE random() >= ${1 / GATE_EVERY} OR export_gate(${GATE_CLASS}, ${this.key})`
    );
  }

  /**
   * Close (others are running) or open the gate; the database follows as soon as it can. Opening waits
   * `lingerMs`: a client's requests come one after the other, and closing again costs a round trip on a busy
   * database (3–25 ms measured under load), most of a 20 ms request.
   */
  hold(wanted: boolean): void {
    if (!wanted && this.wanted && this.lingerMs > 0) {
      this.lingerUntil = Date.now() + this.lingerMs;
      clearTimeout(this.lingerTimer);
      this.lingerTimer = setTimeout(() => void this.settle(), this.lingerMs);
    }
    this.wanted = wanted;
    void this.settle();
  }

  /** Opens the gate for good and closes the holder's connection. */
  async end(): Promise<void> {
    this.ended = true;
    this.wanted = false;
    clearTimeout(this.timer);
    clearTimeout(this.lingerTimer);
    await this.settle(); // the round under way, if any, sees `ended` and opens the gate
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  /** True while the database holds the gate (for tests and logs). */
  get closed(): boolean {
    return this.held;
  }

  private settle(): Promise<void> {
    if (!this.busy && !this.failed) this.current = this.round();
    return this.current;
  }

  private async round(): Promise<void> {
    this.busy = true;
    try {
      for (;;) {
        const now = Date.now();
        const close = (this.wanted || now < this.lingerUntil) && !this.ended && now >= this.openUntil;
        if (close === this.held) break;
        if (close) {
          this.client ??= await this.connect();
          await this.client.query(
            `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${Math.max(1000, this.maxHoldMs * 10)}; ` +
              `SELECT pg_advisory_xact_lock(${GATE_CLASS}, ${this.key})`,
          );
          this.held = true;
          this.heldSince = Date.now();
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.breathe(), this.maxHoldMs);
        } else {
          await this.client!.query('COMMIT');
          this.held = false;
        }
      }
      if ((this.wanted || Date.now() < this.lingerUntil) && !this.held && !this.ended && this.openUntil > Date.now()) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.settle(), this.openUntil - Date.now());
      }
      // Still lingering: the linger's timer fired early by Date.now() (see breathe), so wake again when it is over.
      if (this.held && !this.wanted && !this.ended && Date.now() < this.lingerUntil) {
        clearTimeout(this.lingerTimer);
        this.lingerTimer = setTimeout(() => void this.settle(), this.lingerUntil - Date.now());
      }
    } catch (err) {
      this.failed = true;
      this.held = false;
      log.warn(`export gate off for this export (it goes on, paced in Node only): ${(err as Error).message}`);
      await this.client?.end().catch(() => undefined);
      this.client = undefined;
    } finally {
      this.busy = false;
    }
    // A change that came while this ran.
    const wanted = this.wanted || Date.now() < this.lingerUntil;
    if (!this.failed && !this.ended && wanted !== this.held && !(wanted && this.openUntil > Date.now())) void this.settle();
  }

  /** Held for maxHoldMs: open for breatheMs, so the export always moves. */
  private breathe(): void {
    if (!this.held) return;
    // A timer may fire a few milliseconds early by Date.now() (libuv starts it from the loop's cached time, which a
    // long synchronous task leaves stale): then wait out the rest, or the gate would stay shut until PostgreSQL
    // ends the idle holder, and this process would go on believing it held.
    const left = this.maxHoldMs - (Date.now() - this.heldSince);
    if (left > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.breathe(), left);
      return;
    }
    this.openUntil = Date.now() + this.breatheMs;
    void this.settle();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'ctacte-export-gate' });
    // The holder's session ended under it (PostgreSQL's idle timeout, a restart): the lock went with it, so the
    // gate is open; it stays open for good, as when it cannot connect.
    client.on('error', (err) => {
      if (this.client !== client || this.failed) return;
      this.failed = true;
      this.held = false;
      this.client = undefined;
      log.warn(`export gate off for this export (it goes on, paced in Node only): ${err.message}`);
    });
    await client.connect();
    return client;
  }
}
