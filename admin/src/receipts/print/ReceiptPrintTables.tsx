import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../../common/dates';
import { formatMoney, type Currency } from '../../common/money';
import { provinceName } from '../../common/provinces';
import { SimpleTable, type SimpleTableProps } from '../../common/SimpleTable';
import { usePaymentDetail } from '../../ledger/ReceiptSections';
import type { DocumentApplication, ReceiptPayment, ReceiptWithholding } from '../../ledger/types';

const cell = { py: 0.5, px: 1, fontSize: 12, color: '#000', borderColor: '#999' } as const;

/** A table of the printed receipt: on paper, black on white, in the receipt's currency. */
function PaperTable<R extends { id: number }>(props: Omit<SimpleTableProps<R>, 'rowKey' | 'print' | 'cellSx'>) {
  return <SimpleTable<R> print cellSx={cell} rowKey={(row) => row.id} {...props} />;
}

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

/** The values received: method, what identifies each one, the amount (and its value in the receipt's currency). */
export const PrintedPayments = ({ payments, currency }: { payments: ReceiptPayment[]; currency: Currency }) => {
  const translate = useTranslate();
  const detail = usePaymentDetail();
  if (payments.length === 0) return null;
  return (
    <Block title={translate('ledger.print.valuesReceived')}>
      <PaperTable<ReceiptPayment>
        currency={currency}
        rows={payments}
        columns={[
          { label: 'ledger.fields.method', nowrap: true, render: (p) => translate(`ledger.methods.${p.method}`) },
          { label: 'ledger.fields.detail', render: detail },
          {
            label: 'ledger.fields.amount',
            money: (p) => p.amount,
            currency: (p) => p.currency,
            render: (p) => (p.currency !== currency ? ` = ${formatMoney(p.accountAmount, currency)}` : ''),
          },
        ]}
      />
    </Block>
  );
};

export const PrintedWithholdings = ({ withholdings, currency }: { withholdings: ReceiptWithholding[]; currency: Currency }) => {
  const translate = useTranslate();
  if (withholdings.length === 0) return null;
  return (
    <Block title={translate('ledger.receipt.withholdings')}>
      <PaperTable<ReceiptWithholding>
        currency={currency}
        rows={withholdings}
        columns={[
          { label: 'ledger.fields.withholdingType', render: (w) => translate(`ledger.withholdingTypes.${w.type}`) },
          { label: 'ledger.fields.jurisdiction', render: (w) => provinceName(w.jurisdiction) },
          { label: 'ledger.fields.certificateNumber', render: (w) => w.certificateNumber },
          { label: 'ledger.fields.date', render: (w) => formatDate(w.date) },
          { label: 'ledger.fields.baseAmount', money: (w) => w.baseAmount },
          { label: 'ledger.fields.amount', money: (w) => w.amount },
        ]}
      />
    </Block>
  );
};

/** The documents the receipt paid, or a line saying it paid none (all on account). */
export const PrintedApplications = ({ applications, currency }: { applications: DocumentApplication[]; currency: Currency }) => {
  const translate = useTranslate();
  return (
    <Block title={translate('ledger.print.documentsPaid')}>
      {applications.length === 0 ? (
        <Box sx={{ py: 0.5 }}>{translate('ledger.print.noneApplied')}</Box>
      ) : (
        <PaperTable<DocumentApplication>
          currency={currency}
          rows={applications}
          columns={[
            { label: 'ledger.document.counterpart', render: (a) => a.displayNumber },
            { label: 'ledger.fields.issueDate', render: (a) => formatDate(a.documentIssueDate) },
            { label: 'ledger.fields.dueDate', render: (a) => formatDate(a.documentDueDate) },
            { label: 'ledger.fields.total', money: (a) => a.documentTotal },
            { label: 'ledger.print.paid', money: (a) => a.amount },
          ]}
        />
      )}
    </Block>
  );
};
