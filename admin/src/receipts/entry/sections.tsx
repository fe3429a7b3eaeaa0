import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import AutoIcon from '@mui/icons-material/AutoFixHigh';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { integerBetween } from '../../common/validators';
import { useCompany } from '../../ledger/api';
import { CustomerInput } from '../../ledger/inputs';
import { OpenItemsTable } from '../../ledger/OpenItemsTable';
import type { Currency } from '../../common/money';
import type { Allocation } from './useAutoAllocation';
import { useTaxIdLabel } from '../../common/TaxIdField';
import { formatDateTime } from '../../common/dates';
import { formatMoney } from '../../common/money';
import { fromCents, sumCents, toCents } from '../../common/cents';
import type { LedgerCustomer, OpenItem } from '../../ledger/types';
import type { ReceiptDraft } from './useReceiptDraft';

/** A card of receipt lines (payments, certificates) with a button per kind of line to add. */
export const LinesSection = ({
  title,
  empty,
  adds,
  children,
}: {
  title: string;
  empty: string;
  adds: Array<{ key: string; label: string; shortcut?: string; add: () => void }>;
  children: ReactNode[];
}) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mb: 2 }} component="section" aria-label={translate(title)}>
      <CardHeader
        title={translate(title)}
        titleTypographyProps={{ variant: 'h6' }}
        sx={{ pb: 0 }}
        action={
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {adds.map((a) => (
              <Button key={a.key} size="small" onClick={a.add} title={a.shortcut}>
                + {translate(a.label)}
              </Button>
            ))}
          </Stack>
        }
      />
      <CardContent>
        {children.length === 0 && (
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            {translate(empty)}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
};

export const CustomerSummary = ({
  customer,
  credits,
  currency,
}: {
  customer: LedgerCustomer;
  /** The credits on account in the receipt's ledger. */
  credits: OpenItem[];
  currency: Currency;
}) => {
  const translate = useTranslate();
  const onAccount = sumCents(credits.map((c) => toCents(c.openAmount)));
  const taxIdLabel = useTaxIdLabel();
  return (
    <Box sx={{ mt: 1 }} data-customer-summary>
      <Typography variant="body2" color="text.secondary">
        {[
          taxIdLabel(customer.taxIdType, customer.taxId) || null,
          translate('ledger.receipt.balance', { amount: formatMoney(customer.balance, customer.currency) }),
          customer.overdueBalance && toCents(customer.overdueBalance) > 0n
            ? translate('ledger.receipt.overdue', { amount: formatMoney(customer.overdueBalance, customer.currency) })
            : null,
          translate('ledger.receipt.accountCurrency', { currency: translate(`ledger.currencies.${customer.currency}`) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {customer.status !== 'active' && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('ledger.receipt.customerStatus', {
            status: translate(`ctacte.customerStatuses.${customer.status}`, { _: customer.status }),
          })}
        </Alert>
      )}
      {onAccount > 0n && (
        <Alert
          severity="info"
          sx={{ mt: 1 }}
          action={
            // Imputar opens with this customer and its oldest credit chosen.
            <Button
              component={Link}
              to={`/applications/create?customerId=${customer.id}&creditId=${credits[0].id}`}
              color="inherit"
              size="small"
            >
              {translate('ledger.apply.shortcut')}
            </Button>
          }
        >
          {translate('ledger.receipt.hasCredits', {
            amount: formatMoney(fromCents(onAccount), currency),
            smart_count: credits.length,
          })}
        </Alert>
      )}
    </Box>
  );
};

/** The receipt left half entered last time, offered back until restored or discarded. */
export const DraftOffer = ({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: ReceiptDraft;
  onRestore: () => void;
  onDiscard: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      data-draft-offer
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={onRestore}>
            {translate('ledger.receipt.draft.restore')}
          </Button>
          <Button color="inherit" size="small" onClick={onDiscard}>
            {translate('ledger.receipt.draft.discard')}
          </Button>
        </Stack>
      }
    >
      {translate('ledger.receipt.draft.found', { when: formatDateTime(draft.savedAt) })}
    </Alert>
  );
};

/**
 * A bimonetary customer's receipt credits its peso or its dollar ledger: the same
 * choice, with the same labels, as the statement's switch; the account's first.
 */
export const LedgerChoice = ({
  accountCurrency,
  value,
  onChange,
}: {
  accountCurrency: Currency;
  value: Currency;
  onChange: (next: Currency) => void;
}) => {
  const translate = useTranslate();
  const ledgers: Currency[] = [accountCurrency, accountCurrency === 'ARS' ? 'USD' : 'ARS'];
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      aria-label={translate('ledger.statement.ledger')}
      onChange={(_, next: Currency | null) => next && next !== value && onChange(next)}
      sx={{ mt: 1 }}
      data-ledger-choice
    >
      {ledgers.map((c) => (
        <ToggleButton key={c} value={c}>
          {translate(`ledger.statement.ledgers.${c}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

/** Customer, date, point of sale and number (both left empty: the next of the company's default), and the customer's figures. */
export const ReceiptHeader = ({
  customer,
  credits,
  currency,
  onLedgerChange,
}: {
  customer?: LedgerCustomer;
  credits: OpenItem[];
  /** The ledger the receipt credits. */
  currency: Currency;
  onLedgerChange: (next: Currency) => void;
}) => {
  const translate = useTranslate();
  const { data: company } = useCompany();
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent sx={{ pb: '8px !important' }}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) repeat(3, minmax(0, 1fr))' },
            columnGap: 2,
          }}
        >
          <CustomerInput source="customerId" helperText={false} />
          <DateInput source="issueDate" label="ledger.receipt.fields.date" helperText={false} />
          <TextInput
            source="pointOfSale"
            label="ledger.receipt.fields.pointOfSale"
            validate={integerBetween(1, 99999)}
            helperText={false}
            placeholder={company ? String(company.defaultReceiptPointOfSale).padStart(5, '0') : undefined}
            slotProps={{ htmlInput: { inputMode: 'numeric', tabIndex: -1 }, inputLabel: { shrink: true } }}
          />
          <TextInput
            source="number"
            label="ledger.receipt.fields.number"
            validate={integerBetween(1, 99999999)}
            helperText={false}
            placeholder={translate('ledger.receipt.nextNumber')}
            slotProps={{ htmlInput: { inputMode: 'numeric', tabIndex: -1 }, inputLabel: { shrink: true } }}
          />
        </Box>
        {customer?.bimonetary && <LedgerChoice accountCurrency={customer.currency} value={currency} onChange={onLedgerChange} />}
        {customer && <CustomerSummary customer={customer} credits={credits} currency={currency} />}
      </CardContent>
    </Card>
  );
};

/** The open debits with what the receipt applies to each: oldest due first until an amount is typed. */
export const AllocationSection = ({
  customerId,
  debits,
  allocation,
  currency,
}: {
  customerId: number | null;
  debits: OpenItem[];
  allocation: Allocation;
  currency: Currency;
}) => {
  const translate = useTranslate();
  const { allocations, auto, allocateAutomatically, setAmount } = allocation;
  return (
    <Card sx={{ mb: 2 }} component="section" aria-label={translate('ledger.receipt.allocation')}>
      <CardHeader
        title={translate('ledger.receipt.allocation')}
        subheader={translate(auto ? 'ledger.receipt.autoOn' : 'ledger.receipt.autoOff')}
        titleTypographyProps={{ variant: 'h6' }}
        action={
          <Button
            startIcon={<AutoIcon />}
            onClick={allocateAutomatically}
            disabled={!customerId || debits.length === 0}
            title="Alt+I"
          >
            {translate('ledger.allocation.auto')}
          </Button>
        }
      />
      <CardContent sx={{ overflowX: 'auto' }}>
        {!customerId ? (
          <Typography color="text.secondary">{translate('ledger.receipt.pickCustomerFirst')}</Typography>
        ) : debits.length === 0 ? (
          <Typography color="text.secondary">{translate('ledger.receipt.nothingOpen')}</Typography>
        ) : (
          <OpenItemsTable
            items={debits}
            amounts={allocations}
            onChange={setAmount}
            currency={currency}
            amountLabel="ledger.receipt.apply"
            ariaLabel={translate('ledger.receipt.allocation')}
          />
        )}
      </CardContent>
    </Card>
  );
};
