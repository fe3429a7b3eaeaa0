// What other modules and the app may use of integrations (the outbox, its worker and the webhook resources).
export { emitEvent, outboxInsert, outboxRow, afterEvent, registerEventHook, EVENT_TYPES } from './outbox';
export { startWorker, workerOptionsFromEnv, runWorkerOnce } from './worker';
export { webhookDeliveriesRouter, webhookSubscriptionsRouter } from './webhooks.resources';
