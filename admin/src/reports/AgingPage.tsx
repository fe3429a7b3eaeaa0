import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Tooltip,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import DrillIcon from '@mui/icons-material/ZoomIn';
import GroupIcon from '@mui/icons-material/GroupWork';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Loading, TextInput, Title, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { useFormContext } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney, type Currency } from '../common/money';
import { STATUS_CHOICES } from '../customers/statuses';
import { RATINGS } from '../customers/CustomerListAside';
import { previousMonth } from '../ledger/periods';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import { AGING_BUCKETS, AGING_GROUPS, type AgingGroup, type AgingReport, type AgingRow } from '../collections/types';
import { reportsApi, useAging, type AgingParams } from './api';
import { AgingStackedChart } from './AgingChart';
import { AgingOpenItemsDialog } from './AgingOpenItemsDialog';

const FILTERS = ['collectorId', 'salespersonId', 'segment1Id', 'segment2Id', 'segment3Id', 'segment4Id', 'rating', 'status', 'q'];

export const AGING_SPEC: SearchParamsSpec = {
  defaults: {
    asOf: todayIso(),
    groupBy: 'customer',
    basis: 'due',
    currency: 'ARS',
    ...Object.fromEntries(FILTERS.map((f) => [f, ''])),
  },
  numeric: ['collectorId', 'salespersonId', 'segment1Id', 'segment2Id', 'segment3Id', 'segment4Id'],
  dates: ['asOf'],
  resetOnChange: ['page'],
};

const AMOUNT_COLUMNS = [...AGING_BUCKETS, 'unapplied', 'total'] as const;
/** Credits on account lower what is owed: negative here as on the dashboard and in the Spanish CSV, so a row adds up. */
const shown = (field: (typeof AMOUNT_COLUMNS)[number], value: string) =>
  field === 'unapplied' && value !== '0.00' ? `-${value}` : value;
const PER_PAGE = [25, 50, 100];

/** The debtors list's filter that picks a group's customers (a grouped row's drill-down). */
const DEBTOR_FILTER: Record<Exclude<AgingGroup, 'customer'>, string> = {
  collector: 'collectorId',
  salesperson: 'salespersonId',
  rating: 'rating',
  segment1: 'segment1Id',
  segment2: 'segment2Id',
  segment3: 'segment3Id',
  segment4: 'segment4Id',
};

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const AsOfPicks = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const pick = (day: string) => setValue('asOf', day, { shouldDirty: true });
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignSelf: 'center', mb: { xs: 1, md: 2.5 } }}>
      <Button size="small" variant="outlined" onClick={() => pick(todayIso())}>
        {translate('reports.aging.today')}
      </Button>
      <Button size="small" variant="outlined" onClick={() => pick(previousMonth().to)}>
        {translate('reports.aging.lastMonthEnd')}
      </Button>
    </Stack>
  );
};

const useGroupChoices = () => {
  const { label } = useSegmentLevelNames();
  return AGING_GROUPS.map((id) =>
    id.startsWith('segment') ? { id, name: label(Number(id.slice(-1))) } : { id, name: `reports.aging.groups.${id}` },
  );
};

const Options = () => {
  const { label } = useSegmentLevelNames();
  const groups = useGroupChoices();
  return (
    <SearchParamsForm spec={AGING_SPEC}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '180px auto 200px 200px 160px' },
          columnGap: 2,
          alignItems: 'start',
        }}
      >
        <DateInput source="asOf" label="reports.aging.asOf" helperText={false} />
        <AsOfPicks />
        <ChoiceInput source="groupBy" label="reports.aging.groupBy" choices={groups} helperText={false} />
        <ChoiceInput
          source="basis"
          label="reports.aging.basis"
          choices={[
            { id: 'due', name: 'reports.aging.bases.due' },
            { id: 'issue', name: 'reports.aging.bases.issue' },
          ]}
          helperText={false}
        />
        <ChoiceInput
          source="currency"
          label="reports.aging.currency"
          choices={[
            { id: 'ARS', name: 'ctacte.currencies.ARS' },
            { id: 'USD', name: 'ctacte.currencies.USD' },
          ]}
          helperText={false}
        />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(5, minmax(0, 1fr))' },
          columnGap: 2,
        }}
        data-testid="aging-filters"
      >
        <TextInput source="q" label="reports.aging.search" helperText={false} />
        <ReferenceSelect source="collectorId" reference="collectors" label="resources.debtors.fields.collectorId" />
        <ReferenceSelect source="salespersonId" reference="salespeople" label="resources.debtors.fields.salespersonId" />
        <ChoiceInput
          source="rating"
          label="resources.debtors.fields.rating"
          choices={RATINGS.map((r) => ({ id: r, name: r }))}
          translateChoice={false}
          helperText={false}
        />
        <ChoiceInput source="status" label="resources.debtors.fields.status" choices={STATUS_CHOICES} helperText={false} />
        {SEGMENT_LEVELS.map((level) => (
          <ReferenceSelect
            key={level}
            source={`segment${level}Id`}
            reference="segments"
            filter={{ level }}
            label={label(level)}
          />
        ))}
      </Box>
    </SearchParamsForm>
  );
};

