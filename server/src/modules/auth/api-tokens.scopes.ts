import { PERMISSIONS, ROLES, type Permission, type Role } from '../../http/permissions';

interface ScopeDef {
  /** What the scope lets a token do, in the role matrix's words. */
  permissions: Permission[];
  /** API paths (relative to /api) the scope opens, and for which methods. */
  routes: Array<{ path: RegExp; methods?: string[] }>;
}

const READ = ['GET', 'HEAD'];

/**
 * The scopes a token may hold instead of a whole role. A scoped token acts with the
 * least role of SPEC §3 that holds the scopes' permissions, and only on the scopes' paths.
 */
export const SCOPES = {
  'documents:write': { permissions: ['ledger.post'], routes: [{ path: /^\/documents(\/|$)/ }] },
  'credit-status:read': { permissions: ['read'], routes: [{ path: /^\/customers\/[^/]+\/credit-status$/, methods: READ }] },
  'receipts:write': { permissions: ['ledger.post'], routes: [{ path: /^\/receipts(\/|$)/ }] },
  'reports:read': {
    permissions: ['reports'],
    routes: [
      { path: /^\/reports\//, methods: READ },
      { path: /^\/debtors(\/|$)/, methods: READ },
    ],
  },
  'customers:write': { permissions: ['masterdata.write'], routes: [{ path: /^\/(customers|branches|contacts)(\/|$)/ }] },
} as const satisfies Record<string, ScopeDef>;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

/** The least role holding every permission the scopes need. */
export function roleForScopes(scopes: readonly Scope[]): Role {
  const needed = scopes.flatMap((s) => (SCOPES[s] as ScopeDef).permissions);
  const role = ROLES.find((r) => needed.every((p) => (PERMISSIONS[p] as readonly Role[]).includes(r)));
  return role ?? 'admin';
}

/** Whether one of the scopes opens this request. */
export function scopesAllow(scopes: readonly Scope[], method: string, path: string): boolean {
  return scopes.some((s) =>
    (SCOPES[s] as ScopeDef).routes.some((r) => r.path.test(path) && (!r.methods || r.methods.includes(method))),
  );
}
