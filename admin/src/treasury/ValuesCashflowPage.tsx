import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Loading, Title, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { ACCOUNT_CURRENCY_CHOICES } from '../common/choices';
import { DateInput } from '../common/DateInput';
import { formatDate, todayIso } from '../common/dates';
import { Money } from '../common/Money';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { SimpleTable, type Column } from '../common/SimpleTable';
import type { Currency } from '../common/money';
import { CASHFLOW_STATES, type CashflowCell, type ValuesCashflow } from '../ledger/types';
import { reportsApi, useValuesCashflow } from '../reports/api';

const SPEC: SearchParamsSpec = { defaults: { asOf: todayIso(), currency: 'ARS' }, dates: ['asOf'] };

type Row = ValuesCashflow['rows'][number];

/** An amount with how many values make it, in grey under it. */
const Amount = ({ cell, currency }: { cell: CashflowCell; currency: Currency }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'right', color: cell.count ? undefined : 'text.disabled' }}>
      <Money value={cell.amount} currency={currency} />
      <Typography variant="caption" component="div" color="text.secondary">
        {translate('treasury.cashflow.values', { smart_count: cell.count })}
      </Typography>
    </Box>
  );
};

const Report = () => {
  const translate = useTranslate();
  const params = useSearchParamValues(SPEC) as { asOf: string; currency: Currency };
  const { data, isPending, error } = useValuesCashflow(params);
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{error?.message}</Alert>;
  const week = (r: Row) =>
    r.week === null
      ? translate('treasury.cashflow.before', { date: formatDate(data.asOf) })
      : translate('treasury.cashflow.week', { from: formatDate(r.from), to: formatDate(r.to) });
  const columns: Column<Row>[] = [
    { label: 'treasury.cashflow.period', render: week, nowrap: true, sticky: true },
    ...CASHFLOW_STATES.map((s): Column<Row> => ({
      label: `ledger.valueStates.${s}`,
      align: 'right',
      render: (r) => <Amount cell={r.byState[s]} currency={data.currency} />,
      total: { node: <Amount cell={data.totals.byState[s]} currency={data.currency} />, mark: s },
    })),
    {
      label: 'treasury.cashflow.total',
      align: 'right',
      strong: true,
      render: (r) => <Amount cell={r} currency={data.currency} />,
      total: { node: <Amount cell={data.totals} currency={data.currency} />, mark: 'total' },
    },
  ];
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-cashflow-summary>
          {translate('treasury.cashflow.summary', {
            smart_count: data.totals.count,
            from: formatDate(data.asOf),
            to: formatDate(data.to),
          })}
        </Typography>
        <Button href={reportsApi.valuesCashflowCsvUrl(params)} startIcon={<DownloadIcon />}>
          {translate('ra.action.export')}
        </Button>
      </Stack>
      <Card variant="outlined" sx={{ mt: 1 }}>
        <SimpleTable
          columns={columns}
          rows={data.rows}
          rowKey={(r) => String(r.week)}
          rowProps={(r) => ({ 'data-week': r.week === null ? 'before' : String(r.week) })}
          currency={data.currency}
          ariaLabel={translate('treasury.cashflow.title')}
          totals={{ label: translate('treasury.cashflow.total') }}
        />
      </Card>
    </>
  );
};

/**
 * Flujo de valores: what the portfolio still has to bring in (ECHEQs to accept, values held,
 * values deposited and not yet credited) by payment date — what is already late, then the next
 * 90 days week by week; options in the address, CSV for the spreadsheet.
 */
const ValuesCashflowPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 1, mb: 3 }}>
      <Title title="treasury.cashflow.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('treasury.cashflow.help')}
          </Typography>
          <SearchParamsForm spec={SPEC}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <DateInput source="asOf" label="treasury.cashflow.asOf" />
              <ChoiceInput source="currency" label="treasury.cashflow.currency" choices={ACCOUNT_CURRENCY_CHOICES} />
            </Stack>
          </SearchParamsForm>
          <Report />
        </CardContent>
      </Card>
    </Box>
  );
};

export default ValuesCashflowPage;
