import { Box, Typography } from '@mui/material';
import { maxLength, minLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { MoneyInput } from '../common/MoneyInput';
import { ADJUSTMENT_TYPE_CHOICES } from '../ledger/choices';
import { CustomerInput } from '../ledger/inputs';
import { PostingCreate } from '../ledger/PostingCreate';
import { positiveAmount, validateDueDate } from '../ledger/validation';

const grid = { display: 'grid', gap: 2, width: '100%', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } } as const;

/**
 * Nuevo ajuste (supervisor): a positive adjustment adds to what the customer
 * owes, a negative one takes from it; numbered here, always with a reason.
 */
export const AdjustmentCreate = () => {
  const translate = useTranslate();
  return (
    <PostingCreate defaultValues={{ type: 'AJN', issueDate: todayIso() }}>
      <RadioButtonGroupInput source="type" choices={ADJUSTMENT_TYPE_CHOICES} validate={required()} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: -1, mb: 1 }}>
        {translate('ledger.adjustments.help')}
      </Typography>
      <CustomerInput source="customerId" validate={required()} fullWidth autoFocus />
      <Box sx={grid}>
        <MoneyInput source="total" validate={[required(), positiveAmount]} />
        <DateInput source="issueDate" validate={required()} />
        <DateInput source="dueDate" validate={validateDueDate} helperText="ledger.documents.dueHelp" />
      </Box>
      <TextInput source="reason" fullWidth validate={[required(), minLength(3), maxLength(500)]} />
      <TextInput source="notes" multiline fullWidth validate={maxLength(2000)} />
    </PostingCreate>
  );
};
