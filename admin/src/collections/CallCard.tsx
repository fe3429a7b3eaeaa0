import { useState } from 'react';
import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { formatMoney, type Currency } from '../common/money';
import { formatWindow } from '../common/times';
import { useCan } from '../ledger/useCan';
import { CallDialog } from './CallDialog';
import { ChannelIcon, OutcomeChip, PromiseStatusChip, VisitResultChip } from './fields';
import type { CollectionCall } from './types';

const Line = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Typography
    variant="body2"
    component="div"
    data-line={testId}
    sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
  >
    {children}
  </Typography>
);

/** One call in a customer's history: when, who, with whom, what came of it, what was agreed. */
export const CallCard = ({ call, currency }: { call: CollectionCall; currency: Currency }) => {
  const translate = useTranslate();
  const mayEdit = useCan('collections.write');
  const [editing, setEditing] = useState(false);
  return (
    <Box data-call={call.id} sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <ChannelIcon channel={call.channel} />
        <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {formatDateTime(call.calledAt)}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <OutcomeChip outcome={call.outcome} />
        {mayEdit && (
          <Tooltip title={translate('collections.tab.edit')}>
            <IconButton size="small" aria-label={translate('collections.tab.edit')} onClick={() => setEditing(true)}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      <Box sx={{ pl: 3.5 }}>
        <Typography variant="caption" color="text.secondary" component="div">
          {[
            translate('collections.tab.by', { user: call.userName }),
            call.contactName &&
              translate('collections.tab.contactLine', {
                contact: [call.contactName, call.contactPhone].filter(Boolean).join(' '),
              }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {call.response && (
          <Typography variant="body2" sx={{ fontStyle: 'italic', my: 0.25, whiteSpace: 'pre-line' }}>
            “{call.response}”
          </Typography>
        )}
        {call.promiseDate && (
          <Line testId="promise">
            {translate('collections.tab.promise', {
              amount: formatMoney(call.promiseAmount, currency),
              date: formatDate(call.promiseDate),
            })}
            <PromiseStatusChip status={call.promiseStatus} />
          </Line>
        )}
        {call.visitDate && (
          <Line testId="visit">
            {translate('collections.tab.visit', {
              date: formatDate(call.visitDate),
              window: formatWindow(call.visitFrom, call.visitTo),
              collector: call.collectorName ?? '',
            })}
            <VisitResultChip result={call.visitResult} />
          </Line>
        )}
        {call.nextContactAt && (
          <Line testId="next">{translate('collections.tab.nextContact', { at: formatDateTime(call.nextContactAt) })}</Line>
        )}
      </Box>
      {editing && <CallDialog open onClose={() => setEditing(false)} customerId={call.customerId} call={call} />}
    </Box>
  );
};
