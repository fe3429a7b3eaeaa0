import { useEffect } from 'react';
import type { PaymentMethod } from '../../ledger/types';

/** Quick-add buttons and their Alt shortcuts (e.code), in the order a clerk meets them. */
export const ADD_PAYMENT: Array<{ method: PaymentMethod; code: string; key: string }> = [
  { method: 'cash', code: 'KeyE', key: 'E' },
  { method: 'customer_cheque', code: 'KeyQ', key: 'Q' },
  { method: 'third_party_cheque', code: 'KeyH', key: 'H' },
  { method: 'customer_note', code: 'KeyD', key: 'D' },
  { method: 'transfer', code: 'KeyT', key: 'T' },
  { method: 'card', code: 'KeyJ', key: 'J' },
];

export interface ShortcutActions {
  addPayment: (method: PaymentMethod) => void;
  /** Alt+R: a withholding certificate, then the first field still missing (never past an empty required one). */
  addWithholding: () => void;
  allocateAutomatically: () => void;
  focusCustomer: () => void;
  submit: () => void;
}

/** The receipt's Alt shortcuts, listened to on the whole window while the page is open. */
export function useReceiptShortcuts(actions: ShortcutActions) {
  const { addPayment, addWithholding, allocateAutomatically, focusCustomer, submit } = actions;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const add = ADD_PAYMENT.find((a) => a.code === e.code);
      if (add) addPayment(e.shiftKey && add.method === 'customer_note' ? 'third_party_note' : add.method);
      else if (e.code === 'KeyR') addWithholding();
      else if (e.code === 'KeyI') allocateAutomatically();
      else if (e.code === 'KeyC') focusCustomer();
      else if (e.code === 'KeyG') submit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addPayment, addWithholding, allocateAutomatically, focusCustomer, submit]);
}
