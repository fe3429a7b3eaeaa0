/** The fiscal endpoints: the interest run, a receipt's exchange difference, the withholding files. */
import { get, send, url } from '../data/api';
import type { Currency } from '../common/money';
import type { DifferenceProposal, InterestProposal } from '../../../shared/contract/fiscal';

export interface InterestParams {
  date: string;
  graceDays: string;
  minimumAmount: string;
  customerId: string;
}

type Posted = { documents: Array<{ id: number; displayNumber: string; total: string }> };

/** A request to billing (GET /api/billing-requests): the fiscal ND/NC billing is asked to issue. */
export interface BillingRequest {
  id: number;
  cause: 'credit_note' | 'exchange_difference' | 'interest';
  state: 'pending' | 'fulfilled' | 'cancelled';
  total: string;
  currency: Currency;
}
type Requested = { requests: BillingRequest[] };

const query = (p: InterestParams) => ({
  date: p.date,
  graceDays: p.graceDays,
  minimumAmount: p.minimumAmount,
  customerId: p.customerId,
});

/** The run to post or to ask billing for: the page's options and the customers it showed. */
const runBody = (p: InterestParams, customerIds: number[]) => ({
  date: p.date,
  graceDays: Number(p.graceDays || 0),
  minimumAmount: p.minimumAmount || '0',
  customerIds,
});

export const fiscalApi = {
  interestPreview: (p: InterestParams) => get<InterestProposal[]>('/interest-runs/preview', query(p)),
  interestCsvUrl: (p: InterestParams) => url('/interest-runs/preview.csv', query(p)),
  postInterest: (p: InterestParams, customerIds: number[]) => send<Posted>('POST', '/interest-runs', runBody(p, customerIds)),
  exchangeDifference: (receiptId: number) => get<DifferenceProposal>(`/receipts/${receiptId}/exchange-difference`),
  postExchangeDifference: (receiptId: number) => send<Posted>('POST', `/receipts/${receiptId}/exchange-difference`, {}),
  requestInterest: (p: InterestParams, customerIds: number[]) =>
    send<Requested>('POST', '/billing-requests/interest', runBody(p, customerIds)),
  requestExchangeDifference: (receiptId: number) =>
    send<Requested>('POST', '/billing-requests/exchange-difference', { receiptId }),
  requestCreditNote: (documentId: number, body: { total: string; reason: string }) =>
    send<Requested>('POST', '/billing-requests/credit-note', { documentId, ...body }),
  cancelBillingRequest: (id: number, reason: string) =>
    send<BillingRequest>('POST', `/billing-requests/${id}/cancel`, { reason }),
  withholdingFileUrl: (file: string, params: Record<string, string>) => url(`/withholdings/${file}.txt`, params),
};
