import { useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type InputProps } from 'react-admin';
import { formatDecimal, formatMoneyWhileTyping, parseMoneyInput, type Currency } from './money';
import { asArray, validateMoney } from './validators';

export interface MoneyInputProps extends InputProps<string | null> {
  currency?: Currency;
  className?: string;
  fullWidth?: boolean;
}

/**
 * An amount typed the Argentine way ("1.234,50", "1234,5" or "1234.50"), grouped
 * while typing and shown formatted when the box loses focus. The form value is
 * the API's decimal string ("1234.50"); text that is not an amount stays as typed
 * so validation can point at it.
 */
export const MoneyInput = ({ currency = 'ARS', label, helperText, className, fullWidth = true, ...props }: MoneyInputProps) => {
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput<string | null>({ ...props, validate: [validateMoney, ...asArray(props.validate)] });
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const shown = typing ?? formatDecimal(field.value as string | null);
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      className={className}
      fullWidth={fullWidth}
      value={shown}
      disabled={props.disabled}
      onFocus={() => setTyping(formatDecimal(field.value as string | null))}
      onChange={(event) => {
        const text = formatMoneyWhileTyping(event.target.value);
        setTyping(text);
        const parsed = parseMoneyInput(text);
        field.onChange(parsed === undefined ? text : parsed);
      }}
      onBlur={() => {
        setTyping(undefined);
        field.onBlur();
      }}
      label={
        label !== false && label !== '' ? (
          <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} />
        ) : null
      }
      error={invalid}
      helperText={helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">{currency === 'USD' ? 'US$' : '$'}</InputAdornment> },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', style: { textAlign: 'right' } },
      }}
    />
  );
};
