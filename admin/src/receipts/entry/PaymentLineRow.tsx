import { useEffect } from 'react';
import { Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { BooleanInput, required, TextInput, useGetList, useTranslate } from 'react-admin';
import { ChoiceInput } from '../../common/ChoiceInput';
import { CuitInput } from '../../common/CuitInput';
import { DateInput } from '../../common/DateInput';
import { MoneyInput } from '../../common/MoneyInput';
import { formatDate } from '../../common/dates';
import { formatDecimal, formatDecimalTrimmed, formatMoney, type Currency } from '../../common/money';
import { fromCents } from '../../common/cents';
import { DecimalInput } from '../../common/DecimalInput';
import { CURRENCY_CHOICES, PAYMENT_METHOD_CHOICES } from '../../ledger/choices';
import { BankInput } from '../../ledger/inputs';
import { useCompany } from '../../data/api';
import { BankAccountInput, CashBoxInput } from '../../treasury/inputs';
import { cardFigures, METHOD_FIELDS, type PaymentLine } from './model';
import { LineBox, SKIPPED_BY_TAB } from './LineBox';

interface Plan {
  id: number;
  code: string;
  name: string;
  installments: number;
  surchargeCoefficient: string;
}

/** Card issuer → plan (only the plans usable on the receipt's date), with the buyer's financing shown live. */
const CardFields = ({ index, line, issueDate }: { index: number; line: PaymentLine; issueDate: string | null }) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const { data: issuers = [] } = useGetList<{ id: number; code: string; legalName: string }>(
    'card-issuers',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' }, filter: { active: true } },
    { staleTime: 600_000 },
  );
  const { data: plans = [], isPending } = useGetList<Plan>(
    'card-plans',
    {
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'installments', order: 'ASC' },
      filter: { cardIssuerId: line.cardIssuerId, usableOn: issueDate },
    },
    { enabled: !!line.cardIssuerId && !!issueDate },
  );
  // A plan of another card, or no longer usable on the new date, is not kept.
  useEffect(() => {
    if (line.cardPlanId && !isPending && !plans.some((p) => p.id === line.cardPlanId))
      setValue(`payments.${index}.cardPlanId`, null, { shouldDirty: true });
  }, [plans, isPending, line.cardPlanId, index, setValue]);
  const plan = plans.find((p) => p.id === line.cardPlanId);
  const figures = plan ? cardFigures(line.amount, plan.surchargeCoefficient, plan.installments) : undefined;
  return (
    <>
      <ChoiceInput
        source={`payments.${index}.cardIssuerId`}
        label="ledger.receipt.fields.cardIssuerId"
        choices={issuers}
        optionText={(i: { code: string; legalName: string }) => `${i.code} — ${i.legalName}`}
        translateChoice={false}
        helperText={false}
      />
      <ChoiceInput
        source={`payments.${index}.cardPlanId`}
        label="ledger.receipt.fields.cardPlanId"
        choices={plans}
        optionText={(p: Plan) => `${p.name} (${translate('ledger.payment.installmentsShort', { smart_count: p.installments })})`}
        translateChoice={false}
        disabled={!line.cardIssuerId}
        helperText={line.cardIssuerId && !isPending && plans.length === 0 ? 'ledger.receipt.noPlans' : false}
      />
      <TextInput source={`payments.${index}.couponNumber`} label="ledger.receipt.fields.couponNumber" helperText={false} />
      <TextInput source={`payments.${index}.authorization`} label="ledger.receipt.fields.authorization" helperText={false} />
      <TextInput source={`payments.${index}.batchNumber`} label="ledger.receipt.fields.batchNumber" helperText={false} />
      {plan && (
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1', mt: 0.5, order: 99 }} data-card-figures>
          {translate('ledger.receipt.cardFigures', {
            smart_count: plan.installments,
            coefficient: formatDecimal(plan.surchargeCoefficient, 4),
            surcharge: figures ? formatMoney(fromCents(figures.surcharge), line.currency) : '—',
            installment: figures ? formatMoney(fromCents(figures.installment), line.currency) : '—',
            financed: figures ? formatMoney(fromCents(figures.financed), line.currency) : '—',
          })}
        </Typography>
      )}
    </>
  );
};

/** Proposes the latest official rate on or before the receipt's date when a line is in another currency. */
const useRateSuggestion = (index: number, line: PaymentLine | undefined, foreign: boolean, issueDate: string | null) => {
  const { setValue } = useFormContext();
  const { data } = useGetList<{ id: number; rate: string; date: string }>(
    'exchange-rates',
    {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'date', order: 'DESC' },
      filter: { currency: 'USD', date_lte: issueDate },
    },
    { enabled: foreign && !!issueDate, staleTime: 300_000 },
  );
  const suggestion = data?.[0];
  useEffect(() => {
    if (foreign && suggestion && !line?.exchangeRate)
      setValue(`payments.${index}.exchangeRate`, suggestion.rate, { shouldDirty: true });
  }, [foreign, suggestion, line?.exchangeRate, index, setValue]);
  return suggestion;
};

