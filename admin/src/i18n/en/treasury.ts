import { catalogEn } from '../../../../shared/catalog/en';
import type { Messages } from '../types';
import type treasuryEs from '../es/treasury';

/** Treasury: bank accounts, cash boxes, deposit slips and ECHEQ moves. */
const treasuryEn: Messages<typeof treasuryEs> = {
  resources: {
    'bank-accounts': {
      name: 'Bank account |||| Bank accounts',
      forcedCaseName: 'bank account |||| bank accounts',
      fields: catalogEn.fields['bank-accounts'],
      page: { create: 'New bank account' },
    },
    'cash-boxes': {
      name: 'Cash box |||| Cash boxes',
      forcedCaseName: 'cash box |||| cash boxes',
      fields: catalogEn.fields['cash-boxes'],
      page: { create: 'New cash box' },
    },
    'deposit-slips': {
      name: 'Deposit slip |||| Deposit slips',
      forcedCaseName: 'deposit slip |||| deposit slips',
      fields: catalogEn.fields['deposit-slips'],
    },
  },
  treasury: {
    menu: 'Treasury',
    accountsMenu: 'Accounts and cash boxes',
    accountTypes: catalogEn.values.bankAccountTypes,
    chequeKinds: catalogEn.values.chequeKinds,
    defaults: {
      title: 'Treasury',
      cashBox: 'Cash box for cash',
      bankAccount: 'Account for transfers',
      help: "Where receipts' cash and transfers are recorded, unless the line says otherwise.",
    },
    lines: {
      cashBox: 'Cash box',
      bankAccount: 'Destination account',
      originCbu: 'Origin CBU',
      originTaxId: 'Origin CUIT',
      kind: 'Kind',
      echeqId: 'ECHEQ id',
      echeqIdWhat: 'the ECHEQ id',
      deferred: 'Deferred',
      notToOrder: 'Not to order',
    },
    values: {
      actions: {
        accepted: 'Accept',
        repudiated: 'Repudiate',
        discounted: 'Discount',
        credited: 'Credit',
        replace: 'Replace on the receipt',
      },
      titles: {
        accepted: 'Accept %{value}',
        repudiated: 'Repudiate %{value}',
        discounted: 'Discount %{value}',
        credited: 'Credit %{value}',
        replace: 'Replace %{value} on its receipt',
      },
      done: {
        accepted: '%{value} accepted',
        repudiated: '%{value} repudiated: replace it on its receipt',
        discounted: '%{value} discounted',
        credited: '%{value} credited',
        replace: '%{value} replaced on receipt %{receipt}',
      },
      repudiateReason: 'Reason for the repudiation',
      fee: "Bank's fee",
      charges: 'Bank charges of the rejection',
      interest: 'Interest',
      bankAccount: 'Deposit account',
      replaceHelp:
        "The replacement is worth as much as the repudiated ECHEQ's line (%{amount}): the receipt's total does not change.",
      method: 'Payment method',
      reference: 'Reference',
      expired: 'Expired',
      expiredHelp: 'Past its presentation window (%{date}): Ley 24.452, arts. 25 and 54',
    },
    slips: {
      title: 'Deposit slip no. %{id}',
      print: 'Print',
      credit: 'Credit the slip',
      creditDone: "The slip's values were credited",
      creditDate: 'Credit date',
      values: 'Values',
      status: 'Status',
      pending: 'To be credited: %{count}',
      credited: 'Credited',
      made: 'Deposit slip no. %{id} recorded',
    },
  },
};

export default treasuryEn;
