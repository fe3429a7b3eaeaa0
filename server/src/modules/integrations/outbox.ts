import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../../shared/catalog/webhook-events';

/** The events other software may subscribe to: one list, shared with the admin. */
export const EVENT_TYPES = WEBHOOK_EVENTS;
export type EventType = WebhookEvent;

type EventHook = (trx: Knex.Transaction, ctx: Ctx, type: EventType, data: unknown) => Promise<void>;
const hooks: EventHook[] = [];

/** A module that derives events from others (a customer's credit status) registers here, so event sites stay one call. */
export function registerEventHook(hook: EventHook): void {
  hooks.push(hook);
}

/**
 * Writes an event to the outbox inside the caller's transaction: it exists if and only
 * if the change it announces commits. The worker delivers it afterwards.
 */
export async function emitEvent(trx: Knex.Transaction, ctx: Ctx, type: EventType, data: unknown): Promise<void> {
  await outboxInsert(trx, ctx, type, data);
  await afterEvent(trx, ctx, type, data);
}

/**
 * The outbox row of an event, as a statement a caller may fold into one of its own (a CTE), to save a
 * round trip; it must then call `afterEvent` once that statement ran. `emitEvent` is both in order.
 */
export function outboxInsert(trx: Knex.Transaction, ctx: Ctx, type: EventType, data: unknown): Knex.QueryBuilder {
  return trx('outbox').insert(outboxRow(ctx, type, data));
}

/** The outbox row of an event (for `outboxInsert`, or a statement built once that inserts it). */
export function outboxRow(ctx: Pick<Ctx, 'companyId'>, type: EventType, data: unknown) {
  return { companyId: ctx.companyId, type, data: JSON.stringify(data) };
}

/** What other modules derive from an event written with `outboxInsert` (see `registerEventHook`). */
export async function afterEvent(trx: Knex.Transaction, ctx: Ctx, type: EventType, data: unknown): Promise<void> {
  for (const hook of hooks) await hook(trx, ctx, type, data);
}
