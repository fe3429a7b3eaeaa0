import { Box, Card, CardContent, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { maxLength, minLength, required, SaveButton, TextInput, Title, Toolbar, useNotify, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { integerBetween } from '../common/validators';
import { ledgerApi, useCompany, useLedgerRefresh } from '../ledger/api';
import { CustomerInput } from '../ledger/inputs';
import { useServerErrors } from '../ledger/useServerErrors';
import { StableForm } from '../ledger/StableForm';

interface VoidedForm {
  pointOfSale?: string | null;
  number?: string | null;
  issueDate: string;
  reason: string;
  customerId?: number | null;
}

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } } as const;

/**
 * Registers a spoiled receipt form: its number stays used (total zero, status
 * voided). Without a number the next one of the point of sale is taken, as when
 * a printed form is torn before it is filled.
 */
export const VoidedReceiptCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const refresh = useLedgerRefresh();
  const { data: company } = useCompany();
  const onServerError = useServerErrors();
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="resources.voided-receipts.page.create" />
      <Card>
        <StableForm
          warnWhenUnsavedChanges
          defaultValues={{ issueDate: todayIso(), reason: '' }}
          onSubmit={async (values: FieldValues) => {
            const v = values as VoidedForm;
            try {
              const record = await ledgerApi.postVoidedReceipt({
                pointOfSale: v.pointOfSale ? Number(v.pointOfSale) : undefined,
                number: v.number ? Number(v.number) : undefined,
                issueDate: v.issueDate,
                reason: v.reason,
                customerId: v.customerId ?? null,
              });
              notify('ledger.voided.done', { type: 'success', messageArgs: { number: record.displayNumber } });
              await refresh();
              navigate('/voided-receipts');
            } catch (error) {
              return onServerError(error);
            }
          }}
        >
          <CardContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('ledger.voided.help')}
            </Typography>
            <Box sx={grid}>
              <TextInput
                source="pointOfSale"
                validate={integerBetween(1, 99999)}
                helperText={
                  company ? translate('ledger.voided.defaultPointOfSale', { pos: company.defaultReceiptPointOfSale }) : false
                }
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                autoFocus
              />
              <TextInput
                source="number"
                validate={integerBetween(1, 99999999)}
                helperText="ledger.voided.numberHelp"
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
              <DateInput source="issueDate" validate={required()} />
            </Box>
            <TextInput source="reason" fullWidth validate={[required(), minLength(3), maxLength(500)]} />
            <CustomerInput source="customerId" fullWidth helperText="ledger.voided.customerHelp" />
          </CardContent>
          <Toolbar>
            <SaveButton label="ledger.voided.register" />
          </Toolbar>
        </StableForm>
      </Card>
    </Box>
  );
};
