import { useEffect, useMemo, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { formatMoney, type Currency } from '../common/money';
import { fromCents, minCents, sumCents, toCents } from '../common/cents';
import { ledgerApi, useLedgerRefresh } from '../ledger/api';
import { allocateOldestFirst, itemProblem, sumAmounts, type Amounts } from '../ledger/OpenItemsTable';
import { pairApplications } from '../ledger/pairing';
import type { OpenItem } from '../ledger/types';

const pick = (items: OpenItem[], amounts: Amounts) =>
  items.flatMap((i) => (amounts[i.id] && toCents(amounts[i.id]) > 0n ? [{ id: i.id, amount: toCents(amounts[i.id]) }] : []));

/**
 * The application being built: the amounts typed on each side, what is wrong with them,
 * the automatic allocation (oldest first), and posting the pairs as one batch.
 */
export function useApplyAllocation({
  customerId,
  date,
  creditId,
  items,
  isFetching,
  refetch,
  currency,
}: {
  customerId: number | null;
  date: string | null;
  creditId: number | null;
  items: OpenItem[];
  isFetching: boolean;
  refetch: () => Promise<unknown>;
  currency: Currency;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refreshLedger = useLedgerRefresh();
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

  const clear = () => {
    setCreditAmounts({});
    setDebitAmounts({});
  };

  return {
    credits,
    debits,
    creditAmounts,
    setCreditAmounts,
    debitAmounts,
    setDebitAmounts,
    used,
    settled,
    problems,
    auto,
    clear,
    post,
    posting,
    error,
  };
}
