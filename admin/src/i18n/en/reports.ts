import type { Messages } from '../types';
import type reportsEs from '../es/reports';
import { catalogEn } from '../../../../shared/catalog/en';

/** Reports: aging of balances and the dashboard. Same keys as ../es/reports.ts. */
const reportsEn: Messages<typeof reportsEs> = {
  reports: {
    menu: {
      aging: 'Aged receivables',
    },
    buckets: catalogEn.fields.aging,
    bucketsShort: {
      notDue: 'Not due',
      days1to30: '1–30',
      days31to60: '31–60',
      days61to90: '61–90',
      days91to120: '91–120',
      over120: '120+',
    },
    aging: {
      title: 'Aged receivables',
      asOf: 'As of',
      today: 'Today',
      lastMonthEnd: 'Last month end',
      groupBy: 'Group by',
      groups: {
        customer: 'Customer',
        collector: 'Collector',
        salesperson: 'Salesperson',
        rating: 'Rating',
      },
      basis: 'Age by',
      bases: {
        due: 'Due date',
        issue: 'Issue date',
      },
      currency: 'Currency',
      search: 'Search customer',
      customers: 'Customers',
      totals: 'Totals',
      unassigned: '(unassigned)',
      chart: 'Balances by age',
      drill: 'See open items',
      drillTitle: 'Open items of %{customer} as of %{date}',
      toDebtors: 'See the debtors of %{group}',
      empty: 'No balances for these filters.',
      net: 'Debits %{debits} − credits %{credits}',
      summary: '%{smart_count} row · as of %{date} |||| %{smart_count} rows · as of %{date}',
    },
    dashboard: {
      receivable: 'Total receivable',
      debtors: '%{smart_count} customer with a balance |||| %{smart_count} customers with a balance',
      receivableHelp: "Debit balances (%{owed}) less customers' credit balances (%{credit}); the total of the aging report.",
      overdue: 'Net overdue',
      overdueHelp:
        'Overdue debt less the credits on account that will settle it: overdue in the aging report %{gross}, less credits on account %{credits}.',
      inCredit: 'Credit balances',
      inCreditDetail: '%{smart_count} customer in credit |||| %{smart_count} customers in credit',
      inCreditHelp: 'Customers whose payments and credit notes exceed what they owe; the balance shows negative.',
      overdueShare:
        '%{share} % of what is owed · %{smart_count} customer |||| %{share} % of what is owed · %{smart_count} customers',
      dso: 'DSO (days sales outstanding)',
      dsoDays: '%{days} days',
      dsoHelp:
        "Days of sales not yet collected: today's receivable ÷ net credit sales of the last 90 days (invoices + debit notes − credit notes) × 90. Net sales of the last 90 days: %{sales}.",
      dsoNone: 'No sales in the last 90 days',
      aging: 'Aged receivables',
      callsDue: 'Calls due today',
      brokenPromises: 'Broken promises',
      valuesDue: 'Values to deposit',
      valuesDueDetail: '1 value in the next %{days} days |||| %{smart_count} values in the next %{days} days',
      valuesStale: 'Stale values',
      valuesStaleDetail: '1 value not moving |||| %{smart_count} values not moving',
      valuesStaleHelp:
        'Held more than 5 days past their payment date, or deposited more than 5 days ago with no credit or rejection.',
      topDebtors: 'Top 10 debtors',
      seeAll: 'See all',
      open: 'Open',
      currency: 'Currency',
      asOf: 'Figures as of %{date}',
    },
  },
};

export default reportsEn;
