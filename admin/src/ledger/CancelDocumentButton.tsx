import { useState } from 'react';
import { Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import CancelIcon from '@mui/icons-material/Block';
import { minLength, required, TextInput, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { ActionDialog } from './ActionDialog';
import { ledgerApi, useLedgerRefresh } from './api';
import type { DocumentDetail } from './types';

/**
 * Anular: asks the reason and the date (today by default) and, before anything is
 * done, shows what the cancellation will undo: every active application, and for
 * a receipt the cheques and notes that leave the portfolio.
 */
export const CancelDocumentButton = ({ document }: { document: DocumentDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const [open, setOpen] = useState(false);
  // Coming from a list, the record is the list row until the full document arrives: no applications yet.
  const active = (document.applications ?? []).filter((a) => a.active);
  const values = document.values ?? [];
  return (
    <>
      <Button color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        {translate('ledger.cancel.button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="ledger.cancel.title"
        titleArgs={{ number: document.displayNumber }}
        confirmLabel="ledger.cancel.confirm"
        confirmColor="error"
        defaultValues={{ date: todayIso(), reason: '' }}
        onConfirm={async ({ date, reason }) => {
          const result = await ledgerApi.cancelDocument(document.id, { reason, date });
          const reversed = result.reversedApplications.length;
          notify(reversed ? 'ledger.cancel.doneUnapplied' : 'ledger.cancel.done', {
            type: 'success',
            messageArgs: { number: document.displayNumber, smart_count: reversed },
          });
          await refreshLedger();
          refresh();
        }}
      >
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {active.length > 0
            ? translate('ledger.cancel.willUnapply', { smart_count: active.length })
            : translate('ledger.cancel.nothingApplied')}
        </Typography>
        {active.length > 0 && (
          <List dense disablePadding aria-label={translate('ledger.cancel.willUnapply', { smart_count: active.length })}>
            {active.map((a) => (
              <ListItem key={a.id} disableGutters>
                <ListItemText
                  primary={`${a.displayNumber} — ${formatMoney(a.amount, document.currency)}`}
                  secondary={translate('ledger.cancel.appliedOn', { date: formatDate(a.date) })}
                />
              </ListItem>
            ))}
          </List>
        )}
        {values.length > 0 && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
              {translate('ledger.cancel.valuesLeave', { smart_count: values.length })}
            </Typography>
            <List dense disablePadding>
              {values.map((v) => (
                <ListItem key={v.id} disableGutters>
                  <ListItemText
                    primary={`${translate(`ledger.methods.${v.method}`)} ${v.number} — ${formatMoney(v.amount, v.currency)}`}
                    secondary={
                      v.paymentDate ? translate('ledger.cancel.payable', { date: formatDate(v.paymentDate) }) : undefined
                    }
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
        <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2, mt: 2 }}>
          <DateInput source="date" label="ledger.fields.cancelDate" validate={required()} />
          <TextInput source="reason" label="ledger.fields.cancelReason" validate={[required(), minLength(3)]} autoFocus />
        </Box>
      </ActionDialog>
    </>
  );
};
