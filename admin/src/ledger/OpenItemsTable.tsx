import { Checkbox, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { type Currency } from '../common/money';
import { allocateInOrder, fromCents, isAmount, sumCents, toCents } from '../common/cents';
import { AmountBox } from './AmountBox';
import { DocumentTypeChip } from './fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import type { OpenItem } from './types';
import { Money } from '../common/Money';

export type Amounts = Record<number, string>;

/** An amount typed for an item that is not a number, or more than the item has open. */
export function itemProblem(item: OpenItem, value: string | undefined): 'invalid' | 'over' | undefined {
  if (!value) return undefined;
  if (!isAmount(value) || toCents(value) < 0n) return 'invalid';
  return toCents(value) > toCents(item.openAmount) ? 'over' : undefined;
}

export const sumAmounts = (amounts: Amounts): bigint =>
  sumCents(Object.values(amounts).map((v) => (isAmount(v) ? toCents(v) : 0n)));

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

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
  return (
    <Table size="small" aria-label={ariaLabel} sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>{translate('ledger.fields.type')}</TableCell>
          <TableCell>{translate('ledger.fields.number')}</TableCell>
          <TableCell>{translate('ledger.fields.issueDate')}</TableCell>
          {showDue && <TableCell>{translate('ledger.fields.dueDate')}</TableCell>}
          {showDue && <TableCell align="right">{translate('ledger.fields.daysOverdue')}</TableCell>}
          <TableCell align="right">{translate('ledger.fields.openAmount')}</TableCell>
          <TableCell align="right">{translate(amountLabel)}</TableCell>
          <TableCell align="right">{translate('ledger.allocation.remaining')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => {
          const value = amounts[item.id] ?? '';
          const problem = itemProblem(item, value);
          const applied = isAmount(value) ? toCents(value) : 0n;
          const remaining = toCents(item.openAmount) - applied;
          return (
            <TableRow key={item.id} data-item={item.displayNumber} selected={applied > 0n}>
              <TableCell padding="checkbox">
                <Checkbox
                  size="small"
                  checked={applied > 0n}
                  indeterminate={applied > 0n && remaining > 0n}
                  // Ticking a partly applied item applies it in full (one click); a fully applied one is cleared.
                  onChange={() => onChange(item.id, remaining > 0n ? item.openAmount : '')}
                  slotProps={{ input: { 'aria-label': translate('ledger.allocation.tick', { number: item.displayNumber }) } }}
                />
              </TableCell>
              <TableCell>
                <DocumentTypeChip type={item.type} />
              </TableCell>
              <TableCell sx={num}>{item.displayNumber}</TableCell>
              <TableCell sx={num}>{formatDate(item.issueDate)}</TableCell>
              {showDue && <TableCell sx={num}>{formatDate(item.dueDate)}</TableCell>}
              {showDue && (
                <TableCell align="right">
                  <DaysOverdueChip days={item.daysOverdue} hideNotDue />
                </TableCell>
              )}
              <TableCell align="right" sx={num}>
                <Money value={item.openAmount} currency={currency} />
              </TableCell>
              <TableCell align="right">
                <AmountBox
                  value={value}
                  onChange={(v) => onChange(item.id, v)}
                  currency={currency}
                  error={!!problem}
                  helperText={problem ? translate(`ledger.allocation.${problem}`) : undefined}
                  ariaLabel={translate('ledger.allocation.amountFor', { number: item.displayNumber })}
                />
              </TableCell>
              <TableCell align="right" sx={{ ...num, color: remaining < 0n ? 'error.main' : 'text.secondary' }}>
                <Money value={fromCents(remaining)} currency={currency} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={showDue ? 6 : 4}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('ledger.allocation.totals')}
            </Typography>
          </TableCell>
          <TableCell align="right" sx={{ ...num, fontWeight: 600 }}>
            <Money value={fromCents(openTotal)} currency={currency} />
          </TableCell>
          <TableCell align="right" sx={{ ...num, fontWeight: 600 }} data-total="applied">
            <Money value={fromCents(appliedTotal)} currency={currency} />
          </TableCell>
          <TableCell align="right" sx={{ ...num, fontWeight: 600 }}>
            <Money value={fromCents(openTotal - appliedTotal)} currency={currency} />
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
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
