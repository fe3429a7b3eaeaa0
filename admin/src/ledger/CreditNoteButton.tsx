import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import ReverseIcon from '@mui/icons-material/Undo';
import SendIcon from '@mui/icons-material/Send';
import { NumberInput, TextInput, minLength, required, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { MoneyInput } from '../common/MoneyInput';
import { integerBetween } from '../common/validators';
import { fiscalApi } from '../fiscal/api';
import { ActionDialog } from './ActionDialog';
import { ledgerApi, useLedgerRefresh } from './api';
import type { DocumentDetail } from './types';

type CreditNoteForm = {
  pointOfSale: number;
  number: number | null;
  issueDate: string;
  total: string;
  cae: string;
  caeDueDate: string | null;
  reason: string;
};

/** What differs between entering the credit note billing issued and asking billing for it: the words and the icon. */
const TEXTS = {
  issued: {
    icon: <ReverseIcon />,
    button: 'ledger.creditNote.button',
    title: 'ledger.creditNote.title',
    help: 'ledger.creditNote.help',
    confirm: 'ledger.creditNote.confirm',
  },
  toBilling: {
    icon: <SendIcon />,
    button: 'fiscal.billing.send',
    title: 'fiscal.billing.creditNoteTitle',
    help: 'fiscal.billing.creditNoteHelp',
    confirm: 'fiscal.billing.send',
  },
};

/**
 * A fiscal invoice or debit note is not cancelled but reversed by a credit note of its letter
 * (RG 1415; an FCE by an FCE credit note), applied to it. Two ways, one dialog:
 * - "Generar nota de crédito": billing already numbered it and ARCA authorised it; the clerk gives
 *   its number and CAE, and it is posted applied to the document.
 * - `toBilling`, "Enviar a facturación": billing is asked for it through the webhook
 *   (billing_request.created), with only the amount and the reason; it is applied to this
 *   document when billing posts it.
 */
export const CreditNoteButton = ({ document, toBilling = false }: { document: DocumentDetail; toBilling?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const refreshLedger = useLedgerRefresh();
  const [open, setOpen] = useState(false);
  const texts = toBilling ? TEXTS.toBilling : TEXTS.issued;

  const enterIssued = async ({ pointOfSale, number, issueDate, total, cae, caeDueDate, reason }: CreditNoteForm) => {
    const note = await ledgerApi.issueCreditNote(document.id, {
      pointOfSale: Number(pointOfSale),
      number: Number(number),
      issueDate,
      total,
      reason,
      ...(cae ? { cae, caeDueDate } : {}),
    });
    notify('ledger.creditNote.done', {
      type: 'success',
      messageArgs: { number: note.displayNumber, invoice: document.displayNumber },
    });
    await refreshLedger();
    refresh();
    navigate(`/documents/${note.id}/show`);
  };

  const askBilling = async ({ total, reason }: CreditNoteForm) => {
    // The dialog's form sits inside the document's record: only its own two answers are sent.
    const done = await fiscalApi.requestCreditNote(document.id, { total, reason });
    notify('fiscal.billing.sent', { type: 'success', messageArgs: { count: done.requests.length } });
    setOpen(false);
    refresh();
  };

  const total = <MoneyInput source="total" label="ledger.creditNote.total" currency={document.currency} validate={required()} />;
  const reason = (
    <TextInput
      source="reason"
      label="ledger.creditNote.reason"
      validate={[required(), minLength(3)]}
      fullWidth={!toBilling}
      autoFocus={toBilling}
    />
  );
  return (
    <>
      <Button color="warning" startIcon={texts.icon} onClick={() => setOpen(true)}>
        {translate(texts.button)}
      </Button>
      <ActionDialog<CreditNoteForm>
        open={open}
        onClose={() => setOpen(false)}
        title={texts.title}
        titleArgs={{ number: document.displayNumber }}
        confirmLabel={texts.confirm}
        confirmColor="warning"
        defaultValues={{
          pointOfSale: document.pointOfSale,
          number: null,
          issueDate: todayIso(),
          total: document.openAmount,
          cae: '',
          caeDueDate: null,
          reason: '',
        }}
        onConfirm={toBilling ? askBilling : enterIssued}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(texts.help)}
        </Typography>
        {toBilling ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 2, mt: 2 }}>
            {total}
            {reason}
          </Box>
        ) : (
          <>
            <Box sx={{ display: 'grid', gridTemplateColumns: '140px 1fr 180px', gap: 2, mt: 2 }}>
              <NumberInput
                source="pointOfSale"
                label="ledger.creditNote.pointOfSale"
                step={1}
                validate={[required(), integerBetween(1, 99999)]}
              />
              <NumberInput
                source="number"
                label="ledger.creditNote.number"
                step={1}
                validate={[required(), integerBetween(1, 99999999)]}
                autoFocus
              />
              <DateInput source="issueDate" label="ledger.creditNote.issueDate" validate={required()} />
            </Box>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 2 }}>
              {total}
              <TextInput
                source="cae"
                label="ledger.creditNote.cae"
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 14 } }}
              />
              <DateInput source="caeDueDate" label="ledger.creditNote.caeDueDate" />
            </Box>
            {reason}
          </>
        )}
      </ActionDialog>
    </>
  );
};
