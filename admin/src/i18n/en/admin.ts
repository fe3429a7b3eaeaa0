import type { Messages } from '../types';
import type adminEs from '../es/admin';
import { catalogEn } from '../../../../shared/catalog/en';

/** Administración: users, segment levels, the audit log and the company's data. Same keys as ../es/admin.ts. */
const adminEn: Messages<typeof adminEs> = {
  resources: {
    users: {
      name: 'User |||| Users',
      forcedCaseName: 'user |||| users',
      page: { create: 'New user' },
      fields: catalogEn.fields['users'],
    },
    'segment-levels': {
      name: 'Segment level |||| Segment levels',
      forcedCaseName: 'segment level |||| segment levels',
      fields: catalogEn.fields['segment-levels'],
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      forcedCaseName: 'audit event |||| audit events',
      fields: catalogEn.fields['audit-events'],
    },
    company: {
      name: 'Company |||| Companies',
      forcedCaseName: 'company |||| companies',
      fields: catalogEn.fields['company'],
    },
  },
  ctacte: {
    company: {
      title: 'Company settings',
      readOnly: 'Only an administrator can change these settings.',
      address: 'Address and contact',
      tax: 'Identification',
      ledger: 'Current accounts',
      lockDateHelp: 'Nothing is posted, cancelled or applied on or before this date.',
      toleranceHelp: 'Days overdue allowed before sales to a customer are blocked.',
      days: '%{smart_count} day |||| %{smart_count} days',
      logoHelp: 'PNG, JPEG or SVG up to 150 KB; printed on receipts, statements and collection sheets.',
      logoRemove: 'Remove logo',
      logoTooLarge: 'The logo is larger than 150 KB',
      ivaHelp: 'Sets the letters it issues: A/B as Responsable Inscripto, C as Monotributo or Exento (RG 1415).',
      activityStart: 'Start of activities',
      grossIncome: 'Gross income tax',
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
        import: 'Import',
        visit_result: 'Visit result',
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
  },
};

export default adminEn;
