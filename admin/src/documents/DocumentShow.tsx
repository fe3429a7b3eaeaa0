import { ExchangeDifferencePanel } from '../fiscal/ExchangeDifferencePanel';
import { DocumentSection } from '../ledger/DocumentSection';
import { formatDecimal } from '../common/money';
import type { ReactNode } from 'react';
import { Alert, Box, LinearProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import ApplyIcon from '@mui/icons-material/CallMerge';
import { Link, useLocation } from 'react-router-dom';
import { Button, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { fromCents, toCents } from '../common/cents';
import { moneyInMessage } from '../data/api';
import { ApplicationsPanel } from '../ledger/ApplicationsPanel';
import { CancelDocumentButton } from '../ledger/CancelDocumentButton';
import { CreditNoteButton } from '../ledger/CreditNoteButton';
import { PendingCreditNoteAlert, usePendingCreditNoteRequest } from '../fiscal/PendingCreditNote';
import { FceCancellationSwitch } from '../fiscal/FceCancellationSwitch';
import { FceCountdown } from '../ledger/FceCountdown';
import { isFiscalDocument } from '../../../shared/catalog/fiscal';
import { formatCbu } from '../common/cbu';
import { DocumentStatusChip, DocumentTypeChip } from '../ledger/fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { PaymentsTable, ValuesTable, WithholdingsTable } from '../ledger/ReceiptSections';
import { useCan } from '../ledger/useCan';
import { isDebit, type DocumentDetail } from '../ledger/types';
import { Money } from '../common/Money';

const Figure = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body1" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {children || '—'}
      </Typography>
    </Box>
  );
};

const Section = DocumentSection;

const DocumentActions = () => {
  const record = useRecordContext<DocumentDetail>();
  const supervisor = useCan('ledger.supervise');
  const poster = useCan('ledger.post');
  if (!record?.applications) return <TopToolbar />;
  const credit = ['REC', 'NC', 'AJN'].includes(record.type);
  const debit = ['FAC', 'ND'].includes(record.type);
  const fiscal = isFiscalDocument(record);
  return (
    <DocumentActionsOf record={record} credit={credit} debit={debit} fiscal={fiscal} poster={poster} supervisor={supervisor} />
  );
};

const DocumentActionsOf = ({
  record,
  credit,
  debit,
  fiscal,
  poster,
  supervisor,
}: {
  record: DocumentDetail;
  credit: boolean;
  debit: boolean;
  fiscal: boolean;
  poster: boolean;
  supervisor: boolean;
}) => {
  const reversible = supervisor && record.status === 'posted' && fiscal && debit && toCents(record.openAmount) > 0n;
  // While billing has not issued the NC asked of it, neither is offered again.
  const pending = usePendingCreditNoteRequest(reversible ? record.id : undefined);
  return (
    <TopToolbar>
      <ListButton resource="documents" />
      {record.type === 'REC' && record.status !== 'voided' && (
        <Button component={Link} to={`/receipts/${record.id}/print`} label="ledger.print.button">
          <PrintIcon />
        </Button>
      )}
      {poster && credit && record.status === 'posted' && toCents(record.openAmount) > 0n && record.customerId && (
        <Button component={Link} to={`/applications/create?customerId=${record.customerId}`} label="ledger.apply.shortcut">
          <ApplyIcon />
        </Button>
      )}
      {/* A fiscal document is reversed by a credit note (RG 1415); only internal ones (letter X) are cancelled. */}
      {reversible && !pending && (
        <>
          <CreditNoteButton document={record} />
          <CreditNoteButton document={record} toBilling />
        </>
      )}
      {supervisor && record.status === 'posted' && !fiscal && <CancelDocumentButton document={record} />}
    </TopToolbar>
  );
};

/** Warnings the server gave when the document was posted (customer suspended, over its limit), handed over by the form. */
const PostingWarnings = () => {
  const location = useLocation();
  const warnings = (location.state as { warnings?: Array<{ code: string; message: string }> } | null)?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {warnings.map((w) => (
        <Alert key={w.code} severity="warning" data-warning={w.code}>
          {moneyInMessage(w.message)}
        </Alert>
      ))}
    </Stack>
  );
};

const PendingCreditNote = ({ document }: { document: DocumentDetail }) => {
  const open = document.status === 'posted' && isDebit(document.type) && isFiscalDocument(document);
  const pending = usePendingCreditNoteRequest(open ? document.id : undefined);
  return pending ? <PendingCreditNoteAlert request={pending} /> : null;
};

