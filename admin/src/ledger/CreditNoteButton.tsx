import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import ReverseIcon from '@mui/icons-material/Undo';
import { NumberInput, TextInput, minLength, required, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { MoneyInput } from '../common/MoneyInput';
import { integerBetween } from '../common/validators';
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

/**
 * "Generar nota de crédito": a fiscal invoice or debit note is not cancelled but reversed by a credit
 * note of its letter (RG 1415; an FCE by an FCE credit note), which billing numbered and ARCA
 * authorised: the clerk gives its number and CAE, and it is posted applied to the document.
 */
export const CreditNoteButton = ({ document }: { document: DocumentDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const refreshLedger = useLedgerRefresh();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="warning" startIcon={<ReverseIcon />} onClick={() => setOpen(true)}>
        {translate('ledger.creditNote.button')}
      </Button>
      <ActionDialog<CreditNoteForm>
        open={open}
        onClose={() => setOpen(false)}
        title="ledger.creditNote.title"
        titleArgs={{ number: document.displayNumber }}
        confirmLabel="ledger.creditNote.confirm"
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
        onConfirm={async ({ pointOfSale, number, issueDate, total, cae, caeDueDate, reason }) => {
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
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('ledger.creditNote.help')}
        </Typography>
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
          <MoneyInput source="total" label="ledger.creditNote.total" currency={document.currency} validate={required()} />
          <TextInput
            source="cae"
            label="ledger.creditNote.cae"
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 14 } }}
          />
          <DateInput source="caeDueDate" label="ledger.creditNote.caeDueDate" />
        </Box>
        <TextInput source="reason" label="ledger.creditNote.reason" validate={[required(), minLength(3)]} fullWidth />
      </ActionDialog>
    </>
  );
};
