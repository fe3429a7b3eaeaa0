import { ROLES, type Role } from '../auth/permissions';

/** Role choices for selects; react-admin translates each name. */
export const ROLE_CHOICES = ROLES.map((id) => ({ id, name: `ctacte.roles.${id}` }));

export const ROLE_COLORS: Record<Role, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info'> = {
  clerk: 'default',
  supervisor: 'info',
  manager: 'success',
  admin: 'warning',
};
