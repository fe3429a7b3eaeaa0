import type { ComponentType } from 'react';
import CustomersIcon from '@mui/icons-material/People';
import CardsIcon from '@mui/icons-material/CreditCard';
import LedgerIcon from '@mui/icons-material/AccountBalanceWallet';
import CollectionsIcon from '@mui/icons-material/PhoneInTalk';
import ReportsIcon from '@mui/icons-material/Assessment';
import AdministrationIcon from '@mui/icons-material/Settings';
import { PERMISSIONS, type Role } from '../auth/permissions';
import TablesIcon from '@mui/icons-material/TableChart';
import customers from '../customers';
import branches from '../branches';
import contacts from '../contacts';
import cardIssuers from '../card-issuers';
import cardPlans from '../card-plans';
import { referenceTables } from '../reference-tables';
import users from '../users';
import segmentLevels from '../segment-levels';
import auditEvents from '../audit-events';
import IntegrationsIcon from '@mui/icons-material/Hub';
import { apiTokens, billingRequests, webhookDeliveries, webhookSubscriptions } from '../integrations';
import { COMPANY_PATH, CompanyMenuIcon } from '../company';
import { LEDGER_MENU } from '../ledger/menu';
import TreasuryIcon from '@mui/icons-material/Savings';
import { TREASURY_MENU } from '../treasury';
import { CARD_COUPONS_MENU } from '../card-coupons';
import { COLLECTIONS_MENU, REPORTS_MENU } from '../collections/menu';
import { CUSTOMER_IMPORT_PATH, CustomerImportIcon } from '../customer-import';

/** A menu line: a react-admin resource (path `/<resource>`, label `resources.<resource>.name`) or a custom page. */
export type MenuItem = { icon: ComponentType; roles: readonly Role[] } & ({ resource: string } | { to: string; label: string });

export interface MenuGroup {
  id: string;
  /** Translation key of the group's title. */
  label: string;
  icon: ComponentType;
  /** Lines, or sub-groups that fold on their own (Administración › Tablas). */
  items: MenuEntry[];
}

export type MenuEntry = MenuItem | MenuGroup;

export const isGroup = (entry: MenuEntry): entry is MenuGroup => 'items' in entry;

/** The reference tables: the admin writes them, everyone reads them (SPEC §3). */
const TABLES: MenuGroup = {
  id: 'tables',
  label: 'ctacte.menu.tables',
  icon: TablesIcon,
  items: referenceTables.map((table) => ({ resource: table.name, icon: table.icon as ComponentType, roles: PERMISSIONS.read })),
};

/** Administración › Integraciones: what other software uses to talk to ctacte. */
const INTEGRATIONS: MenuGroup = {
  id: 'integrations',
  label: 'ctacte.menu.integrations',
  icon: IntegrationsIcon,
  items: [
    { resource: 'api-tokens', icon: apiTokens.icon, roles: PERMISSIONS.admin },
    { resource: 'webhook-subscriptions', icon: webhookSubscriptions.icon, roles: PERMISSIONS.admin },
    { resource: 'webhook-deliveries', icon: webhookDeliveries.icon, roles: PERMISSIONS.admin },
    { resource: 'billing-requests', icon: billingRequests.icon, roles: PERMISSIONS.read },
  ],
};

/**
 * The menu by business area, as data. A new screen adds one line to its group;
 * a group shows only when the user's role may see at least one of its items.
 * `roles` reuses SPEC §3's matrix (auth/permissions.ts).
 */
export const MENU: MenuGroup[] = [
  {
    id: 'customers',
    label: 'ctacte.menu.customers',
    icon: CustomersIcon,
    items: [
      { resource: 'customers', icon: customers.icon, roles: PERMISSIONS.read },
      { resource: 'branches', icon: branches.icon, roles: PERMISSIONS.read },
      { resource: 'contacts', icon: contacts.icon, roles: PERMISSIONS.read },
      {
        to: CUSTOMER_IMPORT_PATH,
        label: 'ctacte.menu.customerImport',
        icon: CustomerImportIcon,
        roles: PERMISSIONS['masterdata.write'],
      },
    ],
  },
  {
    id: 'cards',
    label: 'ctacte.menu.cards',
    icon: CardsIcon,
    items: [
      { resource: 'card-issuers', icon: cardIssuers.icon, roles: PERMISSIONS.read },
      { resource: 'card-plans', icon: cardPlans.icon, roles: PERMISSIONS.read },
    ],
  },
  { id: 'ledger', label: 'ctacte.menu.ledger', icon: LedgerIcon, items: LEDGER_MENU },
  { id: 'treasury', label: 'treasury.menu', icon: TreasuryIcon, items: [...TREASURY_MENU, ...CARD_COUPONS_MENU] },
  { id: 'collections', label: 'ctacte.menu.collections', icon: CollectionsIcon, items: COLLECTIONS_MENU },
  { id: 'reports', label: 'ctacte.menu.reports', icon: ReportsIcon, items: REPORTS_MENU },
  {
    id: 'administration',
    label: 'ctacte.menu.administration',
    icon: AdministrationIcon,
    items: [
      { resource: 'users', icon: users.icon, roles: PERMISSIONS.admin },
      { resource: 'segment-levels', icon: segmentLevels.icon, roles: PERMISSIONS.admin },
      { to: COMPANY_PATH, label: 'ctacte.menu.company', icon: CompanyMenuIcon, roles: PERMISSIONS.admin },
      { resource: 'audit-events', icon: auditEvents.icon, roles: PERMISSIONS['audit.read'] },
      INTEGRATIONS,
      TABLES,
    ],
  },
];

/** The groups, sub-groups and items a role sees, empty (sub-)groups left out. */
export function menuFor(role: Role | undefined, menu: MenuGroup[] = MENU): MenuGroup[] {
  if (!role) return [];
  const visible = (group: MenuGroup): MenuGroup => ({
    ...group,
    items: group.items
      .map((entry) => (isGroup(entry) ? visible(entry) : entry))
      .filter((entry) => (isGroup(entry) ? entry.items.length > 0 : entry.roles.includes(role))),
  });
  return menu.map(visible).filter((group) => group.items.length > 0);
}

export const itemPath = (item: MenuItem): string => ('resource' in item ? `/${item.resource}` : item.to);

/** The translation key and options of an item's label. */
export const itemLabel = (item: MenuItem): [string, Record<string, unknown>] =>
  'resource' in item ? [`resources.${item.resource}.name`, { smart_count: 2 }] : [item.label, {}];
