import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { Loading, Title, useRedirect, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { formatTime } from '../common/times';
import { fromCents, toCents } from '../common/cents';
import { useCan } from '../ledger/useCan';
import { useAgenda } from '../collections/api';
import { CallDialog } from '../collections/CallDialog';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import type { Debtor } from '../collections/types';
import { Money } from '../common/Money';

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

/** A row opens the call dialog for that customer (or its page, for a role that does not log calls). */
function useOpenRow(): [(d: Debtor) => void, number | undefined, () => void] {
  const mayLog = useCan('collections.write');
  const redirect = useRedirect();
  const [customerId, setCustomerId] = useState<number>();
  const open = (d: Debtor) => (mayLog ? setCustomerId(d.id) : redirect(`/customers/${d.id}/show/collections`));
  return [open, customerId, () => setCustomerId(undefined)];
}

const rowSx = { cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } } as const;

/** One of the agenda's lists: its column headings (catalog keys, amounts right-aligned), its rows, or a line saying there are none. */
const AgendaTable = ({
  label,
  empty,
  columns,
  count,
  children,
}: {
  label: string;
  empty: string;
  columns: Array<[string, 'right'?]>;
  count: number;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  if (count === 0) return <Alert severity="success">{translate(empty)}</Alert>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate(label)} sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            {columns.map(([key, align]) => (
              <TableCell key={key} align={align}>
                {translate(key)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Box>
  );
};

const DueCalls = ({ rows, onOpen }: { rows: Debtor[]; onOpen: (d: Debtor) => void }) => {
  const translate = useTranslate();
  return (
    <AgendaTable
      label="collections.agenda.due"
      empty="collections.agenda.emptyDue"
      count={rows.length}
      columns={[
        ['collections.agenda.when'],
        ['collections.agenda.customer'],
        ['collections.agenda.phone'],
        ['collections.agenda.account', 'right'],
        ['resources.debtors.fields.daysOverdue'],
        ['collections.agenda.lastCall'],
      ]}
    >
      {rows.map((d) => {
        const late = isLate(d);
        return (
          <TableRow
            key={d.id}
            data-agenda-row={d.code}
            data-late={late || undefined}
            onClick={() => onOpen(d)}
            sx={{ ...rowSx, ...(late && { bgcolor: '#fff4e5', '& td:first-of-type': { borderLeft: '4px solid #ed6c02' } }) }}
          >
            <TableCell sx={num}>
              {late ? (
                <Box>
                  <Chip size="small" color="warning" label={translate('collections.agenda.overdue')} />
                  <Typography variant="caption" component="div" color="text.secondary">
                    {translate('collections.agenda.overdueSince', { date: formatDateTime(d.nextContactAt) })}
                  </Typography>
                </Box>
              ) : (
                translate('collections.agenda.at', { time: formatTime(d.nextContactAt) })
              )}
            </TableCell>
            <TableCell>
              <Customer d={d} />
            </TableCell>
            <TableCell sx={num}>{d.phone}</TableCell>
            <TableCell>
              <Account d={d} />
            </TableCell>
            <TableCell>
              <DaysOverdueChip days={d.daysOverdue} />
            </TableCell>
            <TableCell sx={num}>{formatDateTime(d.lastCallAt)}</TableCell>
          </TableRow>
        );
      })}
    </AgendaTable>
  );
};

const BrokenPromises = ({ rows, onOpen }: { rows: Debtor[]; onOpen: (d: Debtor) => void }) => {
  const translate = useTranslate();
  return (
    <AgendaTable
      label="collections.agenda.broken"
      empty="collections.agenda.emptyBroken"
      count={rows.length}
      columns={[
        ['collections.agenda.customer'],
        ['collections.agenda.phone'],
        ['collections.agenda.promised', 'right'],
        ['collections.agenda.received', 'right'],
        ['collections.agenda.missing', 'right'],
        ['collections.agenda.account', 'right'],
        ['collections.agenda.lastCall'],
      ]}
    >
      {rows.map((d) => {
        const missing = toCents(d.promiseAmount) - toCents(d.promiseReceived);
        return (
          <TableRow key={d.id} data-broken-row={d.code} onClick={() => onOpen(d)} sx={rowSx}>
            <TableCell>
              <Customer d={d} />
            </TableCell>
            <TableCell sx={num}>{d.phone}</TableCell>
            <TableCell align="right">
              <Typography variant="body2" sx={num}>
                <Money value={d.promiseAmount} currency={d.currency} />
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={num}>
                {translate('collections.agenda.promisedFor', { date: formatDate(d.promiseDate) })}
              </Typography>
            </TableCell>
            <TableCell align="right" sx={num}>
              <Money value={d.promiseReceived ?? '0'} currency={d.currency} />
            </TableCell>
            <TableCell align="right" sx={{ ...num, color: 'error.main', fontWeight: 600 }}>
              <Money value={fromCents(missing > 0n ? missing : 0n)} currency={d.currency} />
            </TableCell>
            <TableCell>
              <Account d={d} />
            </TableCell>
            <TableCell sx={num}>{formatDateTime(d.lastCallAt)}</TableCell>
          </TableRow>
        );
      })}
    </AgendaTable>
  );
};

const Section = ({ title, count, children }: { title: string; count?: number; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate(title)}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>
          {translate(title)}
          {count !== undefined && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
              ({translate('collections.agenda.dueCount', { smart_count: count })})
            </Typography>
          )}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/**
 * Agenda: the customers to call today — the user's own or the whole team's —
 * those that should have been called before highlighted, and the promises that
 * were broken. A row opens the call dialog; logging the call moves the row on.
 */
const AgendaPage = () => {
  const translate = useTranslate();
  const mayLog = useCan('collections.write');
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') ?? (mayLog ? 'mine' : 'team')) === 'team' ? 'team' : 'mine';
  const { data, isPending, error } = useAgenda(scope);
  const [open, customerId, close] = useOpenRow();
  return (
    <Box sx={{ mt: 1, mb: 3 }}>
      <Title title="collections.agenda.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={scope}
          onChange={(_, value: string | null) => value && setParams({ scope: value }, { replace: true })}
        >
          <ToggleButton value="mine">{translate('collections.agenda.mine')}</ToggleButton>
          <ToggleButton value="team">{translate('collections.agenda.team')}</ToggleButton>
        </ToggleButtonGroup>
        {!mayLog && (
          <Typography variant="body2" color="text.secondary">
            {translate('collections.agenda.readOnly')}
          </Typography>
        )}
      </Stack>
      {isPending ? (
        <Loading />
      ) : error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error.message}
        </Alert>
      ) : (
        <>
          <Section title="collections.agenda.due" count={data.dueTotal}>
            <DueCalls rows={data.due} onOpen={open} />
          </Section>
          <Section title="collections.agenda.broken" count={data.brokenTotal}>
            <BrokenPromises rows={data.brokenPromises} onOpen={open} />
          </Section>
        </>
      )}
      {customerId !== undefined && <CallDialog open onClose={close} customerId={customerId} />}
    </Box>
  );
};

export default AgendaPage;
