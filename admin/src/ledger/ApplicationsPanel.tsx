import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateTime, todayIso } from '../common/dates';
import { type Currency } from '../common/money';
import { DocumentLink, DocumentTypeChip } from './fields';
import { UnapplyButton } from './UnapplyButton';
import { useCan } from './useCan';
import type { DocumentApplication } from './types';
import { Money } from '../common/Money';

/** The calendar day of an instant, in the browser's time zone. */
const todayOf = (instant: string | null) => (instant ? todayIso(new Date(instant)) : null);

/**
 * A document's applications both ways: the counterpart of each one (the invoice a
 * receipt paid, the receipt that paid an invoice) with a link to it. Reversed ones
 * stay listed, struck through, with when (and why) they were reversed.
 */
export const ApplicationsPanel = ({
  applications,
  ownNumber,
  currency,
  canUnapply: allowed = true,
}: {
  applications: DocumentApplication[];
  ownNumber: string;
  currency: Currency;
  canUnapply?: boolean;
}) => {
  const translate = useTranslate();
  const supervisor = useCan('ledger.supervise');
  const canUnapply = allowed && supervisor;
  if (applications.length === 0)
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        {translate('ledger.document.noApplications')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={translate('ledger.document.applications')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('ledger.fields.date')}</TableCell>
          <TableCell>{translate('ledger.fields.type')}</TableCell>
          <TableCell>{translate('ledger.document.counterpart')}</TableCell>
          <TableCell>{translate('ledger.fields.issueDate')}</TableCell>
          <TableCell align="right">{translate('ledger.fields.amount')}</TableCell>
          <TableCell>{translate('ledger.document.applicationState')}</TableCell>
          {canUnapply && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {applications.map((a) => {
          const struck = a.active ? undefined : { textDecoration: 'line-through', color: 'text.disabled' };
          return (
            <TableRow key={a.id} data-application={a.id} data-active={a.active}>
              <TableCell sx={struck}>{formatDate(a.date)}</TableCell>
              <TableCell>
                <DocumentTypeChip type={a.documentType} />
              </TableCell>
              <TableCell sx={struck}>
                <DocumentLink id={a.documentId}>{a.displayNumber}</DocumentLink>
              </TableCell>
              <TableCell sx={struck}>{formatDate(a.documentIssueDate)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', ...struck }}>
                <Money value={a.amount} currency={currency} />
              </TableCell>
              <TableCell>
                {a.active ? (
                  translate('ledger.document.applied')
                ) : (
                  <Box>
                    <Typography variant="body2" color="warning.dark">
                      {translate(a.reversedByName ? 'ledger.document.reversedBy' : 'ledger.document.reversed', {
                        at: formatDateTime(a.reversedAt),
                        user: a.reversedByName ?? '',
                      })}
                      {/* The accounting date differs from the day it was done only when it was dated back. */}
                      {a.reversalDate && a.reversalDate !== todayOf(a.reversedAt)
                        ? ` ${translate('ledger.document.reversedAsOf', { date: formatDate(a.reversalDate) })}`
                        : ''}
                    </Typography>
                    {a.reversalReason && (
                      <Typography variant="caption" color="text.secondary">
                        {a.reversalReason}
                      </Typography>
                    )}
                  </Box>
                )}
              </TableCell>
              {canUnapply && (
                <TableCell align="right">
                  {a.active && <UnapplyButton applicationId={a.id} amount={a.amount} between={[ownNumber, a.displayNumber]} />}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
