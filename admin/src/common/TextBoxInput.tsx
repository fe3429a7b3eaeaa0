import { useState, type ReactNode } from 'react';
import { TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type InputProps, type Validator } from 'react-admin';
import { asArray } from './validators';

type Field = ReturnType<typeof useInput<string | null>>['field'];

export interface TextBoxInputProps extends InputProps<string | null> {
  className?: string;
  fullWidth?: boolean;
  placeholder?: string;
}

/** How a typed value travels between what the person types and the API's text (an amount, a day, a rate). */
export interface TextBoxFormat {
  /** The form value as the box shows it while not being edited. */
  display: (value: string | null) => string;
  /** The text as it is being typed, tidied (grouping, slashes). */
  whileTyping: (text: string) => string;
  /** The tidied text to the form value: null for an empty box, undefined for text that does not parse. */
  toValue: (text: string) => string | null | undefined;
  /** Checks the form value; text that did not parse stays in the form so this can point at it. */
  validate: Validator;
  inputMode: 'numeric' | 'decimal';
  maxLength?: number;
  align?: 'right';
  startAdornment?: ReactNode;
  endAdornment?: (field: Field, disabled: boolean | undefined) => ReactNode;
}

/**
 * The shell of the inputs that are typed the Argentine way and stored the API's
 * way (MoneyInput, DecimalInput, DateInput): formatted while typing, shown
 * formatted when the box loses focus, validated before the server is asked.
 */
export const TextBoxInput = ({
  textBox: format,
  label,
  helperText,
  className,
  fullWidth = true,
  placeholder,
  ...props
}: TextBoxInputProps & { textBox: TextBoxFormat }) => {
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput<string | null>({ ...props, validate: [format.validate, ...asArray(props.validate)] });
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const value = (field.value as string | null) ?? null;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      className={className}
      fullWidth={fullWidth}
      value={typing ?? format.display(value)}
      disabled={props.disabled}
      placeholder={placeholder}
      onFocus={() => setTyping(format.display(value))}
      onChange={(event) => {
        const text = format.whileTyping(event.target.value);
        setTyping(text);
        const parsed = format.toValue(text);
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
        inputLabel: placeholder ? { shrink: true } : undefined,
        input: {
          startAdornment: format.startAdornment,
          endAdornment: format.endAdornment?.(field, props.disabled),
        },
        htmlInput: {
          inputMode: format.inputMode,
          autoComplete: 'off',
          maxLength: format.maxLength,
          style: format.align ? { textAlign: format.align } : undefined,
        },
      }}
    />
  );
};
