import type { Messages } from '../types';
import type documentsEs from '../es/documents';
import { catalogEn } from '../../../../shared/catalog/en';

/** Documents (invoices, debit and credit notes, ARCA data), their cancellation, and adjustments. Same keys as ../es/documents.ts. */
const documentsEn: Messages<typeof documentsEs> = {
  resources: {
    documents: {
      name: 'Document |||| Documents',
      forcedCaseName: 'document |||| documents',
      page: { create: 'New document' },
      fields: catalogEn.fields['documents'],
    },
    adjustments: {
      name: 'Adjustment |||| Adjustments',
      forcedCaseName: 'adjustment |||| adjustments',
      page: { create: 'New adjustment' },
      fields: catalogEn.fields['adjustments'],
    },
  },
  ledger: {
    arca: {
      title: 'Tax data (ARCA)',
      externalRef: 'Billing system reference',
      cae: 'CAE',
      caeDueDate: 'CAE due date',
      fce: 'MiPyME electronic credit invoice',
      fceYes: 'Yes (MiPyME FCE)',
      fceAcceptance: "Buyer's acceptance",
      acceptance: {
        pending: 'Pending',
        accepted: 'Accepted',
        tacitly_accepted: 'Tacitly accepted',
        rejected: 'Rejected',
      },
      arcaCode: 'ARCA document code',
      fceCbu: 'CBU for payment',
      fceOption: 'Transfer option',
      options: { SCA: 'Open circulation system (SCA)', ADC: 'Collective deposit agent (ADC)' },
      fceDeadline: 'Acceptance deadline',
      fceRejectionReason: 'Rejection reason',
      daysLeft: 'Due on %{date}: %{smart_count} day left |||| Due on %{date}: %{smart_count} days left',
      lastDay: 'Due today, %{date}',
      windowPassed: 'The window ended on %{date} with no answer: accepted by silence (Ley 27.440, art. 6)',
      onlyFce: 'FCE only',
    },
    creditNote: {
      button: 'Issue credit note',
      title: 'Credit note for %{number}',
      help: 'A fiscal document is not cancelled: it is reversed by a credit note of its letter (RG 1415), applied to it. Give the number and CAE that billing assigned.',
      pointOfSale: 'Point of sale',
      number: 'Number',
      issueDate: 'Date',
      total: 'Amount',
      cae: 'CAE',
      caeDueDate: 'CAE due date',
      reason: 'Reason',
      confirm: 'Post the credit note',
      done: 'Posted %{number}, applied to %{invoice}',
    },
    documents: {
      tabs: { posted: 'Posted', open: 'Open', cancelled: 'Cancelled', voided: 'Voided receipts' },
      intake: 'New document',
      post: 'Post',
      posted: '%{number} posted',
      dueHelp: "Empty: from the customer's payment terms",
      intakeHelp:
        'Invoices, debit and credit notes issued by billing, with their printed number. Receipts and adjustments have their own screens.',
    },
    document: {
      applications: 'Applications',
      noApplications: 'This document has no applications.',
      counterpart: 'Document',
      applicationState: 'Situation',
      applied: 'Active',
      reversed: 'Reversed on %{at}',
      reversedBy: 'Reversed on %{at} by %{user}',
      reversedAsOf: 'as of %{date}',
      unapplied: 'On account (unapplied)',
      appliedAmount: 'Applied',
      cancelledOn: 'Cancelled on %{date}. Reason: %{reason}',
    },
    cancel: {
      button: 'Cancel',
      title: 'Cancel %{number}',
      willUnapply: 'This application will be reversed: |||| These %{smart_count} applications will be reversed:',
      nothingApplied: 'The document has no active applications.',
      appliedOn: 'Applied on %{date}',
      valuesLeave: 'This value will leave the portfolio: |||| These %{smart_count} values will leave the portfolio:',
      payable: 'Payment date %{date}',
      confirm: 'Cancel the document',
      done: '%{number} cancelled',
      doneUnapplied:
        '%{number} cancelled and one application reversed |||| %{number} cancelled and %{smart_count} applications reversed',
    },
    adjustments: {
      help: 'A debit adjustment increases what the customer owes; a credit adjustment decreases it and stays as a credit to apply.',
    },
  },
};

export default documentsEn;
