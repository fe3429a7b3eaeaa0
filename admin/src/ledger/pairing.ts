import { fromCents, minCents, type Cents } from '../common/cents';

export interface Portion {
  id: number;
  amount: Cents;
}

/**
 * Turns "use these credits" and "settle these debits" (equal totals) into the
 * credit → debit pairs the API posts: walk both lists in order, each pair taking
 * what both sides still have. Which credit meets which debit does not change any
 * balance; order keeps the oldest credit on the oldest debit.
 */
export function pairApplications(
  credits: Portion[],
  debits: Portion[],
): Array<{ creditDocumentId: number; debitDocumentId: number; amount: string }> {
  const c = credits.map((x) => ({ ...x }));
  const d = debits.map((x) => ({ ...x }));
  const pairs: Array<{ creditDocumentId: number; debitDocumentId: number; amount: string }> = [];
  let i = 0;
  let j = 0;
  while (i < c.length && j < d.length) {
    const take = minCents(c[i].amount, d[j].amount);
    if (take > 0n) pairs.push({ creditDocumentId: c[i].id, debitDocumentId: d[j].id, amount: fromCents(take) });
    c[i].amount -= take;
    d[j].amount -= take;
    if (c[i].amount === 0n) i++;
    if (d[j].amount === 0n) j++;
  }
  return pairs;
}
