import { TextInput, type TextInputProps } from 'react-admin';
import { cuitDigits, formatCuit } from './cuit';
import { asArray, validateCuit } from './validators';

/** CUIT typed with or without dashes, dashed as it is typed (`30-12345678-9`), sent as 11 digits. */
export const CuitInput = ({ validate, ...props }: TextInputProps) => (
  <TextInput
    {...props}
    format={(value: string | null | undefined) => formatCuit(value)}
    parse={(text: string) => cuitDigits(text) || null}
    validate={[validateCuit, ...asArray(validate)]}
    slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 13 } }}
  />
);
