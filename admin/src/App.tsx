import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/authProvider';
import { withAccess } from './auth/withAccess';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { theme } from './theme';
import users from './users';
import segmentLevels from './segment-levels';
import auditEvents from './audit-events';
import { COMPANY_PATH, CompanyPage } from './company';

export const App = () => (
  <Admin
    title="ctacte"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
  >
    <Resource name="users" {...withAccess(users)} />
    <Resource name="segment-levels" {...withAccess(segmentLevels)} />
    <Resource name="audit-events" {...withAccess(auditEvents)} />
    <CustomRoutes>
      <Route path={COMPANY_PATH} element={<CompanyPage />} />
    </CustomRoutes>
  </Admin>
);
