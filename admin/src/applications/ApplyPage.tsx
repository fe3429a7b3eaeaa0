import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import AutoIcon from '@mui/icons-material/AutoFixHigh';
import ClearIcon from '@mui/icons-material/ClearAll';
import SaveIcon from '@mui/icons-material/Save';
import { useSearchParams } from 'react-router-dom';
import { Title, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney, type Currency } from '../common/money';
import { fromCents, minCents, sumCents, toCents } from '../common/cents';
import { ledgerApi, useLedgerRefresh, useOpenItems } from '../ledger/api';
import { CustomerInput } from '../ledger/inputs';
import { allocateOldestFirst, itemProblem, OpenItemsTable, sumAmounts, type Amounts } from '../ledger/OpenItemsTable';
import { pairApplications } from '../ledger/pairing';
import type { LedgerCustomer, OpenItem } from '../ledger/types';
import { StableForm } from '../ledger/StableForm';

/** One side of the application: the credits to use or the debits to settle, with a box per item. */
const Side = ({
  title,
  help,
  amountLabel,
  items,
  amounts,
  setAmounts,
  currency,
  showDue = false,
}: {
  title: string;
  help: string;
  amountLabel: string;
  items: OpenItem[];
  amounts: Amounts;
  setAmounts: Dispatch<SetStateAction<Amounts>>;
  currency: Currency;
  showDue?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate(title)} subheader={translate(help)} />
      <CardContent sx={{ overflowX: 'auto' }}>
        <OpenItemsTable
          items={items}
          amounts={amounts}
          onChange={(id, v) => setAmounts((a) => ({ ...a, [id]: v }))}
          currency={currency}
          amountLabel={amountLabel}
          ariaLabel={translate(title)}
          showDue={showDue}
        />
      </CardContent>
    </Card>
  );
};

const ApplyWorkspace = ({ creditId }: { creditId: number | null }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refreshLedger = useLedgerRefresh();
  const customerId = useWatch({ name: 'customerId' }) as number | null;
  const date = useWatch({ name: 'date' }) as string | null;
  const { data: customer } = useGetOne<LedgerCustomer & { id: number }>(
    'customers',
    { id: customerId! },
    { enabled: !!customerId },
  );
  const { data: items = [], isFetching, refetch } = useOpenItems(customerId);
  const credits = useMemo(() => items.filter((i) => i.side === 'credit'), [items]);
  const debits = useMemo(() => items.filter((i) => i.side === 'debit'), [items]);
  const [creditAmounts, setCreditAmounts] = useState<Amounts>({});
  const [debitAmounts, setDebitAmounts] = useState<Amounts>({});
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<string>();
  const { setValue, reset, getValues } = useFormContext();

  useEffect(() => {
    setCreditAmounts({});
    setDebitAmounts({});
    setError(undefined);
  }, [customerId]);

  // Opened for one credit (the receipt's "use Imputar" link): that credit in full, against the oldest debits.
  const [preselected, setPreselected] = useState(false);
  useEffect(() => {
    if (preselected || !creditId || isFetching) return;
    const credit = credits.find((c) => c.id === creditId);
    if (!credit) return;
    setPreselected(true);
    const amount = minCents(toCents(credit.openAmount), sumCents(debits.map((d) => toCents(d.openAmount))));
    setCreditAmounts({ [credit.id]: fromCents(amount) });
    setDebitAmounts(allocateOldestFirst(debits, amount));
  }, [preselected, creditId, isFetching, credits, debits]);

  const currency = customer?.currency ?? 'ARS';
  const used = sumAmounts(creditAmounts);
  const settled = sumAmounts(debitAmounts);
  // Amounts typed are work too: the form counts as changed, so leaving it is warned about.
  const typed = used > 0n || settled > 0n;
  useEffect(() => {
    setValue('amountsTyped', typed || undefined, { shouldDirty: true });
  }, [typed, setValue]);
  const invalid = [
    ...credits.map((i) => itemProblem(i, creditAmounts[i.id])),
    ...debits.map((i) => itemProblem(i, debitAmounts[i.id])),
  ].some(Boolean);
  const problems: string[] = [];
  if (invalid) problems.push(translate('ledger.apply.problems.rows'));
  if (used !== settled)
    problems.push(
      translate(used > settled ? 'ledger.apply.problems.moreCredit' : 'ledger.apply.problems.moreDebit', {
        amount: formatMoney(fromCents(used > settled ? used - settled : settled - used), currency),
      }),
    );
  if (used === 0n && settled === 0n) problems.push(translate('ledger.apply.problems.nothing'));

  const auto = () => {
    const amount = minCents(
      sumCents(credits.map((c) => toCents(c.openAmount))),
      sumCents(debits.map((d) => toCents(d.openAmount))),
    );
    setCreditAmounts(allocateOldestFirst(credits, amount));
    setDebitAmounts(allocateOldestFirst(debits, amount));
  };

  const post = async () => {
    if (problems.length) {
      setError(problems.join(' '));
      return;
    }
    setPosting(true);
    setError(undefined);
    try {
      const pairs = pairApplications(pick(credits, creditAmounts), pick(debits, debitAmounts)).map((p) => ({
        ...p,
        date: date ?? undefined,
      }));
      await ledgerApi.apply(pairs);
      notify('ledger.apply.done', {
        type: 'success',
        messageArgs: { smart_count: pairs.length, amount: formatMoney(fromCents(used), currency) },
      });
      setCreditAmounts({});
      setDebitAmounts({});
      // Posted: nothing left to lose, the customer stays chosen for the next one.
      reset({ customerId: getValues('customerId'), date: getValues('date') });
      await refreshLedger();
      await refetch();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setError(message);
      notify(message, { type: 'error' });
    } finally {
      setPosting(false);
    }
  };

  if (!customerId) return <Typography color="text.secondary">{translate('ledger.apply.pickCustomer')}</Typography>;
  if (!isFetching && credits.length === 0)
    return <Alert severity="info">{translate('ledger.apply.noCredits', { customer: customer?.legalName ?? '' })}</Alert>;
  if (!isFetching && debits.length === 0)
    return <Alert severity="info">{translate('ledger.apply.noDebits', { customer: customer?.legalName ?? '' })}</Alert>;
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, gap: 2 }}>
        <Side
          title="ledger.apply.credits"
          help="ledger.apply.creditsHelp"
          amountLabel="ledger.apply.use"
          items={credits}
          amounts={creditAmounts}
          setAmounts={setCreditAmounts}
          currency={currency}
        />
        <Side
          title="ledger.apply.debits"
          help="ledger.apply.debitsHelp"
          amountLabel="ledger.apply.settle"
          items={debits}
          amounts={debitAmounts}
          setAmounts={setDebitAmounts}
          currency={currency}
          showDue
        />
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2, alignItems: { md: 'center' } }}>
        <Button variant="outlined" startIcon={<AutoIcon />} onClick={auto}>
          {translate('ledger.allocation.auto')}
        </Button>
        <Button
          startIcon={<ClearIcon />}
          onClick={() => {
            setCreditAmounts({});
            setDebitAmounts({});
          }}
        >
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
        <Button variant="contained" startIcon={<SaveIcon />} onClick={post} disabled={posting}>
          {translate('ledger.apply.post')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          {error}
        </Alert>
      )}
    </Box>
  );
};

const pick = (items: OpenItem[], amounts: Amounts) =>
  items.flatMap((i) => (amounts[i.id] && toCents(amounts[i.id]) > 0n ? [{ id: i.id, amount: toCents(amounts[i.id]) }] : []));

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
