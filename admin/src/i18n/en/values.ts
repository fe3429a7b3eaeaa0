import type { Messages } from '../types';
import type valuesEs from '../es/values';
import { catalogEn } from '../../../../shared/catalog/en';

/** Cheques and notes (cartera de valores) and withholdings. Same keys as ../es/values.ts. */
const valuesEn: Messages<typeof valuesEs> = {
  resources: {
    values: {
      name: 'Value |||| Cheques and notes',
      forcedCaseName: 'value |||| values',
      fields: catalogEn.fields['values'],
    },
    withholdings: {
      name: 'Withholding certificate |||| Withholdings',
      forcedCaseName: 'withholding certificate |||| withholding certificates',
      fields: catalogEn.fields['withholdings'],
    },
  },
  ledger: {
    withholdingTypes: catalogEn.values.withholdingTypes,
    valueStates: catalogEn.values.valueStates,
    values: {
      actions: { deposited: 'Deposit', endorsed: 'Endorse', rejected: 'Reject' },
      move: 'Deposit, endorse or reject',
      noneForCustomer: 'The customer has given no cheques or notes.',
      moveAria: 'Move value %{number}',
      titles: { deposited: 'Deposit %{value}', endorsed: 'Endorse %{value}', rejected: 'Reject %{value}' },
      done: { deposited: '%{value} deposited', endorsed: '%{value} endorsed', rejected: '%{value} rejected' },
      depositBank: 'Deposit bank',
      endorsedTo: 'Endorsed to',
      rejectReason: 'Reason for rejection',
      rejectReasonHelp: 'For example: insufficient funds, signature mismatch',
      rejectWarning: 'Rejecting it posts a debit note of %{amount} to the customer.',
      rejectedNd: '%{value} rejected: %{number} of %{amount} posted to the customer',
      summary: '%{value} of %{amount} · %{customer} · payable %{date}',
      by: '%{user}, %{at}',
      history: 'History',
      historyOf: 'History: %{value}',
      received: 'Received on %{date}',
      since: 'since %{date}',
      depositSelected: 'Deposit selected',
      depositSelectedTitle: 'Deposit 1 value |||| Deposit %{smart_count} values',
      depositSelectedSummary: '1 value for %{amount} |||| %{smart_count} values for %{amount}',
      depositSelectedDone: '1 value deposited |||| %{smart_count} values deposited',
      depositSelectedHelp: 'Only values in the portfolio can be deposited.',
      tabs: { deposited: 'Deposited', endorsed: 'Endorsed', rejected: 'Rejected', cancelled: 'Cancelled' },
    },
  },
};

export default valuesEn;
