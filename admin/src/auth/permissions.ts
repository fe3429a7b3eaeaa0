/**
 * SPEC §3's role matrix as the admin sees it, mirroring server/src/http/permissions.ts.
 * The server enforces it; the admin uses it only to hide what a role cannot use.
 */
export const ROLES = ['clerk', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  read: ['clerk', 'supervisor', 'manager', 'admin'],
  export: ['clerk', 'supervisor', 'manager', 'admin'],
  reports: ['clerk', 'supervisor', 'manager', 'admin'],
  'masterdata.write': ['clerk', 'supervisor', 'admin'],
  'customers.credit': ['supervisor', 'manager', 'admin'],
  'ledger.post': ['clerk', 'supervisor', 'admin'],
  'ledger.supervise': ['supervisor', 'admin'],
  'documents.edit': ['supervisor', 'admin'],
  'collections.write': ['clerk', 'supervisor', 'admin'],
  'audit.read': ['supervisor', 'manager', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export const can = (role: Role | undefined, permission: Permission): boolean =>
  !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);

/**
 * What each resource needs to be read (list, show, export) and written (create,
 * edit, delete). `write: null` means nobody writes it through the admin; `edit`,
 * when given, widens who may open the edit page (a manager changes a customer's
 * credit limit and status, and nothing else). A resource not listed is readable
 * by everyone and writable by the admin only (the reference tables).
 */
export interface ResourceRule {
  read: Permission;
  write: Permission | null;
  edit?: readonly Permission[];
}

const MASTER_DATA: ResourceRule = { read: 'read', write: 'masterdata.write' };

export const RESOURCE_ACCESS: Record<string, ResourceRule> = {
  users: { read: 'admin', write: 'admin' },
  'segment-levels': { read: 'read', write: 'admin' },
  'audit-events': { read: 'audit.read', write: null },
  'api-tokens': { read: 'admin', write: 'admin' },
  'webhook-subscriptions': { read: 'admin', write: 'admin' },
  'webhook-deliveries': { read: 'admin', write: 'admin' },
  'billing-requests': { read: 'read', write: 'ledger.supervise' },
  company: { read: 'read', write: 'admin' },
  documents: { read: 'read', write: 'ledger.post' },
  receipts: { read: 'read', write: 'ledger.post' },
  'voided-receipts': { read: 'read', write: 'ledger.post' },
  applications: { read: 'read', write: 'ledger.post' },
  adjustments: { read: 'read', write: 'ledger.supervise' },
  values: { read: 'read', write: 'ledger.post' },
  'card-coupons': { read: 'read', write: 'ledger.post' },
  'card-settlements': { read: 'read', write: 'ledger.post' },
  withholdings: { read: 'read', write: null },
  debtors: { read: 'read', write: null },
  'collection-calls': { read: 'read', write: 'collections.write' },
  customers: { ...MASTER_DATA, edit: ['masterdata.write', 'customers.credit'] },
  branches: MASTER_DATA,
  contacts: MASTER_DATA,
  'card-issuers': MASTER_DATA,
  'card-plans': MASTER_DATA,
  'customer-import': { read: 'masterdata.write', write: 'masterdata.write' },
};

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

/** react-admin's canAccess question ("may this role <action> <resource>?"), answered from the matrix. */
export function canAccessResource(role: Role | undefined, resource: string, action: string): boolean {
  const base = resource.split('.')[0];
  const rule = RESOURCE_ACCESS[base] ?? { read: 'read', write: 'admin' };
  if (READ_ACTIONS.has(action)) return can(role, rule.read);
  if (action === 'edit' && rule.edit) return rule.edit.some((p) => can(role, p));
  return rule.write !== null && can(role, rule.write);
}
