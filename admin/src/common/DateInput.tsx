import { useRef } from 'react';
import { IconButton, InputAdornment } from '@mui/material';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { useTranslate } from 'react-admin';
import { formatDate, formatDateWhileTyping, parseDateInput } from './dates';
import { TextBoxInput, type TextBoxFormat, type TextBoxInputProps } from './TextBoxInput';
import { validateDate } from './validators';

export type DateInputProps = TextBoxInputProps;

type PickerField = Parameters<NonNullable<TextBoxFormat['endAdornment']>>[0];

/** The calendar button: a hidden native date box whose picker fills the form value. */
const CalendarButton = ({ field, disabled }: { field: PickerField; disabled?: boolean }) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  const day = parseDateInput(formatDate(field.value as string | null)) ?? '';
  return (
    <InputAdornment position="end">
      <IconButton
        size="small"
        edge="end"
        aria-label={translate('ctacte.dates.pick')}
        disabled={disabled}
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
  );
};

const dateFormat: TextBoxFormat = {
  display: (value) => formatDate(value),
  whileTyping: formatDateWhileTyping,
  toValue: parseDateInput,
  validate: validateDate,
  inputMode: 'numeric',
  maxLength: 10,
  endAdornment: (field, disabled) => <CalendarButton field={field} disabled={disabled} />,
};

/**
 * A calendar day typed as dd/mm/aaaa (or picked from the calendar button), whatever
 * the browser's language: the native date box follows the browser's locale and
 * shows mm/dd/yyyy on an English Chrome. The form value is `YYYY-MM-DD`; a `parse`
 * prop may turn it into something else (filters on instants).
 * Use it instead of react-admin's DateInput.
 */
export const DateInput = (props: DateInputProps) => <TextBoxInput placeholder="dd/mm/aaaa" {...props} textBox={dateFormat} />;
