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
  await trx('outbox').insert({ companyId: ctx.companyId, type, data: JSON.stringify(data) });
  for (const hook of hooks) await hook(trx, ctx, type, data);
}
