import englishMessages from 'ra-language-english';
import type { AppMessages } from './types';

const { guesser, configurable } = englishMessages.ra;
if (!guesser || !configurable) throw new Error('ra-language-english no longer ships every ra.* key');

const en: AppMessages = {
  ...englishMessages,
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
  resources: {
    users: {
      name: 'User |||| Users',
      forcedCaseName: 'user |||| users',
      page: { create: 'New user' },
      fields: {
        id: 'No.',
        username: 'Username',
        fullName: 'Full name',
        email: 'Email',
        role: 'Role',
        active: 'Active',
        lastLoginAt: 'Last login',
        createdAt: 'Created',
        updatedAt: 'Last change',
        password: 'Password',
      },
    },
    'segment-levels': {
      name: 'Segment level |||| Segment levels',
      forcedCaseName: 'segment level |||| segment levels',
      fields: {
        id: 'No.',
        level: 'Level',
        name: 'Name',
        createdAt: 'Created',
        updatedAt: 'Last change',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      forcedCaseName: 'audit event |||| audit events',
      fields: {
        id: 'No.',
        at: 'Date and time',
        userId: 'User no.',
        username: 'User',
        action: 'Action',
        entity: 'Entity',
        entityId: 'Record no.',
        before: 'Before',
        after: 'After',
        ip: 'IP address',
        at_gte: 'From',
        at_lte: 'To',
      },
    },
    company: {
      name: 'Company |||| Companies',
      forcedCaseName: 'company |||| companies',
      fields: {
        id: 'No.',
        name: 'Legal name',
        taxId: 'CUIT',
        street: 'Street address',
        city: 'City',
        province: 'Province',
        postalCode: 'Postal code',
        phone: 'Phone',
        email: 'Email',
        lockDate: 'Lock date',
        defaultReceiptPointOfSale: 'Receipt point of sale',
        overdueToleranceDays: 'Overdue tolerance',
        createdAt: 'Created',
        updatedAt: 'Last change',
      },
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
    },
    roles: {
      clerk: 'Clerk',
      supervisor: 'Collections supervisor',
      manager: 'Management',
      admin: 'Administrator',
    },
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
    company: {
      title: 'Company settings',
      readOnly: 'Only an administrator can change these settings.',
      address: 'Address and contact',
      tax: 'Identification',
      ledger: 'Current accounts',
      lockDateHelp: 'Nothing is posted, cancelled or applied on or before this date.',
      toleranceHelp: 'Days overdue allowed before sales to a customer are blocked.',
      days: '%{smart_count} day |||| %{smart_count} days',
    },
    users: {
      identity: 'Personal data',
      access: 'Access',
      passwordOnCreate: 'At least 8 characters.',
      passwordOnEdit: 'Leave empty to keep the current one.',
      neverLoggedIn: 'Never logged in',
    },
    segmentLevels: {
      help: 'The four levels by which the company groups its customers (for instance Zone, Line of business, Channel, Group).',
      level: 'Level %{level}',
    },
    audit: {
      actions: {
        create: 'Create',
        update: 'Update',
        delete: 'Delete',
        login: 'Log in',
        logout: 'Log out',
      },
      changes: {
        title: 'Changes',
        field: 'Field',
        before: 'Before',
        after: 'After',
        none: 'This event records no data.',
        raw: 'Full data (JSON)',
        onlyChanged: 'Changed fields only',
        showAll: 'All fields',
      },
    },
    validation: {
      cuitLength: 'A CUIT has 11 digits',
      cuitPrefix: 'Prefix %{prefix} is not a CUIT prefix (valid: 20, 23, 24, 27, 30, 33, 34, 50, 51, 55)',
      cuitCheckDigit: 'Invalid check digit; it should be %{expected}',
      cuitNeverIssued: 'Not an issuable CUIT (remainder 1)',
      money: 'Enter an amount, for instance 1.234,50',
      username: 'Only lower-case letters, digits, dot, dash and underscore (3 to 60)',
      passwordLength: 'At least 8 characters',
      date: 'Enter a valid date (dd/mm/yyyy)',
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

export default en;
