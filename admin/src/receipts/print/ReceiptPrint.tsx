import type { ReactNode } from 'react';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import BackIcon from '@mui/icons-material/ArrowBack';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Loading, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { formatCuit } from '../../common/cuit';
import { formatDate, formatDateTime } from '../../common/dates';
import { formatMoney } from '../../common/money';
import { fromCents, sumCents, toCents } from '../../common/cents';
import { provinceName } from '../../common/provinces';
import { amountInWords } from '../../ledger/amountInWords';
import { useCompany, useDocumentDetail } from '../../ledger/api';
import { CompanyHeader, postalAddress, PrintShell } from '../../ledger/PrintShell';
import { usePaymentDetail } from '../../ledger/ReceiptSections';
import type { LedgerCustomer } from '../../ledger/types';
import { Money } from '../../common/Money';

const cell = { py: 0.5, px: 1, fontSize: 12, color: '#000', borderColor: '#999' } as const;
const money = { ...cell, textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const Block = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mt: 2.5, breakInside: 'avoid' }}>
    <Box
      sx={{
        fontWeight: 700,
        textTransform: 'uppercase',
        fontSize: 11,
        letterSpacing: 0.5,
        borderBottom: '1px solid #000',
        mb: 0.5,
      }}
    >
      {title}
    </Box>
    {children}
  </Box>
);

const TotalLine = ({ label, value, strong }: { label: string; value: string; strong?: boolean }) => (
  <Box
    sx={{ display: 'flex', justifyContent: 'space-between', gap: 3, fontWeight: strong ? 700 : 400, fontSize: strong ? 15 : 13 }}
  >
    <span>{label}</span>
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
  </Box>
);

/**
 * The receipt as it is handed to the customer, on A4: the company, the receipt's
 * number and date, the customer with CUIT and address, the values received
 * (cheques with bank, number and dates), the withholding certificates, the
 * documents it paid, what stays on account, the total in figures and in words,
 * and the signature line.
 */
