import { formatTimeWhileTyping, parseTimeInput } from './times';
import { TextBoxInput, type TextBoxFormat, type TextBoxInputProps } from './TextBoxInput';
import type { Validator } from 'react-admin';

/** Once the text parses the value is "HH:MM"; anything else is what the user typed. */
export const validateTime: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(value))
    ? undefined
    : 'ctacte.validation.time';

const timeFormat: TextBoxFormat = {
  display: (value) => value ?? '',
  whileTyping: formatTimeWhileTyping,
  toValue: parseTimeInput,
  validate: validateTime,
  inputMode: 'numeric',
  maxLength: 5,
};

/**
 * A time of day typed as hh:mm, 24 h, whatever the browser's language (the native
 * time box shows a.m./p.m. on an English Chrome). The form value is "HH:MM".
 */
export const TimeInput = (props: TextBoxInputProps) => <TextBoxInput placeholder="hh:mm" {...props} textBox={timeFormat} />;
