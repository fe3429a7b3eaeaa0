import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import AutoIcon from '@mui/icons-material/AutoFixHigh';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Form, setSubmissionErrors, TextInput, Title, useGetOne, useNotify, useTranslate } from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { formatCuit } from '../../common/cuit';
import { todayIso } from '../../common/dates';
import { formatMoney, type Currency } from '../../common/money';
import { fromCents, sumCents, toCents } from '../../common/cents';
import { integerBetween } from '../../common/validators';
import { ledgerApi, newIdempotencyKey, useCompany, useLedgerRefresh, useOpenItems } from '../../ledger/api';
import { CustomerInput } from '../../ledger/inputs';
import { allocateOldestFirst, OpenItemsTable, type Amounts } from '../../ledger/OpenItemsTable';
import type { LedgerCustomer, OpenItem, PaymentMethod, WithholdingType } from '../../ledger/types';
import { useServerErrors } from '../../ledger/useServerErrors';
import { groupOf, newPayment, newWithholding, ordinals, problemsOf, toBody, totalsOf, type ReceiptValues } from './model';
import { PaymentLineRow } from './PaymentLineRow';
import { WithholdingLineRow } from './WithholdingLineRow';
import { useProblemText } from './problems';
import { TotalsBar } from './TotalsBar';

/** Quick-add buttons and their Alt shortcuts (e.code), in the order a clerk meets them. */
const ADD_PAYMENT: Array<{ method: PaymentMethod; code: string; key: string }> = [
  { method: 'cash', code: 'KeyE', key: 'E' },
  { method: 'customer_cheque', code: 'KeyQ', key: 'Q' },
  { method: 'third_party_cheque', code: 'KeyH', key: 'H' },
  { method: 'customer_note', code: 'KeyD', key: 'D' },
  { method: 'transfer', code: 'KeyT', key: 'T' },
  { method: 'card', code: 'KeyJ', key: 'J' },
];

const ADD_WITHHOLDING: WithholdingType[] = ['IIBB', 'GANANCIAS', 'IVA', 'SUSS'];

const FOCUS_FIRST: Record<PaymentMethod, string> = {
  cash: 'amount',
  customer_cheque: 'amount',
  third_party_cheque: 'amount',
  customer_note: 'amount',
  third_party_note: 'amount',
  transfer: 'amount',
  card: 'amount',
};

/**
 * Puts the cursor in a form field by its path: react-hook-form's setFocus when the
 * input registered its element, else the element named so (a select's visible box).
 */
function focusField(root: HTMLElement | null, setFocus: (path: string) => void, path: string) {
  try {
    setFocus(path);
  } catch {
    // Not every input hands its element to react-hook-form.
  }
  const named = root?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  if (!named || document.activeElement === named) return;
  const target =
    named.getAttribute('aria-hidden') === 'true' || (named as HTMLInputElement).type === 'hidden'
      ? named.parentElement?.querySelector<HTMLElement>('[role=combobox]')
      : named;
  target?.focus();
}

