import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Form, TextInput, Title, useGetOne, useTranslate } from 'react-admin';
import { todayIso } from '../../common/dates';
import type { Currency } from '../../common/money';
import { useFocusAboveBar } from '../../common/useFocusAboveBar';
import { useOpenItems } from '../../ledger/api';
import type { LedgerCustomer, OpenItem, PaymentMethod, WithholdingType } from '../../ledger/types';
import { groupOf, ledgerOf, newPayment, newWithholding, ordinals, problemsOf, totalsOf, type ReceiptValues } from './model';
import { PaymentLineRow } from './PaymentLineRow';
import { WithholdingLineRow } from './WithholdingLineRow';
import { useProblemText } from './problems';
import { TotalsBar } from './TotalsBar';
import { AllocationSection, DraftOffer, LinesSection, ReceiptHeader } from './sections';
import { enterToNext, focusField } from './focus';
import { useAutoAllocation } from './useAutoAllocation';
import { useReceiptDraft } from './useReceiptDraft';
import { useReceiptSubmit } from './useReceiptSubmit';
import { ADD_PAYMENT, useReceiptShortcuts } from './useReceiptShortcuts';

const ADD_WITHHOLDING: WithholdingType[] = ['IIBB', 'GANANCIAS', 'IVA', 'SUSS'];

/** While the open items load (or with no customer), one list for every render, so memos downstream hold. */
const NO_ITEMS: OpenItem[] = [];

const TOTALS_BAR = '[data-totals-bar]';

const EntryBody = () => {
  const translate = useTranslate();
  const { control, setFocus, getValues, setValue } = useFormContext<ReceiptValues>();
  const root = useRef<HTMLDivElement>(null);
  useFocusAboveBar(root, TOTALS_BAR);
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
  const { data: items = NO_ITEMS } = useOpenItems(customerId);
  // The ledger the receipt credits; a bimonetary customer's open items are only that ledger's.
  const currency: Currency = ledgerOf(customer, values.ledger);
  const bimonetary = !!customer?.bimonetary;
  const inLedger = useCallback((i: OpenItem) => !bimonetary || i.currency === currency, [bimonetary, currency]);
  const debits = useMemo(() => items.filter((i) => i.side === 'debit' && inLedger(i)), [items, inLedger]);
  const credits = useMemo(() => items.filter((i) => i.side === 'credit' && inLedger(i)), [items, inLedger]);
  const lineValues = { payments: values.payments ?? [], withholdings: values.withholdings ?? [] };
  const received = totalsOf(lineValues, {}, currency).total;
  const allocation = useAutoAllocation(debits, received);
  const { allocations, auto, allocateAutomatically, restore } = allocation;
  const totals = totalsOf(lineValues, allocations, currency);
  const problemText = useProblemText(currency);
  const problems = problemsOf(values, totals, debits, allocations);
  const draft = useReceiptDraft(auto ? null : allocations, restore);
  const { submit, attempted, serverError, submitting } = useReceiptSubmit({
    root,
    allocations,
    debits,
    currency,
    onPosted: draft.forget,
  });

  // A new customer: allocated automatically again, and the first payment's amount is where typing goes on.
  // Another customer after one was chosen starts again in its account's ledger.
  const lastCustomer = useRef(customerId);
  useEffect(() => {
    if (customerId && customerId !== lastCustomer.current) {
      if (lastCustomer.current && getValues('ledger')) setValue('ledger', null);
      allocateAutomatically();
      if (getValues('payments').length > 0) focus('payments.0.amount');
    }
    lastCustomer.current = customerId;
  }, [customerId, getValues, setValue, focus, allocateAutomatically]);

  // Another ledger: the allocations were the other ledger's debits, so they start again (oldest first),
  // and the lines that were in the other ledger's currency move to this one's.
  const changeLedger = useCallback(
    (next: Currency) => {
      setValue('ledger', next, { shouldDirty: true });
      getValues('payments').forEach((p, i) => {
        if (p.currency === currency && !p.exchangeRate) setValue(`payments.${i}.currency`, next, { shouldDirty: true });
      });
      allocateAutomatically();
    },
    [setValue, getValues, currency, allocateAutomatically],
  );

  // A fresh receipt starts at the customer; one opened for a customer, at its first amount.
  useEffect(() => {
    focus(getValues('customerId') ? 'payments.0.amount' : 'customerId');
  }, [focus, getValues]);

  const addPayment = useCallback(
    (method: PaymentMethod) => {
      const index = getValues('payments').length;
      payments.append(newPayment(method, currency, getValues('issueDate')), { shouldFocus: false });
      focus(`payments.${index}.amount`);
    },
    [payments, currency, getValues, focus],
  );
  // Ingresos Brutos is withheld by the customer's province (its jurisdiction), so that is where it starts.
  const province = customer?.province ?? null;
  const appendWithholding = useCallback(
    (type: WithholdingType) => {
      const index = getValues('withholdings').length;
      withholdings.append(newWithholding(type, getValues('issueDate'), type === 'IIBB' ? province : null), {
        shouldFocus: false,
      });
      return index;
    },
    [withholdings, getValues, province],
  );
  const addWithholding = useCallback(
    (type: WithholdingType) => focus(`withholdings.${appendWithholding(type)}.certificateNumber`),
    [appendWithholding, focus],
  );
  // Alt+R: the new certificate, unless a required field before it is still empty: that one first.
  const addWithholdingByKey = useCallback(() => {
    const index = appendWithholding('IIBB');
    setTimeout(() => {
      const now = getValues();
      const first = problemsOf(now, totalsOf(now, allocations, currency), debits, allocations).find((p) => p.path);
      focusField(root.current, setFocus as (p: string) => void, first?.path ?? `withholdings.${index}.certificateNumber`);
    }, 0);
  }, [appendWithholding, getValues, allocations, currency, debits, setFocus]);

  useReceiptShortcuts({
    addPayment,
    addWithholding: addWithholdingByKey,
    allocateAutomatically,
    focusCustomer: useCallback(() => focus('customerId'), [focus]),
    submit: useCallback(() => void submit(), [submit]),
  });

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
      {draft.offered && <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />}
      <ReceiptHeader customer={customer} credits={credits} currency={currency} onLedgerChange={changeLedger} />

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

      <AllocationSection customerId={customerId} debits={debits} allocation={allocation} currency={currency} />

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
      ledger: null,
      payments: [newPayment('cash', 'ARS', today)],
      withholdings: [],
    };
  }, [prefilled]);
  return (
    <Box sx={{ mt: 2, pb: 2 }}>
      <Title title="resources.receipts.page.create" />
      {/* The receipt posts through its own call (Idempotency-Key), not react-admin's save. */}
      <Form<ReceiptValues> defaultValues={defaults} noValidate warnWhenUnsavedChanges>
        <EntryBody />
      </Form>
    </Box>
  );
};

export default ReceiptEntry;
