import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, TablePagination, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { useNavigate } from 'react-router-dom';
import { Loading, Title, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import type { AgingGroup, AgingRow } from '../collections/types';
import { reportsApi, useAging } from './api';
import { AgingOpenItemsDialog } from './AgingOpenItemsDialog';
import { AgingOptions } from './AgingOptions';
import { AgingChartCard } from './AgingChartCard';
import { AgingTable } from './AgingTable';
import { PER_PAGE, useAgingQuery } from './useAgingQuery';

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
          <AgingChartCard report={report} onDrill={onDrill} />
          <Card variant="outlined" sx={{ mt: 2 }}>
            <AgingTable report={report} onDrill={onDrill} sort={sort} onSort={onSort} />
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
        <AgingOptions />
        <Report />
      </CardContent>
    </Card>
  </Box>
);

export default AgingPage;