/** The report's query: the options and filters in the address, plus its sort and page. */
function useAgingQuery(): {
  params: AgingParams;
  sort: { field: string; order: 'ASC' | 'DESC' };
  page: number;
  perPage: number;
  setPaging: (changes: Record<string, string>) => void;
} {
  const values = useSearchParamValues(AGING_SPEC);
  const [search, setSearch] = useSearchParams();
  const sort = {
    field: search.get('sort') ?? 'total',
    order: search.get('order') === 'ASC' ? ('ASC' as const) : ('DESC' as const),
  };
  const page = Math.max(0, Number(search.get('page') ?? 0) || 0);
  const perPage = PER_PAGE.includes(Number(search.get('perPage'))) ? Number(search.get('perPage')) : PER_PAGE[0];
  const params: AgingParams = {
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    sort: JSON.stringify([sort.field, sort.order]),
    range: JSON.stringify([page * perPage, page * perPage + perPage - 1]),
  };
  const setPaging = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setSearch(next, { replace: true });
  };
  return { params, sort, page, perPage, setPaging };
}

const Amount = ({ value, currency, bold }: { value: string; currency: Currency; bold?: boolean }) => (
  <TableCell
    align="right"
    sx={{ ...num, fontWeight: bold ? 700 : undefined, color: value === '0.00' ? 'text.disabled' : undefined }}
  >
    {formatMoney(value, currency)}
  </TableCell>
);

