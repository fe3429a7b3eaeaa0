import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import AutoIcon from '@mui/icons-material/AutoFixHigh';
import ClearIcon from '@mui/icons-material/ClearAll';
import SaveIcon from '@mui/icons-material/Save';
import { useSearchParams } from 'react-router-dom';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { fromCents } from '../common/cents';
import { useOpenItems } from '../ledger/api';
import { CustomerInput } from '../ledger/inputs';
import type { LedgerCustomer } from '../ledger/types';
import { StableForm } from '../ledger/StableForm';
import { ApplySide } from './ApplySide';
import { useApplyAllocation } from './useApplyAllocation';

const ApplyWorkspace = ({ creditId }: { creditId: number | null }) => {
  const translate = useTranslate();
  const customerId = useWatch({ name: 'customerId' }) as number | null;
  const date = useWatch({ name: 'date' }) as string | null;
  const { data: customer } = useGetOne<LedgerCustomer & { id: number }>(
    'customers',
    { id: customerId! },
    { enabled: !!customerId },
  );
  const { data: items = [], isFetching, refetch } = useOpenItems(customerId);
  const currency = customer?.currency ?? 'ARS';
  const allocation = useApplyAllocation({ customerId, date, creditId, items, isFetching, refetch, currency });

  const { credits, debits, used, settled, problems } = allocation;
  if (!customerId) return <Typography color="text.secondary">{translate('ledger.apply.pickCustomer')}</Typography>;
  if (!isFetching && credits.length === 0)
    return <Alert severity="info">{translate('ledger.apply.noCredits', { customer: customer?.legalName ?? '' })}</Alert>;
  if (!isFetching && debits.length === 0)
    return <Alert severity="info">{translate('ledger.apply.noDebits', { customer: customer?.legalName ?? '' })}</Alert>;
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, gap: 2 }}>
        <ApplySide
          title="ledger.apply.credits"
          help="ledger.apply.creditsHelp"
          amountLabel="ledger.apply.use"
          items={credits}
          amounts={allocation.creditAmounts}
          setAmounts={allocation.setCreditAmounts}
          currency={currency}
        />
        <ApplySide
          title="ledger.apply.debits"
          help="ledger.apply.debitsHelp"
          amountLabel="ledger.apply.settle"
          items={debits}
          amounts={allocation.debitAmounts}
          setAmounts={allocation.setDebitAmounts}
          currency={currency}
          showDue
        />
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2, alignItems: { md: 'center' } }}>
        <Button variant="outlined" startIcon={<AutoIcon />} onClick={allocation.auto}>
          {translate('ledger.allocation.auto')}
        </Button>
        <Button startIcon={<ClearIcon />} onClick={allocation.clear}>
          {translate('ledger.allocation.clear')}
        </Button>
        <Box sx={{ flex: 1 }}>
          <Typography sx={{ fontVariantNumeric: 'tabular-nums' }} data-total="apply">
            {translate('ledger.apply.summary', {
              used: formatMoney(fromCents(used), currency),
              settled: formatMoney(fromCents(settled), currency),
            })}
          </Typography>
          {problems.length > 0 && (used > 0n || settled > 0n) && (
            <Typography variant="body2" color="warning.dark" role="status">
              {problems.join(' ')}
            </Typography>
          )}
        </Box>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={allocation.post} disabled={allocation.posting}>
          {translate('ledger.apply.post')}
        </Button>
      </Stack>
      {allocation.error && (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          {allocation.error}
        </Alert>
      )}
    </Box>
  );
};

/**
 * Imputar: a customer's credits on account (receipts, credit notes, negative
 * adjustments) against its open debits, side by side. What is used on one side
 * must equal what is settled on the other; the pairs are posted as one atomic
 * batch.
 */
export const ApplyPage = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const initialCustomer = Number(params.get('customerId')) || null;
  const creditId = Number(params.get('creditId')) || null;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="resources.applications.page.create" />
      <Card>
        <CardContent>
          <StableForm warnWhenUnsavedChanges defaultValues={{ customerId: initialCustomer, date: todayIso() }}>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 200px' }, gap: 2 }}>
              <CustomerInput source="customerId" autoFocus={!initialCustomer} helperText="ledger.apply.customerHelp" />
              <DateInput source="date" label="ledger.apply.date" />
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('ledger.apply.help')}
            </Typography>
            <ApplyWorkspace creditId={creditId} />
          </StableForm>
        </CardContent>
      </Card>
    </Box>
  );
};
