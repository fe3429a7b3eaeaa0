import TokenIcon from '@mui/icons-material/Key';
import WebhookIcon from '@mui/icons-material/Webhook';
import DeliveryIcon from '@mui/icons-material/Outbox';
import BillingRequestIcon from '@mui/icons-material/Send';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const ApiTokenList = lazyPage(() => import('./ApiTokenList'), 'ApiTokenList');
const ApiTokenCreate = lazyPage(() => import('./ApiTokenCreate'), 'ApiTokenCreate');
const WebhookSubscriptionCreate = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionCreate');
const WebhookSubscriptionEdit = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionEdit');
const WebhookSubscriptionList = lazyPage(() => import('./WebhookSubscriptions'), 'WebhookSubscriptionList');
const WebhookDeliveryList = lazyPage(() => import('./WebhookDeliveryList'), 'WebhookDeliveryList');
const BillingRequestList = lazyPage(() => import('./BillingRequestList'), 'BillingRequestList');

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
