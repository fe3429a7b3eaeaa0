import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { isRole } from '../auth/permissions';
import { ROLE_COLORS } from './roles';

/** The role as a translated chip. */
export const RoleField = (props: FieldProps) => {
  const role = useFieldValue(props) as unknown;
  const translate = useTranslate();
  if (!isRole(role)) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      sx={{ width: 'fit-content' }}
      color={ROLE_COLORS[role]}
      label={translate(`ctacte.roles.${role}`)}
    />
  );
};
