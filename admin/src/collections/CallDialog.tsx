import { type SyntheticEvent } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Typography } from '@mui/material';
import {
  BooleanInput,
  Form,
  Loading,
  ResourceContextProvider,
  TextInput,
  useDataProvider,
  useGetList,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { useFormState, useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/MoneyInput';
import { TimeInput } from '../common/TimeInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { formatDateTime } from '../common/dates';
import { formatMoney, type Currency } from '../common/money';
import { postalAddress } from '../ledger/PrintShell';
import { useServerErrors } from '../ledger/useServerErrors';
import { useCollectionsRefresh } from './api';
import { callBody, callDefaults, callServerErrors, validateCall, type CallFormValues } from './callForm';
import { CHANNELS, OUTCOMES, type CollectionCall } from './types';

interface Contact {
  id: number;
  name: string;
  position: string | null;
  phone: string | null;
  mobile: string | null;
  isCollectionsContact: boolean;
}

interface Branch {
  id: number;
  code: string;
  name: string;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  active: boolean;
}

interface Customer {
  id: number;
  code: string;
  legalName: string;
  currency: Currency;
  collectorId: number | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  phone: string | null;
  balance: string;
  overdueBalance: string;
}

const CHANNEL_CHOICES = CHANNELS.map((id) => ({ id, name: `collections.channels.${id}` }));
const OUTCOME_CHOICES = OUTCOMES.map((id) => ({ id, name: `collections.outcomes.${id}` }));

/** The collections contact first, then by name. */
const byCollectionsFirst = (a: Contact, b: Contact) =>
  Number(b.isCollectionsContact) - Number(a.isCollectionsContact) || a.name.localeCompare(b.name, 'es');

// The dialog is a portal, but React sends its events up the component tree: a click
// in it must not reach a clickable row of the list that opened it.
const stop = (event: SyntheticEvent) => event.stopPropagation();

const grid = (columns: string) => ({ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: columns }, columnGap: 2 });

const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1, mb: 0.5 }}>
      {translate(label)}
    </Typography>
  );
};

const PromiseInputs = ({ currency }: { currency: Currency }) => {
  const outcome = useWatch({ name: 'outcome' }) as string | null;
  if (outcome !== 'promise') return null;
  return (
    <Box data-section="promise">
      <SectionTitle label="collections.call.promise" />
      <Box sx={grid('1fr 1fr')}>
        <DateInput source="promiseDate" resource="collection-calls" isRequired />
        <MoneyInput source="promiseAmount" resource="collection-calls" currency={currency} isRequired />
      </Box>
    </Box>
  );
};

const VisitInputs = ({ customer, branches }: { customer: Customer; branches: Branch[] }) => {
  const translate = useTranslate();
  const agreed = useWatch({ name: 'agreeVisit' }) as boolean;
  const branchId = useWatch({ name: 'visitBranchId' }) as number | null;
  const branch = branches.find((b) => b.id === branchId);
  const address = postalAddress(branch ?? customer);
  return (
    <Box data-section="visit">
      <BooleanInput source="agreeVisit" resource="collection-calls" helperText={false} />
      {agreed && (
        <>
          <Box sx={grid('2fr 1.4fr 1fr 1fr')}>
            <ReferenceSelect source="collectorId" reference="collectors" isRequired />
            <DateInput source="visitDate" resource="collection-calls" isRequired />
            <TimeInput source="visitFrom" resource="collection-calls" />
            <TimeInput source="visitTo" resource="collection-calls" />
          </Box>
          <ChoiceInput
            source="visitBranchId"
            resource="collection-calls"
            choices={branches
              .filter((b) => b.active || b.id === branchId)
              .map((b) => ({ id: b.id, name: `${b.code} — ${b.name}` }))}
            translateChoice={false}
            emptyText="collections.call.customerAddress"
            helperText={address ? translate('collections.call.address', { address }) : 'collections.call.noAddress'}
          />
        </>
      )}
    </Box>
  );
};

const SaveButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting}>
      {translate('collections.call.save')}
    </Button>
  );
};

const contactText = (c: Contact, collections: string) =>
  [c.name, c.position, c.mobile || c.phone, c.isCollectionsContact ? `(${collections})` : null].filter(Boolean).join(' · ');

