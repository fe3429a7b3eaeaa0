import { Box, Typography } from '@mui/material';
import { BooleanInput, maxLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { CbuInput } from '../common/CbuInput';
import { FCE_OPTIONS } from '../../../shared/catalog/fiscal';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { MoneyInput } from '../common/MoneyInput';
import { integerBetween } from '../common/validators';
import { INTAKE_TYPE_CHOICES, LETTER_CHOICES } from '../ledger/choices';
import { CustomerInput } from '../ledger/inputs';
import { PostingCreate } from '../ledger/PostingCreate';
import { positiveAmount, validateDueDate } from '../ledger/validation';

/**
 * A Factura de Crédito Electrónica MiPyME (Ley 27.440; RG 4367) carries the CBU it is paid to and its
 * transfer option; the buyer's acceptance starts pending and its window is counted from the date.
 */
const FceInputs = () => {
  const fce = useWatch({ name: 'fce' }) as boolean | undefined;
  const type = useWatch({ name: 'type' }) as string | undefined;
  return (
    <Box
      sx={{ display: 'grid', gap: 2, width: '100%', gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr 2fr' }, alignItems: 'center' }}
    >
      <BooleanInput source="fce" label="ledger.arca.fce" helperText={false} />
      {fce && type === 'FAC' && <CbuInput source="fceCbu" label="ledger.arca.fceCbu" validate={required()} />}
      {fce && type === 'FAC' && (
        <ChoiceInput source="fceOption" label="ledger.arca.fceOption" choices={FCE_OPTION_CHOICES} validate={required()} />
      )}
    </Box>
  );
};

const FCE_OPTION_CHOICES = FCE_OPTIONS.map((id) => ({ id, name: `ledger.arca.options.${id}` }));

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
      <FceInputs />
      <TextInput source="notes" multiline fullWidth validate={maxLength(2000)} />
      <Typography variant="body2" color="text.secondary">
        {translate('ledger.documents.intakeHelp')}
      </Typography>
    </PostingCreate>
  );
};
