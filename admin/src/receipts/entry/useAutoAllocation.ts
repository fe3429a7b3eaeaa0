import { useCallback, useMemo, useState } from 'react';
import { allocateOldestFirst, type Amounts } from '../../ledger/OpenItemsTable';
import type { OpenItem } from '../../ledger/types';

export interface Allocation {
  /** What is applied to each open debit: oldest due first while automatic, else as typed. */
  allocations: Amounts;
  auto: boolean;
  /** Back to automatic (Alt+I, the button, a new customer). */
  allocateAutomatically: () => void;
  /** An amount typed for one item: from then on the allocation is the clerk's. */
  setAmount: (id: number, value: string) => void;
  /** A saved allocation (a restored draft): automatic when none. */
  restore: (amounts: Amounts | null) => void;
}

/**
 * The receipt's allocation. While automatic it is derived from the open debits
 * and the receipt's total during render, never copied into state by an effect:
 * an effect that sets state from props loops whenever a prop is a new object on
 * every render (an empty list while the open items load), which is what made
 * Back to the page hit React's maximum update depth.
 */
export function useAutoAllocation(debits: OpenItem[], total: bigint): Allocation {
  const [manual, setManual] = useState<Amounts | null>(null);
  const automatic = useMemo(() => allocateOldestFirst(debits, total), [debits, total]);
  const allocations = manual ?? automatic;
  const allocateAutomatically = useCallback(() => setManual(null), []);
  const setAmount = useCallback(
    (id: number, value: string) => setManual((current) => ({ ...(current ?? automatic), [id]: value })),
    [automatic],
  );
  return { allocations, auto: manual === null, allocateAutomatically, setAmount, restore: setManual };
}
