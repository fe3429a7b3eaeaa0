import { Checkbox } from '@mui/material';
import { SimpleTable } from '../common/SimpleTable';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { type Currency } from '../common/money';
import { allocateInOrder, fromCents, isAmount, sumCents, toCents } from '../common/cents';
import { AmountBox } from './AmountBox';
import { DocumentTypeChip } from './fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import type { OpenItem } from './types';

export type Amounts = Record<number, string>;

/** An amount typed for an item that is not a number, or more than the item has open. */
export function itemProblem(item: OpenItem, value: string | undefined): 'invalid' | 'over' | undefined {
  if (!value) return undefined;
  if (!isAmount(value) || toCents(value) < 0n) return 'invalid';
  return toCents(value) > toCents(item.openAmount) ? 'over' : undefined;
}

export const sumAmounts = (amounts: Amounts): bigint =>
  sumCents(Object.values(amounts).map((v) => (isAmount(v) ? toCents(v) : 0n)));

/**
 * A customer's open items with a box per row for what is applied to each: tick
 * to take the whole open amount, or type part of it. Oldest due first, as the
 * API sends them.
 */
export const OpenItemsTable = ({
  items,
  amounts,
  onChange,
  currency,
  amountLabel,
  ariaLabel,
  showDue = true,
}: {
  items: OpenItem[];
  amounts: Amounts;
  onChange: (id: number, value: string) => void;
  currency: Currency;
  amountLabel: string;
  ariaLabel: string;
  showDue?: boolean;
}) => {
  const translate = useTranslate();
  const openTotal = sumCents(items.map((i) => toCents(i.openAmount)));
  const appliedTotal = sumAmounts(amounts);
  const valueOf = (item: OpenItem) => amounts[item.id] ?? '';
  const appliedOf = (item: OpenItem) => (isAmount(valueOf(item)) ? toCents(valueOf(item)) : 0n);
  const remainingOf = (item: OpenItem) => toCents(item.openAmount) - appliedOf(item);
  return (
    <SimpleTable<OpenItem>
      ariaLabel={ariaLabel}
      cellSx={{ px: 1 }}
      currency={currency}
      rows={items}
      rowKey={(item) => item.id}
      rowProps={(item) => ({ 'data-item': item.displayNumber, selected: appliedOf(item) > 0n })}
      columns={[
        {
          checkbox: true,
          render: (item) => (
            <Checkbox
              size="small"
              checked={appliedOf(item) > 0n}
              indeterminate={appliedOf(item) > 0n && remainingOf(item) > 0n}
              // Ticking a partly applied item applies it in full (one click); a fully applied one is cleared.
              onChange={() => onChange(item.id, remainingOf(item) > 0n ? item.openAmount : '')}
              slotProps={{ input: { 'aria-label': translate('ledger.allocation.tick', { number: item.displayNumber }) } }}
            />
          ),
        },
        { label: 'ledger.fields.type', render: (item) => <DocumentTypeChip type={item.type} /> },
        { label: 'ledger.fields.number', nowrap: true, sticky: true, render: (item) => item.displayNumber },
        { label: 'ledger.fields.issueDate', nowrap: true, render: (item) => formatDate(item.issueDate) },
        showDue && { label: 'ledger.fields.dueDate', nowrap: true, render: (item) => formatDate(item.dueDate) },
        showDue && {
          label: 'ledger.fields.daysOverdue',
          align: 'right',
          render: (item) => <DaysOverdueChip days={item.daysOverdue} hideNotDue />,
        },
        { label: 'ledger.fields.openAmount', money: (item) => item.openAmount, total: { money: fromCents(openTotal) } },
        {
          label: amountLabel,
          align: 'right',
          render: (item) => {
            const problem = itemProblem(item, valueOf(item));
            return (
              <AmountBox
                value={valueOf(item)}
                onChange={(v) => onChange(item.id, v)}
                currency={currency}
                error={!!problem}
                helperText={problem ? translate(`ledger.allocation.${problem}`) : undefined}
                ariaLabel={translate('ledger.allocation.amountFor', { number: item.displayNumber })}
              />
            );
          },
          total: { money: fromCents(appliedTotal), mark: 'applied' },
        },
        {
          label: 'ledger.allocation.remaining',
          money: (item) => fromCents(remainingOf(item)),
          sx: (item) => ({ color: remainingOf(item) < 0n ? 'error.main' : 'text.secondary' }),
          total: { money: fromCents(openTotal - appliedTotal) },
        },
      ]}
      totals={{ label: translate('ledger.allocation.totals') }}
    />
  );
};

/** Fills the items oldest first with up to `available`; the rest stay empty. */
export function allocateOldestFirst(items: OpenItem[], available: bigint): Amounts {
  const shares = allocateInOrder(
    available,
    items.map((i) => toCents(i.openAmount)),
  );
  return Object.fromEntries(items.flatMap((item, i) => (shares[i] > 0n ? [[item.id, fromCents(shares[i])]] : [])));
}
