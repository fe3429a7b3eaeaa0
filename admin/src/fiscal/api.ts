/** The fiscal endpoints: the interest run, a receipt's exchange difference, the withholding files. */
import { get, send, url } from '../data/api';
import type { Currency } from '../common/money';

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

export interface InterestProposal {
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: Currency;
  total: string;
  lines: InterestLine[];
}

export interface InterestParams {
  date: string;
  graceDays: string;
  minimumAmount: string;
  customerId: string;
}

export interface DifferenceLine {
  applicationId: number;
  debitDocumentId: number;
  displayNumber: string;
  appliedAmount: string;
  pesoApplied: string;
  documentRate: string | null;
  paymentRate: string;
  dayRate: string;
  pesoDifference: string;
  amount: string;
  type: 'ND' | 'NC';
  postedDocumentId: number | null;
}

export interface DifferenceProposal {
  receiptId: number;
  currency: Currency;
  issueDate: string;
  dayRate: string | null;
  paymentRate: string | null;
  lines: DifferenceLine[];
}

type Posted = { documents: Array<{ id: number; displayNumber: string; total: string }> };

const query = (p: InterestParams) => ({
  date: p.date,
  graceDays: p.graceDays,
  minimumAmount: p.minimumAmount,
  customerId: p.customerId,
});

export const fiscalApi = {
  interestPreview: (p: InterestParams) => get<InterestProposal[]>('/interest-runs/preview', query(p)),
  interestCsvUrl: (p: InterestParams) => url('/interest-runs/preview.csv', query(p)),
  postInterest: (p: InterestParams, customerIds: number[]) =>
    send<Posted>('POST', '/interest-runs', {
      date: p.date,
      graceDays: Number(p.graceDays || 0),
      minimumAmount: p.minimumAmount || '0',
      customerIds,
    }),
  exchangeDifference: (receiptId: number) => get<DifferenceProposal>(`/receipts/${receiptId}/exchange-difference`),
  postExchangeDifference: (receiptId: number) => send<Posted>('POST', `/receipts/${receiptId}/exchange-difference`, {}),
  withholdingFileUrl: (file: string, params: Record<string, string>) => url(`/withholdings/${file}.txt`, params),
};
