import { Alert, Box, Button, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Link, useSearchParams } from 'react-router-dom';
import type { Currency } from '../../common/money';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DateInput } from '../../common/DateInput';
import { todayIso } from '../../common/dates';
import { ledgerApi, useStatement } from '../api';
import { daysAgo } from '../periods';
import { StatementTable } from '../StatementTable';
import { StableForm } from '../StableForm';

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

const Statement = ({ customerId, currency }: { customerId: number; currency?: string }) => {
  const translate = useTranslate();
  const from = useWatch({ name: 'from' }) as string | null;
  const to = useWatch({ name: 'to' }) as string | null;
  const range = { from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined, currency };
  const { data, isPending, error } = useStatement(customerId, range.from, range.to, currency);
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
        <Button href={ledgerApi.statementCsvUrl(customerId, range.from, range.to, currency)} startIcon={<DownloadIcon />}>
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
  const record = useRecordContext<{ id: number; currency: Currency; bimonetary?: boolean }>();
  const translate = useTranslate();
  // The ledger shown lives in the address (?moneda=USD), so Back, Forward and reload keep it.
  const [params, setParams] = useSearchParams();
  if (!record) return null;
  const asked = params.get('moneda');
  const currency = record.bimonetary && (asked === 'ARS' || asked === 'USD') ? asked : record.currency;
  const ledgers: Currency[] = [record.currency, record.currency === 'ARS' ? 'USD' : 'ARS'];
  return (
    <StableForm defaultValues={{ from: daysAgo(90), to: todayIso() }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: '200px 200px' }, gap: 2 }}>
        <DateInput source="from" label="ledger.statement.from" helperText={false} />
        <DateInput source="to" label="ledger.statement.to" helperText={false} />
      </Box>
      {record.bimonetary && (
        <Box sx={{ mb: 1 }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={currency}
            aria-label={translate('ledger.statement.ledger')}
            onChange={(_, next: Currency | null) => {
              if (!next) return;
              const updated = new URLSearchParams(params);
              updated.set('moneda', next);
              setParams(updated);
            }}
          >
            {ledgers.map((c) => (
              <ToggleButton key={c} value={c}>
                {translate(`ledger.statement.ledgers.${c}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
      )}
      <Statement customerId={record.id} currency={record.bimonetary ? currency : undefined} />
    </StableForm>
  );
};
