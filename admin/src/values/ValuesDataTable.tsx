import { Box, Tooltip, Typography } from '@mui/material';
import { DataTable, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { DateField } from '../common/DateField';
import { formatDate } from '../common/dates';
import { MoneyColumn } from '../common/MoneyField';
import { CustomerCell, DocumentNumberField, PaymentMethodField, ValueStateField } from '../ledger/fields';
import type { LedgerValue } from '../ledger/types';
import { DENSE_TABLE_SX } from '../ledger/listStyles';
import { ValueActions } from './ValueActions';
import { ValueHistoryButton } from './ValueHistoryButton';
import { DepositSelectedButton } from './DepositSelectedButton';
import { ValueMarkers } from './ValueMarkers';

/** What happened to the value after it left the portfolio: to whom it was endorsed, the debit note of a rejection. */
const StateDetail = () => {
  const translate = useTranslate();
  const v = useRecordContext<LedgerValue>();
  if (!v) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <ValueStateField />
        <ValueMarkers value={v} />
      </Box>
      {v.state !== 'in_portfolio' && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate('ledger.values.since', { date: formatDate(v.stateDate) })}
          {v.endorsedTo ? ` · ${v.endorsedTo}` : ''}
        </Typography>
      )}
      {v.rejectionDocumentId && (
        <Typography variant="caption" component="div">
          <ReferenceField source="rejectionDocumentId" reference="documents" link={false}>
            <DocumentNumberField />
          </ReferenceField>
        </Typography>
      )}
    </Box>
  );
};

const Drawer = () => {
  const v = useRecordContext<LedgerValue>();
  if (!v?.drawerName) return null;
  return (
    <Typography component="span" variant="body2" sx={{ display: 'block', maxWidth: 140 }} noWrap title={v.drawerName}>
      {v.drawerName}
    </Typography>
  );
};

/** The bank by its name (its BCRA code on hover). */
const Bank = () => {
  const v = useRecordContext<LedgerValue>();
  if (!v?.bankName) return null;
  return (
    <Tooltip title={v.bankCode ?? ''}>
      <Typography component="span" variant="body2" sx={{ display: 'block', maxWidth: 140 }} noWrap>
        {v.bankName}
      </Typography>
    </Tooltip>
  );
};

/** The values' columns (ticked in the portfolio for a deposit of several), with their actions (Depositar, Endosar, Rechazar) and history; shared by the portfolio and the customer page. */
export const ValuesDataTable = ({
  withCustomer = true,
  bulkDeposit = false,
}: {
  withCustomer?: boolean;
  bulkDeposit?: boolean;
}) => (
  <DataTable bulkActionButtons={bulkDeposit ? <DepositSelectedButton /> : false} rowClick={false} sx={DENSE_TABLE_SX}>
    <DataTable.Col source="paymentDate" field={DateField} />
    <DataTable.Col source="method">
      <PaymentMethodField short />
    </DataTable.Col>
    <DataTable.Col source="bankName" disableSort>
      <Bank />
    </DataTable.Col>
    <DataTable.Col source="number" />
    {/* What a value is worth and where it stands come before who it came from: at 1366 px they stay in view. */}
    <MoneyColumn source="amount" />
    <DataTable.Col source="state">
      <StateDetail />
    </DataTable.Col>
    <DataTable.Col source="drawerName" disableSort>
      <Drawer />
    </DataTable.Col>
    {/* In the portfolio, whose value it is; on the customer's page, the receipt that brought it (both in the history). */}
    {withCustomer ? (
      <DataTable.Col source="customerName" disableSort>
        <CustomerCell />
      </DataTable.Col>
    ) : (
      <DataTable.Col source="receiptNumber" disableSort>
        <DocumentNumberField source="receiptNumber" idSource="receiptId" />
      </DataTable.Col>
    )}
    <DataTable.Col label="" disableSort>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <ValueActions />
        <ValueHistoryButton />
      </Box>
    </DataTable.Col>
  </DataTable>
);