/** Where cash (a caja) and a transfer (a bank account) land: the company's default until the clerk picks another. */
const LineDestination = ({ index, method }: { index: number; method: PaymentLine['method'] }) => {
  const { data: company } = useCompany();
  const { setValue, getValues } = useFormContext();
  const field = method === 'cash' ? 'cashBoxId' : method === 'transfer' ? 'bankAccountId' : null;
  const fallback = method === 'cash' ? company?.defaultCashBoxId : company?.defaultBankAccountId;
  useEffect(() => {
    if (field && fallback && !getValues(`payments.${index}.${field}`)) setValue(`payments.${index}.${field}`, fallback);
  }, [field, fallback, index, getValues, setValue]);
  if (method === 'cash')
    return <CashBoxInput source={`payments.${index}.cashBoxId`} label="treasury.lines.cashBox" helperText={false} />;
  if (method === 'transfer')
    return <BankAccountInput source={`payments.${index}.bankAccountId`} label="treasury.lines.bankAccount" helperText={false} />;
  return null;
};

/**
 * One payment of the receipt with exactly the fields its method needs: cheques
 * their bank, number, dates (and drawer when third-party), transfers their bank
 * and reference, cards their issuer, plan and coupon. A line in another currency
 * asks for the exchange rate and shows what it is worth in the account.
 */
export const PaymentLineRow = ({
  index,
  label,
  accountCurrency,
  accountAmount,
  issueDate,
  onRemove,
}: {
  index: number;
  label: string;
  accountCurrency: Currency;
  accountAmount: bigint | undefined;
  issueDate: string | null;
  onRemove: () => void;
}) => {
  const translate = useTranslate();
  const line = useWatch({ name: `payments.${index}` }) as PaymentLine | undefined;
  const foreign = !!line && line.currency !== accountCurrency;
  const rate = useRateSuggestion(index, line, foreign, issueDate);
  if (!line) return null;
  const fields = METHOD_FIELDS[line.method];
  const at = (field: string) => `payments.${index}.${field}`;
  return (
    <LineBox label={label} onRemove={onRemove} data={{ 'payment-line': index }}>
      <ChoiceInput
        source={at('method')}
        label="ledger.receipt.fields.method"
        choices={PAYMENT_METHOD_CHOICES}
        validate={required()}
        helperText={false}
        slotProps={SKIPPED_BY_TAB}
      />
      <MoneyInput source={at('amount')} label="ledger.receipt.fields.amount" currency={line.currency} helperText={false} />
      <ChoiceInput
        source={at('currency')}
        label="ledger.receipt.fields.currency"
        choices={CURRENCY_CHOICES}
        validate={required()}
        helperText={false}
        slotProps={SKIPPED_BY_TAB}
      />
      {foreign && (
        <DecimalInput source={at('exchangeRate')} label="ledger.receipt.fields.exchangeRate" decimals={6} helperText={false} />
      )}
      {fields.includes('bankId') && <BankInput source={at('bankId')} helperText={false} sx={{ gridColumn: { md: 'span 2' } }} />}
      {fields.includes('number') && <TextInput source={at('number')} label="ledger.receipt.fields.number" helperText={false} />}
      {fields.includes('issueDate') && (
        <DateInput source={at('issueDate')} label="ledger.receipt.fields.issueDate" helperText={false} />
      )}
      {fields.includes('paymentDate') && (
        <DateInput source={at('paymentDate')} label="ledger.receipt.fields.paymentDate" helperText={false} />
      )}
      {line.method.endsWith('cheque') && (
        <BooleanInput source={at('echeq')} label="ledger.receipt.fields.echeq" helperText={false} />
      )}
      {line.method.endsWith('cheque') && line.echeq && (
        <TextInput source={at('echeqId')} label="treasury.lines.echeqId" helperText={false} />
      )}
      <LineDestination index={index} method={line.method} />
      {fields.includes('drawerTaxId') && (
        <CuitInput source={at('drawerTaxId')} label="ledger.receipt.fields.drawerTaxId" helperText={false} />
      )}
      {fields.includes('drawerName') && (
        <TextInput
          source={at('drawerName')}
          label="ledger.receipt.fields.drawerName"
          helperText={false}
          sx={{ gridColumn: { md: 'span 2' } }}
        />
      )}
      {fields.includes('reference') && (
        <TextInput
          source={at('reference')}
          label="ledger.receipt.fields.reference"
          helperText={false}
          sx={{ gridColumn: { md: 'span 2' } }}
        />
      )}
      {line.method === 'card' && <CardFields index={index} line={line} issueDate={issueDate} />}
      {foreign && (
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1', mt: 0.5, order: 99 }} data-converted>
          {accountAmount !== undefined
            ? translate('ledger.receipt.converted', { amount: formatMoney(fromCents(accountAmount), accountCurrency) })
            : translate('ledger.receipt.needsRate')}
          {rate
            ? ` ${translate('ledger.receipt.rateOf', { rate: formatDecimalTrimmed(rate.rate, 6, 2), date: formatDate(rate.date) })}`
            : ''}
        </Typography>
      )}
    </LineBox>
  );
};
