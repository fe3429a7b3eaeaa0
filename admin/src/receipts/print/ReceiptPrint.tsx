import { Alert, Box, Button } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import BackIcon from '@mui/icons-material/ArrowBack';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Loading, useGetOne, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { sumCents, toCents } from '../../common/cents';
import { useCompany, useDocumentDetail } from '../../ledger/api';
import { PrintShell } from '../../ledger/PrintShell';
import type { LedgerCustomer } from '../../ledger/types';
import { ReceiptPrintHeader } from './ReceiptPrintHeader';
import { PrintedApplications, PrintedPayments, PrintedWithholdings } from './ReceiptPrintTables';
import { ReceiptPrintTotals } from './ReceiptPrintTotals';

/**
 * The receipt as it is handed to the customer, on A4: the company, the receipt's
 * number and date, the customer with CUIT and address, the values received
 * (cheques with bank, number and dates), the withholding certificates, the
 * documents it paid, what stays on account, the total in figures and in words,
 * and the signature line.
 */
const ReceiptPrint = () => {
  const translate = useTranslate();
  const { id } = useParams();
  const location = useLocation();
  const justPosted = (location.state as { posted?: boolean } | null)?.posted;
  const { data: receipt, isPending } = useDocumentDetail(id);
  const { data: company } = useCompany();
  const { data: customer } = useGetOne<LedgerCustomer>(
    'customers',
    { id: receipt?.customerId ?? 0 },
    { enabled: !!receipt?.customerId },
  );
  if (isPending || !receipt) return <Loading />;
  const c = receipt.currency;
  const payments = receipt.payments ?? [];
  const withholdings = (receipt.withholdings ?? []).filter((w) => w.active || receipt.status === 'cancelled');
  const applications = (receipt.applications ?? []).filter((a) => a.active || receipt.status === 'cancelled');
  const received = sumCents(payments.map((p) => toCents(p.accountAmount)));
  const withheld = sumCents(withholdings.map((w) => toCents(w.amount)));
  const applied = sumCents(applications.map((a) => toCents(a.amount)));
  return (
    <PrintShell
      title={receipt.displayNumber}
      actions={
        <>
          <Button component={Link} to={`/documents/${receipt.id}/show`} startIcon={<BackIcon />}>
            {translate('ledger.print.toDocument')}
          </Button>
          <Button component={Link} to="/receipts/create" startIcon={<AddIcon />} variant="outlined" autoFocus>
            {translate('ledger.menu.newReceipt')}
          </Button>
        </>
      }
    >
      {justPosted && (
        <Alert severity="success" className="no-print" sx={{ mb: 2 }}>
          {translate('ledger.print.posted', { number: receipt.displayNumber })}
        </Alert>
      )}
      <Box sx={{ position: 'relative' }}>
        <ReceiptPrintHeader receipt={receipt} company={company} customer={customer} />
        <PrintedPayments payments={payments} currency={c} />
        <PrintedWithholdings withholdings={withholdings} currency={c} />
        <PrintedApplications applications={applications} currency={c} />
        <ReceiptPrintTotals
          received={received}
          withheld={withheld}
          total={receipt.total}
          applied={applied}
          onAccount={receipt.openAmount}
          currency={c}
        />
        {receipt.notes && (
          <Box sx={{ mt: 2 }}>
            <strong>{translate('ledger.fields.notes')}:</strong> {receipt.notes}
          </Box>
        )}

        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 9, breakInside: 'avoid' }}>
          <Box sx={{ width: 260, borderTop: '1px solid #000', textAlign: 'center', pt: 0.5, fontSize: 12 }}>
            {translate('ledger.print.signature')}
            {company && <Box>{translate('ledger.print.onBehalfOf', { company: company.name })}</Box>}
          </Box>
        </Box>
        <Box sx={{ mt: 3, fontSize: 10, color: '#555' }}>
          {translate('ledger.print.footer', { user: receipt.createdByName ?? '', at: formatDateTime(receipt.createdAt) })}
        </Box>
      </Box>
    </PrintShell>
  );
};

export default ReceiptPrint;
