import os from 'node:os';
import type { RequestHandler, Response } from 'express';
import { AppError } from './errors';

/*
 * Many companies share one API process. Without a limit, one company's burst (its
 * whole documents export streaming while eight clerks post receipts) takes every
 * database connection of the pool and most of the event loop, and a small company's
 * list waits behind it. Here:
 *
 * - A company alone on the process runs up to `perCompany` requests at a time.
 * - While other companies have work, the share is split, and what is split is the
 *   machine's cores, not the pool: each company runs at most min(perCompany, cores) ÷
 *   (companies with work), at least one. More requests running than cores only makes
 *   each slower (two cores serve two requests; a third waits inside PostgreSQL for a
 *   core), and the waiting then falls on whoever has the least running: the small
 *   company's one request behind the large company's several. A company "has work" while a
 *   request of it runs or waits, and for `activeWindowMs` after its last one ends: a
 *   clerk's requests come one after the other, with a pause between them, and without
 *   that memory the large company would refill every slot in each pause, so that each
 *   of the small company's requests found the share already taken. The requests a
 *   company already runs finish; its next ones wait until its share has room. The
 *   share grows back when the others have been idle for the window: it is
 *   work-conserving.
 * - A company with a backlog (requests waiting beyond its share) steps back for the
 *   companies without one: when one of its requests ends while such a company has a
 *   request running (or ended one within LIGHT_LINGER_MS), its next request rests
 *   `restRatio` times as long as that one took (REST_RATIO, 2; at most REST_MAX_MS),
 *   or until the others have been idle for LIGHT_LINGER_MS. Without the rest, its one
 *   request at a time keeps a core busy without a pause, and on two cores the other
 *   company's requests wait in the run queue behind it and the rest of the machine
 *   (the API, the database, the clients). It costs the busy company up to two thirds of
 *   its pace while another company works, and nothing when none does; two companies
 *   with backlogs share as before. Measured in bench/RESULTS.md (12-05, "Many tenants").
 * - Waiting requests start in arrival order within their company. A company whose
 *   queue is full answers 503 with Retry-After (clients retry, as they do for a
 *   pool restart); a request whose client hangs up while waiting leaves the queue.
 * - A streamed export is the lowest priority: `res.locals.yieldToOthers()` (handed
 *   to the CSV stream) holds the stream while another company has a request running
 *   (at most YIELD_MS at a time), and `res.locals.contention` tells the export's gate
 *   (db/export-gate.ts) to hold its COPY inside PostgreSQL meanwhile, so the COPY and
 *   the process step aside for the short requests instead of sharing two cores with
 *   them. The first call of `yieldToOthers` also
 *   gives the company's slot back (the stream reads on its own connection, not the
 *   pool's), so the company's clerks do not wait behind its export; at most
 *   `perCompany` exports of a company stream outside the share at once, the next keep
 *   their slot.
 *
 * Per process: with several API processes each keeps its own share (the database
 * pool is per process too). TENANT_MAX_CONCURRENCY sets perCompany (0 turns it off).
 */

export interface TenantShareOptions {
  /** Requests of one company running at once while it is alone. */
  perCompany: number;
  /** Requests of one company waiting; beyond it, 503. */
  maxQueue?: number;
  /** The longest an export holds its stream in one turn (default YIELD_MS). */
  yieldMs?: number;
  /** The longest an export's gate holds its COPY in one turn (default GATE_HOLD_MS). */
  gateHoldMs?: number;
  /** How long a company still counts as having work after its last request ends (default ACTIVE_WINDOW_MS). */
  activeWindowMs?: number;
  /** The cores shared between companies with work (default: this machine's, `os.availableParallelism()`). */
  cores?: number;
  /** A company with a backlog rests this many times as long as its request took (default REST_RATIO; 0: never). */
  restRatio?: number;
  /** The longest a company with a backlog rests after a request (default REST_MAX_MS; 0: never). */
  restMaxMs?: number;
  /** How long a company without a backlog still counts as working after its request (default LIGHT_LINGER_MS). */
  lightLingerMs?: number;
}

export const TENANT_BUSY_RETRY_AFTER_SECONDS = 1;

/** The longest an export holds its stream in one turn, so it always progresses. */
export const YIELD_MS = 200;

/** The longest an export's COPY waits at its gate in one turn (db/export-gate.ts), then it runs for GATE_BREATHE_MS. */
export const GATE_HOLD_MS = 2000;

/** How long a company counts as having work after its last request: longer than a clerk's pause between two requests. */
export const ACTIVE_WINDOW_MS = 1000;

/**
 * How long a company with a backlog rests after a request, in multiples of the time the request took, while a company
 * without one works: it then runs at most a third of the time. Measured on two cores, the small company's p95 against
 * idle with the large one's eight clerks posting without pause and its export, 300 rounds a run: no rest 1.5–2.0×
 * (0 of 3 runs met all four goals); 1, up to half the pace, 1.0–1.6× (5 of 8); 2, 1.0–1.5× (7 of 7). The large
 * company's receipts meanwhile: about 760, 340 and 230 a run (bench/RESULTS.md, 12-05 15:05–15:40).
 */
