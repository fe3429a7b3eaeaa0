import { useState, type SyntheticEvent } from 'react';
import { Button, IconButton, Tooltip } from '@mui/material';
import CallIcon from '@mui/icons-material/AddIcCall';
import { useTranslate } from 'react-admin';
import { useCan } from '../ledger/useCan';
import { CallDialog } from './CallDialog';

/**
 * "Registrar llamada" for one customer: opens the call dialog where the user is,
 * without leaving the list or the page. Shown only to roles that log calls.
 * `compact` makes it an icon for a row of a list.
 */
export const LogCallButton = ({
  customerId,
  compact = false,
  variant = 'outlined',
}: {
  customerId: number;
  compact?: boolean;
  variant?: 'outlined' | 'contained' | 'text';
}) => {
  const translate = useTranslate();
  const mayLog = useCan('collections.write');
  const [open, setOpen] = useState(false);
  if (!mayLog) return null;
  const label = translate('collections.call.log');
  const openDialog = (event: SyntheticEvent) => {
    event.stopPropagation();
    setOpen(true);
  };
  return (
    <>
      {compact ? (
        <Tooltip title={label}>
          <IconButton size="small" color="primary" aria-label={label} onClick={openDialog}>
            <CallIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button variant={variant} size="small" startIcon={<CallIcon />} onClick={openDialog} sx={{ whiteSpace: 'nowrap' }}>
          {label}
        </Button>
      )}
      <CallDialog open={open} onClose={() => setOpen(false)} customerId={customerId} />
    </>
  );
};
