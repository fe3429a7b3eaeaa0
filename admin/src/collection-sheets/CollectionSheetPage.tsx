import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/GetApp';
import ResultIcon from '@mui/icons-material/AssignmentTurnedIn';
import UpIcon from '@mui/icons-material/ArrowUpward';
import DownIcon from '@mui/icons-material/ArrowDownward';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import AddIcon from '@mui/icons-material/AddLocationAlt';
import { Link } from 'react-router-dom';
import { Form, Loading, Title, useNotify, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { formatWindow } from '../common/times';
import { CustomerInput } from '../ledger/inputs';
import { visitAddress } from './visitAddress';
import { useCan } from '../ledger/useCan';
import { collectionsApi, useCollectionSheet, useCollectionsRefresh } from '../collections/api';
import { OwedItemsTable } from '../collections/OwedItemsTable';
import { StopResultChip, VisitResultChip } from '../collections/fields';
import type { CollectionSheet, SheetVisit } from '../collections/types';
import { useSheetSpec } from './sheetSpec';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

type Key = { collectorId: number; date: string };

/** The stop ids in route order, placing the agreed visits not yet on the sheet first (same order). */
async function placedIds(sheet: CollectionSheet, key: Key): Promise<number[]> {
  const placed = sheet.visits.every((v) => v.stopId) ? sheet : await collectionsApi.buildSheet(key);
  return placed.visits.map((v) => v.stopId!);
}

/** Where the keyboard goes after a move: the same button on the row that moved. */
function focusLater(stopId: number, action: string) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const row = document.querySelector(`[data-stop="${stopId}"]`);
      const target = row?.querySelector<HTMLElement>(`[data-action="${action}"]:not([disabled])`) ?? row?.querySelector('button');
      (target as HTMLElement | null | undefined)?.focus();
    }),
  );
}

/** An icon button of the route column: its name on hover and for screen readers, `data-action` for the focus to return to. */
const RouteButton = (props: { action: string; label: string; disabled: boolean; onClick: () => void; icon: ReactNode }) => (
  <Tooltip title={props.label}>
    <span>
      <IconButton
        size="small"
        data-action={props.action}
        aria-label={props.label}
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.icon}
      </IconButton>
    </span>
  </Tooltip>
);

