import type { Messages } from '../types';
import type tablesEs from '../es/tables';
import { catalogEn } from '../../../../shared/catalog/en';

/** Reference tables: payment terms, salespeople, collectors, price lists, carriers, segments, banks, exchange rates, holidays. Same keys as ../es/tables.ts. */
const tablesEn: Messages<typeof tablesEs> = {
  resources: {
    'payment-terms': {
      name: 'Payment term |||| Payment terms',
      forcedCaseName: 'payment term |||| payment terms',
      page: { create: 'New payment term' },
      fields: catalogEn.fields['payment-terms'],
    },
    salespeople: {
      name: 'Salesperson |||| Salespeople',
      forcedCaseName: 'salesperson |||| salespeople',
      page: { create: 'New salesperson' },
      fields: catalogEn.fields['salespeople'],
    },
    collectors: {
      name: 'Collector |||| Collectors',
      forcedCaseName: 'collector |||| collectors',
      page: { create: 'New collector' },
      fields: catalogEn.fields['collectors'],
    },
    'price-lists': {
      name: 'Price list |||| Price lists',
      forcedCaseName: 'price list |||| price lists',
      page: { create: 'New price list' },
      fields: catalogEn.fields['price-lists'],
    },
    carriers: {
      name: 'Carrier |||| Carriers',
      forcedCaseName: 'carrier |||| carriers',
      page: { create: 'New carrier' },
      fields: catalogEn.fields['carriers'],
    },
    segments: {
      name: 'Segment |||| Segments',
      forcedCaseName: 'segment |||| segments',
      page: { create: 'New segment' },
      fields: catalogEn.fields['segments'],
    },
    banks: {
      name: 'Bank |||| Banks',
      forcedCaseName: 'bank |||| banks',
      page: { create: 'New bank' },
      fields: catalogEn.fields['banks'],
    },
    'exchange-rates': {
      name: 'Exchange rate |||| Exchange rates',
      forcedCaseName: 'exchange rate |||| exchange rates',
      page: { create: 'New exchange rate' },
      fields: catalogEn.fields['exchange-rates'],
    },
    holidays: {
      name: 'Holiday |||| Holidays',
      forcedCaseName: 'holiday |||| holidays',
      page: { create: 'New holiday' },
      fields: catalogEn.fields['holidays'],
    },
  },
};

export default tablesEn;
