import { forbidden } from './errors';

export const ROLES = ['clerk', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role matrix of SPEC §3, the one place that says who may do what.
 * Routes and resources name a permission; they never list roles themselves.
 */
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

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw forbidden();
}
