import { type SyntheticEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { formatMoney } from '../common/money';
import { fromCents } from '../common/cents';
import { OwedItemsTable, netOwed } from '../collections/OwedItemsTable';
import { useAgingOpenItems } from './api';

const stop = (event: SyntheticEvent) => event.stopPropagation();

/** The aging's drill-down: one customer's open items as they stood on the report's day. */
export const AgingOpenItemsDialog = ({
  customerId,
  asOf,
  onClose,
}: {
  customerId: number | string;
  asOf: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const { data, isPending, error } = useAgingOpenItems(customerId, asOf);
  const customer = data?.customer;
  const totals = data ? netOwed(data.items) : undefined;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" onClick={stop} aria-labelledby="aging-drill-title">
      <DialogTitle id="aging-drill-title">
        {translate('reports.aging.drillTitle', {
          customer: customer ? `${customer.code} — ${customer.legalName}` : '',
          date: formatDate(asOf),
        })}
      </DialogTitle>
      <DialogContent>
        {isPending ? (
          <Loading />
        ) : error || !data ? (
          <Alert severity="error">{error?.message}</Alert>
        ) : (
          <>
            <OwedItemsTable items={data.items} currency={data.customer.currency} totalLabel="reports.buckets.total" />
            {totals && totals.credits > 0n && (
              <Alert severity="info" sx={{ mt: 1 }}>
                {translate('reports.aging.net', {
                  debits: formatMoney(fromCents(totals.debits), data.customer.currency),
                  credits: formatMoney(fromCents(totals.credits), data.customer.currency),
                })}
              </Alert>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {customer && (
          <Button component={Link} to={`/customers/${customer.id}/show/collections`}>
            {translate('collections.tab.title')}
          </Button>
        )}
        <Button onClick={onClose} variant="contained">
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
