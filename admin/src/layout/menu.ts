import type { ComponentType } from 'react';
import CustomersIcon from '@mui/icons-material/People';
import CardsIcon from '@mui/icons-material/CreditCard';
import LedgerIcon from '@mui/icons-material/AccountBalanceWallet';
import CollectionsIcon from '@mui/icons-material/PhoneInTalk';
import ReportsIcon from '@mui/icons-material/Assessment';
import AdministrationIcon from '@mui/icons-material/Settings';
import { PERMISSIONS, type Role } from '../auth/permissions';
import users from '../users';
import segmentLevels from '../segment-levels';
import auditEvents from '../audit-events';
import { COMPANY_PATH, CompanyMenuIcon } from '../company';

/** A menu line: a react-admin resource (path `/<resource>`, label `resources.<resource>.name`) or a custom page. */
export type MenuItem = { icon: ComponentType; roles: readonly Role[] } & ({ resource: string } | { to: string; label: string });

export interface MenuGroup {
  id: string;
  /** Translation key of the group's title. */
  label: string;
  icon: ComponentType;
  items: MenuItem[];
}

/**
 * The menu by business area, as data. A new screen adds one line to its group;
 * a group shows only when the user's role may see at least one of its items.
 * `roles` reuses SPEC §3's matrix (auth/permissions.ts).
 */
export const MENU: MenuGroup[] = [
  { id: 'customers', label: 'ctacte.menu.customers', icon: CustomersIcon, items: [] },
  { id: 'cards', label: 'ctacte.menu.cards', icon: CardsIcon, items: [] },
  { id: 'ledger', label: 'ctacte.menu.ledger', icon: LedgerIcon, items: [] },
  { id: 'collections', label: 'ctacte.menu.collections', icon: CollectionsIcon, items: [] },
  { id: 'reports', label: 'ctacte.menu.reports', icon: ReportsIcon, items: [] },
  {
    id: 'administration',
    label: 'ctacte.menu.administration',
    icon: AdministrationIcon,
    items: [
      { resource: 'users', icon: users.icon, roles: PERMISSIONS.admin },
      { resource: 'segment-levels', icon: segmentLevels.icon, roles: PERMISSIONS.admin },
      { to: COMPANY_PATH, label: 'ctacte.menu.company', icon: CompanyMenuIcon, roles: PERMISSIONS.admin },
      { resource: 'audit-events', icon: auditEvents.icon, roles: PERMISSIONS['audit.read'] },
    ],
  },
];

/** The groups and items a role sees, empty groups left out. */
export function menuFor(role: Role | undefined, menu: MenuGroup[] = MENU): MenuGroup[] {
  if (!role) return [];
  return menu
    .map((group) => ({ ...group, items: group.items.filter((item) => item.roles.includes(role)) }))
    .filter((group) => group.items.length > 0);
}

export const itemPath = (item: MenuItem): string => ('resource' in item ? `/${item.resource}` : item.to);

/** The translation key and options of an item's label. */
export const itemLabel = (item: MenuItem): [string, Record<string, unknown>] =>
  'resource' in item ? [`resources.${item.resource}.name`, { smart_count: 2 }] : [item.label, {}];
