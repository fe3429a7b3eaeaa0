import { Labeled, NumberField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { Box, Divider, Typography } from '@mui/material';
import { DateTimeField } from '../common/DateField';
import { ActionField } from './ActionField';
import { ChangesTable } from './ChangesTable';
import { EntityField } from './EntityField';

const ChangesTitle = () => {
  const translate = useTranslate();
  return <Typography variant="h6">{translate('ctacte.audit.changes.title')}</Typography>;
};

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2, width: '100%' }}>
        <Labeled source="id">
          <NumberField source="id" />
        </Labeled>
        <Labeled source="at">
          <DateTimeField source="at" showSeconds />
        </Labeled>
        <Labeled source="username">
          <TextField source="username" />
        </Labeled>
        <Labeled source="action">
          <ActionField source="action" />
        </Labeled>
        <Labeled source="entity">
          <EntityField source="entity" />
        </Labeled>
        <Labeled source="entityId">
          <TextField source="entityId" />
        </Labeled>
        <Labeled source="ip">
          <TextField source="ip" />
        </Labeled>
      </Box>
      <Divider flexItem />
      <ChangesTitle />
      <ChangesTable />
    </SimpleShowLayout>
  </Show>
);
