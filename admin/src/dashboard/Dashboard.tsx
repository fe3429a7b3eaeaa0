import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { formatDate, todayIso } from '../common/dates';
import { lazyPage } from '../ledger/lazyPage';

/** The figures and their chart load after the greeting, so the first screen of the admin stays small. */
const DashboardFigures = lazyPage(() => import('./DashboardFigures'));

/** Home: who is working, where, and how the receivables stand today. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const user = identity as Identity | undefined;
  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title="ctacte.dashboard.title" />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {user ? translate('ctacte.dashboard.greeting', { name: user.fullName }) : '\u00a0'}
          </Typography>
          {user && (
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
