import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import BatchIcon from '@mui/icons-material/Inventory';
import {
  TextInput,
  required,
  useGetMany,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import { DateInput } from '../common/DateInput';
import { todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { fromCents, sumCents, toCents } from '../common/cents';
import { ActionDialog } from '../ledger/ActionDialog';
import { useCan } from '../ledger/useCan';
import { cardsApi, type Coupon } from './api';

/** Presentar en lote: the held coupons ticked, all of one issuer, go to the issuer together (all or none). */
export const PresentBatchButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('card-coupons');
  const { selectedIds } = useListContext<Coupon>();
  const { data: selected = [] } = useGetMany<Coupon>('card-coupons', { ids: selectedIds });
  const [open, setOpen] = useState(false);
  if (!useCan('ledger.post')) return null;
  const presentable =
    selected.length === selectedIds.length &&
    selected.every((c) => c.state === 'pending') &&
    new Set(selected.map((c) => c.cardIssuerId)).size === 1;
  const total = fromCents(sumCents(selected.map((c) => toCents(c.gross))));
  return (
    <>
      <Button
        size="small"
        startIcon={<BatchIcon />}
        disabled={!presentable}
        title={presentable ? undefined : translate('cardCoupons.batch.help')}
        onClick={() => setOpen(true)}
      >
        {translate('cardCoupons.batch.action')}
      </Button>
      {open && (
        <ActionDialog<{ date: string; number: string | null }>
          open
          onClose={() => setOpen(false)}
          title="cardCoupons.batch.title"
          titleArgs={{ smart_count: selectedIds.length }}
          confirmLabel="cardCoupons.batch.action"
          defaultValues={{ date: todayIso(), number: null }}
          onConfirm={async (v) => {
            const batch = await cardsApi.createBatch({
              couponIds: selectedIds.map(Number),
              date: v.date,
              number: v.number ?? undefined,
            });
            notify('cardCoupons.batch.done', { type: 'success', messageArgs: { id: batch.id } });
            unselectAll();
            refresh();
          }}
        >
          <Typography sx={{ mb: 2 }}>
            {translate('cardCoupons.batch.summary', { amount: formatMoney(total, selected[0]?.currency ?? 'ARS') })}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2 }}>
            <DateInput source="date" label="cardCoupons.batch.date" validate={required()} />
            <TextInput source="number" label="cardCoupons.batch.number" />
          </Box>
        </ActionDialog>
      )}
    </>
  );
};
