import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The shell of the formatted fields: one line, tabular digits, the empty text when there is no value. */
export function FieldText({ text, emptyText, align }: { text: string; emptyText?: string; align?: 'right' }) {
  const translate = useTranslate();
  const shown = text || (emptyText ? translate(emptyText, { _: emptyText }) : '');
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', ...(align ? { display: 'block', textAlign: align } : {}) }}
    >
      {shown}
    </Typography>
  );
}
