import { Alert, Box, Button, Stack } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Link } from 'react-router-dom';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DateInput } from '../../common/DateInput';
import { todayIso } from '../../common/dates';
import { ledgerApi, useStatement } from '../api';
import { daysAgo } from '../periods';
import { StatementTable } from '../StatementTable';
import { StableForm } from '../StableForm';

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

const Statement = ({ customerId }: { customerId: number }) => {
  const translate = useTranslate();
  const from = useWatch({ name: 'from' }) as string | null;
  const to = useWatch({ name: 'to' }) as string | null;
  const range = { from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined };
  const { data, isPending, error } = useStatement(customerId, range.from, range.to);
  const query = new URLSearchParams(Object.entries(range).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
        <Button
          component={Link}
          to={`/customers/${customerId}/statement/print${query ? `?${query}` : ''}`}
          startIcon={<PrintIcon />}
        >
          {translate('ledger.print.button')}
        </Button>
        <Button href={ledgerApi.statementCsvUrl(customerId, range.from, range.to)} startIcon={<DownloadIcon />}>
          {translate('ledger.statement.csv')}
        </Button>
      </Stack>
      {isPending ? (
        <Loading />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : (
        data && <StatementTable statement={data} />
      )}
    </>
  );
};

/** The customer's statement for a period (the last three months unless chosen), printable and as CSV. */
export const CuentaCorrienteTab = () => {
  const record = useRecordContext<{ id: number }>();
  if (!record) return null;
  return (
    <StableForm defaultValues={{ from: daysAgo(90), to: todayIso() }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: '200px 200px' }, gap: 2 }}>
        <DateInput source="from" label="ledger.statement.from" helperText={false} />
        <DateInput source="to" label="ledger.statement.to" helperText={false} />
      </Box>
      <Statement customerId={record.id} />
    </StableForm>
  );
};
