import { useState, type KeyboardEvent } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { formatDecimal, formatMoneyWhileTyping, parseMoneyInput, type Currency } from '../common/money';

export interface AmountBoxProps {
  /** The API's decimal string, '' for nothing, or text that did not parse (kept so it can be fixed). */
  value: string;
  onChange: (value: string) => void;
  currency?: Currency;
  error?: boolean;
  helperText?: string;
  /** Accessible name: the box sits in a table row, with no visible label of its own. */
  ariaLabel: string;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  inputRef?: (el: HTMLInputElement | null) => void;
  width?: number;
}

/**
 * An amount typed the Argentine way in a table cell, outside any form: grouped
 * while typing, formatted when left, handed over as the API's decimal string.
 */
export const AmountBox = ({
  value,
  onChange,
  currency = 'ARS',
  error,
  helperText,
  ariaLabel,
  onKeyDown,
  inputRef,
  width = 150,
}: AmountBoxProps) => {
  const [typing, setTyping] = useState<string | undefined>();
  const shown = typing ?? (parseMoneyInput(value) === undefined ? value : formatDecimal(value));
  return (
    <TextField
      size="small"
      variant="outlined"
      value={shown}
      error={error}
      helperText={helperText}
      onFocus={(e) => {
        setTyping(shown);
        e.target.select();
      }}
      onBlur={() => setTyping(undefined)}
      onChange={(e) => {
        const text = formatMoneyWhileTyping(e.target.value);
        setTyping(text);
        const parsed = parseMoneyInput(text);
        onChange(parsed === null ? '' : parsed === undefined ? text : parsed);
      }}
      onKeyDown={onKeyDown}
      sx={{ width, '& input': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', py: 0.75 } }}
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">{currency === 'USD' ? 'US$' : '$'}</InputAdornment> },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', 'aria-label': ariaLabel, ref: inputRef },
      }}
    />
  );
};
