import { TextInput, type TextInputProps } from 'react-admin';
import { cbuDigits, formatCbu } from './cbu';
import { asArray, validateCbu } from './validators';

/** CBU typed with or without spaces, shown as its two blocks, sent as 22 digits; both check digits checked as typed. */
export const CbuInput = ({ validate, ...props }: TextInputProps) => (
  <TextInput
    {...props}
    format={(value: string | null | undefined) => formatCbu(value)}
    parse={(text: string) => cbuDigits(text) || null}
    validate={[validateCbu, ...asArray(validate)]}
    slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 23 } }}
  />
);
