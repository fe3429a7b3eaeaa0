import { Box, Typography } from '@mui/material';
import { RecordContextProvider, required, useNotify, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { MoneyInput } from '../common/MoneyInput';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi } from '../ledger/api';
import { chequePayment, ChequeInputs, newCheque, type ChequeValues, type ValueDialogProps } from './ChequeInputs';

interface ExchangeValues extends ChequeValues {
  date: string;
  amount: string;
}

/**
 * Canje: the customer hands another cheque for a rejected one (`POST /api/values/:id/exchange`).
 * It comes in as a receipt applied to the rejection's debit note — by default for all the note
 * still owes; what is more stays on account.
 */
export const ExchangeDialog = ({ value, label, onClose, onDone }: ValueDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const owed = value.rejectionOpenAmount ?? value.accountAmount;
  return (
    <RecordContextProvider value={undefined}>
      <ActionDialog<ExchangeValues>
        open
        onClose={onClose}
        title="treasury.values.titles.exchange"
        titleArgs={{ value: label }}
        confirmLabel="treasury.values.actions.exchange"
        defaultValues={{
          date: todayIso(),
          amount: owed,
          ...newCheque(),
        }}
        onConfirm={async (v) => {
          const { receipt } = await ledgerApi.exchangeValue(value.id, { date: v.date, payments: [chequePayment(v, v.amount)] });
          notify('treasury.values.done.exchange', {
            type: 'success',
            messageArgs: { value: label, receipt: receipt.displayNumber, note: value.rejectionDocumentNumber ?? '' },
          });
          await onDone();
        }}
      >
        <Typography sx={{ mb: 2 }}>
          {translate('treasury.values.exchangeHelp', {
            note: value.rejectionDocumentNumber ?? '',
            amount: formatMoney(owed, value.currency),
          })}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
          <DateInput source="date" label="ledger.fields.date" validate={required()} />
          <MoneyInput source="amount" label="resources.values.fields.amount" validate={required()} />
          <ChequeInputs />
        </Box>
      </ActionDialog>
    </RecordContextProvider>
  );
};
