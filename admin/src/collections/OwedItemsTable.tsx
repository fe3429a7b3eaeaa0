import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { type Currency } from '../common/money';
import { fromCents, sumCents, toCents } from '../common/cents';
import { DocumentLink, DocumentTypeChip } from '../ledger/fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { Money } from '../common/Money';

export interface OwedItem {
  id: number;
  type: string;
  displayNumber: string;
  issueDate?: string;
  dueDate: string | null;
  total?: string;
  openAmount: string;
  side: 'debit' | 'credit';
  daysOverdue?: number;
}

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Open debits less open credits, exactly. */
export function netOwed(items: OwedItem[]): { debits: bigint; credits: bigint; net: bigint } {
  const debits = sumCents(items.filter((i) => i.side === 'debit').map((i) => toCents(i.openAmount)));
  const credits = sumCents(items.filter((i) => i.side === 'credit').map((i) => toCents(i.openAmount)));
  return { debits, credits, net: debits - credits };
}

/**
 * What a customer owes, item by item, with the net total: beside a call, on the
 * collection sheet (on paper too), in the aging drill-down. Credits on account
 * subtract. Columns that an item list lacks (issue date, total, days late) are
 * left out.
 */
export const OwedItemsTable = ({
  items,
  currency,
  print = false,
  totalLabel = 'collections.tab.totalDue',
  label,
  compact = false,
}: {
  items: OwedItem[];
  currency: Currency;
  /** On paper: plain text, no links or chips. */
  print?: boolean;
  totalLabel?: string;
  label?: string;
  /** Narrow places (beside the calls): number, due date, days late and open amount only. */
  compact?: boolean;
}) => {
  const translate = useTranslate();
  const withIssue = !compact && items.some((i) => i.issueDate);
  const withTotal = !compact && items.some((i) => i.total);
  const withDays = !print && items.some((i) => i.daysOverdue !== undefined);
  const { net } = netOwed(items);
  const columns = 3 + Number(withIssue) + Number(withTotal) + Number(withDays);
  const cellSx = print ? { py: 0.25, px: 0.5, fontSize: 11, color: '#000', borderColor: '#999' } : { px: 1 };
  return (
    <Table size="small" aria-label={label ? translate(label) : undefined} sx={{ '& td, & th': cellSx }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('ledger.fields.number')}</TableCell>
          {withIssue && <TableCell>{translate('ledger.fields.issueDate')}</TableCell>}
          <TableCell>{translate('ledger.fields.dueDate')}</TableCell>
          {withDays && <TableCell>{translate('ledger.fields.daysOverdue')}</TableCell>}
          {withTotal && <TableCell align="right">{translate('ledger.fields.total')}</TableCell>}
          <TableCell align="right">{translate('ledger.fields.openAmount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((i) => (
          <TableRow key={i.id} data-item={i.displayNumber}>
            <TableCell sx={num}>
              {print ? (
                i.displayNumber
              ) : (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                  <DocumentTypeChip type={i.type} />
                  <DocumentLink id={i.id}>{i.displayNumber.replace(new RegExp(`^${i.type} `), '')}</DocumentLink>
                </span>
              )}
            </TableCell>
            {withIssue && <TableCell sx={num}>{formatDate(i.issueDate)}</TableCell>}
            <TableCell sx={num}>{i.side === 'debit' ? formatDate(i.dueDate) : ''}</TableCell>
            {withDays && <TableCell>{i.side === 'debit' && <DaysOverdueChip days={i.daysOverdue} />}</TableCell>}
            {withTotal && (
              <TableCell align="right" sx={num}>
                <Money value={i.total} currency={currency} />
              </TableCell>
            )}
            <TableCell align="right" sx={{ ...num, color: i.side === 'credit' && !print ? 'success.dark' : undefined }}>
              {i.side === 'credit' ? '−' : ''}
              <Money value={i.openAmount} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={columns - 1} sx={{ fontWeight: 600, color: 'text.primary' }}>
            {translate(totalLabel)}
          </TableCell>
          <TableCell align="right" sx={{ ...num, fontWeight: 700, color: 'text.primary' }} data-total="owed">
            <Money value={fromCents(net)} currency={currency} />
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
