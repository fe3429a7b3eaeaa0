import { WEBHOOK_EVENTS } from '../../../shared/catalog/webhook-events';

/** What a token may be limited to instead of a whole role (server: auth/api-tokens.scopes.ts). */
export const SCOPES = ['documents:write', 'credit-status:read', 'receipts:write', 'reports:read', 'customers:write'] as const;
export const SCOPE_CHOICES = SCOPES.map((id) => ({ id, name: `ctacte.integrations.scopes.${id.replace(/[:-]/g, '_')}` }));

/** The events a subscription may ask for (the server validates and emits the same list). */
export const EVENT_CHOICES = WEBHOOK_EVENTS.map((id) => ({ id, name: `ctacte.integrations.events.${id.replace('.', '_')}` }));

export const DELIVERY_STATUS_CHOICES = ['pending', 'delivered', 'failed'].map((id) => ({
  id,
  name: `ctacte.integrations.deliveryStatus.${id}`,
}));
