import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

const COLORS: Record<string, 'success' | 'info' | 'error' | 'default'> = { create: 'success', update: 'info', delete: 'error' };

export const ActionField = (props: FieldProps) => {
  const action = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  if (!action) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[action] ?? 'default'}
      label={translate(`ctacte.audit.actions.${action}`, { _: action })}
    />
  );
};
