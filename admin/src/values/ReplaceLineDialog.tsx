import { Box, Typography } from '@mui/material';
import { FormDataConsumer, RecordContextProvider, required, TextInput, useNotify, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi } from '../ledger/api';
import { BankInput } from '../ledger/inputs';
import { chequePayment, ChequeInputs, newCheque, type ChequeValues, type ValueDialogProps } from './ChequeInputs';

interface ReplaceValues extends ChequeValues {
  date: string;
  method: 'cash' | 'transfer' | 'third_party_cheque';
  reference: string;
}

const METHODS = [
  { id: 'cash', name: 'ledger.methods.cash' },
  { id: 'transfer', name: 'ledger.methods.transfer' },
  { id: 'third_party_cheque', name: 'ledger.methods.third_party_cheque' },
];

/**
 * A repudiated ECHEQ's receipt line replaced by cash, a transfer or another cheque of the same
 * amount (`POST /api/values/:id/replace-line`): the receipt keeps its total.
 */
export const ReplaceLineDialog = ({ value, label, onClose, onDone }: ValueDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  // A new payment: the form starts from its defaults, not from the repudiated value's fields.
  return (
    <RecordContextProvider value={undefined}>
      <ActionDialog<ReplaceValues>
        open
        onClose={onClose}
        title="treasury.values.titles.replace"
        titleArgs={{ value: label }}
        confirmLabel="treasury.values.actions.replace"
        defaultValues={{
          ...newCheque(),
          date: todayIso(),
          method: 'transfer',
          reference: '',
        }}
        onConfirm={async (v) => {
          const common = { method: v.method, amount: value.accountAmount };
          const payment =
            v.method === 'cash'
              ? common
              : v.method === 'transfer'
                ? { ...common, bankId: v.bankId, reference: v.reference }
                : chequePayment(v, value.accountAmount);
          const receipt = await ledgerApi.replaceValueLine(value.id, { date: v.date, payment });
          notify('treasury.values.done.replace', {
            type: 'success',
            messageArgs: { value: label, receipt: receipt.displayNumber },
          });
          await onDone();
        }}
      >
        <Typography sx={{ mb: 2 }}>
          {translate('treasury.values.replaceHelp', { amount: formatMoney(value.accountAmount) })}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
          <DateInput source="date" label="ledger.fields.date" validate={required()} />
          <ChoiceInput source="method" label="treasury.values.method" choices={METHODS} validate={required()} />
          <FormDataConsumer<ReplaceValues>>
            {({ formData }) =>
              formData.method === 'cash' ? null : formData.method === 'transfer' ? (
                <>
                  <BankInput source="bankId" validate={required()} />
                  <TextInput source="reference" label="treasury.values.reference" validate={required()} />
                </>
              ) : (
                <ChequeInputs />
              )
            }
          </FormDataConsumer>
        </Box>
      </ActionDialog>
    </RecordContextProvider>
  );
};
