import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney, type Currency } from '../../common/money';
import { fromCents } from '../../common/cents';

const TotalLine = ({ label, value, strong }: { label: string; value: string; strong?: boolean }) => (
  <Box
    sx={{ display: 'flex', justifyContent: 'space-between', gap: 3, fontWeight: strong ? 700 : 400, fontSize: strong ? 15 : 13 }}
  >
    <span>{label}</span>
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
  </Box>
);

/** The boxed totals: received, withheld, the receipt's total; then applied and left on account. */
export const ReceiptPrintTotals = ({
  received,
  withheld,
  total,
  applied,
  onAccount,
  currency: c,
}: {
  received: bigint;
  withheld: bigint;
  total: string;
  applied: bigint;
  onAccount: string;
  currency: Currency;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2.5, breakInside: 'avoid' }}>
      <Box sx={{ width: 300, border: '1px solid #000', p: 1.5 }} data-print-totals>
        <TotalLine label={translate('ledger.receipt.totalsReceived')} value={formatMoney(fromCents(received), c)} />
        <TotalLine label={translate('ledger.receipt.totalsWithheld')} value={formatMoney(fromCents(withheld), c)} />
        <TotalLine label={translate('ledger.print.total')} value={formatMoney(total, c)} strong />
        <Box sx={{ borderTop: '1px solid #999', my: 0.5 }} />
        <TotalLine label={translate('ledger.receipt.totalsApplied')} value={formatMoney(fromCents(applied), c)} />
        <TotalLine label={translate('ledger.receipt.totalsOnAccount')} value={formatMoney(onAccount, c)} />
      </Box>
    </Box>
  );
};
