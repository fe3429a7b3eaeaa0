import { Router } from 'express';
import { resourceRouter } from './resource';
import { authRouter } from '../modules/auth/auth.routes';
import { usersResource } from '../modules/auth/users.resource';
import { auditEventsResource } from '../modules/audit/audit.resource';
import { segmentLevelsResource } from '../modules/reference/segment-levels.resource';
import { companyRouter } from '../modules/company/company.routes';
import {
  banksResource,
  carriersResource,
  collectorsResource,
  exchangeRatesResource,
  paymentTermsResource,
  priceListsResource,
  salespeopleResource,
  segmentsResource,
} from '../modules/reference/reference.resources';
import { customersResource } from '../modules/customers/customers.resource';
import { customerRoutes } from '../modules/customers/customers.routes';
import { branchesResource } from '../modules/customers/branches.resource';
import { contactsResource } from '../modules/customers/contacts.resource';
import { cardIssuersResource, cardPlansResource } from '../modules/card-issuers/card-issuers.resources';
import {
  adjustmentsResource,
  applicationsResource,
  documentsResource,
  receiptsResource,
  valuesResource,
  withholdingsResource,
} from '../modules/ledger/ledger.resources';
import {
  adjustmentRoutes,
  applicationRoutes,
  customerLedgerRoutes,
  documentRoutes,
  receiptRoutes,
  valueRoutes,
} from '../modules/ledger/ledger.routes';
import { callsResource } from '../modules/collections/calls.resource';
import { debtorsResource } from '../modules/collections/debtors.resource';
import { agendaRouter, callRoutes, sheetsRouter } from '../modules/collections/collections.routes';
import { reportsRouter } from '../modules/reports/reports.routes';
import { importRouter } from '../lib/csv-import';
import { importCustomers } from '../modules/customers/customers.import';
import { importDocuments } from '../modules/ledger/documents.import';
import { healthRouter } from './health';
import type { AuthSettings } from '../modules/auth/auth.service';

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
    ['/withholdings', resourceRouter(withholdingsResource)],
    ['/collection-calls', resourceRouter(callsResource, callRoutes)],
    ['/debtors', resourceRouter(debtorsResource)],
    ['/agenda', agendaRouter()],
    ['/collection-sheets', sheetsRouter()],
    ['/reports', reportsRouter()],
    ['/imports/customers', importRouter('masterdata.write', importCustomers)],
    ['/imports/documents', importRouter('ledger.post', importDocuments)],
  ];
}

/** The API: health, auth, then the mounted areas. */
export function apiRoutes(settings: AuthSettings & { secureCookies: boolean }): Router {
  const api = Router();
  api.use(healthRouter());
  api.use('/auth', authRouter(settings));
  for (const [path, router] of mounts()) api.use(path, router);
  return api;
}
