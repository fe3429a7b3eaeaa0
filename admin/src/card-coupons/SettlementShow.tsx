import { useParams } from 'react-router-dom';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { SimpleTable } from '../common/SimpleTable';
import { formatDate } from '../common/dates';
import { formatMoney } from '../common/money';
import { cardsApi, type Coupon } from './api';

const F = (field: string) => `resources.card-coupons.fields.${field}`;
const RED = (value: string | null) => (value && value.startsWith('-') ? { color: 'error.main' } : undefined);

/** A settlement: what the issuer credited, and per coupon what its plan made us expect against what was settled. */
export const SettlementShow = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const { data: s } = useQuery({ queryKey: ['card-settlement', id], queryFn: () => cardsApi.settlement(id!) });
  if (!s) return <Loading />;
  const money = (v: string) => formatMoney(v, s.currency);
  const title = translate('cardCoupons.settlement.title', { number: s.number, issuer: s.cardIssuerCode });
  return (
    <Box sx={{ p: 2 }}>
      <Title title={title} />
      <Card>
        <CardContent>
          <Typography variant="h6">{title}</Typography>
          <Typography>
            {translate('resources.card-settlements.fields.date')}: {formatDate(s.date)} ·{' '}
            {translate('resources.card-settlements.fields.bankAccountName')}: {s.bankAccountName} ·{' '}
            {translate(`cardCoupons.origins.${s.origin}`)}
          </Typography>
          <Typography sx={{ mb: 2 }} data-testid="settlement-totals">
            {translate('cardCoupons.settlement.totals', {
              gross: money(s.gross),
              fee: money(s.fee),
              feeIva: money(s.feeIva),
              withholdings: money(s.withholdings),
              net: money(s.net),
            })}{' '}
            · {translate('resources.card-settlements.fields.expectedNet')} {money(s.expectedNet)} ·{' '}
            {translate('resources.card-settlements.fields.netDifference')} <strong>{money(s.netDifference)}</strong>
          </Typography>
          {s.notes && <Typography sx={{ mb: 2 }}>{s.notes}</Typography>}
          <SimpleTable<Coupon>
            ariaLabel={translate('cardCoupons.settlement.coupons')}
            currency={s.currency}
            rows={s.coupons}
            rowKey={(c) => c.id}
            columns={[
              { label: F('couponNumber'), render: (c) => c.couponNumber, sticky: true, nowrap: true },
              { label: F('date'), render: (c) => formatDate(c.date), nowrap: true },
              { label: F('customerName'), render: (c) => c.customerName },
              { label: F('installments'), render: (c) => c.installments, align: 'right' },
              { label: F('gross'), money: (c) => c.gross },
              { label: F('expectedFee'), money: (c) => c.expectedFee },
              { label: F('expectedFeeIva'), money: (c) => c.expectedFeeIva },
              { label: F('expectedNet'), money: (c) => c.expectedNet },
              { label: F('expectedDate'), render: (c) => formatDate(c.expectedDate), nowrap: true },
              { label: F('settledGross'), money: (c) => c.settledGross },
              { label: F('settledFee'), money: (c) => c.settledFee },
              { label: F('settledFeeIva'), money: (c) => c.settledFeeIva },
              { label: F('settledWithholdings'), money: (c) => c.settledWithholdings },
              { label: F('settledNet'), money: (c) => c.settledNet, strong: true },
              { label: F('feeDifference'), money: (c) => c.feeDifference, sx: (c) => RED(c.feeDifference) },
              { label: F('netDifference'), money: (c) => c.netDifference, sx: (c) => RED(c.netDifference) },
              { label: F('daysLate'), render: (c) => c.daysLate, align: 'right' },
            ]}
          />
        </CardContent>
      </Card>
    </Box>
  );
};
