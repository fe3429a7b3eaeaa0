import { get, send, url } from '../data/api';

export interface Coupon {
  id: number;
  date: string;
  cardIssuerId: number;
  cardIssuerCode: string;
  couponNumber: string | null;
  customerName: string;
  installments: number;
  currency: 'ARS' | 'USD';
  amount: string;
  surcharge: string;
  gross: string;
  expectedFee: string;
  expectedFeeIva: string;
  expectedNet: string;
  expectedDate: string;
  state: string;
  batchId: number | null;
  settledGross: string | null;
  settledFee: string | null;
  settledFeeIva: string | null;
  settledWithholdings: string | null;
  settledNet: string | null;
  feeDifference: string | null;
  netDifference: string | null;
  daysLate: number | null;
}

export interface Settlement {
  id: number;
  number: string;
  date: string;
  cardIssuerCode: string;
  bankAccountName: string;
  currency: 'ARS' | 'USD';
  gross: string;
  fee: string;
  feeIva: string;
  withholdings: string;
  net: string;
  expectedNet: string;
  netDifference: string;
  origin: 'manual' | 'import';
  notes: string | null;
  coupons: Coupon[];
}

export interface SettlementHeader {
  cardIssuerId: number;
  bankAccountId?: number;
  number: string;
  date: string;
  notes?: string;
}

export interface PendingRow {
  cardIssuerId: number;
  cardIssuerCode: string;
  cardIssuerName: string;
  currency: 'ARS' | 'USD';
  couponCount: number;
  presentedCount: number;
  gross: string;
  expectedNet: string;
  oldestDate: string;
  overdueCount: number;
  overdueNet: string;
}

/** The card coupons' custom endpoints: batches, settlements entered or imported. */
export const cardsApi = {
  createBatch: (body: { couponIds: number[]; date: string; number?: string }) =>
    send<{ id: number }>('POST', '/card-batches', body),
  settlement: (id: number | string) => get<Settlement>(`/card-settlements/${id}`),
  createSettlement: (
    body: SettlementHeader & {
      coupons: Array<{ couponId: number; gross: string; fee: string; feeIva: string; withholdings: string }>;
    },
  ) => send<Settlement>('POST', '/card-settlements', body),
  importSettlement: (body: SettlementHeader & { csv: string; dryRun?: boolean }) =>
    send<Settlement & { valid?: number }>('POST', '/card-settlements/import', body),
  pending: (asOf: string) => get<{ asOf: string; rows: PendingRow[] }>('/reports/card-coupons-pending', { asOf }),
  pendingCsvUrl: (asOf: string) => url('/reports/card-coupons-pending.csv', { asOf }),
};
