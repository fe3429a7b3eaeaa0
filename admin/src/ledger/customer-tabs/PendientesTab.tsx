import { Alert, Box, Button, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/PostAdd';
import ApplyIcon from '@mui/icons-material/CallMerge';
import { Link } from 'react-router-dom';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../common/dates';
import { formatMoney, type Currency } from '../../common/money';
import { fromCents, sumCents, toCents } from '../../common/cents';
import { useOpenItems } from '../api';
import { DocumentLink, DocumentTypeChip } from '../fields';
import { DaysOverdueChip } from '../../common/DaysOverdueChip';
import { useCan } from '../useCan';
import type { OpenItem } from '../types';
import { SimpleTable } from '../../common/SimpleTable';

const sumOf = (items: OpenItem[]) => sumCents(items.map((i) => toCents(i.openAmount)));

/** The customer's open items, oldest due first, with a shortcut to a receipt for them. */
export const PendientesTab = () => {
  const translate = useTranslate();
  const customer = useRecordContext<{ id: number; currency: Currency }>();
  const poster = useCan('ledger.post');
  const { data: items, isPending } = useOpenItems(customer?.id);
  if (!customer) return null;
  if (isPending || !items) return <Loading />;
  const c = customer.currency ?? 'ARS';
  const debits = sumOf(items.filter((i) => i.side === 'debit'));
  const credits = sumOf(items.filter((i) => i.side === 'credit'));
  return (
    <Box>
      {poster && (
        <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
          <Button component={Link} to={`/receipts/create?customerId=${customer.id}`} variant="contained" startIcon={<AddIcon />}>
            {translate('ledger.menu.newReceipt')}
          </Button>
          {debits > 0n && credits > 0n && (
            <Button component={Link} to={`/applications/create?customerId=${customer.id}`} startIcon={<ApplyIcon />}>
              {translate('ledger.apply.shortcut')}
            </Button>
          )}
        </Stack>
      )}
      {items.length === 0 ? (
        <Alert severity="success">{translate('ledger.openItems.none')}</Alert>
      ) : (
        <SimpleTable<OpenItem>
          ariaLabel={translate('ledger.tabs.openItems')}
          currency={c}
          rows={items}
          rowKey={(i) => i.id}
          rowProps={(i) => ({ 'data-item': i.displayNumber })}
          columns={[
            { label: 'ledger.fields.type', render: (i) => <DocumentTypeChip type={i.type} /> },
            {
              label: 'ledger.fields.number',
              nowrap: true,
              sticky: true,
              render: (i) => <DocumentLink id={i.id}>{i.displayNumber}</DocumentLink>,
            },
            { label: 'ledger.fields.issueDate', nowrap: true, render: (i) => formatDate(i.issueDate) },
            {
              label: 'ledger.fields.dueDate',
              nowrap: true,
              render: (i) => (i.side === 'debit' ? formatDate(i.dueDate) : ''),
            },
            {
              label: 'ledger.fields.daysOverdue',
              align: 'right',
              render: (i) => <DaysOverdueChip days={i.daysOverdue} hideNotDue />,
            },
            { label: 'ledger.fields.total', money: (i) => i.total },
            {
              label: 'ledger.fields.openAmount',
              money: (i) => i.openAmount,
              sign: (i) => (i.side === 'credit' ? '−' : ''),
              sx: (i) => ({ color: i.side === 'credit' ? 'success.dark' : undefined }),
              total: { money: fromCents(debits - credits) },
            },
          ]}
          totals={{
            label: translate('ledger.openItems.net', {
              debits: formatMoney(fromCents(debits), c),
              credits: formatMoney(fromCents(credits), c),
            }),
          }}
        />
      )}
    </Box>
  );
};
