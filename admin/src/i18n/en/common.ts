import type { Messages } from '../types';
import type commonEs from '../es/common';
import englishMessages from 'ra-language-english';
import { catalogEn } from '../../../../shared/catalog/en';

const { guesser, configurable } = englishMessages.ra;
if (!guesser || !configurable) throw new Error('ra-language-english no longer ships every ra.* key');

/** react-admin's own labels (ra.*) and what every screen shares: menu, roles, language, validation messages, errors. Same keys as ../es/common.ts. */
const commonEn: Messages<typeof commonEs> = {
  ra: {
    ...englishMessages.ra,
    guesser,
    configurable,
    page: { ...englishMessages.ra.page, dashboard: 'Home' },
    message: {
      ...englishMessages.ra.message,
      update_content: 'Are you sure you want to update %{name} %{recordRepresentation}?',
      update_title: 'Update %{name} %{recordRepresentation}',
    },
  },
  ctacte: {
    appName: 'Current accounts',
    menu: {
      customers: 'Customers',
      cards: 'Cards',
      ledger: 'Current accounts',
      collections: 'Collections',
      reports: 'Reports',
      administration: 'Administration',
      company: 'Company settings',
      tables: 'Tables',
      integrations: 'Integrations',
      customerImport: 'Import customers',
    },
    roles: catalogEn.values.roles,
    language: {
      label: 'Language',
      es: 'Español',
      en: 'English',
    },
    appBar: {
      company: 'Company: %{name}',
    },
    dashboard: {
      title: 'Home',
      greeting: 'Hello, %{name}',
      company: 'Company: %{company}',
      role: 'Your role: %{role}',
      today: 'Today is %{date}.',
      shortcuts: 'Shortcuts',
    },
    holidayKinds: catalogEn.values.holidayKinds,
    currencies: {
      ARS: 'Pesos (ARS)',
      USD: 'Dollars (USD)',
    },
    related: {
      empty: 'No %{name} yet.',
    },
    validation: {
      cuitLength: 'A CUIT has 11 digits',
      cuitPrefix: 'Prefix %{prefix} is not a CUIT prefix (valid: 20, 23, 24, 27, 30, 33, 34, 50, 51, 55)',
      cuitCheckDigit: 'Invalid check digit; it should be %{expected}',
      cbuLength: 'A CBU has 22 digits',
      cbuBankCheck: 'Invalid check digit of the bank and branch block; it should be %{expected}',
      cbuAccountCheck: 'Invalid check digit of the account block; it should be %{expected}',
      cuitNeverIssued: 'Not an issuable CUIT (remainder 1)',
      money: 'Enter an amount, for instance 1.234,50',
      username: 'Only lower-case letters, digits, dot, dash and underscore (3 to 60)',
      passwordLength: 'At least 8 characters',
      date: 'Enter a valid date (dd/mm/yyyy)',
      time: 'Enter a valid time (hh:mm, 24 h)',
      decimal: 'Enter a number with up to %{decimals} decimals, e.g. 1.125',
      decimalRange: 'Must be between %{min} and %{max}',
      code: 'Only letters, digits, point, dash and underscore (up to 20)',
      digits: 'Must have exactly %{digits} digits',
      rating: 'Up to 5 letters, digits, + or -',
      dni: 'A DNI has 7 or 8 digits',
      identityType: 'With this VAT condition the id is %{allowed} (RG 5616)',
      identityMissing: 'This VAT condition requires %{allowed} (RG 5616)',
      identityDomesticCuit: 'A country CUIT (50, 51 or 55) belongs to a foreign subject: this condition takes an Argentine CUIT',
      identityCountryCuit: 'A foreign customer is identified by a country CUIT (50, 51 or 55) or a foreign id',
      identityHint: 'Identification by VAT condition (RG 5616): %{allowed}',
      contactOwner: 'Give a customer or a card issuer (only one)',
      coefficientMin: 'The coefficient is 1 or more (1 = no surcharge)',
      validityOrder: 'The validity ends before it starts',
      integerRange: 'Must be a whole number between %{min} and %{max}',
    },
    dates: {
      pick: 'Pick from the calendar',
    },
    errors: {
      network: 'Could not reach the server. Check your connection.',
      server: 'The server answered with an error (%{status}).',
    },
  },
};

export default commonEn;
