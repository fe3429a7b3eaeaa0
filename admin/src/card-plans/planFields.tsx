import type { ReactNode } from 'react';
import { Alert } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  BooleanField,
  BooleanInput,
  DataTable,
  NumberField,
  NumberInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { DecimalInput } from '../common/DecimalInput';
import { FieldText } from '../common/FieldText';
import { Section } from '../common/Section';
import { compareDecimal, formatDecimal, formatDecimalTrimmed, formatMoney } from '../common/money';
import { blank, codeAndNameErrors, inputChecks, integerErrors, pickFields, type FormErrors } from '../common/validateRecord';
import { decimalWithin, validateDate } from '../common/validators';
import { financedAmount } from './financing';

const EXAMPLE_AMOUNT = '1000.00';

export const PLAN_WRITABLE = [
  'cardIssuerId',
  'code',
  'name',
  'installments',
  'surchargeCoefficient',
  'feePct',
  'settlementDays',
  'validFrom',
  'validTo',
  'active',
] as const;

export const planPayload = pickFields(PLAN_WRITABLE);

export const validatePlan = (values: Record<string, unknown>): FormErrors => {
  const errors: FormErrors = {
    ...codeAndNameErrors(values),
    ...integerErrors(values, ['installments'], 1, 60),
    ...integerErrors(values, ['settlementDays'], 0, 365),
    ...inputChecks(values, {
      surchargeCoefficient: decimalWithin(6),
      feePct: decimalWithin(2),
      validFrom: validateDate,
      validTo: validateDate,
    }),
  };
  if (!values.cardIssuerId) errors.cardIssuerId = 'ra.validation.required';
  if (blank(values.installments)) errors.installments = 'ra.validation.required';
  const coefficient = String(values.surchargeCoefficient ?? '');
  if (blank(values.surchargeCoefficient)) errors.surchargeCoefficient = 'ra.validation.required';
  else if (/^\d+(\.\d+)?$/.test(coefficient) && compareDecimal(coefficient, '1') < 0)
    errors.surchargeCoefficient = 'ctacte.validation.coefficientMin';
  const fee = String(values.feePct ?? '');
  if (/^\d+(\.\d+)?$/.test(fee) && compareDecimal(fee, '100') > 0)
    errors.feePct = { message: 'ctacte.validation.decimalRange', args: { min: 0, max: 100 } };
  const from = values.validFrom as string | null | undefined;
  const to = values.validTo as string | null | undefined;
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to < from)
    errors.validTo = 'ctacte.validation.validityOrder';
  return errors;
};

/** "$ 1.000,00 → $ 1.125,00 en 3 cuotas de $ 375,00", live as the coefficient and the installments are typed. */
export const FinancingExample = () => {
  const translate = useTranslate();
  const coefficient = useWatch({ name: 'surchargeCoefficient' }) as unknown;
  const installments = useWatch({ name: 'installments' }) as unknown;
  const result = financedAmount(EXAMPLE_AMOUNT, coefficient, installments);
  return (
    <Alert severity="info" icon={false} sx={{ mb: 2, fontVariantNumeric: 'tabular-nums' }} data-testid="financing-example">
      {result
        ? translate('ctacte.cardPlans.example', {
            smart_count: result.installments,
            amount: formatMoney(EXAMPLE_AMOUNT),
            total: formatMoney(result.total),
            installment: formatMoney(result.installment),
            surcharge: formatMoney(result.surcharge),
          })
        : translate('ctacte.cardPlans.exampleHint')}
    </Alert>
  );
};

/** A plan's inputs, the same inline on its issuer and on the plans screen. */
export const PlanInputs = ({ issuerPicker }: { issuerPicker?: ReactNode }) => (
  <>
    <Section>
      {issuerPicker}
      {issuerPicker && <span />}
      <TextInput source="code" isRequired slotProps={{ htmlInput: { maxLength: 20, style: { textTransform: 'uppercase' } } }} />
      <TextInput source="name" isRequired slotProps={{ htmlInput: { maxLength: 80 } }} />
      <NumberInput source="installments" min={1} max={60} step={1} isRequired />
      <DecimalInput source="surchargeCoefficient" decimals={6} isRequired helperText="ctacte.cardPlans.coefficientHelp" />
    </Section>
    <FinancingExample />
    <Section>
      <DecimalInput source="feePct" decimals={2} unit="%" />
      <NumberInput source="settlementDays" min={0} max={365} step={1} />
      <DateInput source="validFrom" />
      <DateInput source="validTo" />
    </Section>
    <BooleanInput source="active" defaultValue={true} />
  </>
);

const Coefficient = () => {
  const record = useRecordContext();
  return <FieldText text={formatDecimalTrimmed(record?.surchargeCoefficient as string | null, 6, 4)} align="right" />;
};

const FeePct = () => {
  const record = useRecordContext();
  const fee = record?.feePct as string | null | undefined;
  return <FieldText text={fee === null || fee === undefined ? '' : `${formatDecimal(fee, 2)} %`} align="right" />;
};

/** The columns of a plan in a table. */
export const planColumns = [
  <DataTable.Col key="code" source="code" field={TextField} />,
  <DataTable.Col key="name" source="name" />,
  <DataTable.NumberCol key="installments" source="installments" field={NumberField} />,
  <DataTable.Col key="surchargeCoefficient" source="surchargeCoefficient" align="right" field={Coefficient} />,
  <DataTable.Col key="feePct" source="feePct" disableSort align="right" field={FeePct} />,
  <DataTable.NumberCol key="settlementDays" source="settlementDays" disableSort />,
  <DataTable.Col key="validFrom" source="validFrom" field={DateField} />,
  <DataTable.Col key="validTo" source="validTo" field={DateField} />,
  <DataTable.Col key="active" source="active" disableSort field={BooleanField} />,
  <DataTable.Col key="usableToday" source="usableToday" disableSort field={BooleanField} />,
];
