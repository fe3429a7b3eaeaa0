import { Box } from '@mui/material';
import { formatMoney, type Currency } from './money';

export interface MoneyProps {
  /** A decimal string from the API (or cents turned back into one with fromCents). */
  value: string | null | undefined;
  /** Default ARS. */
  currency?: Currency;
  /** 600, or 700 for a grand total. */
  weight?: 600 | 700;
  /** Zero in grey, so the amounts that matter stand out in a grid of figures. */
  dimZero?: boolean;
}

/**
 * The one way the admin shows an amount: `$ 1.234,56` (formatMoney: es-AR grouping, the
 * currency's symbol, exact on the decimal string), tabular digits, never broken across lines.
 * Tables right-align the cell; the renderer only draws the figure.
 */
export const Money = ({ value, currency = 'ARS', weight, dimZero }: MoneyProps) => (
  <Box
    component="span"
    sx={{
      whiteSpace: 'nowrap',
      fontVariantNumeric: 'tabular-nums',
      fontWeight: weight,
      color: dimZero && isZero(value) ? 'text.disabled' : undefined,
    }}
  >
    {formatMoney(value, currency)}
  </Box>
);

const isZero = (value: string | null | undefined) => !!value && /^-?0*(\.0*)?$/.test(value);
