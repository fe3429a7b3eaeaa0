import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { isCustomerStatus, STATUS_COLORS } from './statuses';

/** The status as a translated chip, colored by what it means for selling on account. */
export const StatusField = ({ source = 'status', ...props }: Partial<FieldProps>) => {
  const status = useFieldValue({ ...props, source });
  const translate = useTranslate();
  if (!isCustomerStatus(status)) return null;
  return (
    <Chip
      size="small"
      variant={status === 'active' ? 'outlined' : 'filled'}
      color={STATUS_COLORS[status]}
      label={translate(`ctacte.customerStatuses.${status}`)}
      sx={{ width: 'fit-content' }}
    />
  );
};
