/** What a token may be limited to instead of a whole role (server: auth/api-tokens.scopes.ts). */
export const SCOPES = ['documents:write', 'credit-status:read', 'receipts:write', 'reports:read', 'customers:write'] as const;
export const SCOPE_CHOICES = SCOPES.map((id) => ({ id, name: `ctacte.integrations.scopes.${id.replace(/[:-]/g, '_')}` }));

/** The events a subscription may ask for (server: integrations/outbox.ts). */
export const EVENTS = [
  'document.posted',
  'document.cancelled',
  'receipt.posted',
  'receipt.cancelled',
  'application.created',
  'application.reversed',
  'customer.credit_status_changed',
  'promise.broken',
] as const;
export const EVENT_CHOICES = EVENTS.map((id) => ({ id, name: `ctacte.integrations.events.${id.replace('.', '_')}` }));

export const DELIVERY_STATUS_CHOICES = ['pending', 'delivered', 'failed'].map((id) => ({
  id,
  name: `ctacte.integrations.deliveryStatus.${id}`,
}));