/** Enter moves to the next field, as in the desktop systems clerks come from; Tab works as always. */
function enterToNext(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.shiftKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
  const fields = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]):not([tabindex="-1"]):not([disabled]):not([aria-hidden=true]), textarea:not([disabled]), [role=combobox][tabindex="0"]',
    ),
  ).filter((el) => el.offsetParent !== null);
  const next = fields[fields.indexOf(target) + 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** A card of receipt lines (payments, certificates) with a button per kind of line to add. */
const LinesSection = ({
  title,
  empty,
  adds,
  children,
}: {
  title: string;
  empty: string;
  adds: Array<{ key: string; label: string; shortcut?: string; add: () => void }>;
  children: ReactNode[];
}) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mb: 2 }} component="section" aria-label={translate(title)}>
      <CardHeader
        title={translate(title)}
        titleTypographyProps={{ variant: 'h6' }}
        sx={{ pb: 0 }}
        action={
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {adds.map((a) => (
              <Button key={a.key} size="small" onClick={a.add} title={a.shortcut}>
                + {translate(a.label)}
              </Button>
            ))}
          </Stack>
        }
      />
      <CardContent>
        {children.length === 0 && (
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            {translate(empty)}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
};

const CustomerSummary = ({ customer, credits }: { customer: LedgerCustomer; credits: OpenItem[] }) => {
  const translate = useTranslate();
  const onAccount = sumCents(credits.map((c) => toCents(c.openAmount)));
  return (
    <Box sx={{ mt: 1 }} data-customer-summary>
      <Typography variant="body2" color="text.secondary">
        {[
          customer.taxId ? `CUIT ${formatCuit(customer.taxId)}` : null,
          translate('ledger.receipt.balance', { amount: formatMoney(customer.balance, customer.currency) }),
          customer.overdueBalance && toCents(customer.overdueBalance) > 0n
            ? translate('ledger.receipt.overdue', { amount: formatMoney(customer.overdueBalance, customer.currency) })
            : null,
          translate('ledger.receipt.accountCurrency', { currency: translate(`ledger.currencies.${customer.currency}`) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {customer.status !== 'active' && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('ledger.receipt.customerStatus', {
            status: translate(`ctacte.customerStatuses.${customer.status}`, { _: customer.status }),
          })}
        </Alert>
      )}
      {onAccount > 0n && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('ledger.receipt.hasCredits', {
            amount: formatMoney(fromCents(onAccount), customer.currency),
            smart_count: credits.length,
          })}
        </Alert>
      )}
    </Box>
  );
};

const EntryBody = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const refresh = useLedgerRefresh();
  const onServerError = useServerErrors();
  const { data: company } = useCompany();
  const { control, setFocus, getValues, handleSubmit, setError } = useFormContext<ReceiptValues>();
  const [allocations, setAllocations] = useState<Amounts>({});
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef<{ key: string; body: string }>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const focus = useCallback(
    (path: string) => setTimeout(() => focusField(root.current, setFocus as (p: string) => void, path), 0),
    [setFocus],
  );
  const payments = useFieldArray({ control, name: 'payments' });
  const withholdings = useFieldArray({ control, name: 'withholdings' });
  const values = useWatch({ control }) as ReceiptValues;
  const customerId = values.customerId;
  const issueDate = values.issueDate;
  const { data: customer } = useGetOne<LedgerCustomer>('customers', { id: customerId! }, { enabled: !!customerId });
  const { data: items = [] } = useOpenItems(customerId);
  const currency: Currency = customer?.currency ?? 'ARS';
  const debits = useMemo(() => items.filter((i) => i.side === 'debit'), [items]);
  const credits = useMemo(() => items.filter((i) => i.side === 'credit'), [items]);
  const [auto, setAuto] = useState(true);
  const totals = totalsOf({ payments: values.payments ?? [], withholdings: values.withholdings ?? [] }, allocations, currency);
  const problemText = useProblemText(currency);
  const problems = problemsOf(values, totals, debits, allocations);

  const post = async (posted: ReceiptValues) => {
    setAttempted(true);
    setServerError(undefined);
    const now = problemsOf(posted, totalsOf(posted, allocations, currency), debits, allocations);
    if (now.length > 0) {
      // The reasons first (a link each to its field), so the list is read before anything opens.
      setTimeout(() => root.current?.querySelector<HTMLElement>('[data-refusal] button')?.focus(), 0);
      return;
    }
    const body = toBody(
      { ...posted, pointOfSale: posted.pointOfSale || (company ? String(company.defaultReceiptPointOfSale) : null) },
      allocations,
      currency,
    );
    // The same submission (a double click, a retry after a network error) keeps its key; a changed one gets a new key.
    const json = JSON.stringify(body);
    if (submission.current?.body !== json) submission.current = { key: newIdempotencyKey(), body: json };
    setSubmitting(true);
    try {
      const receipt = await ledgerApi.postReceipt(body, submission.current.key);
      notify('ledger.receipt.posted', {
        type: 'success',
        messageArgs: { number: receipt.displayNumber, amount: formatMoney(receipt.total, receipt.currency) },
      });
      await refresh();
      navigate(`/receipts/${receipt.id}/print`, { state: { posted: true } });
    } catch (error) {
      setServerError(error instanceof Error ? error.message : String(error));
      const fields = onServerError(error);
      if (fields) setSubmissionErrors(fields, setError as Parameters<typeof setSubmissionErrors>[1]);
    } finally {
      setSubmitting(false);
    }
  };
  const submit = handleSubmit(post);

  // Automatic allocation: the receipt's total, oldest due first, as the amounts are typed.
  const total = totals.total;
  useEffect(() => {
    if (auto) setAllocations(allocateOldestFirst(debits, total));
  }, [auto, total, debits, setAllocations]);

  // A new customer: nothing allocated yet, and the first payment's amount is where typing goes on.
  const lastCustomer = useRef(customerId);
  useEffect(() => {
    if (customerId && customerId !== lastCustomer.current) {
      setAuto(true);
      if (getValues('payments').length > 0) focus('payments.0.amount');
    }
    lastCustomer.current = customerId;
  }, [customerId, getValues, focus]);

  // A fresh receipt starts at the customer; one opened for a customer, at its first amount.
  useEffect(() => {
    focus(getValues('customerId') ? 'payments.0.amount' : 'customerId');
  }, [focus, getValues]);

  const addPayment = useCallback(
    (method: PaymentMethod) => {
      const index = getValues('payments').length;
      payments.append(newPayment(method, currency, getValues('issueDate')), { shouldFocus: false });
      focus(`payments.${index}.${FOCUS_FIRST[method]}`);
    },
    [payments, currency, getValues, focus],
  );
  const addWithholding = useCallback(
    (type: WithholdingType) => {
      const index = getValues('withholdings').length;
      withholdings.append(newWithholding(type, getValues('issueDate')), { shouldFocus: false });
      focus(`withholdings.${index}.certificateNumber`);
    },
    [withholdings, getValues, focus],
  );

  // Alt shortcuts: add lines, allocate, and focus the customer.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const add = ADD_PAYMENT.find((a) => a.code === e.code);
      if (add) addPayment(e.shiftKey && add.method === 'customer_note' ? 'third_party_note' : add.method);
      else if (e.code === 'KeyR') addWithholding('IIBB');
      else if (e.code === 'KeyI') setAuto(true);
      else if (e.code === 'KeyC') focus('customerId');
      else if (e.code === 'KeyG') void submit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addPayment, addWithholding, focus, submit]);

  const payOrdinals = ordinals(values.payments ?? [], (p) => groupOf(p.method));
  const whOrdinals = ordinals(values.withholdings ?? [], (w) => w.type);
  const lineLabel = (method: PaymentMethod, n: number | null) => `${translate(`ledger.methods.${method}`)}${n ? ` ${n}` : ''}`;

  return (
    <Box
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        } else enterToNext(e);
      }}
    >
      <Card sx={{ mb: 2 }}>
        <CardContent sx={{ pb: '8px !important' }}>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) repeat(3, minmax(0, 1fr))' },
              columnGap: 2,
            }}
          >
            <CustomerInput source="customerId" helperText={false} />
            <DateInput source="issueDate" label="ledger.receipt.fields.date" helperText={false} />
            <TextInput
              source="pointOfSale"
              label="ledger.receipt.fields.pointOfSale"
              validate={integerBetween(1, 99999)}
              helperText={false}
              placeholder={company ? String(company.defaultReceiptPointOfSale).padStart(5, '0') : undefined}
              slotProps={{ htmlInput: { inputMode: 'numeric', tabIndex: -1 }, inputLabel: { shrink: true } }}
            />
            <TextInput
              source="number"
              label="ledger.receipt.fields.number"
              validate={integerBetween(1, 99999999)}
              helperText={false}
              placeholder={translate('ledger.receipt.nextNumber')}
              slotProps={{ htmlInput: { inputMode: 'numeric', tabIndex: -1 }, inputLabel: { shrink: true } }}
            />
          </Box>
          {customer && <CustomerSummary customer={customer} credits={credits} />}
        </CardContent>
      </Card>

      <LinesSection
        title="ledger.receipt.payments"
        empty="ledger.receipt.noPaymentLines"
        adds={ADD_PAYMENT.map((a) => ({
          key: a.method,
          label: `ledger.methods.${a.method}`,
          shortcut: `Alt+${a.key}`,
          add: () => addPayment(a.method),
        }))}
      >
        {payments.fields.map((field, index) => (
          <PaymentLineRow
            key={field.id}
            index={index}
            label={lineLabel(values.payments?.[index]?.method ?? 'cash', payOrdinals[index])}
            accountCurrency={currency}
            accountAmount={totals.lines[index]}
            issueDate={issueDate}
            onRemove={() => payments.remove(index)}
          />
        ))}
      </LinesSection>

      <LinesSection
        title="ledger.receipt.withholdings"
        empty="ledger.receipt.noWithholdingLines"
        adds={ADD_WITHHOLDING.map((type) => ({
          key: type,
          label: `ledger.withholdingTypes.${type}`,
          shortcut: type === 'IIBB' ? 'Alt+R' : undefined,
          add: () => addWithholding(type),
        }))}
      >
        {withholdings.fields.map((field, index) => {
          const type = values.withholdings?.[index]?.type ?? 'IIBB';
          return (
            <WithholdingLineRow
              key={field.id}
              index={index}
              label={`${translate(`ledger.withholdingTypes.${type}`)}${whOrdinals[index] ? ` ${whOrdinals[index]}` : ''}`}
              onRemove={() => withholdings.remove(index)}
            />
          );
        })}
      </LinesSection>

      <Card sx={{ mb: 2 }} component="section" aria-label={translate('ledger.receipt.allocation')}>
        <CardHeader
          title={translate('ledger.receipt.allocation')}
          subheader={translate(auto ? 'ledger.receipt.autoOn' : 'ledger.receipt.autoOff')}
          titleTypographyProps={{ variant: 'h6' }}
          action={
            <Button
              startIcon={<AutoIcon />}
              onClick={() => setAuto(true)}
              disabled={!customerId || debits.length === 0}
              title="Alt+I"
            >
              {translate('ledger.allocation.auto')}
            </Button>
          }
        />
        <CardContent sx={{ overflowX: 'auto' }}>
          {!customerId ? (
            <Typography color="text.secondary">{translate('ledger.receipt.pickCustomerFirst')}</Typography>
          ) : debits.length === 0 ? (
            <Typography color="text.secondary">{translate('ledger.receipt.nothingOpen')}</Typography>
          ) : (
            <OpenItemsTable
              items={debits}
              amounts={allocations}
              onChange={(id, value) => {
                setAuto(false);
                setAllocations({ ...allocations, [id]: value });
              }}
              currency={currency}
              amountLabel="ledger.receipt.apply"
              ariaLabel={translate('ledger.receipt.allocation')}
            />
          )}
        </CardContent>
      </Card>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <TextInput source="notes" label="ledger.receipt.fields.notes" fullWidth multiline helperText={false} />
        </CardContent>
      </Card>

      <TotalsBar
        totals={totals}
        currency={currency}
        problems={problems.map(problemText)}
        attempted={attempted}
        serverError={serverError}
        submitting={submitting}
        onSubmit={() => void submit()}
        onProblemClick={(i) => {
          const path = problems[i]?.path;
          if (path) focus(path);
        }}
      />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {translate('ledger.receipt.shortcuts')}
      </Typography>
    </Box>
  );
};

/**
 * Nuevo recibo: the most used screen. Customer, payments with exactly what each
 * method needs, withholding certificates, the open items allocated oldest first
 * as the amounts are typed (or by hand), live totals, and the reasons it cannot
 * be posted yet. Posting sends one Idempotency-Key per distinct submission, so
 * a double click or a retry never posts twice; then the printable receipt opens.
 */
const ReceiptEntry = () => {
  const [params] = useSearchParams();
  const prefilled = Number(params.get('customerId')) || null;
  const defaults = useMemo<ReceiptValues>(() => {
    const today = todayIso();
    return {
      customerId: prefilled,
      issueDate: today,
      pointOfSale: null,
      number: null,
      notes: '',
      payments: [newPayment('cash', 'ARS', today)],
      withholdings: [],
    };
  }, [prefilled]);
  return (
    <Box sx={{ mt: 2, pb: 2 }}>
      <Title title="resources.receipts.page.create" />
      {/* The receipt posts through its own call (Idempotency-Key), not react-admin's save. */}
      <Form<ReceiptValues> defaultValues={defaults} noValidate>
        <EntryBody />
      </Form>
    </Box>
  );
};

export default ReceiptEntry;
