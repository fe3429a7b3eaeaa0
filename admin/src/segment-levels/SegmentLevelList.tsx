import { Alert } from '@mui/material';
import { DataTable, List, useTranslate } from 'react-admin';
import { ListActions } from '../common/ListActions';

const Help = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      {translate('ctacte.segmentLevels.help')}
    </Alert>
  );
};

/** The four level names; there are always four, so no paging, no create. */
export const SegmentLevelList = () => (
  <List sort={{ field: 'level', order: 'ASC' }} pagination={false} perPage={4} actions={<ListActions />}>
    <Help />
    <DataTable bulkActionButtons={false}>
      <DataTable.NumberCol source="level" sx={{ width: 120 }} />
      <DataTable.Col source="name" />
    </DataTable>
  </List>
);
