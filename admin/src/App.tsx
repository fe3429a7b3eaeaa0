import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/authProvider';
import { withAccess } from './auth/withAccess';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './theme';
import customers from './customers';
import branches from './branches';
import contacts from './contacts';
import cardIssuers from './card-issuers';
import cardPlans from './card-plans';
import { referenceTables } from './reference-tables';
import { depositSlips, treasuryTables } from './treasury';
import { cardCoupons, cardSettlements, PENDING_COUPONS_PATH, PendingCouponsPage } from './card-coupons';
import users from './users';
import segmentLevels from './segment-levels';
import auditEvents from './audit-events';
import { apiTokens, billingRequests, webhookDeliveries, webhookSubscriptions } from './integrations';
import { COMPANY_PATH, CompanyPage } from './company';
import documents from './documents';
import receipts from './receipts';
import applications from './applications';
import adjustments from './adjustments';
import voidedReceipts from './voided-receipts';
import values from './values';
import withholdings from './withholdings';
import { LEDGER_PRINT_ROUTES } from './ledger/printRoutes';
import { CUSTOMER_IMPORT_PATH, ImportCustomersPage } from './customer-import';
import debtors from './debtors';
import collectionCalls from './collection-calls';
import { COLLECTIONS_PRINT_ROUTES, COLLECTIONS_ROUTES } from './collections/routes';
import { TREASURY_ROUTES } from './treasury/routes';
import { FISCAL_ROUTES } from './fiscal';
import { lazyPage } from './common/lazyPage';

/**
 * Every screen but the customer list (the first one most people open) loads its code when first
 * opened (common/lazyPage), each resource's index.ts saying which: the first load stays small.
 */
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');

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
    <Resource name="customers" {...withAccess(customers)} />
    <Resource name="branches" {...withAccess(branches)} />
    <Resource name="contacts" {...withAccess(contacts)} />
    <Resource name="card-issuers" {...withAccess(cardIssuers)} />
    <Resource name="card-plans" {...withAccess(cardPlans)} />
    {referenceTables.map(({ name, ...config }) => (
      <Resource key={name} name={name} {...withAccess(config)} />
    ))}
    <Resource name="documents" {...withAccess(documents)} />
    <Resource name="receipts" {...withAccess(receipts)} />
    <Resource name="applications" {...withAccess(applications)} />
    <Resource name="adjustments" {...withAccess(adjustments)} />
    <Resource name="voided-receipts" {...withAccess(voidedReceipts)} />
    <Resource name="values" {...withAccess(values)} />
    {treasuryTables.map(({ name, ...config }) => (
      <Resource key={name} name={name} {...withAccess(config)} />
    ))}
    <Resource name="deposit-slips" {...withAccess(depositSlips)} />
    <Resource name="card-coupons" {...withAccess(cardCoupons)} />
    <Resource name="card-settlements" {...withAccess(cardSettlements)} />
    <Resource name="withholdings" {...withAccess(withholdings)} />
    <Resource name="debtors" {...withAccess(debtors)} />
    <Resource name="collection-calls" {...withAccess(collectionCalls)} />
    <Resource name="users" {...withAccess(users)} />
    <Resource name="segment-levels" {...withAccess(segmentLevels)} />
    <Resource name="audit-events" {...withAccess(auditEvents)} />
    <Resource name="api-tokens" {...withAccess(apiTokens)} />
    <Resource name="webhook-subscriptions" {...withAccess(webhookSubscriptions)} />
    <Resource name="webhook-deliveries" {...withAccess(webhookDeliveries)} />
    <Resource name="billing-requests" {...withAccess(billingRequests)} />
    <CustomRoutes>
      <Route path={COMPANY_PATH} element={<CompanyPage />} />
      <Route path={PENDING_COUPONS_PATH} element={<PendingCouponsPage />} />
      <Route path={CUSTOMER_IMPORT_PATH} element={<ImportCustomersPage />} />
      {COLLECTIONS_ROUTES}
      {TREASURY_ROUTES}
      {FISCAL_ROUTES}
    </CustomRoutes>
    <CustomRoutes noLayout>
      {LEDGER_PRINT_ROUTES}
      {COLLECTIONS_PRINT_ROUTES}
    </CustomRoutes>
  </Admin>
);
