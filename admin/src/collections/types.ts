/**
 * Collections and reports as the API returns them (server/src/modules/collections,
 * server/src/modules/reports): amounts are decimal strings, days `YYYY-MM-DD`,
 * instants ISO 8601, times of day "HH:MM".
 */
import type { Currency } from '../common/money';
import type { DocumentType } from '../ledger/types';

export const CHANNELS = ['phone', 'email', 'whatsapp', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['no_answer', 'promise', 'refused', 'dispute', 'paid_claimed', 'callback', 'wrong_contact'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const VISIT_RESULTS = ['collected', 'partial', 'not_collected', 'rescheduled'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

/** What a stop of the collection sheet brought back: cobró, no estaba, promesa de pago, rechazo. */
export const STOP_RESULTS = ['collected', 'not_home', 'promise', 'refused'] as const;
export type StopResult = (typeof STOP_RESULTS)[number];

export const PROMISE_STATUSES = ['kept', 'broken', 'pending'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** A customer that owes (`/api/debtors`), also the rows of the agenda. */
export interface Debtor {
  id: number;
  code: string;
  legalName: string;
  tradeName: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  province: string | null;
  rating: string | null;
  status: string;
  currency: Currency;
  collectorId: number | null;
  collectorName: string | null;
  salespersonId: number | null;
  salespersonName: string | null;
  creditLimit: string | null;
  balance: string;
  overdue: string;
  oldestDueDate: string | null;
  daysOverdue: number;
  lastCallAt: string | null;
  nextContactAt: string | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  promiseReceived: string | null;
  brokenPromise: boolean;
}

/** `/api/collection-calls`: a call (or message, or visit) and what came of it. */
export interface CollectionCall {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  calledAt: string;
  userId: number;
  userName: string;
  channel: Channel;
  outcome: Outcome;
  response: string | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  promiseStatus: PromiseStatus | null;
  nextContactAt: string | null;
  visitDate: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  visitBranchId: number | null;
  collectorId: number | null;
  collectorName: string | null;
  visitResult: VisitResult | null;
  visitReceiptId: number | null;
  visitAmount: string | null;
  visitNotes: string | null;
}

/** What the call dialog needs to know about the customer called. */
export interface CalledCustomer {
  id: number;
  code: string;
  legalName: string;
  currency?: Currency;
  collectorId?: number | null;
  street?: string | null;
  city?: string | null;
  province?: string | null;
  postalCode?: string | null;
  phone?: string | null;
  balance?: string;
  overdue?: string;
  overdueBalance?: string;
}

export interface Agenda {
  scope: 'mine' | 'team';
  due: Debtor[];
  dueTotal: number;
  brokenPromises: Debtor[];
  brokenTotal: number;
}

export interface SheetOpenItem {
  id: number;
  type: DocumentType;
  displayNumber: string;
  issueDate: string;
  dueDate: string | null;
  openAmount: string;
  side: 'debit' | 'credit';
}

/** A stop of a collection sheet: a visit agreed in a call (callId) or a customer added to the sheet. */
export interface SheetVisit {
  /** Null while an agreed visit is not yet placed on the sheet (the first change places it). */
  stopId: number | null;
  position: number | null;
  callId: number | null;
  result: StopResult | null;
  resultReceiptId: number | null;
  resultAmount: string | null;
  resultPromiseDate: string | null;
  resultPromiseAmount: string | null;
  resultReason: string | null;
  resultCallId: number | null;
  visitFrom: string | null;
  visitTo: string | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  taxId: string | null;
  taxIdType: string | null;
  ivaCondition: number | null;
  branchName: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  contactName: string | null;
  contactPhone: string | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  balance: string;
  totalDue: string;
  currency: Currency;
  response: string | null;
  visitResult: VisitResult | null;
  visitAmount: string | null;
  visitReceiptId: number | null;
  openItems: SheetOpenItem[];
}

export interface CollectionSheet {
  company: { name: string; taxId: string | null; street: string | null; city: string | null; phone: string | null };
  collector: { id: number; code: string; name: string; phone: string | null; zone: string | null };
  sheetId: number | null;
  date: string;
  visits: SheetVisit[];
  totals: { visits: number; due: string; promised: string };
}

export const AGING_GROUPS = [
  'customer',
  'collector',
  'salesperson',
  'rating',
  'segment1',
  'segment2',
  'segment3',
  'segment4',
] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];

export const AGING_BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days91to120', 'over120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type AgingAmounts = Record<AgingBucket | 'unapplied' | 'total', string>;

export interface AgingRow extends AgingAmounts {
  key: string | number | null;
  label: string | null;
  customers: number;
}

export interface AgingReport {
  asOf: string;
  groupBy: AgingGroup;
  basis: 'due' | 'issue';
  currency: Currency;
  count: number;
  totals: AgingAmounts & { customers: number };
  rows: AgingRow[];
}

export interface AgingOpenItem {
  id: number;
  type: DocumentType;
  displayNumber: string;
  issueDate: string;
  dueDate: string | null;
  total: string;
  openAmount: string;
  side: 'debit' | 'credit';
  daysOverdue: number;
}

export interface AgingOpenItems {
  customer: { id: number; code: string; legalName: string; currency: Currency };
  asOf: string;
  items: AgingOpenItem[];
}

export interface Dashboard {
  asOf: string;
  currency: Currency;
  receivable: string;
  overdue: string;
  overdueGross: string;
  overdueCredits: string;
  overdueShare: number;
  owed: string;
  inCredit: number;
  creditBalance: string;
  debtors: number;
  overdueDebtors: number;
  netSales90: string;
  dso: number | null;
  dsoMethod: string;
  aging: AgingAmounts & { customers: number };
  callsDueToday: number;
  brokenPromises: number;
  /** The portfolio's alerts: values due for deposit within `days` days, and stale values (ledger/value-alerts.ts). */
  valuesDue: { days: number; count: number; amount: string };
  valuesStale: { count: number; amount: string };
  topDebtors: Array<{
    id: number;
    code: string;
    legalName: string;
    balance: string;
    overdueBalance: string;
    oldestOpenDueDate: string | null;
  }>;
}
