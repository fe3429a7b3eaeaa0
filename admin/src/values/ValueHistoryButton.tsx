import { useState } from 'react';
import { Box, Drawer, IconButton, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import CloseIcon from '@mui/icons-material/Close';
import { useQuery } from '@tanstack/react-query';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { formatMoney } from '../common/money';
import { ledgerApi, ledgerKeys } from '../ledger/api';
import { DocumentLink, ValueStateChip } from '../ledger/fields';
import type { LedgerValue } from '../ledger/types';

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
      {(data ?? []).map((t) => (
        <ListItem key={t.id} disableGutters alignItems="flex-start">
          <ListItemText
            primary={
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <ValueStateChip state={t.toState} />
                <span>{formatDate(t.date)}</span>
              </Box>
            }
            secondary={
              <>
                {t.reason && <span style={{ display: 'block' }}>{t.reason}</span>}
                {t.documentId && (
                  <span style={{ display: 'block' }}>
                    <DocumentLink id={t.documentId}>{t.displayNumber}</DocumentLink>
                  </span>
                )}
                <span style={{ display: 'block' }}>
                  {translate('ledger.values.by', { user: t.userName ?? '—', at: formatDateTime(t.createdAt) })}
                </span>
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};

/** The value's way through the portfolio, in a drawer beside the list. */
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
        <Box sx={{ width: 380, p: 2 }} role="region" aria-label={translate('ledger.values.history')}>
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
          {open && <History value={value} />}
        </Box>
      </Drawer>
    </>
  );
};
