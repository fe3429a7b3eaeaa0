// What other modules and the app may use of the reference tables.
export {
  banksResource,
  carriersResource,
  collectorsResource,
  paymentTermsResource,
  priceListsResource,
  salespeopleResource,
  segmentsResource,
} from './reference.resources';
export { segmentLevelsResource } from './segment-levels.resource';
export { ARGENTINE_BANKS } from './banks.data';
export { holidaysResource } from './holidays.resource';
export { holidaysRoutes } from './holidays.routes';
export { ARGENTINE_HOLIDAYS } from './holidays.data';
export { nextWorkingDay } from './working-days';
export { exchangeRatesResource, importExchangeRates, rateOn, FOREIGN_CURRENCIES } from './exchange-rates';
