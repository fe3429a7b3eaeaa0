import { Router } from 'express';
import { resourceRouter } from '../http/resource';
import { authRouter } from '../modules/auth';
import { usersResource } from '../modules/auth';
import { auditEventsResource } from '../modules/audit';
import { holidaysResource, holidaysRoutes, segmentLevelsResource } from '../modules/reference';
import { companyRouter } from '../modules/company';
import {
  banksResource,
  carriersResource,
  collectorsResource,
  exchangeRatesResource,
  importExchangeRates,
  paymentTermsResource,
  priceListsResource,
  salespeopleResource,
  segmentsResource,
} from '../modules/reference';
import {
  branchesResource,
  contactsResource,
  customerRoutes,
  customersResource,
  figuresCurrent,
  importCustomers,
} from '../modules/customers';
import { cardIssuersResource, cardPlansResource } from '../modules/card-issuers';
import { bankAccountsResource, cashBoxesResource } from '../modules/treasury';
import {
  adjustmentsResource,
  applicationsResource,
  depositSlipsResource,
  cardBatchesResource,
  cardCouponsResource,
  cardSettlementsResource,
  cardBatchRoutes,
  cardSettlementRoutes,
  documentsResource,
  receiptsResource,
  valuesResource,
  withholdingsResource,
  interestRatesResource,
  interestRunsRouter,
  billingRequestsRouter,
  withholdingRoutes,
} from '../modules/ledger';
import {
  adjustmentRoutes,
  applicationRoutes,
  customerLedgerRoutes,
  depositSlipRoutes,
  documentRoutes,
  receiptRoutes,
  valueRoutes,
} from '../modules/ledger';
import { callsResource } from '../modules/collections';
import { debtorsResource } from '../modules/collections';
import { agendaRouter, callRoutes, sheetsRouter } from '../modules/collections';
import { reportsRouter } from '../modules/reports';
import { importRouter } from '../http/csv-import';
import { importDocuments } from '../modules/ledger';
import { healthRouter } from '../http/health';
import { apiDocsRouter } from '../http/api-docs';
import { apiTokensRouter, HUMAN_ONLY } from '../modules/auth';
import { webhookDeliveriesRouter, webhookSubscriptionsRouter } from '../modules/integrations';
import type { AuthSettings } from '../modules/auth';

/** Routes that answer without a session. */
export const PUBLIC_PATHS = new Set(['POST /auth/login', 'GET /health', 'GET /ready']);

/** The API's route table: one line per resource or area, all behind the session. */
export function mounts(): Array<[string, Router]> {
  return [
    ['/company', companyRouter()],
    ['/users', resourceRouter(usersResource)],
    ['/audit-events', resourceRouter(auditEventsResource)],
    ['/segment-levels', resourceRouter(segmentLevelsResource)],
    ['/payment-terms', resourceRouter(paymentTermsResource)],
    ['/salespeople', resourceRouter(salespeopleResource)],
    ['/collectors', resourceRouter(collectorsResource)],
    ['/price-lists', resourceRouter(priceListsResource)],
    ['/carriers', resourceRouter(carriersResource)],
    ['/segments', resourceRouter(segmentsResource)],
    ['/banks', resourceRouter(banksResource)],
    ['/exchange-rates', resourceRouter(exchangeRatesResource)],
    ['/holidays', resourceRouter(holidaysResource, holidaysRoutes)],
    ['/bank-accounts', resourceRouter(bankAccountsResource)],
    ['/cash-boxes', resourceRouter(cashBoxesResource)],
    ['/customers', resourceRouter(customersResource, (r) => (customerRoutes(r), customerLedgerRoutes(r)))],
    ['/branches', resourceRouter(branchesResource)],
    ['/contacts', resourceRouter(contactsResource)],
    ['/card-issuers', resourceRouter(cardIssuersResource)],
    ['/card-plans', resourceRouter(cardPlansResource)],
    ['/documents', resourceRouter(documentsResource, documentRoutes)],
    ['/receipts', resourceRouter(receiptsResource, receiptRoutes)],
    ['/adjustments', resourceRouter(adjustmentsResource, adjustmentRoutes)],
    ['/applications', resourceRouter(applicationsResource, applicationRoutes)],
    ['/values', resourceRouter(valuesResource, valueRoutes)],
    ['/deposit-slips', resourceRouter(depositSlipsResource, depositSlipRoutes)],
    ['/card-coupons', resourceRouter(cardCouponsResource)],
    ['/card-batches', resourceRouter(cardBatchesResource, cardBatchRoutes)],
    ['/card-settlements', resourceRouter(cardSettlementsResource, cardSettlementRoutes)],
    ['/withholdings', resourceRouter(withholdingsResource, withholdingRoutes)],
    ['/interest-rates', resourceRouter(interestRatesResource)],
    ['/interest-runs', interestRunsRouter()],
    ['/billing-requests', billingRequestsRouter()],
    ['/collection-calls', resourceRouter(callsResource, callRoutes)],
    ['/debtors', resourceRouter(debtorsResource)],
    ['/agenda', agendaRouter()],
    ['/collection-sheets', sheetsRouter()],
    ['/reports', reportsRouter()],
    ['/imports/customers', importRouter('masterdata.write', importCustomers)],
    ['/imports/documents', importRouter('ledger.post', importDocuments)],
    ['/imports/exchange-rates', importRouter('admin', importExchangeRates)],
    ['/api-tokens', apiTokensRouter()],
    ['/webhook-subscriptions', webhookSubscriptionsRouter()],
    ['/webhook-deliveries', webhookDeliveriesRouter()],
  ];
}

/** The API: health, auth, then the mounted areas. */
export function apiRoutes(settings: AuthSettings & { secureCookies: boolean }): Router {
  const api = Router();
  api.use(healthRouter());
  api.use('/auth', authRouter(settings));
  api.use(figuresCurrent);
  for (const [path, router] of mounts()) api.use(path, router);
  const docs = apiDocsRouter();
  api.use(docs.router);
  // Tokens never reach the token and auth routes (bearer.middleware.ts): the document says so.
  docs.publish(api, (path) => HUMAN_ONLY.test(path.replace(/^\/api/, '')));
  return api;
}
