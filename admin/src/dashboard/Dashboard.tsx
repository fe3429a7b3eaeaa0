import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { formatDate, todayIso } from '../common/dates';
import { lazyPage } from '../common/lazyPage';
import { useDashboard } from '../reports/api';

/** The figures and their chart load after the greeting, so the first screen of the admin stays small. */
const DashboardFigures = lazyPage(() => import('./DashboardFigures'));

/** Home: who is working, where, and how the receivables stand today. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const user = identity as Identity | undefined;
  // The figures are asked for here too (one request: the figures below share it), and
  // the greeting shows once they have come, so the page appears whole.
  // Only once logged in: the home page also renders for a moment before the login page.
  const { isPending } = useDashboard('ARS', !!user);
  const ready = !!user && !isPending;
  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title="ctacte.dashboard.title" />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {ready ? translate('ctacte.dashboard.greeting', { name: user.fullName }) : '\u00a0'}
          </Typography>
          {ready && (
            <Typography color="text.secondary">
              {translate('ctacte.dashboard.company', { company: user.companyName })} ·{' '}
              {translate('ctacte.dashboard.role', { role: translate(`ctacte.roles.${user.role}`) })} ·{' '}
              {translate('ctacte.dashboard.today', { date: formatDate(todayIso()) })}
            </Typography>
          )}
        </CardContent>
      </Card>
      {user && <DashboardFigures />}
    </Box>
  );
};
