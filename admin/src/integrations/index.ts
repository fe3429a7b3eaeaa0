import TokenIcon from '@mui/icons-material/Key';
import WebhookIcon from '@mui/icons-material/Webhook';
import DeliveryIcon from '@mui/icons-material/Outbox';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ApiTokenList = lazyPage(() => import('./ApiTokenList'), 'ApiTokenList');
const ApiTokenCreate = lazyPage(() => import('./ApiTokenCreate'), 'ApiTokenCreate');
const WebhookSubscriptionCreate = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionCreate');
const WebhookSubscriptionEdit = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionEdit');
const WebhookSubscriptionList = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionList');
const WebhookDeliveryList = lazyPage(() => import('./WebhookDeliveryList'), 'WebhookDeliveryList');

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
