/** What a receipt was paid with: payment lines, withholding certificates, and the values it brought to the portfolio. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatCuit } from '../common/cuit';
import { formatDate } from '../common/dates';
import { formatDecimal, formatMoney, type Currency } from '../common/money';
import { provinceName } from '../common/provinces';
import { ValueStateChip } from './fields';
import type { ReceiptPayment, ReceiptValue, ReceiptWithholding } from './types';
import { Money } from '../common/Money';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

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
    <Table size="small" aria-label={translate('ledger.receipt.payments')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('ledger.fields.method')}</TableCell>
          <TableCell>{translate('ledger.fields.detail')}</TableCell>
          <TableCell align="right">{translate('ledger.fields.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.map((p) => (
          <TableRow key={p.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`ledger.methods.${p.method}`)}</TableCell>
            <TableCell>{detail(p)}</TableCell>
            <TableCell align="right" sx={num}>
              <Money value={p.amount} currency={p.currency} />
              {p.currency !== currency && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  <Money value={p.accountAmount} currency={currency} />
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const WithholdingsTable = ({ withholdings, currency }: { withholdings: ReceiptWithholding[]; currency: Currency }) => {
  const translate = useTranslate();
  if (withholdings.length === 0)
    return <Typography color="text.secondary">{translate('ledger.receipt.noWithholdings')}</Typography>;
  return (
    <Table size="small" aria-label={translate('ledger.receipt.withholdings')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('ledger.fields.withholdingType')}</TableCell>
          <TableCell>{translate('ledger.fields.jurisdiction')}</TableCell>
          <TableCell>{translate('ledger.fields.certificateNumber')}</TableCell>
          <TableCell>{translate('ledger.fields.date')}</TableCell>
          <TableCell align="right">{translate('ledger.fields.baseAmount')}</TableCell>
          <TableCell align="right">{translate('ledger.fields.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {withholdings.map((w) => (
          <TableRow key={w.id} sx={w.active ? undefined : { textDecoration: 'line-through' }}>
            <TableCell>{translate(`ledger.withholdingTypes.${w.type}`)}</TableCell>
            <TableCell>{w.jurisdiction ? provinceName(w.jurisdiction) : ''}</TableCell>
            <TableCell>{w.certificateNumber}</TableCell>
            <TableCell>{formatDate(w.date)}</TableCell>
            <TableCell align="right" sx={num}>
              {w.baseAmount ? formatMoney(w.baseAmount, currency) : ''}
            </TableCell>
            <TableCell align="right" sx={num}>
              <Money value={w.amount} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const ValuesTable = ({ values }: { values: ReceiptValue[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('ledger.receipt.values')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('ledger.fields.method')}</TableCell>
          <TableCell>{translate('ledger.fields.number')}</TableCell>
          <TableCell>{translate('ledger.fields.paymentDate')}</TableCell>
          <TableCell align="right">{translate('ledger.fields.amount')}</TableCell>
          <TableCell>{translate('ledger.fields.state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {values.map((v) => (
          <TableRow key={v.id}>
            <TableCell>{translate(`ledger.methods.${v.method}`)}</TableCell>
            <TableCell>{v.number}</TableCell>
            <TableCell>{formatDate(v.paymentDate)}</TableCell>
            <TableCell align="right" sx={num}>
              <Money value={v.amount} currency={v.currency} />
            </TableCell>
            <TableCell>
              <ValueStateChip state={v.state} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
