import { InputAdornment } from '@mui/material';
import { formatDecimal, formatMoneyWhileTyping, parseMoneyInput, type Currency } from './money';
import { TextBoxInput, type TextBoxFormat, type TextBoxInputProps } from './TextBoxInput';
import { validateMoney } from './validators';

export interface MoneyInputProps extends TextBoxInputProps {
  currency?: Currency;
}

const moneyFormat = (currency: Currency): TextBoxFormat => ({
  display: (value) => formatDecimal(value),
  whileTyping: formatMoneyWhileTyping,
  toValue: parseMoneyInput,
  validate: validateMoney,
  inputMode: 'decimal',
  align: 'right',
  startAdornment: <InputAdornment position="start">{currency === 'USD' ? 'US$' : '$'}</InputAdornment>,
});

/**
 * An amount typed the Argentine way ("1.234,50", "1234,5" or "1234.50"), grouped
 * while typing and shown formatted when the box loses focus. The form value is
 * the API's decimal string ("1234.50"); text that is not an amount stays as typed
 * so validation can point at it.
 */
export const MoneyInput = ({ currency = 'ARS', ...props }: MoneyInputProps) => (
  <TextBoxInput {...props} textBox={moneyFormat(currency)} />
);
