import { useMemo } from 'react';
import { Menu, usePermissions } from 'react-admin';
import type { Role } from '../auth/permissions';
import { menuFor } from './menu';
import { MenuGroupSection } from './MenuGroupSection';

export const AppMenu = ({ dense = false }: { dense?: boolean }) => {
  const { permissions } = usePermissions<Role>();
  // The same groups while the role stays: the sections (memo) then skip the menu's re-renders at start.
  const groups = useMemo(() => menuFor(permissions), [permissions]);
  return (
    <Menu>
      <Menu.DashboardItem />
      {groups.map((group) => (
        <MenuGroupSection key={group.id} group={group} dense={dense} />
      ))}
    </Menu>
  );
};
