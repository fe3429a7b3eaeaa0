import { usePermissions } from 'react-admin';
import { can, type Permission, type Role } from '../auth/permissions';

/** Whether the user's role holds a permission of SPEC §3 (buttons show only to whom may use them). */
export function useCan(permission: Permission): boolean {
  const { permissions } = usePermissions<Role>();
  return can(permissions, permission);
}
