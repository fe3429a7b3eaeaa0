/** The fiscal endpoints: the interest run, a receipt's exchange difference, the withholding files. */
import { get, send, url } from '../data/api';
import type { DifferenceProposal, InterestProposal } from '../../../shared/contract/fiscal';

export interface InterestParams {
  date: string;
  graceDays: string;
  minimumAmount: string;
  customerId: string;
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
