import { Box, Button } from '@mui/material';
import BackIcon from '@mui/icons-material/ArrowBack';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading, useTranslate } from 'react-admin';
import { useTaxIdLabel } from '../common/TaxIdField';
import { formatDate, formatDateTime } from '../common/dates';
import { formatMoney } from '../common/money';
import { formatWindow } from '../common/times';
import { CompanyHeader, PrintShell } from '../ledger/PrintShell';
import { useCollectionSheet } from '../collections/api';
import { OwedItemsTable } from '../collections/OwedItemsTable';
import type { SheetVisit } from '../collections/types';
import { visitAddress } from './visitAddress';
import { useCompany } from '../ledger/api';

/** A line to write on by hand, with its caption under it. */
const Blank = ({ label, width = '100%' }: { label: string; width?: string }) => (
  <Box sx={{ width }}>
    <Box sx={{ borderBottom: '1px solid #000', height: 28 }} />
    <Box sx={{ fontSize: 10, mt: 0.25 }}>{label}</Box>
  </Box>
);

const VisitBlock = ({ visit, n }: { visit: SheetVisit; n: number }) => {
  const translate = useTranslate();
  const taxIdLabel = useTaxIdLabel();
  return (
    <Box
      data-print-visit={visit.customerCode}
      sx={{ border: '1px solid #000', p: 1.25, mb: 1.5, breakInside: 'avoid', pageBreakInside: 'avoid' }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, mb: 0.5 }}>
        <Box>
          <Box sx={{ fontSize: 11, color: '#333' }}>{translate('collections.sheet.visitNumber', { n })}</Box>
          <Box sx={{ fontSize: 14, fontWeight: 700 }}>
            {visit.customerCode} — {visit.customerName}
          </Box>
          {visit.taxId && (
            <Box sx={{ fontSize: 11 }}>
              {taxIdLabel(visit.taxIdType, visit.taxId)}
              {visit.ivaCondition ? ` · ${translate(`ctacte.ivaConditions.${visit.ivaCondition}`)}` : ''}
            </Box>
          )}
        </Box>
        <Box sx={{ fontSize: 16, fontWeight: 700, whiteSpace: 'nowrap' }}>{formatWindow(visit.visitFrom, visit.visitTo)}</Box>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, fontSize: 12, mb: 0.75 }}>
        <Box>
          <strong>{translate('collections.sheet.address')}:</strong> {visitAddress(visit)}
        </Box>
        <Box>
          <strong>{translate('collections.sheet.contact')}:</strong>{' '}
          {[visit.contactName, visit.contactPhone].filter(Boolean).join(' · ')}
        </Box>
        {visit.promiseAmount && (
          <Box>
            {translate('collections.sheet.promiseLine', {
              amount: formatMoney(visit.promiseAmount, visit.currency),
              date: formatDate(visit.promiseDate),
            })}
          </Box>
        )}
        {visit.response && (
          <Box sx={{ fontStyle: 'italic' }}>{translate('collections.sheet.said', { text: visit.response })}</Box>
        )}
      </Box>
      <OwedItemsTable items={visit.openItems} currency={visit.currency} print totalLabel="collections.sheet.totalDue" />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.4fr', gap: 2, mt: 1.5 }}>
        <Blank label={translate('collections.sheet.collected')} />
        <Blank label={translate('collections.sheet.receiptNumber')} />
        <Blank label={translate('collections.sheet.signature')} />
      </Box>
    </Box>
  );
};

/** The collection sheet on A4: the company, the collector and the day, one block per visit, a line to sign. */
const CollectionSheetPrint = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const collectorId = params.get('collectorId') ?? undefined;
  const date = params.get('date') ?? undefined;
  const { data: sheet, isPending } = useCollectionSheet(collectorId, date);
  const { data: company } = useCompany();
  if (isPending || !sheet) return <Loading />;
  const { collector } = sheet;
  return (
    <PrintShell
      title={`${translate('collections.sheet.title')} ${collector.code} ${formatDate(sheet.date)}`}
      actions={
        <Button component={Link} to={`/collection-sheets?${params.toString()}`} startIcon={<BackIcon />}>
          {translate('collections.sheet.toSheet')}
        </Button>
      }
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', borderBottom: '2px solid #000', pb: 1.5, mb: 2 }}>
        <CompanyHeader company={company} />
        <Box sx={{ textAlign: 'right' }} data-print-header>
          <Box sx={{ fontSize: 20, fontWeight: 700 }}>{translate('collections.sheet.heading')}</Box>
          <Box sx={{ fontWeight: 700 }}>{translate('collections.sheet.dateLine', { date: formatDate(sheet.date) })}</Box>
          <Box>{translate('collections.sheet.collectorLine', { name: collector.name, code: collector.code })}</Box>
          {collector.zone && <Box>{translate('collections.sheet.zone', { zone: collector.zone })}</Box>}
          {collector.phone && <Box>{translate('collections.sheet.phone', { phone: collector.phone })}</Box>}
        </Box>
      </Box>
      {sheet.visits.map((visit, i) => (
        <VisitBlock key={visit.stopId ?? `call-${visit.callId}`} visit={visit} n={i + 1} />
      ))}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', mt: 2, breakInside: 'avoid' }}>
        <Box sx={{ fontWeight: 700 }} data-print-totals>
          {translate('collections.sheet.totals', {
            smart_count: sheet.totals.visits,
            due: formatMoney(sheet.totals.due),
            promised: formatMoney(sheet.totals.promised),
          })}
        </Box>
        <Blank label={translate('collections.sheet.collectorSignature')} width="60mm" />
      </Box>
      <Box sx={{ mt: 2, fontSize: 10, color: '#555' }}>
        {translate('collections.sheet.printedAt', { at: formatDateTime(new Date()) })}
      </Box>
    </PrintShell>
  );
};

export default CollectionSheetPrint;
