import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  Link as MuiLink,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/GetApp';
import ResultIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Link } from 'react-router-dom';
import { Loading, Title, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { formatWindow } from '../common/times';
import { visitAddress } from './visitAddress';
import { useCan } from '../ledger/useCan';
import { collectionsApi, useCollectionSheet } from '../collections/api';
import { OwedItemsTable } from '../collections/OwedItemsTable';
import { VisitResultChip } from '../collections/fields';
import type { CollectionSheet, SheetVisit } from '../collections/types';
import { VisitResultDialog } from './VisitResultDialog';

export const SHEET_SPEC: SearchParamsSpec = {
  defaults: { collectorId: '', date: todayIso() },
  numeric: ['collectorId'],
  dates: ['date'],
};

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const Visits = ({ sheet, onResult }: { sheet: CollectionSheet; onResult: (v: SheetVisit) => void }) => {
  const translate = useTranslate();
  const mayRecord = useCan('collections.write');
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label={translate('collections.sheet.title')}
        sx={{ '& > tbody > tr > td': { verticalAlign: 'top' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{translate('collections.sheet.window')}</TableCell>
            <TableCell>{translate('collections.sheet.customer')}</TableCell>
            <TableCell align="right">{translate('collections.sheet.promised')}</TableCell>
            <TableCell>{translate('collections.sheet.openItems')}</TableCell>
            <TableCell>{translate('collections.sheet.result')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.visits.map((v) => (
            <TableRow key={v.callId} data-visit={v.customerCode}>
              <TableCell sx={{ ...num, fontWeight: 600 }}>{formatWindow(v.visitFrom, v.visitTo)}</TableCell>
              <TableCell sx={{ minWidth: 220, maxWidth: 300 }}>
                <Typography variant="body2">
                  <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                    {v.customerCode}
                  </Box>
                  <MuiLink component={Link} to={`/customers/${v.customerId}/show/collections`}>
                    {v.customerName}
                  </MuiLink>
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {visitAddress(v)}
                </Typography>
                {(v.contactName || v.contactPhone) && (
                  <Typography variant="caption" component="div" sx={{ mt: 0.25 }}>
                    {[v.contactName, v.contactPhone].filter(Boolean).join(' · ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" sx={num}>
                {formatMoney(v.promiseAmount, v.currency)}
              </TableCell>
              <TableCell sx={{ minWidth: 280 }}>
                <OwedItemsTable items={v.openItems} currency={v.currency} totalLabel="collections.sheet.totalDue" compact />
              </TableCell>
              <TableCell sx={{ minWidth: 130 }}>
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  {v.visitResult ? (
                    <VisitResultChip result={v.visitResult} />
                  ) : (
                    <Typography variant="caption" color="text.secondary">
                      {translate('collections.sheet.pending')}
                    </Typography>
                  )}
                  {v.visitAmount && (
                    <Typography variant="body2" sx={num}>
                      {formatMoney(v.visitAmount, v.currency)}
                    </Typography>
                  )}
                  {v.visitReceiptId && (
                    <Link to={`/documents/${v.visitReceiptId}/show`}>{translate('collections.sheet.receipt')}</Link>
                  )}
                  {mayRecord && (
                    <Button size="small" startIcon={<ResultIcon />} onClick={() => onResult(v)} sx={{ whiteSpace: 'nowrap' }}>
                      {translate(v.visitResult ? 'collections.sheet.changeResult' : 'collections.sheet.recordResult')}
                    </Button>
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Sheet = () => {
  const translate = useTranslate();
  const { collectorId, date } = useSearchParamValues(SHEET_SPEC);
  const { data: sheet, isPending, error } = useCollectionSheet(collectorId || undefined, date);
  const [visit, setVisit] = useState<SheetVisit>();
  if (!collectorId) return <Alert severity="info">{translate('collections.sheet.pick')}</Alert>;
  if (isPending) return <Loading />;
  if (error || !sheet) return <Alert severity="error">{error?.message}</Alert>;
  const query = new URLSearchParams({ collectorId, date }).toString();
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ flex: 1 }} data-sheet-totals>
          {translate('collections.sheet.totals', {
            smart_count: sheet.totals.visits,
            due: formatMoney(sheet.totals.due),
            promised: formatMoney(sheet.totals.promised),
          })}
        </Typography>
        <Button
          component={Link}
          to={`/collection-sheets/print?${query}`}
          variant="contained"
          startIcon={<PrintIcon />}
          disabled={sheet.visits.length === 0}
        >
          {translate('collections.sheet.print')}
        </Button>
        <Button
          href={collectionsApi.sheetCsvUrl(collectorId, date)}
          startIcon={<DownloadIcon />}
          disabled={sheet.visits.length === 0}
        >
          {translate('collections.sheet.csv')}
        </Button>
      </Stack>
      {sheet.visits.length === 0 ? (
        <Alert severity="info">
          {translate('collections.sheet.none', { collector: sheet.collector.name, date: formatDate(sheet.date) })}
        </Alert>
      ) : (
        <Visits sheet={sheet} onResult={setVisit} />
      )}
      {visit && <VisitResultDialog visit={visit} onClose={() => setVisit(undefined)} />}
    </>
  );
};

/**
 * Hoja de cobranzas: a collector's agreed visits for a day in time order — where
 * to go, whom to ask for, what was promised and what is owed — to print for the
 * round and, after it, to record what each visit brought back.
 */
const CollectionSheetPage = () => (
  <Box sx={{ mt: 1, mb: 3 }}>
    <Title title="collections.sheet.title" />
    <Card>
      <CardContent>
        <SearchParamsForm spec={SHEET_SPEC}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '280px 200px' }, columnGap: 2 }}>
            <ReferenceSelect source="collectorId" reference="collectors" label="collections.sheet.collector" />
            <DateInput source="date" label="collections.sheet.date" />
          </Box>
        </SearchParamsForm>
        <Sheet />
      </CardContent>
    </Card>
  </Box>
);

export default CollectionSheetPage;
