import { useRef, useState } from 'react';
import { IconButton, InputAdornment, TextField } from '@mui/material';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { FieldTitle, InputHelperText, useInput, useTranslate, type InputProps } from 'react-admin';
import { formatDate, formatDateWhileTyping, parseDateInput } from './dates';
import { asArray, validateDate } from './validators';

export interface DateInputProps extends InputProps<string | null> {
  className?: string;
  fullWidth?: boolean;
}

/**
 * A calendar day typed as dd/mm/aaaa (or picked from the calendar button), whatever
 * the browser's language: the native date box follows the browser's locale and
 * shows mm/dd/yyyy on an English Chrome. The form value is `YYYY-MM-DD`; a `parse`
 * prop may turn it into something else (filters on instants).
 * Use it instead of react-admin's DateInput.
 */
export const DateInput = ({ label, helperText, className, fullWidth = true, ...props }: DateInputProps) => {
  const translate = useTranslate();
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput<string | null>({ ...props, validate: [validateDate, ...asArray(props.validate)] });
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const picker = useRef<HTMLInputElement>(null);
  const value = (field.value as string | null) ?? '';
  const shown = typing ?? formatDate(value);
  const day = parseDateInput(formatDate(value)) ?? '';
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      className={className}
      fullWidth={fullWidth}
      value={shown}
      disabled={props.disabled}
      placeholder="dd/mm/aaaa"
      onFocus={() => setTyping(formatDate(value))}
      onChange={(event) => {
        const text = formatDateWhileTyping(event.target.value);
        setTyping(text);
        const parsed = parseDateInput(text);
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
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 10 },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label={translate('ctacte.dates.pick')}
                disabled={props.disabled}
                onClick={() => picker.current?.showPicker()}
              >
                <CalendarIcon fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={day}
                onChange={(event) => field.onChange(event.target.value || null)}
                style={{ position: 'absolute', right: 0, bottom: 0, width: 0, height: 0, opacity: 0, border: 0, padding: 0 }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
};
