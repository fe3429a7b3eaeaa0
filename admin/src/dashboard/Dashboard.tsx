import { createElement } from 'react';
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Identity } from '../auth/authProvider';
import type { Role } from '../auth/permissions';
import { formatDate, todayIso } from '../common/dates';
import { isGroup, itemLabel, itemPath, menuFor, type MenuItem } from '../layout/menu';

/** Home: who is working, where, and the screens their role opens. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role>();
  const user = identity as Identity | undefined;
  // The areas' own screens; sub-groups (the reference tables) stay in the menu.
  const shortcuts = menuFor(permissions)
    .flatMap((group) => group.items)
    .filter((entry): entry is MenuItem => !isGroup(entry));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="ctacte.dashboard.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {user ? translate('ctacte.dashboard.greeting', { name: user.fullName }) : '\u00a0'}
          </Typography>
          {user && (
            <>
              <Typography>{translate('ctacte.dashboard.company', { company: user.companyName })}</Typography>
              <Typography color="text.secondary">
                {translate('ctacte.dashboard.role', { role: translate(`ctacte.roles.${user.role}`) })} ·{' '}
                {translate('ctacte.dashboard.today', { date: formatDate(todayIso()) })}
              </Typography>
            </>
          )}
        </CardContent>
      </Card>
      {shortcuts.length > 0 && (
        <>
          <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
            {translate('ctacte.dashboard.shortcuts')}
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' }}>
            {shortcuts.map((item) => {
              const [key, options] = itemLabel(item);
              return (
                <Card key={itemPath(item)} variant="outlined">
                  <CardActionArea component={Link} to={itemPath(item)}>
                    <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                      {createElement(item.icon)}
                      <Typography>{translate(key, options)}</Typography>
                    </CardContent>
                  </CardActionArea>
                </Card>
              );
            })}
          </Box>
        </>
      )}
    </Box>
  );
};
