import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import BackIcon from '@mui/icons-material/ArrowBack';
import AddIcon from '@mui/icons-material/Add';
import SaveIcon from '@mui/icons-material/Save';
import { Link } from 'react-router-dom';
import {
  Form,
  FormDataConsumer,
  Loading,
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  Title,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/MoneyInput';
import { blank, inputChecks, type FormErrors } from '../common/validateRecord';
import { validateMoney } from '../common/validators';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { toCents } from '../common/cents';
import { useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { collectionsApi, useCollectionSheet, useCollectionsRefresh } from '../collections/api';
import { StopResultChip } from '../collections/fields';
import { STOP_RESULTS, type SheetVisit, type StopResult } from '../collections/types';
import { SheetPicker } from './CollectionSheetPage';
import { visitAddress } from './visitAddress';

/** After the round the day is usually today: the results open on it. */
const RESULTS_SPEC: SearchParamsSpec = {
  defaults: { collectorId: '', date: todayIso() },
  numeric: ['collectorId'],
  dates: ['date'],
};

const RESULT_CHOICES = STOP_RESULTS.map((id) => ({ id, name: `collections.stopResults.${id}` }));

type SheetKey = { collectorId: number; date: string };

interface ResultValues {
  result: StopResult | null;
  receiptId: number | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  reason: string | null;
}

/** What each result needs: cobró its receipt, a promise its day (not past) and amount, a refusal its reason. */
export function validateStopResult(values: ResultValues): FormErrors {
  const errors = inputChecks(values as unknown as Record<string, unknown>, { promiseAmount: validateMoney });
  if (blank(values.result)) errors.result = 'ra.validation.required';
  if (values.result === 'collected' && !values.receiptId) errors.receiptId = 'ra.validation.required';
  if (values.result === 'promise') {
    if (blank(values.promiseDate)) errors.promiseDate = 'ra.validation.required';
    else if (values.promiseDate! < todayIso()) errors.promiseDate = 'collections.validation.promiseDatePast';
    if (blank(values.promiseAmount)) errors.promiseAmount = 'ra.validation.required';
    else if (!errors.promiseAmount && toCents(values.promiseAmount) <= 0n)
      errors.promiseAmount = 'collections.validation.positive';
  }
  if (values.result === 'refused' && blank(values.reason)) errors.reason = 'ra.validation.required';
  return errors;
}

interface Receipt {
  id: number;
  displayNumber: string;
  issueDate: string;
  total: string;
}

/** The customer's receipts of the sheet's day, or a new one for that customer. */
const ReceiptChoice = ({ visit, date }: { visit: SheetVisit; date: string }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<Receipt>('receipts', {
    filter: { customerId: visit.customerId, status: 'posted', issueDate_gte: date, issueDate_lte: date },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'issueDate', order: 'DESC' },
  });
  const choices = (data ?? []).map((r) => ({ id: r.id, name: `${r.displayNumber} · ${formatMoney(r.total, visit.currency)}` }));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <SelectInput
        source="receiptId"
        label="collections.sheet.receipt"
        choices={choices}
        isPending={isPending}
        translateChoice={false}
        sx={{ minWidth: 220 }}
        helperText={!isPending && choices.length === 0 ? 'collections.sheet.noReceiptsOfDay' : false}
      />
      <Button
        component={Link}
        to={`/receipts/create?customerId=${visit.customerId}`}
        size="small"
        startIcon={<AddIcon />}
        sx={{ mt: 1.5, whiteSpace: 'nowrap' }}
      >
        {translate('collections.sheet.newReceipt')}
      </Button>
    </Stack>
  );
};

const Recorded = ({ visit }: { visit: SheetVisit }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <StopResultChip result={visit.result} />
      {visit.resultAmount && <Typography variant="body2">{formatMoney(visit.resultAmount, visit.currency)}</Typography>}
      {visit.resultReceiptId && (
        <MuiLink component={Link} to={`/documents/${visit.resultReceiptId}/show`}>
          {translate('collections.sheet.receipt')}
        </MuiLink>
      )}
      {visit.resultPromiseDate && (
        <Typography variant="body2">
          {translate('collections.sheet.promiseLine', {
            amount: formatMoney(visit.resultPromiseAmount, visit.currency),
            date: formatDate(visit.resultPromiseDate),
          })}
        </Typography>
      )}
      {visit.resultReason && <Typography variant="body2">{visit.resultReason}</Typography>}
      {visit.resultCallId && (
        <Typography variant="caption" color="text.secondary">
          {translate('collections.sheet.resultFinal')}
        </Typography>
      )}
    </Stack>
  );
};

