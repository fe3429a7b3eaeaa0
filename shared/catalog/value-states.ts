/**
 * The life of a value in the portfolio (cheques, ECHEQs and notes), shared by the server, which
 * enforces it, and the admin, which offers only the moves it allows. Paper cheques and notes
 * enter `in_portfolio`; an ECHEQ enters `pending_acceptance` and its holder accepts or
 * repudiates it (BCRA, "Reglamentación de la cuenta corriente bancaria" point 3.5,
 * Com. "A" 6578 and later: "admisión" / "repudio"); an accepted ECHEQ is in custody
 * like a paper cheque in the portfolio. From there a value is deposited, discounted
 * (assigned to a bank for cash, its fee an expense) or endorsed; a deposit or a
 * discount ends credited (acreditado) or rejected, and a credited value may still be
 * rejected by the bank afterwards (a rejection after the clearing).
 */
export const VALUE_STATES = [
  'pending_acceptance',
  'accepted',
  'repudiated',
  'in_portfolio',
  'deposited',
  'discounted',
  'endorsed',
  'credited',
  'rejected',
  'cancelled',
] as const;
export type ValueState = (typeof VALUE_STATES)[number];

/** The states a request may move a value to (`POST /api/values/:id/transition`). */
export const VALUE_MOVES = ['accepted', 'repudiated', 'deposited', 'discounted', 'endorsed', 'credited', 'rejected'] as const;
export type ValueMove = (typeof VALUE_MOVES)[number];

/** From each state, where a value may go next: the one table of allowed moves. */
export const VALUE_TRANSITIONS: Record<ValueState, readonly ValueMove[]> = {
  pending_acceptance: ['accepted', 'repudiated'],
  accepted: ['deposited', 'discounted', 'endorsed', 'rejected'],
  in_portfolio: ['deposited', 'discounted', 'endorsed', 'rejected'],
  deposited: ['credited', 'rejected'],
  discounted: ['credited', 'rejected'],
  endorsed: ['rejected'],
  credited: ['rejected'],
  repudiated: [],
  rejected: [],
  cancelled: [],
};

/** A value is a paper cheque or an ECHEQ (notes carry no kind). */
export const CHEQUE_KINDS = ['cheque', 'echeq'] as const;
export type ChequeKind = (typeof CHEQUE_KINDS)[number];

/**
 * The portfolio's alerts (the rules are in server/src/modules/ledger/value-alerts.ts): a value
 * is "due for deposit" when payable within DEFAULT_DUE_DAYS days unless asked otherwise, and
 * "stale" STALE_DAYS days after it should have moved.
 */
export const DEFAULT_DUE_DAYS = 7;
export const STALE_DAYS = 5;

/**
 * A value may be deposited or discounted on `date` when it is payable by then, or any day when it
 * is a common cheque (payable at sight, Ley 24.452 art. 23; a deferred one not before its payment
 * date, art. 54). The server enforces it (ledger/cheque-rules.ts); the admin warns before asking.
 */
export function presentableOn(v: { kind: string | null; deferred: boolean; paymentDate: string | null }, date: string): boolean {
  return (v.kind !== null && !v.deferred) || !v.paymentDate || v.paymentDate <= date;
}
