import { useState } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import {
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  TopToolbar,
  useRecordContext,
  useGetManyAggregate,
  useRedirect,
} from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { ExportButton } from '../common/ExportButton';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { TwoLines } from '../common/TwoLines';
import { endOfDayInstant, formatDate, formatDateTime, startOfDayInstant } from '../common/dates';
import { type Currency } from '../common/money';
import { formatTime, formatWindow } from '../common/times';
import { CustomerCell } from '../ledger/fields';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { useCan } from '../ledger/useCan';
import { CustomerInput } from '../ledger/inputs';
import { CallDialog } from '../collections/CallDialog';
import { ChannelIcon, OutcomeField, PromiseStatusChip, VisitResultChip } from '../collections/fields';
import { CHANNELS, OUTCOMES, PROMISE_STATUSES, VISIT_RESULTS, type CollectionCall } from '../collections/types';
import { Money } from '../common/Money';

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

const callFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CustomerInput key="customerId" source="customerId" label="resources.collection-calls.fields.customerId" />,
  <ChoiceInput key="outcome" source="outcome" choices={choices(OUTCOMES, 'collections.outcomes')} alwaysOn />,
  <ChoiceInput key="channel" source="channel" choices={choices(CHANNELS, 'collections.channels')} />,
  <ChoiceInput key="promiseStatus" source="promiseStatus" choices={choices(PROMISE_STATUSES, 'collections.promiseStatuses')} />,
  <NullableBooleanInput key="hasVisit" source="hasVisit" />,
  <ReferenceSelect key="collectorId" source="collectorId" reference="collectors" />,
  <ChoiceInput key="visitResult" source="visitResult" choices={choices(VISIT_RESULTS, 'collections.visitResults')} />,
  <DateInput key="calledAt_gte" source="calledAt_gte" parse={(day: string | null) => (day ? startOfDayInstant(day) : null)} />,
  <DateInput key="calledAt_lte" source="calledAt_lte" parse={(day: string | null) => (day ? endOfDayInstant(day) : null)} />,
];

/** Calls do not carry the customer's currency: read it from the customers of the page, fetched in one request. */
function useCustomerCurrency(customerId: number | undefined): Currency {
  const { data } = useGetManyAggregate<{ id: number; currency: Currency }>('customers', { ids: customerId ? [customerId] : [] });
  return data?.[0]?.currency ?? 'ARS';
}

/** When, by which channel, and who logged it. */
const CalledField = () => {
  const c = useRecordContext<CollectionCall>();
  if (!c) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <ChannelIcon channel={c.channel} />
      <TwoLines first={formatDateTime(c.calledAt)} second={c.userName} />
    </Stack>
  );
};

/** The customer over the contact who answered and their phone. */
const CustomerContactField = () => {
  const c = useRecordContext<CollectionCall>();
  if (!c) return null;
  return (
    <Box sx={{ lineHeight: 1.2 }}>
      <CustomerCell />
      <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ maxWidth: 200 }}>
        {[c.contactName, c.contactPhone].filter(Boolean).join(' · ')}
      </Typography>
    </Box>
  );
};

const ResponseField = () => {
  const c = useRecordContext<CollectionCall>();
  if (!c?.response) return null;
  return (
    <Typography
      variant="body2"
      title={c.response}
      sx={{
        display: '-webkit-box',
        WebkitLineClamp: 2,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        maxWidth: 200,
        minWidth: 150,
      }}
    >
      {c.response}
    </Typography>
  );
};

const PromiseField = () => {
  const c = useRecordContext<CollectionCall>();
  const currency = useCustomerCurrency(c?.customerId);
  if (!c?.promiseDate) return null;
  return (
    <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Money value={c.promiseAmount} currency={currency} />
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {formatDate(c.promiseDate)} <PromiseStatusChip status={c.promiseStatus} />
      </Typography>
    </Box>
  );
};

/** The agreed visit: day, window and collector, and what it brought back once recorded. */
const VisitField = () => {
  const c = useRecordContext<CollectionCall>();
  if (!c?.visitDate) return null;
  return (
    <Box sx={{ lineHeight: 1.2 }}>
      <TwoLines first={formatDate(c.visitDate)} second={formatWindow(c.visitFrom, c.visitTo)} />
      <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ maxWidth: 130 }}>
        {c.collectorName}
      </Typography>
      {c.visitResult && (
        <Box sx={{ mt: 0.25 }}>
          <VisitResultChip result={c.visitResult} />
        </Box>
      )}
    </Box>
  );
};

const CallListActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

/**
 * Llamadas: every call, message and visit logged, newest first. A row opens the
 * call to correct it (for those who log calls) or the customer's collections tab.
 */
export const CallList = () => {
  const mayEdit = useCan('collections.write');
  const redirect = useRedirect();
  const [editing, setEditing] = useState<CollectionCall>();
  return (
    <List
      filters={callFilters}
      sort={{ field: 'calledAt', order: 'DESC' }}
      perPage={25}
      actions={<CallListActions />}
      sx={CONTAINED_LIST_SX}
    >
      <DataTable
        bulkActionButtons={false}
        sx={{ '& td, & th': { px: 0.75 } }}
        rowClick={(_id, _resource, record) => {
          if (mayEdit) setEditing(record as CollectionCall);
          else redirect(`/customers/${(record as CollectionCall).customerId}/show/collections`);
          return false;
        }}
      >
        <DataTable.Col source="calledAt" field={CalledField} />
        <DataTable.Col
          source="customerCode"
          label="resources.collection-calls.fields.customerName"
          field={CustomerContactField}
        />
        <DataTable.Col source="outcome" field={OutcomeField} />
        <DataTable.Col source="response" disableSort field={ResponseField} />
        <DataTable.Col source="promiseDate" label="collections.debtors.promise" align="right" field={PromiseField} />
        <DataTable.Col
          source="nextContactAt"
          render={(c: CollectionCall) => <TwoLines first={formatDate(c.nextContactAt)} second={formatTime(c.nextContactAt)} />}
        />
        <DataTable.Col source="visitDate" label="collections.call.visit" field={VisitField} />
      </DataTable>
      {editing && <CallDialog open onClose={() => setEditing(undefined)} customerId={editing.customerId} call={editing} />}
    </List>
  );
};