const ReceiptPrint = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
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
  const detail = usePaymentDetail();
  if (isPending || !receipt) return <Loading />;
  const c = receipt.currency;
  const payments = receipt.payments ?? [];
  const withholdings = (receipt.withholdings ?? []).filter((w) => w.active || receipt.status === 'cancelled');
  const applications = (receipt.applications ?? []).filter((a) => a.active || receipt.status === 'cancelled');
  const received = sumCents(payments.map((p) => toCents(p.accountAmount)));
  const withheld = sumCents(withholdings.map((w) => toCents(w.amount)));
  const applied = sumCents(applications.map((a) => toCents(a.amount)));
  const address = customer ? postalAddress(customer) : '';
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
        {receipt.status === 'cancelled' && (
          <Box
            aria-hidden
            sx={{
              position: 'absolute',
              inset: 0,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 120,
              fontWeight: 800,
              color: 'rgba(200, 0, 0, 0.15)',
              transform: 'rotate(-30deg)',
              pointerEvents: 'none',
            }}
          >
            {translate('ledger.statuses.cancelled').toUpperCase()}
          </Box>
        )}
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: '1fr auto 1fr',
            gap: 2,
            alignItems: 'start',
            borderBottom: '2px solid #000',
            pb: 1.5,
          }}
        >
          <CompanyHeader company={company} />
          <Box sx={{ textAlign: 'center' }}>
            <Box
              sx={{
                border: '2px solid #000',
                width: 44,
                height: 44,
                fontSize: 30,
                fontWeight: 700,
                lineHeight: '40px',
                mx: 'auto',
              }}
            >
              X
            </Box>
            <Box sx={{ fontSize: 9, mt: 0.5, maxWidth: 110 }}>{translate('ledger.print.notInvoice')}</Box>
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            <Box sx={{ fontSize: 22, fontWeight: 700, letterSpacing: 1 }}>{translate('ledger.print.receipt').toUpperCase()}</Box>
            <Box sx={{ fontSize: 15, fontWeight: 600 }} data-receipt-number>
              {translate('ledger.print.number', {
                number: `${String(receipt.pointOfSale).padStart(5, '0')}-${String(receipt.number).padStart(8, '0')}`,
              })}
            </Box>
            <Box>{translate('ledger.print.date', { date: formatDate(receipt.issueDate) })}</Box>
          </Box>
        </Box>

        <Box sx={{ mt: 2, display: 'grid', gridTemplateColumns: '1fr auto', gap: 2 }} data-print-customer>
          <Box>
            <Box>
              {translate('ledger.print.receivedFrom')} <strong>{customer?.legalName ?? receipt.customerName}</strong> (
              {receipt.customerCode})
            </Box>
            {address && <Box>{address}</Box>}
          </Box>
          <Box sx={{ textAlign: 'right' }}>{customer?.taxId ? `CUIT ${formatCuit(customer.taxId)}` : ''}</Box>
        </Box>
        <Box sx={{ mt: 1 }}>
          {translate('ledger.print.theSumOf')}{' '}
          <strong>
            <Money value={receipt.total} currency={c} />
          </strong>
          {locale !== 'en' && (
            <span>
              {' '}
              (
              {translate(c === 'USD' ? 'ledger.print.wordsUsd' : 'ledger.print.wordsArs', {
                words: amountInWords(receipt.total),
              })}
              )
            </span>
          )}
        </Box>

        {payments.length > 0 && (
          <Block title={translate('ledger.print.valuesReceived')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={cell}>{translate('ledger.fields.method')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.detail')}</TableCell>
                  <TableCell sx={money}>{translate('ledger.fields.amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {payments.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell sx={{ ...cell, whiteSpace: 'nowrap' }}>{translate(`ledger.methods.${p.method}`)}</TableCell>
                    <TableCell sx={cell}>{detail(p)}</TableCell>
                    <TableCell sx={money}>
                      <Money value={p.amount} currency={p.currency} />
                      {p.currency !== c ? ` = ${formatMoney(p.accountAmount, c)}` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Block>
        )}

        {withholdings.length > 0 && (
          <Block title={translate('ledger.receipt.withholdings')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={cell}>{translate('ledger.fields.withholdingType')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.jurisdiction')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.certificateNumber')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.date')}</TableCell>
                  <TableCell sx={money}>{translate('ledger.fields.baseAmount')}</TableCell>
                  <TableCell sx={money}>{translate('ledger.fields.amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {withholdings.map((w) => (
                  <TableRow key={w.id}>
                    <TableCell sx={cell}>{translate(`ledger.withholdingTypes.${w.type}`)}</TableCell>
                    <TableCell sx={cell}>{provinceName(w.jurisdiction)}</TableCell>
                    <TableCell sx={cell}>{w.certificateNumber}</TableCell>
                    <TableCell sx={cell}>{formatDate(w.date)}</TableCell>
                    <TableCell sx={money}>{w.baseAmount ? formatMoney(w.baseAmount, c) : ''}</TableCell>
                    <TableCell sx={money}>
                      <Money value={w.amount} currency={c} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Block>
        )}

        <Block title={translate('ledger.print.documentsPaid')}>
          {applications.length === 0 ? (
            <Box sx={{ py: 0.5 }}>{translate('ledger.print.noneApplied')}</Box>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={cell}>{translate('ledger.document.counterpart')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.issueDate')}</TableCell>
                  <TableCell sx={cell}>{translate('ledger.fields.dueDate')}</TableCell>
                  <TableCell sx={money}>{translate('ledger.fields.total')}</TableCell>
                  <TableCell sx={money}>{translate('ledger.print.paid')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {applications.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell sx={cell}>{a.displayNumber}</TableCell>
                    <TableCell sx={cell}>{formatDate(a.documentIssueDate)}</TableCell>
                    <TableCell sx={cell}>{formatDate(a.documentDueDate)}</TableCell>
                    <TableCell sx={money}>
                      <Money value={a.documentTotal} currency={c} />
                    </TableCell>
                    <TableCell sx={money}>
                      <Money value={a.amount} currency={c} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Block>

        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2.5, breakInside: 'avoid' }}>
          <Box sx={{ width: 300, border: '1px solid #000', p: 1.5 }} data-print-totals>
            <TotalLine label={translate('ledger.receipt.totalsReceived')} value={formatMoney(fromCents(received), c)} />
            <TotalLine label={translate('ledger.receipt.totalsWithheld')} value={formatMoney(fromCents(withheld), c)} />
            <TotalLine label={translate('ledger.print.total')} value={formatMoney(receipt.total, c)} strong />
            <Box sx={{ borderTop: '1px solid #999', my: 0.5 }} />
            <TotalLine label={translate('ledger.receipt.totalsApplied')} value={formatMoney(fromCents(applied), c)} />
            <TotalLine label={translate('ledger.receipt.totalsOnAccount')} value={formatMoney(receipt.openAmount, c)} />
          </Box>
        </Box>

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
