/** What a receipt was paid with: payment lines, withholding certificates, and the values it brought to the portfolio. */
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatCuit } from '../common/cuit';
import { formatDate } from '../common/dates';
import { formatDecimal, formatMoney, type Currency } from '../common/money';
import { provinceName } from '../common/provinces';
import { ValueStateChip } from './fields';
import type { ReceiptPayment, ReceiptValue, ReceiptWithholding } from './types';
import { Money } from '../common/Money';
import { SimpleTable } from '../common/SimpleTable';

/** The details that identify a payment line, by method, in one short line. */
export function usePaymentDetail() {
  const translate = useTranslate();
  return (p: ReceiptPayment): string => {
    const parts: string[] = [];
    if (p.bankCode) parts.push(`${p.bankCode} ${p.bankName ?? ''}`.trim());
    if (p.number) parts.push(translate('ledger.payment.numberShort', { number: p.number }));
    if (p.issueDate) parts.push(translate('ledger.payment.issued', { date: formatDate(p.issueDate) }));
    if (p.paymentDate) parts.push(translate('ledger.payment.payable', { date: formatDate(p.paymentDate) }));
    if (p.drawerName) parts.push(`${p.drawerName}${p.drawerTaxId ? ` (${formatCuit(p.drawerTaxId)})` : ''}`);
    if (p.echeq) parts.push(translate('ledger.payment.echeq'));
    if (p.reference) parts.push(translate('ledger.payment.reference', { reference: p.reference }));
    if (p.method === 'card') {
      parts.push(`${p.cardIssuerName ?? ''} ${p.cardPlanName ?? ''}`.trim());
      if (p.couponNumber) parts.push(translate('ledger.payment.coupon', { coupon: p.couponNumber }));
      if (p.authorization) parts.push(translate('ledger.payment.authorization', { authorization: p.authorization }));
      if (p.installments && p.installmentAmount)
        parts.push(
          translate('ledger.payment.installments', {
            smart_count: p.installments,
            amount: formatMoney(p.installmentAmount, p.currency),
          }),
        );
      if (p.surchargeCoefficient && p.surchargeAmount)
        parts.push(
          translate('ledger.payment.surcharge', {
            coefficient: formatDecimal(p.surchargeCoefficient, 4),
            amount: formatMoney(p.surchargeAmount, p.currency),
          }),
        );
    }
    if (p.exchangeRate) parts.push(translate('ledger.payment.rate', { rate: formatDecimal(p.exchangeRate, 4) }));
    return parts.join(' · ');
  };
}

export const PaymentsTable = ({ payments, currency }: { payments: ReceiptPayment[]; currency: Currency }) => {
  const translate = useTranslate();
  const detail = usePaymentDetail();
  if (payments.length === 0) return <Typography color="text.secondary">{translate('ledger.receipt.noPayments')}</Typography>;
  return (
    <SimpleTable<ReceiptPayment>
      ariaLabel={translate('ledger.receipt.payments')}
      currency={currency}
      rows={payments}
      rowKey={(p) => p.id}
      columns={[
        { label: 'ledger.fields.method', nowrap: true, sticky: true, render: (p) => translate(`ledger.methods.${p.method}`) },
        { label: 'ledger.fields.detail', render: detail },
        {
          label: 'ledger.fields.amount',
          money: (p) => p.amount,
          currency: (p) => p.currency,
          render: (p) =>
            p.currency !== currency && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                <Money value={p.accountAmount} currency={currency} />
              </Typography>
            ),
        },
      ]}
    />
  );
};

export const WithholdingsTable = ({ withholdings, currency }: { withholdings: ReceiptWithholding[]; currency: Currency }) => {
  const translate = useTranslate();
  if (withholdings.length === 0)
    return <Typography color="text.secondary">{translate('ledger.receipt.noWithholdings')}</Typography>;
  return (
    <SimpleTable<ReceiptWithholding>
      ariaLabel={translate('ledger.receipt.withholdings')}
      currency={currency}
      rows={withholdings}
      rowKey={(w) => w.id}
      rowProps={(w) => ({ sx: w.active ? undefined : { textDecoration: 'line-through' } })}
      columns={[
        { label: 'ledger.fields.withholdingType', sticky: true, render: (w) => translate(`ledger.withholdingTypes.${w.type}`) },
        { label: 'ledger.fields.jurisdiction', render: (w) => (w.jurisdiction ? provinceName(w.jurisdiction) : '') },
        { label: 'ledger.fields.certificateNumber', render: (w) => w.certificateNumber },
        { label: 'ledger.fields.date', nowrap: true, render: (w) => formatDate(w.date) },
        { label: 'ledger.fields.baseAmount', money: (w) => w.baseAmount },
        { label: 'ledger.fields.amount', money: (w) => w.amount },
      ]}
    />
  );
};

export const ValuesTable = ({ values }: { values: ReceiptValue[] }) => {
  const translate = useTranslate();
  return (
    <SimpleTable<ReceiptValue>
      ariaLabel={translate('ledger.receipt.values')}
      rows={values}
      rowKey={(v) => v.id}
      columns={[
        { label: 'ledger.fields.method', sticky: true, render: (v) => translate(`ledger.methods.${v.method}`) },
        { label: 'ledger.fields.number', render: (v) => v.number },
        { label: 'ledger.fields.paymentDate', nowrap: true, render: (v) => formatDate(v.paymentDate) },
        { label: 'ledger.fields.amount', money: (v) => v.amount, currency: (v) => v.currency },
        { label: 'ledger.fields.state', render: (v) => <ValueStateChip state={v.state} /> },
      ]}
    />
  );
};
