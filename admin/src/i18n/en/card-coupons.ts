import { catalogEn } from '../../../../shared/catalog/en';
import type { Messages } from '../types';
import type cardCouponsEs from '../es/card-coupons';

/** Treasury › Card coupons and Settlements. */
const cardCouponsEn: Messages<typeof cardCouponsEs> = {
  resources: {
    'card-coupons': {
      name: 'Card coupon |||| Card coupons',
      forcedCaseName: 'card coupon |||| card coupons',
      fields: catalogEn.fields['card-coupons'],
    },
    'card-batches': {
      name: 'Presentation batch |||| Presentation batches',
      forcedCaseName: 'presentation batch |||| presentation batches',
      fields: catalogEn.fields['card-batches'],
    },
    'card-coupons-pending': {
      name: 'Coupons to settle',
      forcedCaseName: 'coupons to settle',
      fields: catalogEn.fields['card-coupons-pending'],
    },
    'card-settlements': {
      name: 'Settlement |||| Settlements',
      forcedCaseName: 'settlement |||| settlements',
      fields: catalogEn.fields['card-settlements'],
      page: { create: 'New settlement' },
    },
  },
  cardCoupons: {
    states: catalogEn.values.cardCouponStates,
    origins: { manual: 'Entered by hand', import: "Issuer's file" },
    batch: {
      action: 'Present in a batch',
      help: 'Select held coupons of one card issuer',
      title: 'Present %{smart_count} coupon in a batch |||| Present %{smart_count} coupons in a batch',
      summary: 'Batch total: %{amount}',
      date: 'Presentation date',
      number: "Terminal's batch no.",
      done: 'Batch #%{id} made',
    },
    settlement: {
      title: 'Settlement %{number} of %{issuer}',
      issuer: 'Card',
      batch: 'Batch',
      allBatches: 'Every unsettled coupon',
      number: 'Settlement no.',
      date: 'Payment date',
      bankAccount: 'Credited account',
      notes: 'Notes',
      coupons: 'Coupons',
      none: 'The card has no unsettled coupons',
      pick: 'Choose the card to see its unsettled coupons',
      include: 'Include',
      save: 'Record settlement',
      saved: 'Settlement %{number} recorded',
      totals: 'Gross %{gross} · fee %{fee} · IVA %{feeIva} · withholdings %{withholdings} · net %{net}',
      mode: { manual: 'Enter by hand', import: "Import the issuer's file" },
      file: 'Settlement CSV file',
      fileHelp: 'Columns are read by the names set on the card issuer (Settlement file columns).',
      check: 'Check file',
      checked: 'The file has %{smart_count} valid coupon |||| The file has %{smart_count} valid coupons',
      import: 'Import settlement',
      expected: 'Expected',
      settled: 'Settled',
      differences: 'Differences',
      noSelection: 'Include at least one coupon',
      badAmount: 'Invalid amount on coupon %{coupon}',
    },
    pending: {
      menu: 'Coupons to settle',
      title: 'Card coupons pending settlement',
      asOf: 'As of',
      empty: 'No coupons pending settlement',
      total: 'Total',
    },
  },
};

export default cardCouponsEn;
