import { Button as MuiButton, Chip, Stack } from '@mui/material';
import DeliveriesIcon from '@mui/icons-material/History';
import { Link } from 'react-router-dom';
import {
  BooleanField,
  Create,
  DataTable,
  Edit,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { WebhookSubscriptionForm } from './WebhookSubscriptionForm';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

const EventsField = () => {
  const record = useRecordContext<{ events: string[] }>();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {(record?.events ?? []).map((e) => (
        <Chip key={e} size="small" variant="outlined" label={e} sx={{ fontFamily: 'monospace' }} />
      ))}
    </Stack>
  );
};

/** Opens the delivery log of this subscription. */
const DeliveriesLink = () => {
  const translate = useTranslate();
  const record = useRecordContext<{ id: number }>();
  if (!record) return null;
  const filter = encodeURIComponent(JSON.stringify({ subscriptionId: record.id }));
  return (
    <MuiButton
      size="small"
      component={Link}
      to={`/webhook-deliveries?filter=${filter}`}
      startIcon={<DeliveriesIcon />}
      onClick={(e) => e.stopPropagation()}
    >
      {translate('ctacte.integrations.deliveries')}
    </MuiButton>
  );
};

export const WebhookSubscriptionList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="url" field={TextField} />
      <DataTable.Col source="description" />
      <DataTable.Col source="events" render={() => <EventsField />} />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col source="pending" />
      <DataTable.Col source="failed" />
      <DataTable.Col render={() => <DeliveriesLink />} />
    </DataTable>
  </List>
);

export const WebhookSubscriptionCreate = () => (
  <Create redirect="list">
    <WebhookSubscriptionForm mode="create" />
  </Create>
);

export const WebhookSubscriptionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <WebhookSubscriptionForm mode="edit" />
  </Edit>
);
