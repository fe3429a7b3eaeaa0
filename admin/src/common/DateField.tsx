import { useFieldValue, type FieldProps } from 'react-admin';
import { FieldText } from './FieldText';
import { formatDate, formatDateTime } from './dates';

/** `YYYY-MM-DD` → `dd/mm/aaaa`. Use it instead of react-admin's DateField, which follows the browser's locale. */
export const DateField = ({ emptyText, ...props }: FieldProps) => (
  <FieldText text={formatDate(useFieldValue(props) as string | null)} emptyText={emptyText} />
);

/** An ISO instant → `dd/mm/aaaa hh:mm` (local time). */
export const DateTimeField = ({ emptyText, showSeconds, ...props }: FieldProps & { showSeconds?: boolean }) => (
  <FieldText text={formatDateTime(useFieldValue(props) as string | null, showSeconds)} emptyText={emptyText} />
);