const Stops = ({ sheet, editable, sheetKey }: { sheet: CollectionSheet; editable: boolean; sheetKey: Key }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useCollectionsRefresh();
  const [busy, setBusy] = useState(false);
  /** One change at a time; the keyboard goes back to the row that moved once the sheet shows it. */
  const run = async (fn: () => Promise<{ stopId: number; action: string } | void>) => {
    if (busy) return;
    setBusy(true);
    let focus: { stopId: number; action: string } | void = undefined;
    try {
      focus = await fn();
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
    if (focus) focusLater(focus.stopId, focus.action);
  };
  const move = (index: number, delta: -1 | 1) =>
    run(async () => {
      const ids = await placedIds(sheet, sheetKey);
      [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
      await collectionsApi.reorderStops(sheetKey, ids);
      const atEdge = index + delta === 0 || index + delta === ids.length - 1;
      return { stopId: ids[index + delta], action: atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down' };
    });
  const remove = (index: number, v: SheetVisit) =>
    run(async () => {
      const ids = await placedIds(sheet, sheetKey);
      await collectionsApi.removeStop(ids[index]);
      notify(translate('collections.sheet.removed', { customer: v.customerName }), { type: 'info' });
    });
  const last = sheet.visits.length - 1;
  const promised = sheet.visits.some((v) => v.promiseAmount);
  return (
    <TableContainer>
      <Table
        size="small"
        aria-label={translate('collections.sheet.title')}
        // Narrow cell padding and no empty "promised" column: at 1024 px the open items' amounts
        // fit beside the route buttons instead of sliding under them.
        sx={{
          '& > tbody > tr > td': { verticalAlign: 'top' },
          '& > * > tr > *': { px: 1 },
          '& > * > tr > *:first-of-type': { pl: 2 },
        }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{translate('collections.sheet.customer')}</TableCell>
            <TableCell>{translate('collections.sheet.window')}</TableCell>
            {promised && <TableCell align="right">{translate('collections.sheet.promised')}</TableCell>}
            <TableCell>{translate('collections.sheet.openItems')}</TableCell>
            <TableCell>{translate('collections.sheet.result')}</TableCell>
            {editable && <TableCell>{translate('collections.sheet.route')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.visits.map((v, i) => (
            <TableRow key={v.stopId ?? `call-${v.callId}`} data-visit={v.customerCode} data-stop={v.stopId ?? ''}>
              <TableCell sx={{ minWidth: 170, maxWidth: 260 }}>
                <Typography variant="body2">
                  <Box component="span" sx={{ color: 'text.secondary', mr: 1, fontWeight: 600 }}>
                    {i + 1}.
                  </Box>
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
              <TableCell sx={{ ...num, fontWeight: 600 }}>
                {v.callId ? formatWindow(v.visitFrom, v.visitTo) : translate('collections.sheet.addedStop')}
              </TableCell>
              {promised && (
                <TableCell align="right" sx={num}>
                  {formatMoney(v.promiseAmount, v.currency)}
                </TableCell>
              )}
              <TableCell sx={{ minWidth: 280 }}>
                <OwedItemsTable items={v.openItems} currency={v.currency} totalLabel="collections.sheet.totalDue" compact />
              </TableCell>
              <TableCell sx={{ minWidth: 90 }}>
                {v.result ? (
                  <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                    <StopResultChip result={v.result} />
                    {v.resultAmount && (
                      <Typography variant="body2" sx={num}>
                        {formatMoney(v.resultAmount, v.currency)}
                      </Typography>
                    )}
                    {v.resultReceiptId && (
                      <Link to={`/documents/${v.resultReceiptId}/show`}>{translate('collections.sheet.receipt')}</Link>
                    )}
                  </Stack>
                ) : v.visitResult ? (
                  <VisitResultChip result={v.visitResult} />
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {translate('collections.sheet.pending')}
                  </Typography>
                )}
              </TableCell>
              {editable && (
                <TableCell sx={{ whiteSpace: 'nowrap', py: 0.5 }}>
                  <RouteButton
                    action="up"
                    label={translate('collections.sheet.moveUp', { customer: v.customerName })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    icon={<UpIcon fontSize="small" />}
                  />
                  <RouteButton
                    action="down"
                    label={translate('collections.sheet.moveDown', { customer: v.customerName })}
                    disabled={i === last}
                    onClick={() => move(i, 1)}
                    icon={<DownIcon fontSize="small" />}
                  />
                  <RouteButton
                    action="remove"
                    label={translate('collections.sheet.remove', { customer: v.customerName })}
                    disabled={!!v.result}
                    onClick={() => remove(i, v)}
                    icon={<RemoveIcon fontSize="small" />}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const AddButton = () => {
  const translate = useTranslate();
  const customerId = useWatch({ name: 'customerId' }) as number | null | undefined;
  return (
    <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={!customerId} sx={{ mt: 1, whiteSpace: 'nowrap' }}>
      {translate('collections.sheet.add')}
    </Button>
  );
};

/** One customer onto the end of the sheet, picked by code, name or CUIT. */
const AddCustomer = ({ sheetKey }: { sheetKey: Key }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useCollectionsRefresh();
  const [round, setRound] = useState(0);
  return (
    <Form
      key={round}
      noValidate
      onSubmit={async (values: FieldValues) => {
        const customerId = values.customerId as number | null;
        if (!customerId) return;
        try {
          const { added } = await collectionsApi.addStops(sheetKey, [customerId]);
          notify(translate(added.length ? 'collections.sheet.added' : 'collections.sheet.alreadyOn', { smart_count: 1 }), {
            type: 'info',
          });
          await refresh();
          setRound((r) => r + 1);
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <CustomerInput source="customerId" label="collections.sheet.addCustomer" sx={{ minWidth: 320 }} helperText={false} />
        <AddButton />
      </Stack>
    </Form>
  );
};

const Sheet = ({ spec }: { spec: SearchParamsSpec }) => {
  const translate = useTranslate();
  const { collectorId, date } = useSearchParamValues(spec);
  const { data: sheet, isPending, error } = useCollectionSheet(collectorId || undefined, date);
  const mayWrite = useCan('collections.write');
  if (!collectorId) return <Alert severity="info">{translate('collections.sheet.pick')}</Alert>;
  if (isPending) return <Loading />;
  if (error || !sheet) return <Alert severity="error">{error?.message}</Alert>;
  const query = new URLSearchParams({ collectorId, date }).toString();
  const sheetKey = { collectorId: Number(collectorId), date };
  const editable = mayWrite && date >= todayIso();
  const empty = sheet.visits.length === 0;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="body2" sx={{ flex: 1, minWidth: 240 }} data-sheet-totals>
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
          disabled={empty}
        >
          {translate('collections.sheet.print')}
        </Button>
        <Button href={collectionsApi.sheetCsvUrl(collectorId, date)} startIcon={<DownloadIcon />} disabled={empty}>
          {translate('collections.sheet.csv')}
        </Button>
        {mayWrite && (
          <Button component={Link} to={`/collection-sheets/results?${query}`} startIcon={<ResultIcon />} disabled={empty}>
            {translate('collections.sheet.results')}
          </Button>
        )}
      </Stack>
      {editable && <AddCustomer sheetKey={sheetKey} />}
      {empty ? (
        <Alert severity="info">
          {translate('collections.sheet.none', { collector: sheet.collector.name, date: formatDate(sheet.date) })}
        </Alert>
      ) : (
        <Stops sheet={sheet} editable={editable} sheetKey={sheetKey} />
      )}
    </>
  );
};

/** The collector and the day, kept in the address. */
export const SheetPicker = ({ spec }: { spec: SearchParamsSpec }) => (
  <SearchParamsForm spec={spec}>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '280px 200px' }, columnGap: 2 }}>
      <ReferenceSelect source="collectorId" reference="collectors" label="collections.sheet.collector" />
      <DateInput source="date" label="collections.sheet.date" />
    </Box>
  </SearchParamsForm>
);

/**
 * Hoja de cobranzas: a collector's round for a day (by default the next working day) — the
 * visits agreed in calls and the customers the supervisor adds, in the order they will be
 * visited, with where to go, whom to ask for, what was promised and what is owed — to arrange,
 * print, and after the round record what each stop brought back (Registrar resultados).
 */
const CollectionSheetPage = () => {
  const spec = useSheetSpec();
  return (
    <Box sx={{ mt: 1, mb: 3 }}>
      <Title title="collections.sheet.title" />
      <Card>
        <CardContent>
          {spec ? (
            <>
              <SheetPicker spec={spec} />
              <Sheet spec={spec} />
            </>
          ) : (
            <Loading />
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export default CollectionSheetPage;
