import { useState } from 'react';
import { Alert, Box, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Loading, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { formatDecimal, formatMoney, type Currency } from '../common/money';
import { AgingBucketsChart } from '../reports/AgingChart';
import { useDashboard } from '../reports/api';
import { BucketFigures, CardTitle, Figure } from './cards';
import { TopDebtorsTable } from './TopDebtorsTable';

/** The debtors list as a link: filtered, sorted. */
export const debtorsLink = (filter: Record<string, unknown>, sort?: string) =>
  `/debtors?${new URLSearchParams({
    filter: JSON.stringify(filter),
    ...(sort ? { sort, order: 'DESC' } : {}),
  }).toString()}`;

/** The portfolio of values as a link, filtered (its alerts). */
const valuesLink = (filter: Record<string, unknown>) =>
  `/values?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

/**
 * The dashboard's figures: what is owed and how much of it is late, DSO, the
 * calls and promises that need someone today, the aging, the largest debtors.
 * Every card opens the list behind it.
 */
const DashboardFigures = () => {
  const translate = useTranslate();
  const [currency, setCurrency] = useState<Currency>('ARS');
  const { data, isPending, error } = useDashboard(currency);
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {data ? translate('reports.dashboard.asOf', { date: formatDate(data.asOf) }) : '\u00a0'}
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={currency}
          aria-label={translate('reports.dashboard.currency')}
          onChange={(_, value: Currency | null) => value && setCurrency(value)}
        >
          <ToggleButton value="ARS">{translate('ctacte.currencies.ARS')}</ToggleButton>
          <ToggleButton value="USD">{translate('ctacte.currencies.USD')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {isPending ? (
        <Loading />
      ) : error || !data ? (
        <Alert severity="error">{error?.message}</Alert>
      ) : (
        <>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, minmax(0, 1fr))', xl: 'repeat(4, minmax(0, 1fr))' },
            }}
          >
            <Figure
              id="receivable"
              title="reports.dashboard.receivable"
              value={formatMoney(data.receivable, currency)}
              detail={translate('reports.dashboard.debtors', { smart_count: data.debtors })}
              help={translate('reports.dashboard.receivableHelp', {
                owed: formatMoney(data.owed, currency),
                credit: formatMoney(data.creditBalance, currency),
              })}
              to={debtorsLink({ currency }, 'balance')}
            />
            <Figure
              id="overdue"
              title="reports.dashboard.overdue"
              value={formatMoney(data.overdue, currency)}
              tone={Number(data.overdue) > 0 ? 'error' : undefined}
              detail={translate('reports.dashboard.overdueShare', {
                share: formatDecimal(String(data.overdueShare), 1),
                smart_count: data.overdueDebtors,
              })}
              help={translate('reports.dashboard.overdueHelp', {
                gross: formatMoney(data.overdueGross, currency),
                credits: formatMoney(data.overdueCredits, currency),
              })}
              to={debtorsLink({ currency, minOverdue: '0.01' })}
            />
            <Figure
              id="inCredit"
              title="reports.dashboard.inCredit"
              value={formatMoney(data.creditBalance, currency)}
              detail={translate('reports.dashboard.inCreditDetail', { smart_count: data.inCredit })}
              help={translate('reports.dashboard.inCreditHelp')}
              to={`/customers?${new URLSearchParams({
                filter: JSON.stringify({ currency, balance_lte: '-0.01' }),
                sort: 'balance',
                order: 'ASC',
              }).toString()}`}
            />
            <Figure
              id="dso"
              title="reports.dashboard.dso"
              value={
                data.dso === null
                  ? translate('reports.dashboard.dsoNone')
                  : translate('reports.dashboard.dsoDays', { days: formatDecimal(String(data.dso), 1) })
              }
              help={translate('reports.dashboard.dsoHelp', { sales: formatMoney(data.netSales90, currency) })}
              to={`/reports/aging?currency=${currency}`}
            />
            <Figure
              id="calls"
              title="reports.dashboard.callsDue"
              value={data.callsDueToday}
              tone={data.callsDueToday > 0 ? 'warning' : undefined}
              to="/agenda?scope=team"
            />
            <Figure
              id="broken"
              title="reports.dashboard.brokenPromises"
              value={data.brokenPromises}
              tone={data.brokenPromises > 0 ? 'error' : undefined}
              to={debtorsLink({ currency, brokenPromise: true })}
            />
            <Figure
              id="valuesDue"
              title="reports.dashboard.valuesDue"
              value={formatMoney(data.valuesDue.amount, currency)}
              detail={translate('reports.dashboard.valuesDueDetail', {
                smart_count: data.valuesDue.count,
                days: data.valuesDue.days,
              })}
              tone={data.valuesDue.count > 0 ? 'warning' : undefined}
              to={valuesLink({ currency, dueWithin: data.valuesDue.days })}
            />
            <Figure
              id="valuesStale"
              title="reports.dashboard.valuesStale"
              value={formatMoney(data.valuesStale.amount, currency)}
              detail={translate('reports.dashboard.valuesStaleDetail', { smart_count: data.valuesStale.count })}
              help={translate('reports.dashboard.valuesStaleHelp')}
              tone={data.valuesStale.count > 0 ? 'error' : undefined}
              to={valuesLink({ currency, stale: true })}
            />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1.2fr)' } }}>
            <Card data-figure="aging">
              <CardContent>
                <CardTitle
                  title="reports.dashboard.aging"
                  to={`/reports/aging?currency=${currency}`}
                  link="reports.dashboard.open"
                />
                <AgingBucketsChart totals={data.aging} currency={currency} height={240} />
                <BucketFigures totals={data.aging} currency={currency} />
              </CardContent>
            </Card>
            <Card data-figure="top">
              <CardContent>
                <CardTitle
                  title="reports.dashboard.topDebtors"
                  to={debtorsLink({ currency }, 'balance')}
                  link="reports.dashboard.seeAll"
                />
                <TopDebtorsTable data={data} currency={currency} />
              </CardContent>
            </Card>
          </Box>
        </>
      )}
    </Box>
  );
};

export default DashboardFigures;
