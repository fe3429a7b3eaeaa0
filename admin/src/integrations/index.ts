import TokenIcon from '@mui/icons-material/Key';
import WebhookIcon from '@mui/icons-material/Webhook';
import DeliveryIcon from '@mui/icons-material/Outbox';
import type { ResourceProps } from 'react-admin';
import { ApiTokenList } from './ApiTokenList';
import { ApiTokenCreate } from './ApiTokenCreate';
import { WebhookSubscriptionCreate, WebhookSubscriptionEdit, WebhookSubscriptionList } from './WebhookSubscriptions';
import { WebhookDeliveryList } from './WebhookDeliveryList';
import { BillingRequestList } from './BillingRequestList';
import BillingRequestIcon from '@mui/icons-material/Send';

/** Administración › Integraciones: API tokens, webhook subscriptions and their delivery log. */
export const apiTokens = {
  list: ApiTokenList,
  create: ApiTokenCreate,
  icon: TokenIcon,
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export const webhookSubscriptions = {
  list: WebhookSubscriptionList,
  create: WebhookSubscriptionCreate,
  edit: WebhookSubscriptionEdit,
  icon: WebhookIcon,
  recordRepresentation: 'url',
} satisfies Omit<ResourceProps, 'name'>;

export const webhookDeliveries = {
  list: WebhookDeliveryList,
  icon: DeliveryIcon,
} satisfies Omit<ResourceProps, 'name'>;

/** Pedidos a facturación: fiscal NDs/NCs asked of billing through the webhook, and the document that fulfilled each. */
export const billingRequests = {
  list: BillingRequestList,
  icon: BillingRequestIcon,
} satisfies Omit<ResourceProps, 'name'>;
