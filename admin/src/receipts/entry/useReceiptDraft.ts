import { useCallback, useEffect, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useGetIdentity } from 'react-admin';
import type { Amounts } from '../../ledger/OpenItemsTable';
import type { ReceiptValues } from './model';

/** A receipt half entered, kept in the browser until it is posted or discarded. */
export interface ReceiptDraft {
  savedAt: string;
  values: ReceiptValues;
  /** The allocation typed by hand; null while automatic. */
  allocations: Amounts | null;
}

const PREFIX = 'ctacte.receipt-draft';

/** One draft per user and company: a shared computer never offers one clerk another's receipt. */
export const draftKey = (companyId: number | string, userId: number | string) => `${PREFIX}.${companyId}.${userId}`;

function read(key: string): ReceiptDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    const draft = raw ? (JSON.parse(raw) as ReceiptDraft) : null;
    return draft && draft.values && Array.isArray(draft.values.payments) ? draft : null;
  } catch {
    return null;
  }
}

export interface DraftControl {
  /** The draft found when the page opened, until it is restored or discarded. */
  offered: ReceiptDraft | null;
  restore: () => void;
  discard: () => void;
  /** After posting: nothing left to restore. */
  forget: () => void;
}

/**
 * Keeps the receipt being typed in localStorage (every change, once the form is
 * dirty), so a reload, a closed tab or a crash loses nothing: the next time the
 * page opens it offers the draft back.
 */
export function useReceiptDraft(
  manualAllocations: Amounts | null,
  restoreAllocations: (amounts: Amounts | null) => void,
): DraftControl {
  const { data: identity } = useGetIdentity();
  const key = identity ? draftKey(String(identity.companyId ?? ''), identity.id) : undefined;
  const { reset } = useFormContext<ReceiptValues>();
  const values = useWatch() as ReceiptValues;
  const { isDirty } = useFormState();
  const [offered, setOffered] = useState<ReceiptDraft | null>(null);
  const [checked, setChecked] = useState<string>();

  // The draft left from before, looked up once per user.
  useEffect(() => {
    if (!key || checked === key) return;
    setChecked(key);
    setOffered(read(key));
  }, [key, checked]);

  useEffect(() => {
    if (!key || !isDirty) return;
    const draft: ReceiptDraft = { savedAt: new Date().toISOString(), values, allocations: manualAllocations };
    window.localStorage.setItem(key, JSON.stringify(draft));
  }, [key, isDirty, values, manualAllocations]);

  const restore = useCallback(() => {
    if (!offered) return;
    // Restored values count as typed: leaving warns, and they keep being saved.
    reset(offered.values, { keepDefaultValues: true });
    restoreAllocations(offered.allocations);
    setOffered(null);
  }, [offered, reset, restoreAllocations]);
  const discard = useCallback(() => {
    if (key) window.localStorage.removeItem(key);
    setOffered(null);
  }, [key]);
  const forget = useCallback(() => {
    if (key) window.localStorage.removeItem(key);
  }, [key]);
  return { offered, restore, discard, forget };
}
