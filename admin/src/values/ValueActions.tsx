import { useState } from 'react';
import { Box, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import MoveIcon from '@mui/icons-material/MoreVert';
import DepositIcon from '@mui/icons-material/AccountBalance';
import EndorseIcon from '@mui/icons-material/Forward';
import RejectIcon from '@mui/icons-material/ReportProblem';
import { maxLength, minLength, required, TextInput, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi, useLedgerRefresh } from '../ledger/api';
import { BankInput } from '../ledger/inputs';
import { useCan } from '../ledger/useCan';
import { VALUE_TRANSITIONS, type LedgerValue } from '../ledger/types';

type Target = 'deposited' | 'endorsed' | 'rejected';

const ICONS = { deposited: DepositIcon, endorsed: EndorseIcon, rejected: RejectIcon } as const;
const COLORS = { deposited: 'primary', endorsed: 'secondary', rejected: 'error' } as const;

interface TransitionValues {
  date: string;
  reason?: string;
  endorsedTo?: string;
  depositBankId?: number | null;
}

/**
 * Depositar, Endosar, Rechazar: the moves the value's state allows, from one menu
 * per row, each asking
 * what it needs (the date always; the endorsee; the reason of a rejection). A
 * rejection posts a debit note to the customer, which the notice names.
 */
export const ValueActions = () => {
  const value = useRecordContext<LedgerValue>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const allowed = useCan('ledger.post');
  const [target, setTarget] = useState<Target | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!value || !allowed) return null;
  const moves = VALUE_TRANSITIONS[value.state] ?? [];
  const label = `${translate(`ledger.methods.${value.method}`)} ${value.number}`;
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
          const Icon = ICONS[to];
          return (
            <MenuItem
              key={to}
              onClick={() => {
                setAnchor(null);
                setTarget(to);
              }}
            >
              <ListItemIcon>
                <Icon fontSize="small" color={COLORS[to]} />
              </ListItemIcon>
              <ListItemText>{translate(`ledger.values.actions.${to}`)}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
      {target && (
        <ActionDialog<TransitionValues>
          open
          onClose={() => setTarget(null)}
          title={`ledger.values.titles.${target}`}
          titleArgs={{ value: label }}
          confirmLabel={`ledger.values.actions.${target}`}
          confirmColor={target === 'rejected' ? 'error' : 'primary'}
          defaultValues={{ date: todayIso(), reason: '', endorsedTo: '', depositBankId: null }}
          onConfirm={async (v) => {
            const after = await ledgerApi.transitionValue(value.id, {
              to: target,
              date: v.date,
              reason: v.reason || undefined,
              endorsedTo: target === 'endorsed' ? v.endorsedTo : undefined,
              depositBankId: target === 'deposited' && v.depositBankId ? v.depositBankId : undefined,
            });
            if (target === 'rejected' && after.rejectionDocumentId) {
              const nd = await ledgerApi.document(after.rejectionDocumentId);
              notify('ledger.values.rejectedNd', {
                type: 'warning',
                autoHideDuration: 10_000,
                messageArgs: { value: label, number: nd.displayNumber, amount: formatMoney(nd.total, nd.currency) },
              });
            } else notify(`ledger.values.done.${target}`, { type: 'success', messageArgs: { value: label } });
            await refreshLedger();
            refresh();
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
            {target === 'deposited' && <BankInput source="depositBankId" label="ledger.values.depositBank" />}
            {target === 'endorsed' && (
              <TextInput source="endorsedTo" label="ledger.values.endorsedTo" validate={[required(), maxLength(200)]} autoFocus />
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
          </Box>
        </ActionDialog>
      )}
    </Box>
  );
};
