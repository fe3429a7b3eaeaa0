import { Router } from 'express';
import type { Knex } from 'knex';
import { resourceRouter } from '../http/resource';
import { authRouter } from '../modules/auth';
import { usersResource } from '../modules/auth';
import { auditEventsResource } from '../modules/audit';
import { segmentLevelsResource } from '../modules/reference';
import { companyRouter } from '../modules/company';
import {
  banksResource,
  carriersResource,
  collectorsResource,
  exchangeRatesResource,
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
import {
  adjustmentsResource,
  applicationsResource,
  documentsResource,
  receiptsResource,
  valuesResource,
  withholdingsResource,
} from '../modules/ledger';
import {
  adjustmentRoutes,
  applicationRoutes,
  customerLedgerRoutes,
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
import { getKnex } from '../http/context';
import { DB_RETRY_AFTER_SECONDS } from '../http/errors';
import type { DbMonitor } from '../db/monitor';
import { apiTokensRouter } from '../modules/auth';
import { webhookDeliveriesRouter, webhookSubscriptionsRouter } from '../modules/integrations';
import type { AuthSettings } from '../modules/auth';

/** Routes that answer without a session. */
export const PUBLIC_PATHS = new Set(['POST /auth/login', 'GET /health']);

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
    ['/api-tokens', apiTokensRouter()],
    ['/webhook-subscriptions', webhookSubscriptionsRouter()],
    ['/webhook-deliveries', webhookDeliveriesRouter()],
  ];
}

/** The API: health, auth, then the mounted areas. */
export function apiRoutes(settings: AuthSettings & { secureCookies: boolean }): Router {
  const api = Router();
  // `mode`: embedded or external PostgreSQL; `state`: up, down or restarting (the embedded one heals itself).
  api.get('/health', async (req, res) => {
    const monitor = req.app.locals.dbMonitor as DbMonitor | undefined;
    let db = 'ok';
    try {
      await (getKnex(req) as Knex).raw('select 1').timeout(3_000, { cancel: false });
    } catch {
      db = 'down';
      monitor?.notifyUnavailable();
    }
    const status = monitor?.status();
    const state = db === 'ok' ? 'up' : status?.state === 'restarting' ? 'restarting' : 'down';
    if (db !== 'ok') res.setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
    res.status(db === 'ok' ? 200 : 503).json({
      status: db === 'ok' ? 'ok' : 'degraded',
      db,
      mode: status?.mode ?? 'external',
      state,
      restarts: status?.restarts ?? 0,
      lastOutageAt: status?.lastOutageAt ?? null,
    });
  });
  api.use('/auth', authRouter(settings));
  api.use(figuresCurrent);
  for (const [path, router] of mounts()) api.use(path, router);
  return api;
}
