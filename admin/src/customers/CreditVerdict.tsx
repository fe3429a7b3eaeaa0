import { Alert, AlertTitle, Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/dataProvider';
import { formatDate } from '../common/dates';

/**
 * What billing would hear if it asked now (`/credit-status`): may this customer
 * buy on account, and if not, every reason the server gives.
 */
export const CreditVerdict = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['customers', 'creditStatus', record?.id],
    queryFn: () => dataProvider.customerCreditStatus(record!.id),
    enabled: record?.id !== undefined,
  });
  if (!data) return null;
  const late =
    data.daysOverdue > 0
      ? translate('ctacte.customers.daysOverdue', {
          smart_count: data.daysOverdue,
          date: formatDate(data.oldestDueDate),
          tolerance: data.toleranceDays,
        })
      : null;
  return (
    <Alert severity={data.allowed ? 'success' : 'error'} variant="outlined" sx={{ height: '100%' }} data-testid="credit-verdict">
      <AlertTitle sx={{ mb: data.allowed && !late ? 0 : undefined }}>
        {translate(data.allowed ? 'ctacte.customers.saleAllowed' : 'ctacte.customers.saleBlocked')}
      </AlertTitle>
      {data.reasons.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {data.reasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </Box>
      )}
      {late && data.allowed && <Box>{late}</Box>}
    </Alert>
  );
};
