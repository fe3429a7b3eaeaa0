import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
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
import { Money } from '../../common/Money';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

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
        <Table size="small" aria-label={translate('ledger.tabs.openItems')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('ledger.fields.type')}</TableCell>
              <TableCell>{translate('ledger.fields.number')}</TableCell>
              <TableCell>{translate('ledger.fields.issueDate')}</TableCell>
              <TableCell>{translate('ledger.fields.dueDate')}</TableCell>
              <TableCell align="right">{translate('ledger.fields.daysOverdue')}</TableCell>
              <TableCell align="right">{translate('ledger.fields.total')}</TableCell>
              <TableCell align="right">{translate('ledger.fields.openAmount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((i) => (
              <TableRow key={i.id} data-item={i.displayNumber}>
                <TableCell>
                  <DocumentTypeChip type={i.type} />
                </TableCell>
                <TableCell sx={num}>
                  <DocumentLink id={i.id}>{i.displayNumber}</DocumentLink>
                </TableCell>
                <TableCell sx={num}>{formatDate(i.issueDate)}</TableCell>
                <TableCell sx={num}>{i.side === 'debit' ? formatDate(i.dueDate) : ''}</TableCell>
                <TableCell align="right">
                  <DaysOverdueChip days={i.daysOverdue} hideNotDue />
                </TableCell>
                <TableCell align="right" sx={num}>
                  <Money value={i.total} currency={c} />
                </TableCell>
                <TableCell align="right" sx={{ ...num, color: i.side === 'credit' ? 'success.dark' : undefined }}>
                  {i.side === 'credit' ? '−' : ''}
                  <Money value={i.openAmount} currency={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={6}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate('ledger.openItems.net', {
                    debits: formatMoney(fromCents(debits), c),
                    credits: formatMoney(fromCents(credits), c),
                  })}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={{ ...num, fontWeight: 700, color: 'text.primary' }}>
                <Money value={fromCents(debits - credits)} currency={c} />
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </Box>
  );
};
