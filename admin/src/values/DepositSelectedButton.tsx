import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import DepositIcon from '@mui/icons-material/AccountBalance';
import { required, useGetMany, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { fromCents, sumCents, toCents } from '../common/cents';
import { ActionDialog } from '../ledger/ActionDialog';
import { ledgerApi, useLedgerRefresh } from '../ledger/api';
import { BankInput } from '../ledger/inputs';
import { BankAccountInput } from '../treasury/inputs';
import { useCan } from '../ledger/useCan';
import type { LedgerValue } from '../ledger/types';
import { presentableOn } from '../../../shared/catalog/value-states';

/**
 * Depositar seleccionados: the cheques ticked in the portfolio go to the bank
 * together, one date and one deposit account for all, in one call (all or none).
 */
export const DepositSelectedButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const unselectAll = useUnselectAll('values');
  const { selectedIds, filterValues } = useListContext<LedgerValue>();
  const { data: selected = [] } = useGetMany<LedgerValue>('values', { ids: selectedIds });
  const [open, setOpen] = useState(false);
  if (!useCan('ledger.post')) return null;
  const depositable =
    selected.length === selectedIds.length && selected.every((v) => v.state === 'in_portfolio' || v.state === 'accepted');
  const currencies = [...new Set(selected.map((v) => v.currency))];
  const total = fromCents(sumCents(selected.map((v) => toCents(v.amount))));
  return (
    <>
      <Button
        size="small"
        startIcon={<DepositIcon />}
        disabled={!depositable}
        title={depositable ? undefined : translate('ledger.values.depositSelectedHelp')}
        onClick={() => setOpen(true)}
      >
        {translate('ledger.values.depositSelected')}
      </Button>
      {open && (
        <ActionDialog<{ date: string; depositBankId: number | null; bankAccountId: number | null }>
          open
          onClose={() => setOpen(false)}
          title="ledger.values.depositSelectedTitle"
          titleArgs={{ smart_count: selectedIds.length }}
          confirmLabel="ledger.values.actions.deposited"
          // The portfolio's "deposit on" filter chose these values for that day: the slip's date.
          defaultValues={{
            date: (filterValues.depositableOn as string | undefined) ?? todayIso(),
            depositBankId: null,
            bankAccountId: null,
          }}
          validate={(v) => {
            const early = selected.filter((x) => !presentableOn(x, v.date));
            return early.length
              ? {
                  date: {
                    message: 'treasury.values.notPayableYet',
                    args: { numbers: early.map((x) => x.number).join(', '), smart_count: early.length },
                  },
                }
              : {};
          }}
          onConfirm={async (v) => {
            // One deposit slip for them all (the company's default account unless another is chosen).
            const moved = await ledgerApi.depositValues({
              valueIds: selectedIds.map(Number),
              date: v.date,
              depositBankId: v.depositBankId ?? undefined,
              bankAccountId: v.bankAccountId ?? undefined,
            });
            notify('ledger.values.depositSelectedDone', { type: 'success', messageArgs: { smart_count: selectedIds.length } });
            if (moved[0]?.depositSlipId)
              notify('treasury.slips.made', { type: 'info', messageArgs: { id: moved[0].depositSlipId } });
            unselectAll();
            await refreshLedger();
            refresh();
          }}
        >
          <Typography sx={{ mb: 2 }}>
            {translate('ledger.values.depositSelectedSummary', {
              smart_count: selectedIds.length,
              amount: currencies.length === 1 ? formatMoney(total, currencies[0]) : '—',
            })}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2 }}>
            <DateInput source="date" label="ledger.fields.date" validate={required()} />
            <BankAccountInput source="bankAccountId" label="treasury.values.bankAccount" />
            <Box />
            <BankInput source="depositBankId" label="ledger.values.depositBank" />
          </Box>
        </ActionDialog>
      )}
    </>
  );
};
