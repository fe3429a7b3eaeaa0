import TokenIcon from '@mui/icons-material/Key';
import WebhookIcon from '@mui/icons-material/Webhook';
import DeliveryIcon from '@mui/icons-material/Outbox';
import type { ResourceProps } from 'react-admin';
import { ApiTokenList } from './ApiTokenList';
import { ApiTokenCreate } from './ApiTokenCreate';
import { WebhookSubscriptionCreate, WebhookSubscriptionEdit, WebhookSubscriptionList } from './WebhookSubscriptions';
import { WebhookDeliveryList } from './WebhookDeliveryList';

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
