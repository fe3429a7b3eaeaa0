import { Box, Typography } from '@mui/material';
import { maxLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { MoneyInput } from '../common/MoneyInput';
import { integerBetween } from '../common/validators';
import { INTAKE_TYPE_CHOICES, LETTER_CHOICES } from '../ledger/choices';
import { CustomerInput } from '../ledger/inputs';
import { PostingCreate } from '../ledger/PostingCreate';
import { positiveAmount, validateDueDate } from '../ledger/validation';

const grid = { display: 'grid', gap: 2, width: '100%', gridTemplateColumns: { xs: '1fr', sm: 'repeat(4, 1fr)' } } as const;

/**
 * Nuevo comprobante: an invoice, debit or credit note from billing, with the
 * number it was printed with. What the server warns about (a suspended customer,
 * a balance over the limit) is shown on the document's page after posting.
 */
export const DocumentCreate = () => {
  const translate = useTranslate();
  return (
    <PostingCreate defaultValues={{ type: 'FAC', letter: 'A', issueDate: todayIso() }}>
      <RadioButtonGroupInput source="type" choices={INTAKE_TYPE_CHOICES} validate={required()} />
      <CustomerInput source="customerId" validate={required()} fullWidth autoFocus />
      <Box sx={grid}>
        <ChoiceInput source="letter" choices={LETTER_CHOICES} translateChoice={false} validate={required()} />
        <TextInput source="pointOfSale" validate={[required(), integerBetween(1, 99999)]} inputMode="numeric" />
        <TextInput source="number" validate={[required(), integerBetween(1, 99999999)]} inputMode="numeric" />
        <MoneyInput source="total" validate={[required(), positiveAmount]} />
        <DateInput source="issueDate" validate={required()} />
        <DateInput source="dueDate" validate={validateDueDate} helperText="ledger.documents.dueHelp" />
      </Box>
      <TextInput source="notes" multiline fullWidth validate={maxLength(2000)} />
      <Typography variant="body2" color="text.secondary">
        {translate('ledger.documents.intakeHelp')}
      </Typography>
    </PostingCreate>
  );
};
