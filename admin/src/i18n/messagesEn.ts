/** The English catalog, assembled as the Spanish one (messages.ts); loaded when English is picked. */
import { assemble } from './messages';
import commonEn from './en/common';
import adminEn from './en/admin';
import integrationsEn from './en/integrations';
import customersEn from './en/customers';
import cardsEn from './en/cards';
import tablesEn from './en/tables';
import ledgerEn from './en/ledger';
import documentsEn from './en/documents';
import receiptsEn from './en/receipts';
import valuesEn from './en/values';
import collectionsEn from './en/collections';
import reportsEn from './en/reports';
import treasuryEn from './en/treasury';
import cardCouponsEn from './en/card-coupons';
import fiscalEn from './en/fiscal';

export const en = assemble({
  common: commonEn,
  admin: adminEn,
  integrations: integrationsEn,
  customers: customersEn,
  cards: cardsEn,
  tables: tablesEn,
  ledger: ledgerEn,
  documents: documentsEn,
  receipts: receiptsEn,
  values: valuesEn,
  collections: collectionsEn,
  reports: reportsEn,
  treasury: treasuryEn,
  cardCoupons: cardCouponsEn,
  fiscal: fiscalEn,
});
