import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import type { LedgerValue } from '../ledger/types';

/**
 * The portfolio's alerts on one value (the server decides them, ledger/value-alerts.ts): "Vencido"
 * past its presentation window, "Estancado" when it should have moved, "A depositar" when it is
 * payable within the next days.
 */
export const ValueMarkers = ({ value }: { value: LedgerValue }) => {
  const translate = useTranslate();
  return (
    <>
      {value.expired && (
        <Tooltip title={translate('treasury.values.expiredHelp', { date: formatDate(value.presentationDeadline) })}>
          <Chip
            size="small"
            color="error"
            variant="outlined"
            label={translate('treasury.values.expired')}
            data-marker="expired"
          />
        </Tooltip>
      )}
      {value.stale && (
        <Tooltip
          title={translate(
            value.state === 'deposited' || value.state === 'discounted'
              ? 'treasury.values.staleAtBank'
              : 'treasury.values.staleHeld',
          )}
        >
          <Chip size="small" color="warning" variant="outlined" label={translate('treasury.values.stale')} data-marker="stale" />
        </Tooltip>
      )}
      {value.dueForDeposit && !value.stale && (
        <Tooltip title={translate('treasury.values.dueHelp', { date: formatDate(value.paymentDate) })}>
          <Chip size="small" color="info" variant="outlined" label={translate('treasury.values.due')} data-marker="due" />
        </Tooltip>
      )}
    </>
  );
};