const CallForm = ({ customerId, call, onDone }: { customerId: number; call?: CollectionCall; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const serverErrors = useServerErrors();
  const refresh = useCollectionsRefresh();
  const { data: customer } = useGetOne<Customer>('customers', { id: customerId });
  const { data: contacts } = useGetList<Contact>('contacts', {
    filter: { customerId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: branches } = useGetList<Branch>('branches', {
    filter: { customerId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  if (!customer || !contacts || !branches) return <Loading />;
  const sorted = [...contacts].sort(byCollectionsFirst);
  const collectionsWord = translate('collections.call.collectionsContact');
  const defaults = callDefaults(call, { contactId: sorted[0]?.id ?? null, collectorId: customer.collectorId });
  const save = async (values: CallFormValues) => {
    const data = callBody(values, customerId);
    try {
      if (call) await dataProvider.update('collection-calls', { id: call.id, data, previousData: call });
      else await dataProvider.create('collection-calls', { data });
    } catch (error) {
      return callServerErrors(serverErrors(error));
    }
    notify(call ? 'collections.call.updated' : 'collections.call.saved', {
      type: 'info',
      messageArgs: { customer: customer.legalName },
    });
    await refresh();
    onDone();
    return undefined;
  };
  return (
    <Form
      warnWhenUnsavedChanges
      defaultValues={defaults as unknown as Record<string, unknown>}
      validate={(values: Record<string, unknown>) => validateCall(values as unknown as CallFormValues, call)}
      onSubmit={(values: Record<string, unknown>) => save(values as unknown as CallFormValues)}
      noValidate
    >
      <DialogTitle id="call-dialog-title" sx={{ pb: 0.5 }}>
        {call
          ? translate('collections.call.editTitle', { date: formatDateTime(call.calledAt), customer: customer.legalName })
          : translate('collections.call.logTitle', { customer: `${customer.code} — ${customer.legalName}` })}
        <Typography variant="body2" color="text.secondary" data-call-owed>
          {[
            customer.phone,
            translate('collections.call.owed', {
              balance: formatMoney(customer.balance, customer.currency),
              overdue: formatMoney(customer.overdueBalance, customer.currency),
            }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </DialogTitle>
      <DialogContent sx={{ pt: '12px !important' }}>
        <Box sx={grid('2fr 1fr')}>
          <ChoiceInput
            source="contactId"
            resource="collection-calls"
            choices={sorted.map((c) => ({ id: c.id, name: contactText(c, collectionsWord) }))}
            translateChoice={false}
            emptyText="collections.call.noContact"
            helperText={sorted.length === 0 ? 'collections.call.noContacts' : false}
          />
          <ChoiceInput source="channel" resource="collection-calls" choices={CHANNEL_CHOICES} isRequired helperText={false} />
        </Box>
        <ChoiceInput source="outcome" resource="collection-calls" choices={OUTCOME_CHOICES} isRequired helperText={false} />
        <TextInput source="response" resource="collection-calls" multiline minRows={2} maxRows={6} helperText={false} />
        <PromiseInputs currency={customer.currency} />
        <Box sx={grid('1.4fr 1fr 2fr')}>
          <DateInput source="nextContactDate" resource="collection-calls" />
          <TimeInput source="nextContactTime" resource="collection-calls" helperText="collections.call.nextContactHelp" />
        </Box>
        <Divider sx={{ my: 1 }} />
        <VisitInputs customer={customer} branches={branches} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone}>{translate('ra.action.cancel')}</Button>
        <SaveButton />
      </DialogActions>
    </Form>
  );
};

/**
 * The call form, the same wherever a call is logged or corrected (debtors, the
 * customer's page, the agenda, the calls list): who answered, what they said, a
 * promise, when to call again and an agreed collector visit.
 */
export const CallDialog = ({
  open,
  onClose,
  customerId,
  call,
}: {
  open: boolean;
  onClose: () => void;
  customerId: number;
  call?: CollectionCall;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    fullWidth
    maxWidth="md"
    aria-labelledby="call-dialog-title"
    onClick={stop}
    onSubmit={stop}
    data-call-dialog
  >
    {open && (
      // Labels come from the calls' catalog wherever the dialog opens (a list of debtors, a customer, the agenda).
      <ResourceContextProvider value="collection-calls">
        <CallForm customerId={customerId} call={call} onDone={onClose} />
      </ResourceContextProvider>
    )}
  </Dialog>
);