export const REST_RATIO = 2;

/** The longest a company with a backlog rests after one of its requests while a company without one works. */
export const REST_MAX_MS = 1000;

/**
 * A company without a backlog still counts as working this long after its request ends: the next request of a
 * client working through a list follows within a few milliseconds, and a rest that ended in that gap would put the
 * busy company's next request beside it.
 */
export const LIGHT_LINGER_MS = 50;

interface Share {
  running: number;
  waiting: Array<() => void>;
  /** A company with a backlog rests until then while a company without one works (see the rest above). */
  restUntil: number;
}

/** Tells a streamed export when another company has a request running, so it can step aside in the database too. */
export interface Contention {
  /** `listener(true)` when another company starts running a request, `false` when none runs; returns the unsubscribe. */
  watch: (listener: (othersRunning: boolean) => void) => () => void;
  /** The longest the export should stand still in one turn. */
  maxHoldMs: number;
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** Resolves when no other company has a request running (or after YIELD_MS); undefined when nothing to wait for. */
    yieldToOthers?: () => Promise<void> | undefined;
    /** See Contention: set by the fair share for every request of a company. */
    contention?: Contention;
  }
}

export function tenantShare(opts: TenantShareOptions): RequestHandler {
  const maxQueue = opts.maxQueue ?? 500;
  const activeWindowMs = opts.activeWindowMs ?? ACTIVE_WINDOW_MS;
  const restRatio = opts.restRatio ?? REST_RATIO;
  const restMaxMs = opts.restMaxMs ?? REST_MAX_MS;
  const lightLingerMs = opts.lightLingerMs ?? LIGHT_LINGER_MS;
  /** The last two companies without a backlog whose request ended, and when: the latest other than a given one. */
  let lightEnded = { companyId: 0, at: 0 };
  let lightEndedBefore = { companyId: 0, at: 0 };
  let restTimer: NodeJS.Timeout | undefined;
  let restTimerAt = Infinity;
  /** Companies with a request running or waiting, and only those. */
  const shares = new Map<number, Share>();
  /** Exports streaming outside their company's share, by company. */
  const streams = new Map<number, number>();
  /** Companies without a request now, by when their last one ended, while that is within the window. */
  const recent = new Map<number, number>();
  let expiry: NodeJS.Timeout | undefined;
  let runningTotal = 0;
  const yielding: Array<{ companyId: number; resume: () => void }> = [];
  /** Streamed exports watching whether other companies run requests (see Contention), with what each was last told. */
  const watchers = new Set<{ companyId: number; listener: (othersRunning: boolean) => void; told: boolean }>();

  /** Forgets the companies idle for longer than the window; returns when the next one expires. */
  const prune = (now: number): number | undefined => {
    let next: number | undefined;
    for (const [companyId, ended] of recent) {
      if (now - ended >= activeWindowMs) recent.delete(companyId);
      else next = Math.min(next ?? Infinity, ended + activeWindowMs);
    }
    return next;
  };
  /** One timer, at the next window's end: the shares grow back then, even if no request ends. */
  const scheduleExpiry = (at: number | undefined) => {
    if (expiry || at === undefined) return;
    expiry = setTimeout(
      () => {
        expiry = undefined;
        scheduleExpiry(prune(Date.now()));
        pump();
      },
      Math.max(0, at - Date.now()),
    );
    expiry.unref();
  };
  const companiesWithWork = () => shares.size + recent.size;
  const cores = opts.cores ?? os.availableParallelism();
  const limit = () => {
    const companies = companiesWithWork();
    return companies <= 1 ? opts.perCompany : Math.max(1, Math.floor(Math.min(opts.perCompany, cores) / companies));
  };
  const othersRunning = (companyId: number) => runningTotal - (shares.get(companyId)?.running ?? 0) > 0;
  /** Another company without a backlog has a request running, or ended one within LIGHT_LINGER_MS. */
  const lightOthersWorking = (companyId: number, now: number) => {
    const ended = lightEnded.companyId !== companyId ? lightEnded : lightEndedBefore;
    if (ended.companyId !== 0 && now - ended.at < lightLingerMs) return true;
    for (const [id, share] of shares) if (id !== companyId && share.running > 0 && share.waiting.length === 0) return true;
    return false;
  };
  /** A company resting now: its next request waits (see the rest above). */
  const resting = (companyId: number, share: Share, now: number) => share.restUntil > now && lightOthersWorking(companyId, now);
  /** One timer, at the earliest moment a rest may end; pump() then looks again. */
  const wakeAt = (at: number) => {
    if (at >= restTimerAt) return;
    clearTimeout(restTimer);
    restTimerAt = at;
    restTimer = setTimeout(
      () => {
        restTimer = undefined;
        restTimerAt = Infinity;
        pump();
      },
      Math.max(0, at - Date.now()),
    );
    restTimer.unref();
  };
  /** Tells each watching export when that changed for it. */
  const notify = () => {
    for (const w of watchers) {
      const now = othersRunning(w.companyId);
      if (now !== w.told) {
        w.told = now;
        w.listener(now);
      }
    }
  };

  /** Starts what the current share allows, and lets yielding exports go on when the others are idle. */
  const pump = () => {
    const max = limit();
    const now = Date.now();
    for (const [companyId, share] of shares)
      while (share.running < max && share.waiting.length) {
        if (resting(companyId, share, now)) {
          // Ends at its term or once the light companies have been idle for the linger, whichever comes first.
          wakeAt(Math.min(share.restUntil, now + lightLingerMs));
          break;
        }
        share.running++;
        runningTotal++;
        share.waiting.shift()!();
      }
    for (let i = yielding.length - 1; i >= 0; i--) if (!othersRunning(yielding[i].companyId)) yielding.splice(i, 1)[0].resume();
    notify();
  };

  /** A company without requests leaves the shares, and counts as having work for the window. */
  const forget = (companyId: number) => {
    shares.delete(companyId);
    if (activeWindowMs <= 0) return;
    const now = Date.now();
    recent.set(companyId, now);
    scheduleExpiry(now + activeWindowMs);
  };

  const release = (companyId: number, share: Share, tookMs?: number) => {
    share.running--;
    runningTotal--;
    // tookMs is unknown when an export gives its slot back: it goes on streaming, so it neither ends work nor rests.
    const now = Date.now();
    if (tookMs !== undefined && share.waiting.length === 0) {
      if (lightEnded.companyId !== companyId) lightEndedBefore = lightEnded;
      lightEnded = { companyId, at: now };
    } else if (tookMs !== undefined && restRatio > 0 && restMaxMs > 0 && lightOthersWorking(companyId, now))
      share.restUntil = now + Math.min(tookMs * restRatio, restMaxMs);
    if (share.running === 0 && share.waiting.length === 0) forget(companyId);
    pump();
  };

  const yieldFor =
    (companyId: number): NonNullable<Response['locals']['yieldToOthers']> =>
    () => {
      if (!othersRunning(companyId)) return undefined;
      return new Promise<void>((resolve) => {
        const entry = { companyId, resume: () => (clearTimeout(timer), resolve()) };
        const timer = setTimeout(() => {
          const i = yielding.indexOf(entry);
          if (i >= 0) yielding.splice(i, 1);
          resolve();
        }, opts.yieldMs ?? YIELD_MS);
        yielding.push(entry);
      });
    };

  return (req, res, next) => {
    const companyId = req.session?.user.companyId;
    if (opts.perCompany <= 0 || companyId === undefined) return next();
    let share = shares.get(companyId);
    if (!share) {
      recent.delete(companyId);
      shares.set(companyId, (share = { running: 0, waiting: [], restUntil: 0 }));
    }
    const s = share;
    const pace = yieldFor(companyId);
    const start = () => {
      const startedAt = Date.now();
      let released = false;
      let streaming = false;
      const done = () => {
        if (streaming) {
          streaming = false;
          const n = (streams.get(companyId) ?? 1) - 1;
          if (n > 0) streams.set(companyId, n);
          else streams.delete(companyId);
        }
        if (released) return;
        released = true;
        release(companyId, s, Date.now() - startedAt);
      };
      /** A streamed export gives its slot back and goes on at the lowest priority. */
      const stepAside = () => {
        if (released || (streams.get(companyId) ?? 0) >= opts.perCompany) return;
        streaming = true;
        streams.set(companyId, (streams.get(companyId) ?? 0) + 1);
        released = true;
        release(companyId, s);
      };
      res.locals.yieldToOthers = () => {
        stepAside();
        return pace();
      };
      res.locals.contention = {
        maxHoldMs: opts.gateHoldMs ?? GATE_HOLD_MS,
        watch: (listener) => {
          const w = { companyId, listener, told: false };
          watchers.add(w);
          notify();
          return () => void watchers.delete(w);
        },
      };
      // 'close' also fires when a streamed answer is cut: the slot is never kept.
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (s.waiting.length === 0 && s.running < limit() && !resting(companyId, s, Date.now())) {
      s.running++;
      runningTotal++;
      notify();
      return start();
    }
    if (s.waiting.length >= maxQueue) {
      if (s.running === 0 && s.waiting.length === 0) forget(companyId);
      return next(
        new AppError(
          503,
          'COMPANY_BUSY',
          {
            es: 'La empresa tiene demasiadas solicitudes en curso; reintente en un momento',
            en: 'Your company has too many requests in progress; try again in a moment',
          },
          [],
          { 'Retry-After': String(TENANT_BUSY_RETRY_AFTER_SECONDS) },
        ),
      );
    }
    // pump() counts the slot as taken before calling turn().
    const turn = () => {
      res.off('close', leave);
      start();
    };
    const leave = () => {
      const i = s.waiting.indexOf(turn);
      if (i < 0) return;
      s.waiting.splice(i, 1);
      if (s.running === 0 && s.waiting.length === 0) forget(companyId);
      pump();
    };
    res.once('close', leave);
    s.waiting.push(turn);
    // A company resting with none waiting before: pump() sets the timer that ends its rest.
    if (s.running < limit()) pump();
  };
}