const ReportTable = ({
  report,
  onDrill,
  sort,
  onSort,
}: {
  report: AgingReport;
  onDrill: (row: AgingRow) => void;
  sort: { field: string; order: 'ASC' | 'DESC' };
  onSort: (field: string) => void;
}) => {
  const translate = useTranslate();
  const groups = useGroupChoices();
  const byCustomer = report.groupBy === 'customer';
  const groupName = groups.find((g) => g.id === report.groupBy)?.name ?? '';
  const header = (field: string, label: string, align?: 'right') => (
    <TableCell align={align} sortDirection={sort.field === field ? (sort.order === 'ASC' ? 'asc' : 'desc') : false}>
      <TableSortLabel
        active={sort.field === field}
        direction={sort.field === field ? (sort.order === 'ASC' ? 'asc' : 'desc') : 'desc'}
        onClick={() => onSort(field)}
      >
        {translate(label)}
      </TableSortLabel>
    </TableCell>
  );
  const drillLabel = (row: AgingRow) =>
    byCustomer
      ? translate('reports.aging.drill')
      : translate('reports.aging.toDebtors', { group: row.label ?? translate('reports.aging.unassigned') });
  return (
    <Table
      size="small"
      aria-label={translate('reports.aging.title')}
      sx={{ '& td, & th': { px: 0.75, fontSize: '0.8125rem' }, '& th': { lineHeight: 1.2, verticalAlign: 'bottom' } }}
    >
      <TableHead>
        <TableRow>
          {header('label', groupName)}
          {!byCustomer && header('customers', 'reports.aging.customers', 'right')}
          {AMOUNT_COLUMNS.map((f) => header(f, `reports.buckets.${f}`, 'right'))}
          <TableCell padding="none" />
        </TableRow>
      </TableHead>
      <TableBody>
        {report.rows.map((row) => {
          const drillable = byCustomer || row.key !== null;
          return (
            <TableRow
              key={String(row.key)}
              hover={drillable}
              data-aging-row={row.label ?? ''}
              onClick={drillable ? () => onDrill(row) : undefined}
              sx={{ cursor: drillable ? 'pointer' : undefined }}
            >
              <TableCell sx={{ minWidth: 160, maxWidth: 230, lineHeight: 1.25 }} title={row.label ?? ''}>
                {row.label ?? translate('reports.aging.unassigned')}
              </TableCell>
              {!byCustomer && (
                <TableCell align="right" sx={num}>
                  {row.customers}
                </TableCell>
              )}
              {AMOUNT_COLUMNS.map((f) => (
                <Amount key={f} value={shown(f, row[f])} currency={report.currency} bold={f === 'total'} />
              ))}
              <TableCell padding="none" align="center">
                {drillable && (
                  <Tooltip title={drillLabel(row)}>
                    <IconButton size="small" aria-label={drillLabel(row)}>
                      {byCustomer ? <DrillIcon fontSize="small" /> : <GroupIcon fontSize="small" />}
                    </IconButton>
                  </Tooltip>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow
          data-aging-totals
          sx={{ '& td': { color: 'text.primary', fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}
        >
          <TableCell>
            {translate('reports.aging.totals')}
            {byCustomer && ` (${report.totals.customers})`}
          </TableCell>
          {!byCustomer && (
            <TableCell align="right" sx={num}>
              {report.totals.customers}
            </TableCell>
          )}
          {AMOUNT_COLUMNS.map((f) => (
            <Amount key={f} value={shown(f, report.totals[f])} currency={report.currency} bold />
          ))}
          <TableCell padding="none" />
        </TableRow>
      </TableFooter>
    </Table>
  );
};

const Report = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { params, sort, page, perPage, setPaging } = useAgingQuery();
  const { data: report, isPending, isFetching, error } = useAging(params);
  const [drill, setDrill] = useState<AgingRow>();
  if (isPending) return <Loading />;
  if (error || !report) return <Alert severity="error">{error?.message}</Alert>;
  const onDrill = (row: AgingRow) => {
    if (report.groupBy === 'customer') return setDrill(row);
    const filter = { [DEBTOR_FILTER[report.groupBy]]: row.key, currency: report.currency };
    navigate(`/debtors?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  };
  const onSort = (field: string) =>
    setPaging({ sort: field, order: sort.field === field && sort.order === 'DESC' ? 'ASC' : 'DESC', page: '0' });
  const label = (row: AgingRow) => row.label ?? translate('reports.aging.unassigned');
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-aging-summary>
          {translate('reports.aging.summary', { smart_count: report.count, date: formatDate(report.asOf) })}
        </Typography>
        <Button href={reportsApi.agingCsvUrl(params)} startIcon={<DownloadIcon />} disabled={report.count === 0}>
          {translate('ra.action.export')}
        </Button>
      </Stack>
      {isFetching ? <LinearProgress sx={{ height: 2 }} /> : <Box sx={{ height: 2 }} />}
      {report.count === 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('reports.aging.empty')}
        </Alert>
      ) : (
        <>
          <Card variant="outlined" sx={{ mt: 1 }}>
            <CardContent>
              <Typography variant="subtitle1" sx={{ mb: 1 }}>
                {translate('reports.aging.chart')}
              </Typography>
              <AgingStackedChart
                rows={report.rows.map((r) => ({ label: label(r), amounts: r }))}
                currency={report.currency}
                onSelect={(i) => report.rows[i] && onDrill(report.rows[i])}
              />
            </CardContent>
          </Card>
          <Card variant="outlined" sx={{ mt: 2 }}>
            <Box sx={{ overflowX: 'auto' }}>
              <ReportTable report={report} onDrill={onDrill} sort={sort} onSort={onSort} />
            </Box>
            <TablePagination
              component="div"
              count={report.count}
              page={Math.min(page, Math.max(0, Math.ceil(report.count / perPage) - 1))}
              rowsPerPage={perPage}
              rowsPerPageOptions={PER_PAGE}
              onPageChange={(_, p) => setPaging({ page: String(p) })}
              onRowsPerPageChange={(e) => setPaging({ perPage: e.target.value, page: '0' })}
              labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
              labelDisplayedRows={({ from, to, count }) =>
                translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
              }
            />
          </Card>
        </>
      )}
      {drill && drill.key !== null && (
        <AgingOpenItemsDialog customerId={drill.key} asOf={report.asOf} onClose={() => setDrill(undefined)} />
      )}
    </>
  );
};

/**
 * Antigüedad de saldos: the receivables by how late they are, as they stood on
 * any day, grouped by customer or by collector, salesperson, rating or segment;
 * a stacked bar chart, a sortable and paged table with the totals, CSV, and a
 * drill-down from each row.
 */
const AgingPage = () => (
  <Box sx={{ mt: 1, mb: 3 }}>
    <Title title="reports.aging.title" />
    <Card>
      <CardContent>
        <Options />
        <Report />
      </CardContent>
    </Card>
  </Box>
);

export default AgingPage;
