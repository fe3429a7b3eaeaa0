import { Alert, Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { formatTime } from '../common/times';
import { fromCents, toCents } from '../common/cents';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { Money } from '../common/Money';
import { SimpleTable, type Column, type SimpleTableProps } from '../common/SimpleTable';
import type { Debtor } from '../collections/types';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const startOfToday = (now = new Date()) => new Date(now.getFullYear(), now.getMonth(), now.getDate());

/** A next contact from before today: it should have been called already. */
export const isLate = (d: Debtor) => d.nextContactAt !== null && new Date(d.nextContactAt) < startOfToday();

const Customer = ({ d }: { d: Debtor }) => (
  <Box sx={{ lineHeight: 1.2, minWidth: 180 }}>
    <Typography variant="body2">
      <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
        {d.code}
      </Box>
      {d.legalName}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {[d.collectorName, d.city].filter(Boolean).join(' · ')}
    </Typography>
  </Box>
);

const Account = ({ d }: { d: Debtor }) => (
  <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
    <Typography variant="body2" sx={num}>
      <Money value={d.balance} currency={d.currency} />
    </Typography>
    <Typography variant="caption" sx={{ ...num, color: Number(d.overdue) > 0 ? 'error.main' : 'text.secondary' }}>
      <Money value={d.overdue} currency={d.currency} />
    </Typography>
  </Box>
);

const rowSx = { cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } } as const;

const customer: Column<Debtor> = { label: 'collections.agenda.customer', sticky: true, render: (d) => <Customer d={d} /> };
const phone: Column<Debtor> = { label: 'collections.agenda.phone', nowrap: true, render: (d) => d.phone };
const account: Column<Debtor> = { label: 'collections.agenda.account', align: 'right', render: (d) => <Account d={d} /> };
const lastCall: Column<Debtor> = {
  label: 'collections.agenda.lastCall',
  nowrap: true,
  render: (d) => formatDateTime(d.lastCallAt),
};

/** One of the agenda's lists (a row opens the call), or a line saying there is nobody in it. */
const AgendaList = ({
  label,
  empty,
  rows,
  ...table
}: { label: string; empty: string } & Omit<SimpleTableProps<Debtor>, 'ariaLabel' | 'cellSx' | 'rowKey'>) => {
  const translate = useTranslate();
  if (rows.length === 0) return <Alert severity="success">{translate(empty)}</Alert>;
  return <SimpleTable<Debtor> ariaLabel={translate(label)} cellSx={{ px: 1 }} rows={rows} rowKey={(d) => d.id} {...table} />;
};

/** The customers to call today, those that should have been called before first and marked. */
export const DueCalls = ({ rows, onOpen }: { rows: Debtor[]; onOpen: (d: Debtor) => void }) => {
  const translate = useTranslate();
  return (
    <AgendaList
      label="collections.agenda.due"
      empty="collections.agenda.emptyDue"
      rows={rows}
      rowProps={(d) => {
        const late = isLate(d);
        return {
          'data-agenda-row': d.code,
          'data-late': late || undefined,
          onClick: () => onOpen(d),
          sx: { ...rowSx, ...(late && { bgcolor: '#fff4e5', '& td:first-of-type': { borderLeft: '4px solid #ed6c02' } }) },
        };
      }}
      columns={[
        {
          label: 'collections.agenda.when',
          nowrap: true,
          render: (d) =>
            isLate(d) ? (
              <Box>
                <Chip size="small" color="warning" label={translate('collections.agenda.overdue')} />
                <Typography variant="caption" component="div" color="text.secondary">
                  {translate('collections.agenda.overdueSince', { date: formatDateTime(d.nextContactAt) })}
                </Typography>
              </Box>
            ) : (
              translate('collections.agenda.at', { time: formatTime(d.nextContactAt) })
            ),
        },
        customer,
        phone,
        account,
        { label: 'resources.debtors.fields.daysOverdue', render: (d) => <DaysOverdueChip days={d.daysOverdue} /> },
        lastCall,
      ]}
    />
  );
};

const missingOf = (d: Debtor) => {
  const missing = toCents(d.promiseAmount) - toCents(d.promiseReceived);
  return fromCents(missing > 0n ? missing : 0n);
};

/** Promises whose date went by without the money: what was promised, what came, what is missing. */
export const BrokenPromises = ({ rows, onOpen }: { rows: Debtor[]; onOpen: (d: Debtor) => void }) => {
  const translate = useTranslate();
  return (
    <AgendaList
      label="collections.agenda.broken"
      empty="collections.agenda.emptyBroken"
      rows={rows}
      rowProps={(d) => ({ 'data-broken-row': d.code, onClick: () => onOpen(d), sx: rowSx })}
      columns={[
        customer,
        phone,
        {
          label: 'collections.agenda.promised',
          money: (d) => d.promiseAmount,
          currency: (d) => d.currency,
          render: (d) => (
            <Typography variant="caption" color="text.secondary" sx={{ ...num, display: 'block' }}>
              {translate('collections.agenda.promisedFor', { date: formatDate(d.promiseDate) })}
            </Typography>
          ),
        },
        { label: 'collections.agenda.received', money: (d) => d.promiseReceived ?? '0', currency: (d) => d.currency },
        {
          label: 'collections.agenda.missing',
          money: missingOf,
          currency: (d) => d.currency,
          sx: () => ({ color: 'error.main', fontWeight: 600 }),
        },
        account,
        lastCall,
      ]}
    />
  );
};
