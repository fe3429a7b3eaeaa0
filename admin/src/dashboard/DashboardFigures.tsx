import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Link, useNavigate } from 'react-router-dom';
import { Loading, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { formatDecimal, formatMoney, type Currency } from '../common/money';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { AgingBucketsChart, BUCKET_COLORS } from '../reports/AgingChart';
import { AGING_BUCKETS, type Dashboard } from '../collections/types';
import { useDashboard } from '../reports/api';
import { Money } from '../common/Money';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The debtors list as a link: filtered, sorted. */
export const debtorsLink = (filter: Record<string, unknown>, sort?: string) =>
  `/debtors?${new URLSearchParams({
    filter: JSON.stringify(filter),
    ...(sort ? { sort, order: 'DESC' } : {}),
  }).toString()}`;

const daysBetween = (from: string | null, to: string) =>
  from && from < to ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) : 0;

/** The exact amounts under the chart: each bucket with its colour, then the credits not yet applied and the total. */
const BucketFigures = ({ totals, currency }: { totals: Dashboard['aging']; currency: Currency }) => {
  const translate = useTranslate();
  const line = (key: string, amount: string, color?: string, bold?: boolean) => (
    <Stack key={key} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }} data-bucket={key}>
      <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: color ?? 'transparent', flexShrink: 0 }} />
      <Typography variant="body2" sx={{ flex: 1, fontWeight: bold ? 600 : undefined }}>
        {translate(`reports.buckets.${key}`)}
      </Typography>
      <Typography variant="body2" sx={{ ...num, fontWeight: bold ? 600 : undefined }}>
        <Money value={amount} currency={currency} />
      </Typography>
    </Stack>
  );
  return (
    <Box sx={{ mt: 1.5 }}>
      {AGING_BUCKETS.map((b) => line(b, totals[b], BUCKET_COLORS[b]))}
      {/* Credits on account lower what is owed: shown negative, as they count in the total. */}
      {line('unapplied', totals.unapplied === '0.00' ? totals.unapplied : `-${totals.unapplied}`)}
      {line('total', totals.total, undefined, true)}
    </Box>
  );
};

/** A card's title with the link to the screen behind it. */
const CardTitle = ({ title, to, link }: { title: string; to: string; link: string }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" sx={{ flex: 1 }}>
        {translate(title)}
      </Typography>
      <Button component={Link} to={to} size="small">
        {translate(link)}
      </Button>
    </Stack>
  );
};

/** A headline figure that opens the list behind it. */
const Figure = ({
  id,
  title,
  value,
  detail,
  to,
  help,
  tone,
}: {
  id: string;
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  to: string;
  help?: string;
  tone?: 'error' | 'warning';
}) => {
  const translate = useTranslate();
  return (
    <Card data-figure={id} sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%', alignItems: 'flex-start' }}>
        <CardContent>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {translate(title)}
            </Typography>
            {help && (
              <Tooltip title={help}>
                <InfoIcon fontSize="small" color="action" aria-label={help} data-help={id} />
              </Tooltip>
            )}
          </Stack>
          <Typography
            variant="h6"
            component="div"
            data-value
            sx={{ ...num, mt: 0.5, fontSize: '1.3rem', color: tone ? `${tone}.main` : undefined }}
          >
            {value}
          </Typography>
          {detail && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {detail}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/**
 * The dashboard's figures: what is owed and how much of it is late, DSO, the
 * calls and promises that need someone today, the aging, the largest debtors.
 * Every card opens the list behind it.
 */
const DashboardFigures = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
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
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, minmax(0, 1fr))', xl: 'repeat(6, minmax(0, 1fr))' },
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
                <Box sx={{ overflowX: 'auto' }}>
                  <Table size="small" aria-label={translate('reports.dashboard.topDebtors')} sx={{ '& td, & th': { px: 0.75 } }}>
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('collections.debtors.customer')}</TableCell>
                        <TableCell align="right">{translate('resources.debtors.fields.balance')}</TableCell>
                        <TableCell align="right">{translate('resources.debtors.fields.overdue')}</TableCell>
                        <TableCell>{translate('resources.debtors.fields.daysOverdue')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {data.topDebtors.map((d) => (
                        <TableRow
                          key={d.id}
                          hover
                          data-top-debtor={d.code}
                          onClick={() => navigate(`/customers/${d.id}/show/collections`)}
                          sx={{ cursor: 'pointer' }}
                        >
                          <TableCell sx={{ maxWidth: 230, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                            <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                              {d.code}
                            </Box>
                            {d.legalName}
                          </TableCell>
                          <TableCell align="right" sx={num}>
                            <Money value={d.balance} currency={currency} />
                          </TableCell>
                          <TableCell
                            align="right"
                            sx={{ ...num, color: Number(d.overdueBalance) > 0 ? 'error.main' : undefined }}
                          >
                            <Money value={d.overdueBalance} currency={currency} />
                          </TableCell>
                          <TableCell>
                            <DaysOverdueChip days={daysBetween(d.oldestOpenDueDate, data.asOf)} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              </CardContent>
            </Card>
          </Box>
        </>
      )}
    </Box>
  );
};

export default DashboardFigures;