const DocumentView = () => {
  const translate = useTranslate();
  const d = useRecordContext<DocumentDetail>();
  if (!d) return null;
  const applied = fromCents(toCents(d.total) - toCents(d.openAmount));
  const isReceipt = d.type === 'REC';
  const debit = isDebit(d.type);
  // Receipts and adjustments are always posted here; where a document came from says something only for the rest.
  const showOrigin = !!d.origin && !['REC', 'AJP', 'AJN'].includes(d.type);
  return (
    <Box sx={{ p: 2 }}>
      <PostingWarnings />
      <PendingCreditNote document={d} />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <DocumentTypeChip type={d.type} />
        <Typography variant="h5" component="h2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {d.displayNumber}
        </Typography>
        <DocumentStatusChip status={d.status} />
        <Typography color="text.secondary">{translate(`ledger.types.${d.type}`)}</Typography>
      </Stack>
      {d.status === 'cancelled' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('ledger.document.cancelledOn', { date: formatDate(d.cancelDate), reason: d.cancelReason ?? '' })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2 }}>
        <Box sx={{ gridColumn: { xs: 'span 2', md: 'span 2' } }}>
          <Figure label="ledger.fields.customer">
            {d.customerId ? (
              <MuiLink component={Link} to={`/customers/${d.customerId}/show`}>
                {d.customerCode} — {d.customerName}
              </MuiLink>
            ) : null}
          </Figure>
        </Box>
        <Figure label="ledger.fields.issueDate">{formatDate(d.issueDate)}</Figure>
        {debit && <Figure label="ledger.fields.dueDate">{formatDate(d.dueDate)}</Figure>}
        <Figure label="ledger.fields.total">
          <Money value={d.total} currency={d.currency} />
        </Figure>
        {d.status === 'posted' && (
          <>
            <Figure label={debit ? 'ledger.fields.openAmount' : 'ledger.document.unapplied'}>
              <Money value={d.openAmount} currency={d.currency} />
            </Figure>
            <Figure label="ledger.document.appliedAmount">
              <Money value={applied} currency={d.currency} />
            </Figure>
          </>
        )}
        {debit && d.status === 'posted' && (
          <Figure label="ledger.fields.daysOverdue">
            {d.daysOverdue > 0 ? <DaysOverdueChip days={d.daysOverdue} hideNotDue /> : null}
          </Figure>
        )}
        <Figure label="ledger.fields.currency">
          {translate(`ledger.currencies.${d.currency}`)}
          {d.exchangeRate ? ` · ${formatDecimal(d.exchangeRate, 2)}` : ''}
        </Figure>
        {showOrigin && (
          <Figure label="ledger.fields.origin">{translate(`ledger.origins.${d.origin}`, { _: d.origin ?? '' })}</Figure>
        )}
        <Box sx={{ gridColumn: 'span 2' }}>
          <Figure label="ledger.fields.createdBy">
            {d.createdByName ? `${d.createdByName} · ${formatDateTime(d.createdAt)}` : formatDateTime(d.createdAt)}
          </Figure>
        </Box>
        {d.reason && (
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Figure label="ledger.fields.reason">{d.reason}</Figure>
          </Box>
        )}
        {d.notes && (
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Figure label="ledger.fields.notes">{d.notes}</Figure>
          </Box>
        )}
      </Box>
      {(d.externalRef || d.cae || d.fce) && (
        <Section title="ledger.arca.title">
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2 }}>
            <Figure label="ledger.arca.externalRef">{d.externalRef}</Figure>
            <Figure label="ledger.arca.cae">{d.cae}</Figure>
            <Figure label="ledger.arca.caeDueDate">{d.caeDueDate ? formatDate(d.caeDueDate) : null}</Figure>
            <Figure label="ledger.arca.fce">{d.fce ? translate('ledger.arca.fceYes') : translate('ra.boolean.false')}</Figure>
            {d.arcaCode ? <Figure label="ledger.arca.arcaCode">{String(d.arcaCode).padStart(3, '0')}</Figure> : null}
            {d.fce && d.fceAcceptance && (
              <Figure label="ledger.arca.fceAcceptance">
                <span data-fce-acceptance={d.fceAcceptance}>{translate(`ledger.arca.acceptance.${d.fceAcceptance}`)}</span>
              </Figure>
            )}
            {d.fce && d.fceCbu && <Figure label="ledger.arca.fceCbu">{formatCbu(d.fceCbu)}</Figure>}
            {d.fce && d.fceOption && (
              <Figure label="ledger.arca.fceOption">{translate(`ledger.arca.options.${d.fceOption}`)}</Figure>
            )}
            {d.fce && d.fceRejectionReason && <Figure label="ledger.arca.fceRejectionReason">{d.fceRejectionReason}</Figure>}
          </Box>
          {d.fce && d.fceDeadline && d.type === 'FAC' && <FceCountdown document={d} />}
        </Section>
      )}
      {isReceipt && d.payments && (
        <Section title="ledger.receipt.payments">
          <PaymentsTable payments={d.payments} currency={d.currency} />
        </Section>
      )}
      {isReceipt && d.withholdings && d.withholdings.length > 0 && (
        <Section title="ledger.receipt.withholdings">
          <WithholdingsTable withholdings={d.withholdings} currency={d.currency} />
        </Section>
      )}
      {isReceipt && d.currency === 'USD' && d.status === 'posted' && <ExchangeDifferencePanel receiptId={d.id} />}
      {isReceipt && d.fceCancellationInformed !== null && d.fceCancellationInformed !== undefined && (
        <FceCancellationSwitch document={d} />
      )}
      {isReceipt && d.values && d.values.length > 0 && (
        <Section title="ledger.receipt.values">
          <ValuesTable values={d.values} />
        </Section>
      )}
      {d.status !== 'voided' && (
        <Section title="ledger.document.applications">
          {d.applications ? (
            <ApplicationsPanel
              applications={d.applications}
              ownNumber={d.displayNumber}
              currency={d.currency}
              canUnapply={d.status === 'posted'}
            />
          ) : (
            // Coming from a list, the row shows first; the applications arrive with the full document.
            <LinearProgress />
          )}
        </Section>
      )}
    </Box>
  );
};

/** A document with its figures, what it was paid with (receipts) and its applications both ways. */
export const DocumentShow = () => (
  <Show actions={<DocumentActions />}>
    <DocumentView />
  </Show>
);
