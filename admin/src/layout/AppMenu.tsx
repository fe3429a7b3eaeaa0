import { Menu, usePermissions } from 'react-admin';
import type { Role } from '../auth/permissions';
import { menuFor } from './menu';
import { MenuGroupSection } from './MenuGroupSection';

export const AppMenu = ({ dense = false }: { dense?: boolean }) => {
  const { permissions } = usePermissions<Role>();
  return (
    <Menu>
      <Menu.DashboardItem />
      {menuFor(permissions).map((group) => (
        <MenuGroupSection key={group.id} group={group} dense={dense} />
      ))}
    </Menu>
  );
};