/** One stop's result: the kind, then what that kind needs, saved on its own. */
const ResultForm = ({ visit, sheetKey, onDone }: { visit: SheetVisit; sheetKey: SheetKey; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useCollectionsRefresh();
  return (
    <Form
      noValidate
      defaultValues={{
        result: visit.result,
        receiptId: visit.resultReceiptId,
        promiseDate: null,
        promiseAmount: null,
        reason: visit.resultReason,
      }}
      validate={(values: FieldValues) => validateStopResult(values as ResultValues)}
      onSubmit={async (raw: FieldValues) => {
        const values = raw as ResultValues;
        try {
          // The stop may still be an agreed visit not yet on the sheet: placing it gives it its id.
          let stopId = visit.stopId;
          if (!stopId) {
            const built = await collectionsApi.buildSheet(sheetKey);
            stopId = built.visits.find((v) => v.callId === visit.callId)!.stopId;
          }
          await collectionsApi.recordStopResult(stopId!, {
            result: values.result!,
            ...(values.result === 'collected' ? { receiptId: values.receiptId! } : {}),
            ...(values.result === 'promise' ? { promiseDate: values.promiseDate!, promiseAmount: values.promiseAmount! } : {}),
            reason: blank(values.reason) ? null : values.reason,
          });
          notify(translate('collections.sheet.resultSaved', { customer: visit.customerName }), { type: 'info' });
          await refresh();
          onDone?.();
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
      }}
    >
      <Stack spacing={0}>
        <RadioButtonGroupInput
          source="result"
          label="collections.sheet.result"
          choices={RESULT_CHOICES}
          row
          helperText={false}
          sx={{ my: 0 }}
        />
        <FormDataConsumer<ResultValues>>
          {({ formData }) => (
            <>
              {formData.result === 'collected' && <ReceiptChoice visit={visit} date={sheetKey.date} />}
              {formData.result === 'promise' && (
                <Stack direction="row" spacing={1}>
                  <Box sx={{ width: 160 }}>
                    <DateInput source="promiseDate" label="collections.sheet.promiseDate" helperText={false} />
                  </Box>
                  <Box sx={{ width: 180 }}>
                    <MoneyInput
                      source="promiseAmount"
                      label="collections.sheet.promiseAmount"
                      currency={visit.currency}
                      helperText={false}
                    />
                  </Box>
                </Stack>
              )}
              {formData.result && (
                <TextInput
                  source="reason"
                  label={formData.result === 'refused' ? 'collections.sheet.reason' : 'collections.sheet.notes'}
                  helperText={false}
                  sx={{ maxWidth: 420 }}
                />
              )}
            </>
          )}
        </FormDataConsumer>
        <Box>
          <Button type="submit" size="small" variant="contained" startIcon={<SaveIcon />}>
            {translate('collections.sheet.saveResult')}
          </Button>
        </Box>
      </Stack>
    </Form>
  );
};

const StopRow = ({ visit, n, sheetKey }: { visit: SheetVisit; n: number; sheetKey: SheetKey }) => {
  const translate = useTranslate();
  const [editing, setEditing] = useState(false);
  const final = !!visit.resultCallId;
  return (
    <TableRow data-visit={visit.customerCode} sx={{ '& > td': { verticalAlign: 'top' } }}>
      <TableCell sx={{ minWidth: 200, maxWidth: 280 }}>
        <Typography variant="body2">
          <Box component="span" sx={{ color: 'text.secondary', mr: 1, fontWeight: 600 }}>
            {n}.
          </Box>
          <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {visit.customerCode}
          </Box>
          {visit.customerName}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {visitAddress(visit)}
        </Typography>
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatMoney(visit.totalDue, visit.currency)}
      </TableCell>
      <TableCell sx={{ minWidth: 360 }}>
        {visit.result && !editing ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Recorded visit={visit} />
            {!final && (
              <Button size="small" onClick={() => setEditing(true)}>
                {translate('collections.sheet.changeResult')}
              </Button>
            )}
          </Stack>
        ) : (
          <ResultForm visit={visit} sheetKey={sheetKey} onDone={() => setEditing(false)} />
        )}
      </TableCell>
    </TableRow>
  );
};

const Results = () => {
  const translate = useTranslate();
  const { collectorId, date } = useSearchParamValues(RESULTS_SPEC);
  const { data: sheet, isPending, error } = useCollectionSheet(collectorId || undefined, date);
  if (!collectorId) return <Alert severity="info">{translate('collections.sheet.pick')}</Alert>;
  if (isPending) return <Loading />;
  if (error || !sheet) return <Alert severity="error">{error?.message}</Alert>;
  if (date > todayIso())
    return <Alert severity="info">{translate('collections.sheet.notYet', { date: formatDate(date) })}</Alert>;
  if (sheet.visits.length === 0)
    return (
      <Alert severity="info">
        {translate('collections.sheet.none', { collector: sheet.collector.name, date: formatDate(date) })}
      </Alert>
    );
  const done = sheet.visits.filter((v) => v.result).length;
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} data-results-count>
        {translate('collections.sheet.resultsCount', { smart_count: sheet.visits.length, done })}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={translate('collections.sheet.resultsTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('collections.sheet.customer')}</TableCell>
              <TableCell align="right">{translate('collections.sheet.totalDue')}</TableCell>
              <TableCell>{translate('collections.sheet.result')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sheet.visits.map((v, i) => (
              <StopRow
                key={v.stopId ?? `call-${v.callId}`}
                visit={v}
                n={i + 1}
                sheetKey={{ collectorId: Number(collectorId), date }}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};

/**
 * Resultados de la hoja: after the round, every stop of the sheet on one screen, each with
 * what it brought back — cobró (the receipt of that day, or a new one), no estaba, promesa
 * (day and amount, followed like a promise made on the phone) or rechazo (the reason).
 */
const CollectionSheetResults = () => {
  const translate = useTranslate();
  const { collectorId, date } = useSearchParamValues(RESULTS_SPEC);
  const back = new URLSearchParams({ collectorId, date }).toString();
  return (
    <Box sx={{ mt: 1, mb: 3 }}>
      <Title title="collections.sheet.resultsTitle" />
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <SheetPicker spec={RESULTS_SPEC} />
            <Button component={Link} to={`/collection-sheets?${back}`} startIcon={<BackIcon />}>
              {translate('collections.sheet.toSheet')}
            </Button>
          </Stack>
          <Results />
        </CardContent>
      </Card>
    </Box>
  );
};

export default CollectionSheetResults;
