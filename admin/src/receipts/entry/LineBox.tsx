import type { ReactNode } from 'react';
import { Box, Chip, IconButton, Tooltip } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';

/**
 * The frame of a receipt line (a payment, a certificate): its name on the border,
 * its inputs on a six-column grid, and a remove button that Tab skips (the
 * keyboard goes from field to field; Alt+Supr or the mouse removes).
 */
export const LineBox = ({
  label,
  onRemove,
  data,
  children,
}: {
  label: string;
  onRemove: () => void;
  data: Record<string, string | number>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box
      component="fieldset"
      {...Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]))}
      sx={{
        position: 'relative',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        m: 0,
        mb: 1.5,
        px: 1.5,
        pt: 0.5,
        pb: 1,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(6, minmax(0, 1fr))' },
        columnGap: 1.5,
        alignItems: 'start',
        '& .MuiFormControl-root': { mt: 1, mb: 0 },
      }}
    >
      <Box component="legend" sx={{ px: 0.5 }}>
        <Chip size="small" label={label} />
      </Box>
      {children}
      <Tooltip title={translate('ledger.receipt.removeLine')}>
        <IconButton
          onClick={onRemove}
          aria-label={`${translate('ledger.receipt.removeLine')}: ${label}`}
          sx={{ position: 'absolute', right: 4, top: -14, bgcolor: 'background.paper' }}
          size="small"
          tabIndex={-1}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
};

/**
 * A select the keyboard passes over (Tab and Enter go from amount to bank): the
 * line's method was chosen with its button and its currency is rarely changed;
 * the mouse, or Shift+Tab, still reaches them.
 */
export const SKIPPED_BY_TAB = { select: { SelectDisplayProps: { tabIndex: -1 } } } as const;
