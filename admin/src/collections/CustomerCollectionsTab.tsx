import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Pagination, ReferenceManyField, useListContext, useRecordContext, useTranslate, Button } from 'react-admin';
import type { Currency } from '../common/money';
import { useOpenItems } from '../ledger/api';
import { CallCard } from './CallCard';
import { LogCallButton } from './LogCallButton';
import { OwedItemsTable } from './OwedItemsTable';
import type { CollectionCall } from './types';

const CallHistory = ({ currency }: { currency: Currency }) => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<CollectionCall>();
  if (isPending) return <Loading />;
  if (!data?.length) return <Typography color="text.secondary">{translate('collections.tab.noCalls')}</Typography>;
  return (
    <Box data-testid="call-history">
      {data.map((call) => (
        <CallCard key={call.id} call={call} currency={currency} />
      ))}
    </Box>
  );
};

/** Pages only when there are more calls than fit on one. */
const CallsPagination = () => {
  const { total, perPage } = useListContext();
  return total !== undefined && total > perPage ? <Pagination rowsPerPageOptions={[10, 25]} /> : null;
};

const Owed = ({ customerId, currency }: { customerId: number; currency: Currency }) => {
  const translate = useTranslate();
  const { data: items, isPending } = useOpenItems(customerId);
  if (isPending || !items) return <Loading />;
  if (items.length === 0) return <Alert severity="success">{translate('collections.tab.noOpenItems')}</Alert>;
  return <OwedItemsTable items={items} currency={currency} label="collections.tab.owed" compact />;
};

/**
 * Gestión de cobranza: the calls to the customer, newest first, and what it owes
 * beside them, so whoever calls sees the debt while talking.
 */
export const CustomerCollectionsTab = () => {
  const translate = useTranslate();
  const customer = useRecordContext<{ id: number; currency: Currency }>();
  if (!customer) return null;
  const currency = customer.currency ?? 'ARS';
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.15fr) minmax(0, 1fr)' }, gap: 2, width: '100%' }}
    >
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" sx={{ flex: 1 }}>
              {translate('collections.tab.history')}
            </Typography>
            <Button
              component={Link}
              to={`/collection-calls?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`}
              label="collections.tab.more"
            />
            <LogCallButton customerId={customer.id} variant="contained" />
          </Stack>
          <ReferenceManyField
            reference="collection-calls"
            target="customerId"
            sort={{ field: 'calledAt', order: 'DESC' }}
            perPage={10}
            pagination={<CallsPagination />}
          >
            <CallHistory currency={currency} />
          </ReferenceManyField>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('collections.tab.owed')}
          </Typography>
          <Owed customerId={customer.id} currency={currency} />
        </CardContent>
      </Card>
    </Box>
  );
};
