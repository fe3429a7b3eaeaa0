import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateTime, todayIso } from '../common/dates';
import { type Currency } from '../common/money';
import { DocumentLink, DocumentTypeChip } from './fields';
import { UnapplyButton } from './UnapplyButton';
import { useCan } from './useCan';
import type { DocumentApplication } from './types';
import { SimpleTable } from '../common/SimpleTable';

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
  const struck = (a: DocumentApplication) => (a.active ? undefined : { textDecoration: 'line-through', color: 'text.disabled' });
  return (
    <SimpleTable<DocumentApplication>
      ariaLabel={translate('ledger.document.applications')}
      currency={currency}
      rows={applications}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ 'data-application': a.id, 'data-active': a.active })}
      columns={[
        { label: 'ledger.fields.date', nowrap: true, render: (a) => formatDate(a.date), sx: struck },
        { label: 'ledger.fields.type', render: (a) => <DocumentTypeChip type={a.documentType} /> },
        {
          label: 'ledger.document.counterpart',
          sticky: true,
          render: (a) => <DocumentLink id={a.documentId}>{a.displayNumber}</DocumentLink>,
          sx: struck,
        },
        { label: 'ledger.fields.issueDate', nowrap: true, render: (a) => formatDate(a.documentIssueDate), sx: struck },
        { label: 'ledger.fields.amount', money: (a) => a.amount, sx: struck },
        {
          label: 'ledger.document.applicationState',
          render: (a) =>
            a.active ? (
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
            ),
        },
        canUnapply && {
          align: 'right',
          render: (a) =>
            a.active && <UnapplyButton applicationId={a.id} amount={a.amount} between={[ownNumber, a.displayNumber]} />,
        },
      ]}
    />
  );
};
