import { useState } from 'react';
import { Box, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import MoveIcon from '@mui/icons-material/MoreVert';
import DepositIcon from '@mui/icons-material/AccountBalance';
import EndorseIcon from '@mui/icons-material/Forward';
import RejectIcon from '@mui/icons-material/ReportProblem';
import AcceptIcon from '@mui/icons-material/CheckCircle';
import RepudiateIcon from '@mui/icons-material/Block';
import DiscountIcon from '@mui/icons-material/Percent';
import CreditIcon from '@mui/icons-material/Savings';
import ReplaceIcon from '@mui/icons-material/SwapHoriz';
import ExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { maxLength, minLength, required, TextInput, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { MoneyInput } from '../common/MoneyInput';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi, useLedgerRefresh } from '../ledger/api';
import { BankInput } from '../ledger/inputs';
import { useCan } from '../ledger/useCan';
import { VALUE_TRANSITIONS, type LedgerValue, type ValueMove } from '../ledger/types';
import { BankAccountInput } from '../treasury/inputs';
import { ReplaceLineDialog } from './ReplaceLineDialog';
import { ExchangeDialog } from './ExchangeDialog';

const ICONS = {
  accepted: AcceptIcon,
  repudiated: RepudiateIcon,
  deposited: DepositIcon,
  discounted: DiscountIcon,
  endorsed: EndorseIcon,
  credited: CreditIcon,
  rejected: RejectIcon,
} as const;
const COLORS = {
  accepted: 'success',
  repudiated: 'error',
  deposited: 'primary',
  discounted: 'primary',
  endorsed: 'secondary',
  credited: 'success',
  rejected: 'error',
} as const;

/** The moves the portfolio had before ECHEQs keep their labels in ledger.values; the rest are Tesorería's. */
const OLD_MOVES: readonly ValueMove[] = ['deposited', 'endorsed', 'rejected'];
const key = (part: 'actions' | 'titles' | 'done', to: ValueMove) =>
  OLD_MOVES.includes(to) ? `ledger.values.${part}.${to}` : `treasury.values.${part}.${to}`;

/** Actions beside the moves: replace a repudiated ECHEQ's line, exchange a rejected value (canje). */
type Extra = 'replace' | 'exchange';

interface TransitionValues {
  date: string;
  reason?: string;
  endorsedTo?: string;
  depositBankId?: number | null;
  bankAccountId?: number | null;
  fee?: string | null;
  charges?: string | null;
  interest?: string | null;
}

/**
 * The moves the value's state allows (the server's table), from one menu per row: Aceptar or
 * Repudiar an ECHEQ, Depositar, Descontar, Endosar, Acreditar, Rechazar; each asks what it needs
 * (the date always; the account; the endorsee; the bank's fee; a rejection's reason, charges and
 * interest). A repudiated ECHEQ offers to replace it on its receipt; a rejected value whose debit note
 * still owes, a canje by another cheque.
 */
export const ValueActions = () => {
  const value = useRecordContext<LedgerValue>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const allowed = useCan('ledger.post');
  const [target, setTarget] = useState<ValueMove | Extra | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!value || !allowed) return null;
  const replaceable = value.state === 'repudiated' && !value.lineReplaced;
  // A rejected value whose debit note still owes something may be exchanged (canje).
  const exchangeable = value.state === 'rejected' && Number(value.rejectionOpenAmount ?? 0) > 0;
  const moves: Array<ValueMove | Extra> = [
    ...(VALUE_TRANSITIONS[value.state] ?? []),
    ...(replaceable ? ['replace' as const] : []),
    ...(exchangeable ? ['exchange' as const] : []),
  ];
  const label = `${translate(`ledger.methods.${value.method}`)} ${value.number}`;
  const done = async () => {
    await refreshLedger();
    refresh();
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end' }} onClick={(e) => e.stopPropagation()}>
      {moves.length > 0 && (
        <Tooltip title={translate('ledger.values.move')}>
          <IconButton
            size="small"
            aria-label={translate('ledger.values.moveAria', { number: value.number })}
            aria-haspopup="menu"
            onClick={(e) => setAnchor(e.currentTarget)}
          >
            <MoveIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {moves.map((to) => {
          const Icon = to === 'replace' ? ReplaceIcon : to === 'exchange' ? ExchangeIcon : ICONS[to];
          const extra = to === 'replace' || to === 'exchange';
          return (
            <MenuItem
              key={to}
              onClick={() => {
                setAnchor(null);
                setTarget(to);
              }}
            >
              <ListItemIcon>
                <Icon fontSize="small" color={extra ? 'primary' : COLORS[to]} />
              </ListItemIcon>
              <ListItemText>{translate(extra ? `treasury.values.actions.${to}` : key('actions', to))}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
      {target === 'replace' && <ReplaceLineDialog value={value} label={label} onClose={() => setTarget(null)} onDone={done} />}
      {target === 'exchange' && <ExchangeDialog value={value} label={label} onClose={() => setTarget(null)} onDone={done} />}
      {target && target !== 'replace' && target !== 'exchange' && (
        <ActionDialog<TransitionValues>
          open
          onClose={() => setTarget(null)}
          title={key('titles', target)}
          titleArgs={{ value: label }}
          confirmLabel={key('actions', target)}
          confirmColor={target === 'rejected' || target === 'repudiated' ? 'error' : 'primary'}
          defaultValues={{ date: todayIso(), reason: '', endorsedTo: '', depositBankId: null, bankAccountId: null, fee: null }}
          onConfirm={async (v) => {
            const after = await ledgerApi.transitionValue(value.id, {
              to: target,
              date: v.date,
              reason: v.reason || undefined,
              endorsedTo: target === 'endorsed' ? v.endorsedTo : undefined,
              depositBankId: target === 'deposited' && v.depositBankId ? v.depositBankId : undefined,
              bankAccountId: (target === 'deposited' || target === 'discounted') && v.bankAccountId ? v.bankAccountId : undefined,
              fee: target === 'discounted' && v.fee ? v.fee : undefined,
              charges: target === 'rejected' && v.charges ? v.charges : undefined,
              interest: target === 'rejected' && v.interest ? v.interest : undefined,
            });
            if (target === 'rejected' && after.rejectionDocumentId) {
              const nd = await ledgerApi.document(after.rejectionDocumentId);
              notify('ledger.values.rejectedNd', {
                type: 'warning',
                autoHideDuration: 10_000,
                messageArgs: { value: label, number: nd.displayNumber, amount: formatMoney(nd.total, nd.currency) },
              });
            } else notify(key('done', target), { type: 'success', messageArgs: { value: label } });
            await done();
          }}
        >
          <Typography sx={{ mb: 2 }}>
            {translate('ledger.values.summary', {
              value: label,
              amount: formatMoney(value.amount, value.currency),
              customer: `${value.customerCode} — ${value.customerName}`,
              date: formatDate(value.paymentDate),
            })}
          </Typography>
          {target === 'rejected' && (
            <Typography color="warning.dark" sx={{ mb: 2 }}>
              {translate('ledger.values.rejectWarning', { amount: formatMoney(value.accountAmount) })}
            </Typography>
          )}
          <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2 }}>
            <DateInput source="date" label="ledger.fields.date" validate={required()} />
            {target === 'deposited' && <BankAccountInput source="bankAccountId" label="treasury.values.bankAccount" />}
            {target === 'deposited' && <BankInput source="depositBankId" label="ledger.values.depositBank" />}
            {target === 'discounted' && <BankAccountInput source="bankAccountId" label="treasury.values.bankAccount" />}
            {target === 'discounted' && <MoneyInput source="fee" label="treasury.values.fee" />}
            {target === 'endorsed' && (
              <TextInput source="endorsedTo" label="ledger.values.endorsedTo" validate={[required(), maxLength(200)]} autoFocus />
            )}
            {target === 'repudiated' && (
              <TextInput
                source="reason"
                label="treasury.values.repudiateReason"
                validate={[required(), minLength(3), maxLength(500)]}
                autoFocus
              />
            )}
            {target === 'rejected' && (
              <TextInput
                source="reason"
                label="ledger.values.rejectReason"
                validate={[required(), minLength(3), maxLength(500)]}
                helperText="ledger.values.rejectReasonHelp"
                autoFocus
              />
            )}
            {target === 'rejected' && <MoneyInput source="charges" label="treasury.values.charges" />}
            {target === 'rejected' && <MoneyInput source="interest" label="treasury.values.interest" />}
          </Box>
        </ActionDialog>
      )}
    </Box>
  );
};
