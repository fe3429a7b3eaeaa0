import { Chip, Link as MuiLink } from '@mui/material';
import CancelIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import {
  Button,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  minLength,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DateField, DateTimeField } from '../common/DateField';
import { ListActions } from '../common/ListActions';
import { MoneyField } from '../common/MoneyField';
import { ActionDialog } from '../ledger/ActionDialog';
import { useCan } from '../ledger/useCan';
import { fiscalApi } from '../fiscal/api';

const CAUSES = ['credit_note', 'exchange_difference', 'interest'] as const;
const STATES = ['pending', 'fulfilled', 'cancelled'] as const;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" alwaysOn choices={STATES.map((id) => ({ id, name: `fiscal.billing.states.${id}` }))} />,
  <SelectInput key="cause" source="cause" choices={CAUSES.map((id) => ({ id, name: `fiscal.billing.causes.${id}` }))} />,
];

interface RequestRow {
  id: number;
  cause: (typeof CAUSES)[number];
  state: (typeof STATES)[number];
  type: 'ND' | 'NC';
  letter: string;
  arcaCode: number | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  causeDocumentId: number | null;
  causeDisplayNumber: string | null;
  documentId: number | null;
  documentDisplayNumber: string | null;
}

const StateChip = () => {
  const translate = useTranslate();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  const color = r.state === 'fulfilled' ? 'success' : r.state === 'cancelled' ? 'default' : 'warning';
  return <Chip size="small" color={color} label={translate(`fiscal.billing.states.${r.state}`)} data-state={r.state} />;
};

const Cause = () => {
  const translate = useTranslate();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  return (
    <>
      {translate(`fiscal.billing.causes.${r.cause}`)}
      {r.causeDocumentId && r.causeDisplayNumber ? (
        <>
          {' · '}
          <MuiLink component={Link} to={`/documents/${r.causeDocumentId}/show`}>
            {r.causeDisplayNumber}
          </MuiLink>
        </>
      ) : null}
    </>
  );
};

const Requested = () => {
  const translate = useTranslate();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  return (
    <>
      {translate(`fiscal.billing.types.${r.type}`)} {r.letter}
      {r.arcaCode ? ` (${String(r.arcaCode).padStart(3, '0')})` : ''}
    </>
  );
};

const Customer = () => {
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  return (
    <MuiLink component={Link} to={`/customers/${r.customerId}/show`}>
      {r.customerCode} — {r.customerName}
    </MuiLink>
  );
};

const Issued = () => {
  const r = useRecordContext<RequestRow>();
  if (!r?.documentId) return null;
  return (
    <MuiLink component={Link} to={`/documents/${r.documentId}/show`} data-fulfilled-by={r.documentId}>
      {r.documentDisplayNumber}
    </MuiLink>
  );
};

/** "Cancelar pedido": billing will not issue it; its cause (invoice, application, interest days) is free again. */
const CancelButton = () => {
  const r = useRecordContext<RequestRow>();
  const notify = useNotify();
  const refresh = useRefresh();
  const can = useCan('ledger.supervise');
  const [open, setOpen] = useState(false);
  if (!r || r.state !== 'pending' || !can) return null;
  return (
    <>
      <Button label="fiscal.billing.cancel" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ActionDialog<{ reason: string }>
        open={open}
        onClose={() => setOpen(false)}
        title="fiscal.billing.cancelTitle"
        titleArgs={{ id: r.id }}
        confirmLabel="fiscal.billing.cancel"
        confirmColor="error"
        defaultValues={{ reason: '' }}
        onConfirm={async ({ reason }) => {
          await fiscalApi.cancelBillingRequest(r.id, reason);
          notify('fiscal.billing.cancelled', { type: 'info' });
          refresh();
        }}
      >
        <TextInput source="reason" label="fiscal.billing.reason" validate={[required(), minLength(3)]} fullWidth autoFocus />
      </ActionDialog>
    </>
  );
};

/** Integraciones › Pedidos a facturación: what billing was asked to issue, and the document that fulfilled each. */
export const BillingRequestList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="createdAt" render={() => <DateTimeField source="createdAt" />} />
      <DataTable.Col source="cause" render={() => <Cause />} />
      <DataTable.Col source="customerName" render={() => <Customer />} />
      <DataTable.Col source="type" render={() => <Requested />} />
      <DataTable.Col source="total" render={() => <MoneyField source="total" currencySource="currency" />} />
      <DataTable.Col source="issueDate" render={() => <DateField source="issueDate" />} />
      <DataTable.Col source="state" render={() => <StateChip />} />
      <DataTable.Col source="documentDisplayNumber" render={() => <Issued />} />
      <DataTable.Col render={() => <CancelButton />} />
    </DataTable>
  </List>
);
