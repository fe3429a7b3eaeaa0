import { Box, Button } from '@mui/material';
import BackIcon from '@mui/icons-material/ArrowBack';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Loading, useGetOne, useTranslate } from 'react-admin';
import { useTaxIdLabel } from '../common/TaxIdField';
import { formatDate, formatDateTime } from '../common/dates';
import { useCompany, useStatement } from './api';
import { CompanyHeader, postalAddress, PrintShell } from './PrintShell';
import type { LedgerCustomer } from './types';
import { StatementTable } from './StatementTable';

/** The statement on A4, to hand or send to the customer. */
const StatementPrint = () => {
  const translate = useTranslate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data: company } = useCompany();
  const taxIdLabel = useTaxIdLabel();
  const { data: statement, isPending } = useStatement(
    id,
    params.get('from') ?? undefined,
    params.get('to') ?? undefined,
    params.get('currency') ?? undefined,
  );
  const { data: details } = useGetOne<LedgerCustomer>('customers', { id: Number(id) }, { enabled: !!id });
  if (isPending || !statement) return <Loading />;
  const customer = statement.customer;
  return (
    <PrintShell
      title={`${translate('ledger.statement.title')} ${customer.code}`}
      actions={
        <Button component={Link} to={`/customers/${customer.id}/show/account`} startIcon={<BackIcon />}>
          {translate('ledger.print.toCustomer')}
        </Button>
      }
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', borderBottom: '2px solid #000', pb: 1.5, mb: 2 }}>
        <CompanyHeader company={company} />
        <Box sx={{ textAlign: 'right' }}>
          <Box sx={{ fontSize: 20, fontWeight: 700 }}>{translate('ledger.statement.title').toUpperCase()}</Box>
          <Box>
            {statement.from <= '1900-01-01'
              ? translate('ledger.statement.asOf', { to: formatDate(statement.to) })
              : translate('ledger.statement.period', { from: formatDate(statement.from), to: formatDate(statement.to) })}
          </Box>
        </Box>
      </Box>
      <Box sx={{ mb: 2 }}>
        <strong>{customer.legalName}</strong> ({customer.code})
        {details?.taxId ? ` · ${taxIdLabel(details.taxIdType, details.taxId)}` : ''}
        {details?.ivaCondition ? ` · ${translate(`ctacte.ivaConditions.${details.ivaCondition}`)}` : ''}
        {details && <Box>{postalAddress(details)}</Box>}
      </Box>
      <StatementTable statement={statement} print />
      <Box sx={{ mt: 3, fontSize: 10, color: '#555' }}>
        {translate('ledger.statement.printedAt', { at: formatDateTime(new Date()) })}
      </Box>
    </PrintShell>
  );
};

export default StatementPrint;
