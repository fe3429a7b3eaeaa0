import type { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { Joi } from '../../http/validate';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { methodNotAllowed, parseId, resourceRouter, getRecord, type ResourceDef } from '../../http/resource';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { EVENT_TYPES } from './outbox';
import { onKey } from '../../db/keys';

const subscriptionSchema = Joi.object({
  url: Joi.string()
    .trim()
    .max(500)
    .uri({ scheme: ['http', 'https'] })
    .required(),
  events: Joi.array()
    .items(Joi.string().valid(...EVENT_TYPES))
    .min(1)
    .unique()
    .required(),
  // The receiver's shared secret for the signature; written, never read back.
  secret: Joi.string().min(16).max(200).when('$op', { is: 'update', then: Joi.optional(), otherwise: Joi.required() }),
  active: Joi.boolean().default(true),
  description: Joi.string().trim().max(200).allow('', null).empty('').default(null),
});

export const webhookSubscriptionsResource: ResourceDef = {
  name: 'webhook-subscriptions',
  table: 'webhook_subscriptions',
  entity: 'webhook_subscriptions',
  alias: 's',
  access: { read: 'admin', create: 'admin', update: 'admin', export: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    url: { type: 'text', sort: true },
    events: { type: 'json', csv: false },
    active: { type: 'bool', filter: true, sort: true },
    description: { type: 'text' },
    pending: {
      type: 'int',
      readOnly: true,
      sql: `(SELECT count(*)::int FROM webhook_deliveries d WHERE d.company_id = s.company_id AND d.subscription_id = s.id AND d.status = 'pending')`,
    },
    failed: {
      type: 'int',
      readOnly: true,
      sql: `(SELECT count(*)::int FROM webhook_deliveries d WHERE d.company_id = s.company_id AND d.subscription_id = s.id AND d.status = 'failed')`,
    },
    createdAt: { type: 'timestamp', readOnly: true, sort: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  search: ['s.url', 's.description'],
  defaultSort: ['id', 'DESC'],
  schema: subscriptionSchema,
};

export const webhookDeliveriesResource: ResourceDef = {
  name: 'webhook-deliveries',
  table: 'webhook_deliveries',
  entity: 'webhook_deliveries',
  alias: 'd',
  access: { read: 'admin', export: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    subscriptionId: { type: 'int', filter: true },
    url: { type: 'text', sql: 's.url' },
    eventId: { type: 'text', sql: 'o.event_id::text', filter: true },
    eventType: { type: 'text', sql: 'o.type', filter: true },
    eventCreatedAt: { type: 'timestamp', sql: 'o.created_at' },
    status: { type: 'enum', values: ['pending', 'delivered', 'failed'], filter: true, sort: true },
    attempts: { type: 'int', sort: true },
    nextAttemptAt: { type: 'timestamp', sort: true },
    lastStatusCode: { type: 'int' },
    lastError: { type: 'text' },
    deliveredAt: { type: 'timestamp', sort: true },
    createdAt: { type: 'timestamp', sort: true },
  },
  from: (qb) => {
    qb.join('webhook_subscriptions as s', onKey('s', 'd.subscription_id')).join('outbox as o', onKey('o', 'd.outbox_id'));
  },
  defaultSort: ['id', 'DESC'],
};

/** Subscriptions are switched off (active: false), not deleted: their delivery log stays. */
export function webhookSubscriptionsRouter(): Router {
  return resourceRouter(webhookSubscriptionsResource, (router) => {
    router.delete('/:id', apiDoc({ summary: 'Not allowed: deactivate the subscription', notAllowed: true }), () => {
      throw methodNotAllowed({
        es: 'Una suscripción no se elimina: desactívela',
        en: 'A subscription is not deleted: deactivate it',
      });
    });
  });
}

export function webhookDeliveriesRouter(): Router {
  return resourceRouter(webhookDeliveriesResource, (router) => {
    // "Resend": the delivery goes back to the queue, due now, whatever its state.
    router.post(
      '/:id/resend',
      apiDoc({
        summary: 'Send a delivery again, now',
        permission: 'admin',
        response: { status: 200, schema: 'webhook-deliveries' },
      }),
      async (req, res) => {
        const ctx = ctxOf(req);
        assertCan(ctx.user.role, 'admin');
        const id = parseId(req.params.id);
        res.json(
          await withTransaction(ctx.knex, async (trx) => {
            const before = await getRecord(webhookDeliveriesResource, ctx, id, { trx, lock: true });
            await trx('webhook_deliveries')
              .where({ companyId: ctx.companyId, id })
              .update({ status: 'pending', nextAttemptAt: trx.fn.now(), lockedUntil: null, updatedAt: trx.fn.now() });
            const after = await getRecord(webhookDeliveriesResource, ctx, id, { trx });
            await audit(trx, ctx, { action: 'resend', entity: 'webhook_deliveries', entityId: id, before, after });
            return after;
          }),
        );
      },
    );
  });
}
