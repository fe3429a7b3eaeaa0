/**
 * The events other software may subscribe to (webhooks). The server validates
 * subscriptions and writes the outbox with these names; the admin offers them as choices.
 */
export const WEBHOOK_EVENTS = [
  'document.posted',
  'document.cancelled',
  'receipt.posted',
  'receipt.cancelled',
  'application.created',
  'application.reversed',
  'customer.credit_status_changed',
  'promise.broken',
  // A fiscal ND/NC asked of billing (server/src/modules/ledger/billing-requests.service.ts), and its withdrawal.
  'billing_request.created',
  'billing_request.cancelled',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
