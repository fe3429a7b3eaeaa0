import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import CreditIcon from '@mui/icons-material/Savings';
import { Loading, required, Title, useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateInput } from '../common/DateInput';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { formatCbu } from '../common/cbu';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi } from '../ledger/api';
import { ValueStateChip } from '../ledger/fields';
import { useCan } from '../ledger/useCan';
import type { Currency } from '../common/money';
import type { LedgerValue } from '../ledger/types';

/** A deposit slip: the account, the date and its values, printable; "Acreditar" confirms the credit of those still deposited. */
export const DepositSlipShow = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const canPost = useCan('ledger.post');
  // The whole slip, or one of its values (the bank may credit them on different days).
  const [crediting, setCrediting] = useState<'all' | LedgerValue | null>(null);
  const { data: slip } = useQuery({ queryKey: ['deposit-slip', id], queryFn: () => ledgerApi.depositSlip(id!) });
  if (!slip) return <Loading />;
  const s = slip as Record<string, string | number | null> & { values: typeof slip.values };
  const pending = Number(s.pendingCount);
  return (
    <Box sx={{ p: 2, maxWidth: 1100, '@media print': { p: 0, '& .no-print': { display: 'none' } } }}>
      <Title title={translate('treasury.slips.title', { id: s.id })} />
      <Stack direction="row" spacing={1} className="no-print" sx={{ mb: 2 }}>
        <Box sx={{ flex: 1 }} />
        {canPost && pending > 0 && (
          <Button variant="outlined" startIcon={<CreditIcon />} onClick={() => setCrediting('all')}>
            {translate('treasury.slips.credit')}
          </Button>
        )}
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('treasury.slips.print')}
        </Button>
      </Stack>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('treasury.slips.title', { id: s.id })}</Typography>
          <Typography>
            {translate('resources.deposit-slips.fields.date')}: {formatDate(s.date as string)} ·{' '}
            {translate('resources.deposit-slips.fields.bankAccountId')}: {s.bankAccountCode} — {s.bankAccountName} ({s.bankName})
            {s.cbu ? ` · CBU ${formatCbu(s.cbu as string)}` : ''}
          </Typography>
          <Typography sx={{ mb: 2 }}>
            {translate('resources.deposit-slips.fields.total')}:{' '}
            <strong>{formatMoney(s.total as string, s.currency as Currency)}</strong> ·{' '}
            {pending > 0 ? translate('treasury.slips.pending', { count: pending }) : translate('treasury.slips.credited')}
          </Typography>
          <Table size="small" aria-label={translate('treasury.slips.values')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.values.fields.bankName')}</TableCell>
                <TableCell>{translate('resources.values.fields.number')}</TableCell>
                <TableCell>{translate('resources.values.fields.drawerName')}</TableCell>
                <TableCell>{translate('resources.values.fields.customerName')}</TableCell>
                <TableCell>{translate('resources.values.fields.paymentDate')}</TableCell>
                <TableCell>{translate('resources.values.fields.state')}</TableCell>
                <TableCell align="right">{translate('resources.values.fields.amount')}</TableCell>
                {canPost && pending > 0 && <TableCell className="no-print" />}
              </TableRow>
            </TableHead>
            <TableBody>
              {slip.values.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{v.bankName}</TableCell>
                  <TableCell>{v.number}</TableCell>
                  <TableCell>{v.drawerName}</TableCell>
                  <TableCell>{v.customerName}</TableCell>
                  <TableCell>{formatDate(v.paymentDate)}</TableCell>
                  <TableCell>
                    <ValueStateChip state={v.state} />
                  </TableCell>
                  <TableCell align="right">{formatMoney(v.amount, v.currency)}</TableCell>
                  {canPost && pending > 0 && (
                    <TableCell className="no-print" align="right">
                      {v.state === 'deposited' && (
                        <Button
                          size="small"
                          startIcon={<CreditIcon />}
                          aria-label={translate('treasury.slips.creditOneAria', { number: v.number })}
                          onClick={() => setCrediting(v)}
                        >
                          {translate('treasury.slips.creditOne')}
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      {crediting && (
        <ActionDialog<{ date: string }>
          open
          onClose={() => setCrediting(null)}
          title={crediting === 'all' ? 'treasury.slips.credit' : 'treasury.slips.creditValueTitle'}
          titleArgs={crediting === 'all' ? undefined : { number: crediting.number }}
          confirmLabel={crediting === 'all' ? 'treasury.slips.credit' : 'treasury.slips.creditOne'}
          defaultValues={{ date: todayIso() }}
          onConfirm={async (v) => {
            await ledgerApi.creditSlip(s.id as number, {
              date: v.date,
              ...(crediting === 'all' ? {} : { valueIds: [crediting.id] }),
            });
            notify('treasury.slips.creditDone', { type: 'success' });
            await client.invalidateQueries({ queryKey: ['deposit-slip', id] });
          }}
        >
          <DateInput source="date" label="treasury.slips.creditDate" validate={required()} />
        </ActionDialog>
      )}
    </Box>
  );
};
