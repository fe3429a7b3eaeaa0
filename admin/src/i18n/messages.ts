/**
 * The catalogs, one file per admin area per language (es/<area>.ts, en/<area>.ts),
 * assembled here into what react-admin reads. Each English file has exactly its Spanish
 * file's keys (Messages<typeof …Es>); the assembled catalog is checked against AppMessages.
 * The English catalog (messagesEn.ts) loads only when someone picks English.
 */
import type { AppMessages, Messages } from './types';
import commonEs from './es/common';
import adminEs from './es/admin';
import integrationsEs from './es/integrations';
import customersEs from './es/customers';
import cardsEs from './es/cards';
import tablesEs from './es/tables';
import ledgerEs from './es/ledger';
import documentsEs from './es/documents';
import receiptsEs from './es/receipts';
import valuesEs from './es/values';
import collectionsEs from './es/collections';
import reportsEs from './es/reports';
import treasuryEs from './es/treasury';
import cardCouponsEs from './es/card-coupons';
import fiscalEs from './es/fiscal';

export interface Areas {
  common: Messages<typeof commonEs>;
  admin: Messages<typeof adminEs>;
  integrations: Messages<typeof integrationsEs>;
  customers: Messages<typeof customersEs>;
  cards: Messages<typeof cardsEs>;
  tables: Messages<typeof tablesEs>;
  ledger: Messages<typeof ledgerEs>;
  documents: Messages<typeof documentsEs>;
  receipts: Messages<typeof receiptsEs>;
  values: Messages<typeof valuesEs>;
  collections: Messages<typeof collectionsEs>;
  reports: Messages<typeof reportsEs>;
  treasury: Messages<typeof treasuryEs>;
  cardCoupons: Messages<typeof cardCouponsEs>;
  fiscal: Messages<typeof fiscalEs>;
}

export const assemble = (a: Areas): AppMessages => ({
  ra: a.common.ra,
  resources: {
    ...a.admin.resources,
    ...a.integrations.resources,
    ...a.customers.resources,
    ...a.cards.resources,
    ...a.tables.resources,
    ...a.documents.resources,
    ...a.receipts.resources,
    ...a.values.resources,
    ...a.collections.resources,
    ...a.treasury.resources,
    ...a.cardCoupons.resources,
    ...a.fiscal.resources,
  },
  ctacte: {
    ...a.common.ctacte,
    ...a.admin.ctacte,
    ...a.integrations.ctacte,
    ...a.customers.ctacte,
    ...a.cards.ctacte,
  },
  ledger: { ...a.ledger.ledger, ...a.documents.ledger, ...a.receipts.ledger, ...a.values.ledger },
  collections: a.collections.collections,
  reports: a.reports.reports,
  treasury: a.treasury.treasury,
  cardCoupons: a.cardCoupons.cardCoupons,
  fiscal: a.fiscal.fiscal,
});

/** Castellano de la Argentina, registro profesional neutro (sin voseo). */
export const es = assemble({
  common: commonEs,
  admin: adminEs,
  integrations: integrationsEs,
  customers: customersEs,
  cards: cardsEs,
  tables: tablesEs,
  ledger: ledgerEs,
  documents: documentsEs,
  receipts: receiptsEs,
  values: valuesEs,
  collections: collectionsEs,
  reports: reportsEs,
  treasury: treasuryEs,
  cardCoupons: cardCouponsEs,
  fiscal: fiscalEs,
});
