import { Alert, Box, Button, Card, CardContent, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Loading, Title, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { DateInput } from '../common/DateInput';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { SimpleTable } from '../common/SimpleTable';
import { formatDate, todayIso } from '../common/dates';
import { cardsApi, type PendingRow } from './api';

const SPEC: SearchParamsSpec = { defaults: { asOf: '' }, dates: ['asOf'] };
const F = (field: string) => `resources.card-coupons-pending.fields.${field}`;

/** Cupones pendientes de liquidación, by issuer, as of a date kept in the address; its CSV has the catalog's headers. */
export const PendingCouponsPage = () => {
  const translate = useTranslate();
  const { asOf } = useSearchParamValues(SPEC);
  const day = asOf || todayIso();
  const { data, error } = useQuery({ queryKey: ['card-coupons-pending', day], queryFn: () => cardsApi.pending(day) });
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('cardCoupons.pending.title')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <SearchParamsForm spec={SPEC}>
              <DateInput source="asOf" label="cardCoupons.pending.asOf" />
            </SearchParamsForm>
            <Box sx={{ flex: 1 }} />
            <Button href={cardsApi.pendingCsvUrl(day)} startIcon={<DownloadIcon />} disabled={!data?.rows.length}>
              {translate('ra.action.export')}
            </Button>
          </Stack>
          {error ? (
            <Alert severity="error">{(error as Error).message}</Alert>
          ) : !data ? (
            <Loading />
          ) : !data.rows.length ? (
            <Alert severity="info">{translate('cardCoupons.pending.empty')}</Alert>
          ) : (
            <SimpleTable<PendingRow>
              ariaLabel={translate('cardCoupons.pending.title')}
              rows={data.rows}
              rowKey={(r) => `${r.cardIssuerId}-${r.currency}`}
              columns={[
                { label: F('cardIssuerCode'), render: (r) => r.cardIssuerCode, sticky: true },
                { label: F('cardIssuerName'), render: (r) => r.cardIssuerName },
                { label: F('currency'), render: (r) => r.currency },
                { label: F('couponCount'), render: (r) => r.couponCount, align: 'right' },
                { label: F('presentedCount'), render: (r) => r.presentedCount, align: 'right' },
                { label: F('gross'), money: (r) => r.gross, currency: (r) => r.currency },
                { label: F('expectedNet'), money: (r) => r.expectedNet, currency: (r) => r.currency },
                { label: F('oldestDate'), render: (r) => formatDate(r.oldestDate), nowrap: true },
                { label: F('overdueCount'), render: (r) => r.overdueCount, align: 'right' },
                { label: F('overdueNet'), money: (r) => r.overdueNet, currency: (r) => r.currency },
              ]}
            />
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
