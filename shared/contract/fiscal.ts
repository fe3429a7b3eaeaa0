/**
 * What the fiscal endpoints answer: the interest run's proposal (GET /api/interest-runs/preview)
 * and a receipt's exchange difference (GET /api/receipts/:id/exchange-difference). The server's
 * services build these and the admin reads them: a field is added here, once.
 */

/** The currencies an account may be kept in. */
export type AccountCurrency = 'ARS' | 'USD';

/** One overdue debit's interest: its base, the days charged and the amount. */
export interface InterestLine {
  debitDocumentId: number;
  displayNumber: string;
  dueDate: string;
  baseAmount: string;
  fromDate: string;
  toDate: string;
  days: number;
  amount: string;
}

/** One customer's interest for the run: the ND letter X that posting it writes. */
export interface InterestProposal {
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: AccountCurrency;
  total: string;
  lines: InterestLine[];
}

/** The difference on one application of a USD receipt paid in pesos. */
export interface DifferenceLine {
  applicationId: number;
  debitDocumentId: number;
  displayNumber: string;
  appliedAmount: string;
  /** The part of the application paid in pesos (the receipt's peso share). */
  pesoApplied: string;
  documentRate: string | null;
  paymentRate: string;
  dayRate: string;
  /** Pesos: pesoApplied × (dayRate − paymentRate). */
  pesoDifference: string;
  /** In the account's currency, at the day's rate. */
  amount: string;
  type: 'ND' | 'NC';
  postedDocumentId: number | null;
  /** A request to billing for this line, while billing has not issued it. */
  billingRequestId: number | null;
}

/** A receipt's exchange difference: the lines to post as ND or NC, and those already posted. */
export interface DifferenceProposal {
  receiptId: number;
  displayNumber: string;
  customerId: number;
  currency: AccountCurrency;
  issueDate: string;
  dayRate: string | null;
  paymentRate: string | null;
  lines: DifferenceLine[];
}
