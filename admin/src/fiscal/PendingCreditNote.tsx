import { useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { TextInput, minLength, required, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { MoneyInput } from '../common/MoneyInput';
import { formatMoney } from '../common/money';
import { ActionDialog } from '../ledger/ActionDialog';
import type { DocumentDetail } from '../ledger/types';
import { fiscalApi, type BillingRequest } from './api';

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

/**
 * "Enviar a facturación": instead of entering the NC billing already issued, billing is asked for it
 * through the webhook (billing_request.created); it is applied to this document when billing posts it.
 */
export const CreditNoteRequestButton = ({ document }: { document: DocumentDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="warning" startIcon={<SendIcon />} onClick={() => setOpen(true)}>
        {translate('fiscal.billing.send')}
      </Button>
      <ActionDialog<{ total: string; reason: string }>
        open={open}
        onClose={() => setOpen(false)}
        title="fiscal.billing.creditNoteTitle"
        titleArgs={{ number: document.displayNumber }}
        confirmLabel="fiscal.billing.send"
        confirmColor="warning"
        defaultValues={{ total: document.openAmount, reason: '' }}
        onConfirm={async ({ total, reason }) => {
          // The dialog's form sits inside the document's record: only its own two answers are sent.
          const done = await fiscalApi.requestCreditNote(document.id, { total, reason });
          notify('fiscal.billing.sent', { type: 'success', messageArgs: { count: done.requests.length } });
          setOpen(false);
          refresh();
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('fiscal.billing.creditNoteHelp')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 2, mt: 2 }}>
          <MoneyInput source="total" label="fiscal.billing.total" currency={document.currency} validate={required()} />
          <TextInput source="reason" label="fiscal.billing.reason" validate={[required(), minLength(3)]} autoFocus />
        </Box>
      </ActionDialog>
    </>
  );
};
