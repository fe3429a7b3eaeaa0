import { useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router-dom';
import { useFormContext } from 'react-hook-form';
import { setSubmissionErrors, useNotify } from 'react-admin';
import { formatMoney, type Currency } from '../../common/money';
import { ledgerApi, newIdempotencyKey, useCompany, useLedgerRefresh } from '../../ledger/api';
import type { Amounts } from '../../ledger/OpenItemsTable';
import type { OpenItem } from '../../ledger/types';
import { useServerErrors } from '../../ledger/useServerErrors';
import { problemsOf, toBody, totalsOf, type ReceiptValues } from './model';

export interface ReceiptSubmission {
  submit: () => Promise<void>;
  /** Posting was tried at least once: the reasons it was refused are listed. */
  attempted: boolean;
  serverError?: string;
  submitting: boolean;
}

/**
 * Posting the receipt: refuses locally while something is missing (focusing the
 * list of reasons), sends one Idempotency-Key per distinct submission (a double
 * click or a retry never posts twice), and on success forgets the draft, marks
 * the form clean (so leaving is not warned about) and opens the printable receipt.
 */
export function useReceiptSubmit({
  root,
  allocations,
  debits,
  currency,
  onPosted,
}: {
  root: RefObject<HTMLElement | null>;
  allocations: Amounts;
  debits: OpenItem[];
  currency: Currency;
  onPosted: () => void;
}): ReceiptSubmission {
  const notify = useNotify();
  const navigate = useNavigate();
  const refresh = useLedgerRefresh();
  const onServerError = useServerErrors();
  const { data: company } = useCompany();
  const { handleSubmit, setError, reset, getValues } = useFormContext<ReceiptValues>();
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef<{ key: string; body: string }>(undefined);

  const post = async (posted: ReceiptValues) => {
    setAttempted(true);
    setServerError(undefined);
    if (problemsOf(posted, totalsOf(posted, allocations, currency), debits, allocations).length > 0) {
      // The reasons first (a link each to its field), so the list is read before anything opens.
      setTimeout(() => root.current?.querySelector<HTMLElement>('[data-refusal] button')?.focus(), 0);
      return;
    }
    const body = toBody(
      { ...posted, pointOfSale: posted.pointOfSale || (company ? String(company.defaultReceiptPointOfSale) : null) },
      allocations,
      currency,
    );
    // The same submission keeps its key; a changed one gets a new key.
    const json = JSON.stringify(body);
    if (submission.current?.body !== json) submission.current = { key: newIdempotencyKey(), body: json };
    setSubmitting(true);
    try {
      const receipt = await ledgerApi.postReceipt(body, submission.current.key);
      notify('ledger.receipt.posted', {
        type: 'success',
        messageArgs: { number: receipt.displayNumber, amount: formatMoney(receipt.total, receipt.currency) },
      });
      onPosted();
      reset(getValues());
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
  return { submit: handleSubmit(post), attempted, serverError, submitting };
}
