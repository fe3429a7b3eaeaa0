import { InputAdornment } from '@mui/material';
import { formatDecimalTrimmed, parseDecimalInput } from './money';
import { TextBoxInput, type TextBoxFormat, type TextBoxInputProps } from './TextBoxInput';
import { decimalWithin } from './validators';

export interface DecimalInputProps extends TextBoxInputProps {
  /** Decimals the API keeps (2 for a percentage, 6 for a coefficient or a rate). */
  decimals: number;
  /** Shown after the number, e.g. "%". */
  unit?: string;
}

const decimalFormat = ({ decimals, unit }: Pick<DecimalInputProps, 'decimals' | 'unit'>): TextBoxFormat => ({
  display: (value) => formatDecimalTrimmed(value, decimals, Math.min(decimals, 2)),
  whileTyping: (text) => text.replace(/[^\d,.-]/g, ''),
  toValue: (text) => parseDecimalInput(text, decimals),
  validate: decimalWithin(decimals),
  inputMode: 'decimal',
  align: 'right',
  endAdornment: unit ? () => <InputAdornment position="end">{unit}</InputAdornment> : undefined,
});

/**
 * A rate, a coefficient or a percentage typed with a decimal comma ("1,125",
 * "2,5") or a point, shown the Argentine way ("1,125000"). The form value is the
 * API's decimal string ("1.125").
 */
export const DecimalInput = ({ decimals, unit, ...props }: DecimalInputProps) => (
  <TextBoxInput {...props} textBox={decimalFormat({ decimals, unit })} />
);
