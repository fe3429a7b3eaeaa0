import { useState, type ReactNode } from 'react';
import {
  Box,
  Chip,
  Divider,
  Drawer,
  IconButton,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import CloseIcon from '@mui/icons-material/Close';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { formatMoney } from '../common/money';
import { formatCuit } from '../common/cuit';
import { ledgerApi, ledgerKeys } from '../ledger/api';
import { DocumentLink, ValueStateChip } from '../ledger/fields';
import type { LedgerValue, ValueTransition } from '../ledger/types';
import { ValueMarkers } from './ValueMarkers';

const line = { display: 'block' } as const;

/** A deposit slip's page, by its number. */
const SlipLink = ({ id }: { id: number }) => {
  const translate = useTranslate();
  return (
    <MuiLink component={Link} to={`/deposit-slips/${id}/show`} onClick={(e) => e.stopPropagation()}>
      {translate('treasury.slips.title', { id })}
    </MuiLink>
  );
};

/** One label: value pair of the value's card. */
const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </>
  );
};

/** What the value is: kind, ECHEQ id, common or deferred, "no a la orden", its dates and drawer, and where it is now. */
const ValueCard = ({ value }: { value: LedgerValue }) => {
  const translate = useTranslate();
  const yesNo = (b: boolean) => translate(b ? 'ra.boolean.true' : 'ra.boolean.false');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, my: 1.5 }} data-testid="value-card">
      <Fact label="resources.values.fields.state">
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <ValueStateChip state={value.state} />
          <span>{formatDate(value.stateDate)}</span>
          <ValueMarkers value={value} />
        </Stack>
      </Fact>
      {value.kind && <Fact label="resources.values.fields.kind">{translate(`treasury.chequeKinds.${value.kind}`)}</Fact>}
      {value.echeqId && <Fact label="resources.values.fields.echeqId">{value.echeqId}</Fact>}
      {value.kind && <Fact label="resources.values.fields.deferred">{yesNo(value.deferred)}</Fact>}
      {value.kind && <Fact label="resources.values.fields.notToOrder">{yesNo(value.notToOrder)}</Fact>}
      <Fact label="resources.values.fields.issueDate">{formatDate(value.issueDate)}</Fact>
      <Fact label="resources.values.fields.paymentDate">{formatDate(value.paymentDate)}</Fact>
      {value.presentationDeadline && (
        <Fact label="resources.values.fields.presentationDeadline">{formatDate(value.presentationDeadline)}</Fact>
      )}
      {value.drawerName && (
        <Fact label="resources.values.fields.drawerName">
          {value.drawerName}
          {value.drawerTaxId ? ` (${formatCuit(value.drawerTaxId)})` : ''}
        </Fact>
      )}
      <Fact label="resources.values.fields.receiptNumber">
        <DocumentLink id={value.receiptId}>{value.receiptNumber}</DocumentLink>
      </Fact>
      {value.depositSlipId && (
        <Fact label="resources.values.fields.depositSlipId">
          <SlipLink id={value.depositSlipId} />
        </Fact>
      )}
      {value.bankAccountName && <Fact label="resources.values.fields.bankAccountName">{value.bankAccountName}</Fact>}
      {value.endorsedTo && <Fact label="resources.values.fields.endorsedTo">{value.endorsedTo}</Fact>}
      {value.discountFee && (
        <Fact label="resources.values.fields.discountFee">{formatMoney(value.discountFee, value.currency)}</Fact>
      )}
      {value.rejectionDocumentId && (
        <Fact label="resources.values.fields.rejectionDocumentNumber">
          <DocumentLink id={value.rejectionDocumentId}>{value.rejectionDocumentNumber}</DocumentLink>
          {value.rejectionOpenAmount !== null &&
            ` · ${translate('treasury.values.stillOwed', { amount: formatMoney(value.rejectionOpenAmount) })}`}
        </Fact>
      )}
    </Box>
  );
};

