import type { Knex } from 'knex';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signPayload } from './signature';
import { log } from '../../lib/log';

export interface WorkerOptions {
  /** Deliveries claimed per round. */
  batch?: number;
  /** First retry after this many seconds, doubling each attempt (capped at `maxDelaySeconds`). */
  retryBaseSeconds?: number;
  maxDelaySeconds?: number;
  /** After this many attempts a delivery is `failed` (an admin may resend it). */
  maxAttempts?: number;
  /** How long a claimed delivery stays invisible to other workers while it is being sent. */
  leaseSeconds?: number;
  timeoutMs?: number;
}

const DEFAULTS: Required<WorkerOptions> = {
  batch: 20,
  retryBaseSeconds: 10,
  maxDelaySeconds: 6 * 3600,
  maxAttempts: 12,
  leaseSeconds: 60,
  timeoutMs: 10_000,
};

export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerOptions {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return {
    retryBaseSeconds: num(env.WEBHOOK_RETRY_BASE_SECONDS),
    leaseSeconds: num(env.WEBHOOK_LEASE_SECONDS),
    maxAttempts: num(env.WEBHOOK_MAX_ATTEMPTS),
  };
}

/**
 * Fans new outbox events out to one delivery per matching active subscription, in one
 * statement. Rows another worker is fanning out are skipped, never taken twice.
 */
export async function dispatchOutbox(knex: Knex, limit = 500): Promise<number> {
  const { rowCount } = await knex.raw(
    `WITH batch AS (
       SELECT company_id, id, type FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
     ), fan AS (
       INSERT INTO webhook_deliveries (company_id, subscription_id, outbox_id)
       SELECT b.company_id, s.id, b.id
         FROM batch b JOIN webhook_subscriptions s ON s.company_id = b.company_id AND s.active AND b.type = ANY (s.events)
       ON CONFLICT DO NOTHING
     )
     UPDATE outbox o SET dispatched_at = now() FROM batch b WHERE o.company_id = b.company_id AND o.id = b.id`,
    [limit],
  );
  return rowCount ?? 0;
}

interface Claimed {
  companyId: number;
  id: number;
  attempts: number;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  createdAt: Date;
  data: unknown;
}

/**
 * Claims due deliveries (FOR UPDATE SKIP LOCKED, then a lease), so several workers never
 * send one delivery at the same time; a worker that dies mid-send leaves the lease to
 * expire and the delivery is sent again (at least once; receivers de-duplicate by event id).
 */
async function claim(knex: Knex, o: Required<WorkerOptions>): Promise<Claimed[]> {
  const { rows } = await knex.raw(
    `UPDATE webhook_deliveries d
        SET locked_until = now() + make_interval(secs => ?), attempts = d.attempts + 1, updated_at = now()
       FROM (SELECT company_id, id FROM webhook_deliveries
              WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
              ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) c,
            webhook_subscriptions s, outbox o
      WHERE d.company_id = c.company_id AND d.id = c.id
        AND s.company_id = d.company_id AND s.id = d.subscription_id
        AND o.company_id = d.company_id AND o.id = d.outbox_id
      RETURNING d.company_id, d.id, d.attempts, s.url, s.secret, o.event_id, o.type, o.created_at, o.data`,
    [o.leaseSeconds, o.batch],
  );
  return rows as Claimed[];
}

/** The body a receiver gets, and the exact bytes the signature covers. */
export function eventBody(c: Pick<Claimed, 'eventId' | 'type' | 'createdAt' | 'companyId' | 'data'>): string {
  return JSON.stringify({
    id: c.eventId,
    type: c.type,
    createdAt: new Date(c.createdAt).toISOString(),
    companyId: c.companyId,
    data: c.data,
  });
}

async function send(
  c: Claimed,
  o: Required<WorkerOptions>,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = eventBody(c);
  try {
    const res = await fetch(c.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'ctacte-webhooks/1',
        [SIGNATURE_HEADER]: signPayload(c.secret, body),
        [EVENT_ID_HEADER]: c.eventId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, status: null, error: (err instanceof Error ? err.message : String(err)).slice(0, 500) };
  }
}

async function settle(knex: Knex, c: Claimed, result: Awaited<ReturnType<typeof send>>, o: Required<WorkerOptions>) {
  const where = { companyId: c.companyId, id: c.id };
  if (result.ok) {
    await knex('webhook_deliveries').where(where).update({
      status: 'delivered',
      deliveredAt: knex.fn.now(),
      lastStatusCode: result.status,
      lastError: null,
      lockedUntil: null,
      updatedAt: knex.fn.now(),
    });
    return;
  }
  // Exponential back-off with a little jitter: base, 2×base, 4×base… up to the cap.
  const delay = Math.min(o.maxDelaySeconds, o.retryBaseSeconds * 2 ** (c.attempts - 1)) * (0.9 + Math.random() * 0.2);
  await knex('webhook_deliveries')
    .where(where)
    .update({
      status: c.attempts >= o.maxAttempts ? 'failed' : 'pending',
      nextAttemptAt: knex.raw('now() + make_interval(secs => ?)', [delay]),
      lastStatusCode: result.status,
      lastError: result.error,
      lockedUntil: null,
      updatedAt: knex.fn.now(),
    });
}

/** One round: fan out new events, then send what is due. Returns how many deliveries were tried. */
export async function runWorkerOnce(knex: Knex, opts: WorkerOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) };
  await dispatchOutbox(knex);
  const claimed = await claim(knex, o);
  await Promise.all(claimed.map(async (c) => settle(knex, c, await send(c, o), o)));
  return claimed.length;
}

/** Something that writes events the calendar causes (a promise that broke), run about once a minute. */
export type EventProducer = (knex: Knex) => Promise<unknown>;

/** Runs rounds until stopped: immediately again while there is work, every `idleMs` otherwise. */
export function startWorker(
  knex: Knex,
  opts: WorkerOptions & { idleMs?: number; producers?: EventProducer[] } = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let wake: (() => void) | undefined;
  let produced = 0;
  const loop = (async () => {
    while (!stopped) {
      let busy = 0;
      try {
        if (Date.now() - produced > 60_000) {
          produced = Date.now();
          for (const produce of opts.producers ?? []) await produce(knex);
        }
        busy = await runWorkerOnce(knex, opts);
      } catch (err) {
        log.error('webhook worker round failed', { error: err instanceof Error ? err.message : String(err) });
      }
      if (!busy && !stopped)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, opts.idleMs ?? 1000);
        });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
