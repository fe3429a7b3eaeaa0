import { Button, Chip } from '@mui/material';
import ResendIcon from '@mui/icons-material/Replay';
import {
  DataTable,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { DateTimeField } from '../common/DateField';
import { ListActions } from '../common/ListActions';
import { httpClient } from '../data/httpClient';
import { url } from '../data/api';
import { DELIVERY_STATUS_CHOICES } from './choices';

const filters = [
  <ReferenceInput key="s" source="subscriptionId" reference="webhook-subscriptions" alwaysOn>
    <SelectInput optionText="url" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={DELIVERY_STATUS_CHOICES} alwaysOn />,
];

interface DeliveryRow {
  id: number;
  status: 'pending' | 'delivered' | 'failed';
}

const StatusField = () => {
  const translate = useTranslate();
  const record = useRecordContext<DeliveryRow>();
  if (!record) return null;
  const color = record.status === 'delivered' ? 'success' : record.status === 'failed' ? 'error' : 'warning';
  return <Chip size="small" color={color} label={translate(`ctacte.integrations.deliveryStatus.${record.status}`)} />;
};

/** "Reenviar": the delivery goes back to the queue, due now. */
const ResendButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const record = useRecordContext<DeliveryRow>();
  const resend = useMutation({
    mutationFn: (id: number) => httpClient(url(`/webhook-deliveries/${id}/resend`), { method: 'POST' }),
    onSuccess: () => {
      notify('ctacte.integrations.resent', { type: 'info' });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (!record) return null;
  return (
    <Button size="small" startIcon={<ResendIcon />} disabled={resend.isPending} onClick={() => resend.mutate(record.id)}>
      {translate('ctacte.integrations.resend')}
    </Button>
  );
};

export const WebhookDeliveryList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="eventType" field={TextField} />
      <DataTable.Col source="eventId" field={TextField} />
      <DataTable.Col source="url" field={TextField} />
      <DataTable.Col source="status" render={() => <StatusField />} />
      <DataTable.Col source="attempts" />
      <DataTable.Col source="lastStatusCode" />
      <DataTable.Col source="lastError" />
      <DataTable.Col source="createdAt" render={() => <DateTimeField source="createdAt" />} />
      <DataTable.Col source="deliveredAt" render={() => <DateTimeField source="deliveredAt" />} />
      <DataTable.Col render={() => <ResendButton />} />
    </DataTable>
  </List>
);
