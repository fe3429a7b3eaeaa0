import { Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { useTaxIdLabel } from '../../common/TaxIdField';
import { formatDate } from '../../common/dates';
import { Money } from '../../common/Money';
import { amountInWords } from '../../ledger/amountInWords';
import { CompanyHeader, postalAddress } from '../../ledger/PrintShell';
import type { Company, DocumentDetail, LedgerCustomer } from '../../ledger/types';

/**
 * The top of the printed receipt: a CANCELLED watermark when it was, the company, the
 * "X" box (not an invoice), the receipt's number and date, who paid, and the sum in
 * figures and in words.
 */
export const ReceiptPrintHeader = ({
  receipt,
  company,
  customer,
}: {
  receipt: DocumentDetail;
  company: Company | undefined;
  customer: LedgerCustomer | undefined;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const c = receipt.currency;
  const address = customer ? postalAddress(customer) : '';
  const taxIdLabel = useTaxIdLabel();
  return (
    <>
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
        <Box sx={{ textAlign: 'right' }} data-print-customer-tax>
          <Box>{customer ? taxIdLabel(customer.taxIdType, customer.taxId) : ''}</Box>
          {customer?.ivaCondition ? <Box>{translate(`ctacte.ivaConditions.${customer.ivaCondition}`)}</Box> : null}
        </Box>
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
    </>
  );
};
