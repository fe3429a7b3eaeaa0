import { SelectInput, TextInput, useGetList, useGetOne, useNotify, useTranslate } from 'react-admin';
import { MoneyInput } from '../common/MoneyInput';
import { inputChecks, blank, type FormErrors } from '../common/validateRecord';
import { validateMoney } from '../common/validators';
import { formatDate } from '../common/dates';
import { formatMoney } from '../common/money';
import { toCents } from '../common/cents';
import { ActionDialog } from '../ledger/ActionDialog';
import { collectionsApi, useCollectionsRefresh } from '../collections/api';
import { VISIT_RESULTS, type CollectionCall, type SheetVisit, type VisitResult } from '../collections/types';

interface Receipt {
  id: number;
  displayNumber: string;
  issueDate: string;
  total: string;
}

interface ResultValues {
  visitResult: VisitResult | null;
  visitReceiptId: number | null;
  visitAmount: string | null;
  visitNotes: string | null;
}

const RESULT_CHOICES = VISIT_RESULTS.map((id) => ({ id, name: `collections.visitResults.${id}` }));

export function validateVisitResult(values: ResultValues): FormErrors {
  const errors = inputChecks(values as unknown as Record<string, unknown>, { visitAmount: validateMoney });
  if (blank(values.visitResult)) errors.visitResult = 'ra.validation.required';
  if (!errors.visitAmount && !blank(values.visitAmount) && toCents(values.visitAmount) <= 0n)
    errors.visitAmount = 'collections.validation.positive';
  return errors;
}

/** The receipts of the customer, newest first: the one the collector brought back is among the last. */
const ReceiptInput = ({ customerId }: { customerId: number }) => {
  const { data, isPending } = useGetList<Receipt>('receipts', {
    filter: { customerId, status: 'posted' },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'issueDate', order: 'DESC' },
  });
  const choices = (data ?? []).map((r) => ({
    id: r.id,
    name: `${r.displayNumber} · ${formatDate(r.issueDate)} · ${formatMoney(r.total)}`,
  }));
  return (
    <SelectInput
      source="visitReceiptId"
      label="collections.sheet.receipt"
      choices={choices}
      isPending={isPending}
      translateChoice={false}
      helperText={!isPending && choices.length === 0 ? 'collections.sheet.noReceipts' : 'collections.sheet.receiptHelp'}
    />
  );
};

/**
 * After the round: whether the visit collected, with the receipt the collector
 * brought back (a posted receipt of that customer), the amount and notes.
 */
export const VisitResultDialog = ({ visit, onClose }: { visit: SheetVisit; onClose: () => void }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useCollectionsRefresh();
  // The sheet does not carry the notes of a result already recorded: read them from the call, so a change keeps them.
  const { data: call, isPending } = useGetOne<CollectionCall>(
    'collection-calls',
    { id: visit.callId },
    { enabled: !!visit.visitResult },
  );
  if (visit.visitResult && isPending) return null;
  return (
    <ActionDialog<ResultValues>
      open
      onClose={onClose}
      title="collections.sheet.resultTitle"
      titleArgs={{ customer: `${visit.customerCode} — ${visit.customerName}` }}
      confirmLabel="ra.action.save"
      defaultValues={{
        visitResult: visit.visitResult,
        visitReceiptId: visit.visitReceiptId,
        visitAmount: visit.visitAmount,
        visitNotes: call?.visitNotes ?? null,
      }}
      validate={validateVisitResult}
      onConfirm={async (values) => {
        await collectionsApi.recordVisitResult(visit.callId, {
          visitResult: values.visitResult!,
          visitReceiptId: values.visitReceiptId || null,
          visitAmount: values.visitAmount || null,
          visitNotes: blank(values.visitNotes) ? null : values.visitNotes,
        });
        notify(translate('collections.sheet.resultSaved', { customer: visit.customerName }), { type: 'info' });
        await refresh();
      }}
    >
      <SelectInput
        source="visitResult"
        label="resources.collection-calls.fields.visitResult"
        choices={RESULT_CHOICES}
        isRequired
      />
      <ReceiptInput customerId={visit.customerId} />
      <MoneyInput
        source="visitAmount"
        label="resources.collection-calls.fields.visitAmount"
        currency={visit.currency}
        helperText="collections.sheet.amountHelp"
      />
      <TextInput source="visitNotes" label="collections.sheet.notes" multiline minRows={2} helperText={false} />
    </ActionDialog>
  );
};
