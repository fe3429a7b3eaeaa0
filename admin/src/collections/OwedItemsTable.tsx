import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { type Currency } from '../common/money';
import { fromCents, sumCents, toCents } from '../common/cents';
import { DocumentLink, DocumentTypeChip } from '../ledger/fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { SimpleTable } from '../common/SimpleTable';

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
  return (
    <SimpleTable<OwedItem>
      ariaLabel={label ? translate(label) : undefined}
      print={print}
      cellSx={print ? { py: 0.25, px: 0.5, fontSize: 11, color: '#000', borderColor: '#999' } : { px: 1 }}
      currency={currency}
      rows={items}
      rowKey={(i) => i.id}
      rowProps={(i) => ({ 'data-item': i.displayNumber })}
      columns={[
        {
          label: 'ledger.fields.number',
          nowrap: true,
          sticky: true,
          render: (i) =>
            print ? (
              i.displayNumber
            ) : (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <DocumentTypeChip type={i.type} />
                <DocumentLink id={i.id}>{i.displayNumber.replace(new RegExp(`^${i.type} `), '')}</DocumentLink>
              </span>
            ),
        },
        withIssue && { label: 'ledger.fields.issueDate', nowrap: true, render: (i) => formatDate(i.issueDate) },
        { label: 'ledger.fields.dueDate', nowrap: true, render: (i) => (i.side === 'debit' ? formatDate(i.dueDate) : '') },
        withDays && {
          label: 'ledger.fields.daysOverdue',
          render: (i) => i.side === 'debit' && <DaysOverdueChip days={i.daysOverdue} />,
        },
        withTotal && { label: 'ledger.fields.total', money: (i) => i.total },
        {
          label: 'ledger.fields.openAmount',
          money: (i) => i.openAmount,
          sign: (i) => (i.side === 'credit' ? '−' : ''),
          sx: (i) => ({ color: i.side === 'credit' && !print ? 'success.dark' : undefined }),
          total: { money: fromCents(net), mark: 'owed' },
        },
      ]}
      totals={{ label: translate(totalLabel) }}
    />
  );
};
