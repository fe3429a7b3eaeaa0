import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatMoney, type Currency } from '../common/money';
import { CreditVerdict } from './CreditVerdict';
import { StatusField } from './StatusField';

const Figure = ({ label, children, tone }: { label: string; children: ReactNode; tone?: 'error' }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 150 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography
        variant="h6"
        component="div"
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: tone ? `${tone}.main` : undefined }}
      >
        {children}
      </Typography>
    </Paper>
  );
};

/** The head of a customer's page: how the account stands, its status, and whether it may buy on account today. */
export const CustomerFigures = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const currency = (record.currency as Currency | undefined) ?? 'ARS';
  const money = (field: string) => formatMoney(record[field] as string | null, currency);
  const available = record.availableCredit as string | null;
  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, p: 2, pb: 0, alignItems: 'flex-start' }}
      data-testid="customer-figures"
    >
      {record.bimonetary ? (
        // Both ledgers side by side, the account's first: each in its own currency, never added together.
        (currency === 'ARS' ? (['Ars', 'Usd'] as const) : (['Usd', 'Ars'] as const)).map((ledger) => (
          <Stack key={ledger} direction="row" spacing={1.5} data-testid={`ledger-${ledger.toUpperCase()}`}>
            <Figure label={`resources.customers.fields.balance${ledger}`}>
              {formatMoney(record[`balance${ledger}`] as string, ledger.toUpperCase() as Currency)}
            </Figure>
            <Figure
              label={`resources.customers.fields.overdueBalance${ledger}`}
              tone={Number(record[`overdueBalance${ledger}`]) > 0 ? 'error' : undefined}
            >
              {formatMoney(record[`overdueBalance${ledger}`] as string, ledger.toUpperCase() as Currency)}
            </Figure>
          </Stack>
        ))
      ) : (
        <>
          <Figure label="resources.customers.fields.balance">{money('balance')}</Figure>
          <Figure
            label="resources.customers.fields.overdueBalance"
            tone={Number(record.overdueBalance) > 0 ? 'error' : undefined}
          >
            {money('overdueBalance')}
          </Figure>
        </>
      )}
      <Figure
        label="resources.customers.fields.availableCredit"
        tone={available !== null && Number(available) < 0 ? 'error' : undefined}
      >
        {available === null ? '—' : money('availableCredit')}
      </Figure>
      <Figure label="resources.customers.fields.creditLimit">
        {record.creditLimit === null ? translate('ctacte.customers.noLimit') : money('creditLimit')}
      </Figure>
      <Stack sx={{ justifyContent: 'center', px: 1 }}>
        <StatusField />
      </Stack>
      <Box sx={{ flex: '1 1 280px' }}>
        <CreditVerdict />
      </Box>
    </Box>
  );
};