/** The amounts a move carried: a rejection's charges and interest, a discount's fee. */
const moveAmounts = (t: ValueTransition, translate: (k: string, o?: object) => string) =>
  [
    t.charges && translate('treasury.values.history.charges', { amount: formatMoney(t.charges) }),
    t.interest && translate('treasury.values.history.interest', { amount: formatMoney(t.interest) }),
    t.fee && translate('treasury.values.history.fee', { amount: formatMoney(t.fee) }),
  ].filter(Boolean);

const History = ({ value }: { value: LedgerValue }) => {
  const translate = useTranslate();
  const { data, isPending } = useQuery({
    queryKey: ledgerKeys.valueHistory(value.id),
    queryFn: () => ledgerApi.valueHistory(value.id),
  });
  if (isPending) return <Loading />;
  return (
    <List aria-label={translate('ledger.values.history')}>
      <ListItem disableGutters>
        <ListItemText
          primary={translate('ledger.values.received', { date: formatDate(value.issueDate ?? value.stateDate) })}
          secondary={<DocumentLink id={value.receiptId}>{value.receiptNumber}</DocumentLink>}
        />
      </ListItem>
      {(data ?? []).map((t) => {
        const exchange = t.fromState === 'rejected' && t.toState === 'rejected';
        return (
          <ListItem key={t.id} disableGutters alignItems="flex-start" data-move={exchange ? 'exchange' : t.toState}>
            <ListItemText
              primary={
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  {exchange ? (
                    <Chip size="small" color="success" label={translate('treasury.values.history.exchange')} />
                  ) : (
                    <ValueStateChip state={t.toState} />
                  )}
                  <span>{formatDate(t.date)}</span>
                </Box>
              }
              secondary={
                <>
                  {t.reason && <span style={line}>{t.reason}</span>}
                  {t.documentId && (
                    <span style={line}>
                      <DocumentLink id={t.documentId}>{t.displayNumber}</DocumentLink>
                      {t.documentTotal ? ` · ${formatMoney(t.documentTotal)}` : ''}
                    </span>
                  )}
                  {moveAmounts(t, translate).map((a) => (
                    <span key={a as string} style={line}>
                      {a}
                    </span>
                  ))}
                  {t.bankAccountName && <span style={line}>{t.bankAccountName}</span>}
                  {t.depositSlipId && (
                    <span style={line}>
                      <SlipLink id={t.depositSlipId} />
                    </span>
                  )}
                  {t.replacementNumber && (
                    <span style={line}>{translate('treasury.values.history.replacedBy', { number: t.replacementNumber })}</span>
                  )}
                  <span style={line}>
                    {translate('ledger.values.by', { user: t.userName ?? '—', at: formatDateTime(t.createdAt) })}
                  </span>
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};

/** The value's card and its whole way through the portfolio, in a drawer beside the list. */
export const ValueHistoryButton = () => {
  const value = useRecordContext<LedgerValue>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!value) return null;
  return (
    <>
      <Tooltip title={translate('ledger.values.history')}>
        <IconButton
          size="small"
          aria-label={`${translate('ledger.values.history')} ${value.number}`}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(true);
          }}
        >
          <HistoryIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Drawer anchor="right" open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <Box
          sx={{ width: { xs: '100vw', sm: 420 }, maxWidth: '100vw', p: 2 }}
          role="region"
          aria-label={translate('ledger.values.history')}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="h6">
              {translate('ledger.values.historyOf', { value: `${translate(`ledger.methods.${value.method}`)} ${value.number}` })}
            </Typography>
            <IconButton aria-label={translate('ra.action.close')} onClick={() => setOpen(false)}>
              <CloseIcon />
            </IconButton>
          </Box>
          <Typography color="text.secondary">
            {value.bankName ? `${value.bankCode} ${value.bankName} · ` : ''}
            {formatMoney(value.amount, value.currency)}
          </Typography>
          {open && <ValueCard value={value} />}
          <Divider />
          {open && <History value={value} />}
        </Box>
      </Drawer>
    </>
  );
};
