import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { required, TextInput, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { ActionDialog } from './ActionDialog';
import { ledgerApi, useLedgerRefresh } from './api';

/**
 * Desimputar: the application stays in history, reversed, and both documents are
 * open again for its amount (supervisor).
 */
export const UnapplyButton = ({
  applicationId,
  amount,
  between,
}: {
  applicationId: number;
  amount: string;
  /** The two documents' numbers, for the dialog. */
  between: [string, string];
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        startIcon={<UndoIcon />}
        onClick={() => setOpen(true)}
        aria-label={translate('ledger.unapply.aria', { number: between[1] })}
      >
        {translate('ledger.unapply.button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="ledger.unapply.title"
        confirmLabel="ledger.unapply.confirm"
        confirmColor="warning"
        defaultValues={{ date: todayIso(), reason: '' }}
        onConfirm={async ({ date, reason }) => {
          await ledgerApi.unapply(applicationId, { date, reason: reason || undefined });
          notify('ledger.unapply.done', { type: 'success', messageArgs: { amount: formatMoney(amount) } });
          await refreshLedger();
          refresh();
        }}
      >
        <Typography sx={{ mb: 2 }}>
          {translate('ledger.unapply.intro', {
            amount: formatMoney(amount),
            own: between[0],
            other: between[1],
          })}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2 }}>
          <DateInput source="date" label="ledger.fields.date" validate={required()} />
          <TextInput source="reason" label="ledger.fields.reason" />
        </Box>
      </ActionDialog>
    </>
  );
};
