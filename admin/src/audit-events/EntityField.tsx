import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { resourceOfEntity } from './actions';

/** An audited table by its resource's name ("segment_levels" → "Nivel de segmento"); unknown tables show as they are. */
export const EntityField = (props: FieldProps) => {
  const entity = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  if (!entity) return null;
  return (
    <Typography component="span" variant="body2" title={entity}>
      {translate(`resources.${resourceOfEntity(entity)}.name`, { smart_count: 1, _: entity })}
    </Typography>
  );
};
