import type { Messages } from '../types';
import type customersEs from '../es/customers';
import { catalogEn } from '../../../../shared/catalog/en';

/** Customers, their branches and contacts, tax conditions and the customer import. Same keys as ../es/customers.ts. */
const customersEn: Messages<typeof customersEs> = {
  resources: {
    customers: {
      name: 'Customer |||| Customers',
      forcedCaseName: 'customer |||| customers',
      page: { create: 'New customer' },
      fields: catalogEn.fields['customers'],
    },
    branches: {
      name: 'Branch |||| Branches',
      forcedCaseName: 'branch |||| branches',
      page: { create: 'New branch' },
      fields: catalogEn.fields['branches'],
    },
    contacts: {
      name: 'Contact |||| Contacts',
      forcedCaseName: 'contact |||| contacts',
      page: { create: 'New contact' },
      fields: catalogEn.fields['contacts'],
    },
  },
  ctacte: {
    tabs: {
      general: 'General',
      tax: 'Tax',
      commercial: 'Commercial',
      contacts: 'Contacts',
      branches: 'Branches',
      plans: 'Plans',
    },
    sections: {
      identity: 'Identification',
      address: 'Address and contact',
      account: 'Current account',
      sales: 'Sales and collections',
      segments: 'Segments',
    },
    address: {
      countryHelp: 'Two-letter ISO code (AR, UY, CL…)',
    },
    customerStatuses: catalogEn.values.customerStatuses,
    ivaConditions: catalogEn.values.ivaConditions,
    ivaShort: {
      1: 'VAT registered',
      4: 'Exempt',
      5: 'Final consumer',
      6: 'Monotributo',
      7: 'Not categorised',
      9: 'Foreign',
      10: 'VAT released',
      13: 'Social monotr.',
      15: 'Outside VAT',
      16: 'Promoted monotr.',
    },
    taxIdTypes: catalogEn.values.taxIdTypes,
    grossIncomeRegimes: catalogEn.values.grossIncomeRegimes,
    customers: {
      location: 'City',
      codeAndTaxId: 'Code / CUIT',
      iva: 'VAT',
      people: 'Salesperson / collector',
      credit: 'Limit / available',
      activity: 'Last sale / last receipt',
      showFilters: 'Show filters',
      hideFilters: 'Hide filters',
      allProvinces: 'All',
      noLimit: 'No limit',
      bimonetaryHelp:
        'Keeps a peso and a dollar ledger, with a balance per currency; balance and limit are those of the account currency',
      noLimitHelp: 'Empty: no credit limit.',
      creditReadOnly: 'Credit limit and status are changed by a supervisor, a manager or an admin.',
      creditOnly: 'As a manager you may change the customer’s credit limit and status; the rest of the record is read-only.',
      created: 'Customer created. Add its contacts and branches.',
      saleAllowed: 'May buy on account',
      saleBlocked: 'Sales on account blocked',
      daysOverdue:
        'Overdue since %{date} (1 day; tolerance: %{tolerance}) |||| Overdue since %{date} (%{smart_count} days; tolerance: %{tolerance})',
      filters: {
        credit: 'Credit',
      },
    },
    branches: {
      commercial: 'Own commercial data',
      inherits: 'Empty: takes the customer’s',
      fromCustomer: '(customer’s)',
    },
    contacts: {
      owner: 'Belongs to',
      collectionsHelp: 'The person called about payments',
    },
    import: {
      title: 'Import customers',
      intro:
        'Upload a CSV file with the columns of the customers export. A row whose code exists updates that customer; the others create new customers. The file is checked first without writing anything; the import writes everything or nothing.',
      formats:
        'Excel files (semicolon separator, decimal comma, dd/mm/yyyy dates) and standard CSV (comma separator) are accepted. The export’s balance and date columns are ignored.',
      template: 'Download the current export as a template',
      choose: 'Choose CSV file',
      noFile: 'No file chosen',
      check: 'Check',
      commit: 'Import',
      uploading: 'Sending the file… %{percent} %',
      checking: 'Checking on the server…',
      importing: 'Importing on the server…',
      clean: 'The file has no errors. Press “Import” to write it.',
      hasErrors: 'Some rows have errors; fix them before importing.',
      done: 'Import finished: %{created} new customers and %{updated} updated.',
      seeCustomers: 'See customers',
      errorsTitle: 'Errors by row',
      errorsTruncated: 'Showing the first %{shown} of %{total} errors.',
      row: 'Row',
      column: 'Column',
      message: 'Error',
      counts: {
        total: 'Rows',
        valid: 'Valid',
        invalid: 'With errors',
        toCreate: 'To create',
        toUpdate: 'To update',
        created: 'Created',
        updated: 'Updated',
        unchanged: 'Unchanged',
      },
    },
  },
};

export default customersEn;
