import { type SyntheticEvent } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Typography } from '@mui/material';
import {
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
import { useFormState } from 'react-hook-form';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { TimeInput } from '../common/TimeInput';
import { formatDateTime } from '../common/dates';
import { formatMoney } from '../common/money';
import { useServerErrors } from '../ledger/useServerErrors';
import { useCollectionsRefresh } from './api';
import { callBody, callDefaults, callServerErrors, validateCall, type CallFormValues } from './callForm';
import {
  byCollectionsFirst,
  ContactInputs,
  grid,
  OUTCOME_CHOICES,
  PromiseInputs,
  VisitInputs,
  type Branch,
  type CallCustomer,
  type Contact,
} from './CallInputs';
import type { CollectionCall } from './types';

// The dialog is a portal, but React sends its events up the component tree: a click
// in it must not reach a clickable row of the list that opened it.
const stop = (event: SyntheticEvent) => event.stopPropagation();

const SaveButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting}>
      {translate('collections.call.save')}
    </Button>
  );
};

const CallForm = ({ customerId, call, onDone }: { customerId: number; call?: CollectionCall; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const serverErrors = useServerErrors();
  const refresh = useCollectionsRefresh();
  const { data: customer } = useGetOne<CallCustomer>('customers', { id: customerId });
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
  const first = [...contacts].sort(byCollectionsFirst)[0];
  const defaults = callDefaults(call, { contactId: first?.id ?? null, collectorId: customer.collectorId });
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
        <ContactInputs contacts={contacts} />
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
