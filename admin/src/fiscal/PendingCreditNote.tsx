import { Alert } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { formatMoney } from '../common/money';
import type { BillingRequest } from './api';

/** The pending request to billing for a credit note of this document, if any (one at most: the server holds it). */
export function usePendingCreditNoteRequest(documentId: number | undefined): BillingRequest | undefined {
  const { data } = useGetList<BillingRequest>(
    'billing-requests',
    {
      filter: { causeDocumentId: documentId, cause: 'credit_note', state: 'pending' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'id', order: 'DESC' },
    },
    { enabled: !!documentId },
  );
  return data?.[0];
}

/** "Se pidió a facturación una nota de crédito…": shown on the document while billing has not issued it. */
export const PendingCreditNoteAlert = ({ request }: { request: BillingRequest }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-billing-request={request.id}>
      {translate('fiscal.billing.pendingCreditNote', { id: request.id, total: formatMoney(request.total, request.currency) })}
    </Alert>
  );
};
