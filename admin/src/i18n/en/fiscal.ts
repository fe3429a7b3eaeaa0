import { catalogEn } from '../../../../shared/catalog/en';
import type { Messages } from '../types';
import type fiscalEs from '../es/fiscal';

/** Foreign currency, late-payment interest and withholding files. */
const fiscalEn: Messages<typeof fiscalEs> = {
  resources: {
    'interest-rates': {
      name: 'Interest rate |||| Interest rates',
      forcedCaseName: 'interest rate |||| interest rates',
      page: { create: 'New interest rate' },
      fields: catalogEn.fields['interest-rates'],
    },
  },
  fiscal: {
    menu: {
      interestRun: 'Late-payment interest',
      withholdingFiles: 'Withholding files',
      rateImport: 'Import BNA rates',
    },
    interest: {
      title: 'Late-payment interest',
      help: 'Simple interest on overdue documents: open amount × monthly rate ÷ 30 × days late, never the same days twice nor interest on interest. Rates are kept in Tables › Interest rates.',
      date: 'Compute on',
      graceDays: 'Grace days',
      minimumAmount: 'Minimum per customer',
      export: 'Export CSV',
      post: 'Post debit notes',
      confirmTitle: 'Post the interest',
      confirm: 'One internal debit note (letter X) per customer will be posted, %{count} in all, for %{total}.',
      posted: 'Debit notes posted: %{numbers}',
      empty: 'There is no interest to charge on that date.',
      customer: 'Customer',
      document: 'Document',
      dueDate: 'Due date',
      base: 'Open amount',
      from: 'From',
      to: 'To',
      days: 'Days',
      amount: 'Interest',
      total: 'Total to post',
    },
    exchange: {
      title: 'Exchange difference',
      help: "This receipt's pesos were converted at %{paymentRate}; the BNA seller rate of the day is %{dayRate}. Each application's difference is posted as an internal debit or credit note (letter X).",
      noRate: 'The BNA rate of %{date} is missing: enter it in Tables › Exchange rates to see the exchange difference.',
      document: 'Document',
      documentRate: "Document's rate",
      pesoApplied: 'Applied from pesos',
      pesoDifference: 'Difference in pesos',
      amount: 'Note to post',
      posted: 'Posted',
      post: 'Post exchange difference',
      done: 'Exchange difference posted: %{numbers}',
      types: { ND: 'Debit note', NC: 'Credit note' },
    },
    files: {
      title: 'Files of withholdings suffered',
      help: "Gross income withholdings suffered in the period, in each tax office's record layout. SIFERE is the file imported into the Convenio Multilateral return (every jurisdiction). ARCIBA and ARBA are the layouts agents declare with: use them to check what each agent reported and to send an agent the record it left out (enter the agent's CUIT to get only its records).",
      agentTaxId: "Agent's CUIT (optional)",
      from: 'From',
      to: 'To',
      sifere: 'SIFERE (Convenio Multilateral)',
      arciba: 'ARCIBA (City of Buenos Aires)',
      arba: 'ARBA (Province of Buenos Aires)',
      download: 'Download',
      iibbSituation: 'Gross income standing',
      iibbNumber: 'Gross income number',
      ivaSituation: 'VAT standing',
      iibbSituations: { '1': 'Local', '2': 'Convenio Multilateral', '4': 'Not registered', '5': 'Simplified regime' },
      ivaSituations: { '1': 'Responsable Inscripto', '3': 'Exempt', '4': 'Monotributo' },
    },
    rates: {
      title: 'Import BNA rates',
      help: "A CSV file with the date and rate columns (Banco de la Nación Argentina's seller rate), e.g. the published series saved from a spreadsheet. A day already entered takes the imported rate.",
      file: 'CSV file',
      dryRun: 'Check',
      import: 'Import',
      result: 'New: %{created} · Updated: %{updated} · Unchanged: %{unchanged}',
    },
  },
};

export default fiscalEn;
