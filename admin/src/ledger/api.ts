/**
 * The ledger's endpoints beyond simple-rest (posting a receipt, cancelling,
 * unapplying, moving a value, a customer's open items and statement), through
 * data/api.ts like every area's.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Currency } from '../common/money';
import { get, send, url } from '../data/api';
import type {
  DocumentApplication,
  DocumentDetail,
  OpenItem,
  PostedReceipt,
  Statement,
  LedgerValue,
  ValueMove,
  ValueTransition,
} from './types';

export interface ReceiptBody {
  customerId: number;
  /** The ledger credited (a bimonetary customer's peso or dollar account); the account's currency by default. */
  currency?: Currency;
  issueDate: string;
  pointOfSale?: number;
  number?: number | null;
  notes?: string | null;
  payments: Array<Record<string, unknown>>;
  withholdings: Array<Record<string, unknown>>;
  applications: Array<{ documentId: number; amount: string }>;
}

export const ledgerApi = {
  document: (id: number | string) => get<DocumentDetail>(`/documents/${id}`),
  openItems: (customerId: number | string) => get<OpenItem[]>(`/customers/${customerId}/open-items`),
  statement: (customerId: number | string, from?: string, to?: string, currency?: string) =>
    get<Statement>(`/customers/${customerId}/statement`, { from, to, currency }),
  statementCsvUrl: (customerId: number | string, from?: string, to?: string, currency?: string) =>
    url(`/customers/${customerId}/statement.csv`, { from, to, currency }),
  postReceipt: (body: ReceiptBody, idempotencyKey: string) =>
    send<PostedReceipt>('POST', '/receipts', body, { 'Idempotency-Key': idempotencyKey }),
  postVoidedReceipt: (body: {
    pointOfSale?: number;
    number?: number | null;
    issueDate: string;
    reason: string;
    customerId?: number | null;
  }) => send<DocumentDetail>('POST', '/receipts/voided', body),
  cancelDocument: (id: number, body: { reason: string; date?: string }) =>
    send<DocumentDetail & { reversedApplications: Array<{ id: number; counterpartId: number; amount: string }> }>(
      'POST',
      `/documents/${id}/cancel`,
      body,
    ),
  issueCreditNote: (
    id: number,
    body: {
      pointOfSale: number;
      number: number;
      issueDate: string;
      total?: string;
      reason: string;
      cae?: string;
      caeDueDate?: string | null;
    },
  ) => send<DocumentDetail>('POST', `/documents/${id}/credit-note`, body),
  unapply: (id: number, body: { date?: string; reason?: string }) =>
    send<DocumentApplication>('DELETE', `/applications/${id}`, body),
  apply: (items: Array<{ creditDocumentId: number; debitDocumentId: number; amount: string; date?: string }>) =>
    send<unknown[]>('POST', '/applications', items),
  transitionValue: (id: number, body: Record<string, unknown> & { to: ValueMove }) =>
    send<LedgerValue>('POST', `/values/${id}/transition`, body),
  replaceValueLine: (id: number, body: { date: string; payment: Record<string, unknown> }) =>
    send<DocumentDetail>('POST', `/values/${id}/replace-line`, body),
  depositValues: (body: { valueIds: number[]; date?: string; depositBankId?: number; bankAccountId?: number }) =>
    send<LedgerValue[]>('POST', '/values/deposit', body),
  valueHistory: (id: number) => get<ValueTransition[]>(`/values/${id}/history`),
  depositSlip: (id: number | string) => get<Record<string, unknown> & { values: LedgerValue[] }>(`/deposit-slips/${id}`),
  creditSlip: (id: number | string, body: { date: string; valueIds?: number[] }) =>
    send<unknown>('POST', `/deposit-slips/${id}/credit`, body),
  /** Canje: the rejected value replaced, as a receipt applied to its debit note. */
  exchangeValue: (id: number, body: { date: string; payments: Array<Record<string, unknown>> }) =>
    send<{ value: LedgerValue; receipt: DocumentDetail }>('POST', `/values/${id}/exchange`, body),
};

/** react-query keys of the ledger's own reads, so a posting can refresh them. */
export const ledgerKeys = {
  all: ['ledger'] as const,
  document: (id: number | string) => ['ledger', 'document', String(id)] as const,
  openItems: (customerId: number | string) => ['ledger', 'open-items', String(customerId)] as const,
  statement: (customerId: number | string, from?: string, to?: string, currency?: string) =>
    ['ledger', 'statement', String(customerId), from ?? '', to ?? '', currency ?? ''] as const,
  valueHistory: (id: number) => ['ledger', 'value-history', id] as const,
};

export { useCompany } from '../data/api';

export const useDocumentDetail = (id: number | string | undefined) =>
  useQuery({ queryKey: ledgerKeys.document(id ?? ''), queryFn: () => ledgerApi.document(id!), enabled: !!id });

export const useOpenItems = (customerId: number | string | null | undefined) =>
  useQuery({
    queryKey: ledgerKeys.openItems(customerId ?? ''),
    queryFn: () => ledgerApi.openItems(customerId!),
    enabled: !!customerId,
  });

/** One ledger's statement: `currency` picks the peso or the dollar ledger of a bimonetary customer. */
export const useStatement = (customerId: number | string | undefined, from?: string, to?: string, currency?: string) =>
  useQuery({
    queryKey: ledgerKeys.statement(customerId ?? '', from, to, currency),
    queryFn: () => ledgerApi.statement(customerId!, from, to, currency),
    enabled: !!customerId,
  });

/** Resources whose lists and records a ledger posting changes. */
const TOUCHED_RESOURCES = ['documents', 'receipts', 'adjustments', 'applications', 'values', 'withholdings', 'customers'];

/**
 * After a posting: every ledger list, record and figure is stale (balances,
 * open amounts, counts in the tabs), so they are all fetched again.
 */
export function useLedgerRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
      ...TOUCHED_RESOURCES.map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })),
    ]);
  }, [queryClient]);
}

/** A fresh key per receipt submission; crypto.randomUUID needs a secure context, so there is a fallback. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
