/** The debtors list's cells: related figures share a cell so the list fits beside its filters. */
import { Box, Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { TwoLines } from '../common/TwoLines';
import { formatDate, formatDateTime } from '../common/dates';
import { formatMoney } from '../common/money';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import type { Debtor } from '../collections/types';
import { Money } from '../common/Money';

export const DebtorCustomerField = () => {
  const d = useRecordContext<Debtor>();
  if (!d) return null;
  return (
    <TwoLines
      wrap
      minWidth={190}
      first={
        <>
          <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {d.code}
          </Box>
          {d.legalName}
        </>
      }
      second={[d.city, d.phone].filter(Boolean).join(' · ')}
    />
  );
};

export const DebtorPeopleField = () => {
  const d = useRecordContext<Debtor>();
  if (!d) return null;
  return <TwoLines first={d.collectorName ?? '—'} second={d.salespersonName ?? '—'} />;
};

/** The balance over what of it is overdue (red when something is). */
export const DebtorAccountField = () => {
  const d = useRecordContext<Debtor>();
  if (!d) return null;
  return (
    <TwoLines
      align="right"
      first={formatMoney(d.balance, d.currency)}
      second={
        <Box component="span" sx={{ color: Number(d.overdue) > 0 ? 'error.main' : undefined }}>
          <Money value={d.overdue} currency={d.currency} />
        </Box>
      }
    />
  );
};

/** Days late as a coloured chip, the oldest due date under it. */
export const DebtorLatenessField = () => {
  const d = useRecordContext<Debtor>();
  if (!d) return null;
  return (
    <Box sx={{ lineHeight: 1.2 }}>
      <DaysOverdueChip days={d.daysOverdue} />
      {d.oldestDueDate && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25, whiteSpace: 'nowrap' }}>
          {formatDate(d.oldestDueDate)}
        </Typography>
      )}
    </Box>
  );
};

/** The last call over the next contact, the latter red once it is due. */
export const DebtorFollowUpField = () => {
  const d = useRecordContext<Debtor>();
  if (!d) return null;
  const due = d.nextContactAt !== null && new Date(d.nextContactAt) < endOfToday();
  return (
    <TwoLines
      first={formatDate(d.lastCallAt) || '—'}
      second={
        <Box component="span" sx={{ color: due ? 'error.main' : undefined, fontWeight: due ? 600 : undefined }}>
          {d.nextContactAt ? `→ ${formatDateTime(d.nextContactAt)}` : ''}
        </Box>
      }
    />
  );
};

/** The latest promise: amount and date, and whether what came since covers it. */
export const DebtorPromiseField = () => {
  const d = useRecordContext<Debtor>();
  const translate = useTranslate();
  if (!d?.promiseDate) return null;
  return (
    <Box sx={{ lineHeight: 1.2, textAlign: 'right' }}>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Money value={d.promiseAmount} currency={d.currency} />
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {formatDate(d.promiseDate)}
        {d.brokenPromise && (
          <Chip
            size="small"
            color="error"
            label={translate('collections.promiseStatuses.broken')}
            sx={{ ml: 0.5, height: 18, fontSize: 11 }}
          />
        )}
      </Typography>
      {d.brokenPromise && d.promiseReceived && Number(d.promiseReceived) > 0 && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate('collections.debtors.received', { amount: formatMoney(d.promiseReceived, d.currency) })}
        </Typography>
      )}
    </Box>
  );
};

export function endOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}
