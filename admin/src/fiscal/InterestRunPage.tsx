import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import PostIcon from '@mui/icons-material/PlaylistAddCheck';
import BillingIcon from '@mui/icons-material/Send';
import { Confirm, Loading, NumberInput, Title, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/MoneyInput';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { formatDate, todayIso } from '../common/dates';
import { formatMoney } from '../common/money';
import { useCan } from '../ledger/useCan';
import { CustomerInput } from '../ledger/inputs';
import type { InterestProposal } from '../../../shared/contract/fiscal';
import { fiscalApi, type InterestParams } from './api';

const SPEC: SearchParamsSpec = {
  defaults: { date: todayIso(), graceDays: '0', minimumAmount: '', customerId: '' },
  numeric: ['customerId'],
  dates: ['date'],
};

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Sums decimal strings exactly, in cents. */
const totalOf = (proposals: InterestProposal[]) => {
  const cents = proposals.reduce((acc, p) => acc + BigInt(p.total.replace('.', '')), 0n);
  const raw = cents.toString().padStart(3, '0');
  return `${raw.slice(0, -2)}.${raw.slice(-2)}`;
};

const ProposalTable = ({ proposals }: { proposals: InterestProposal[] }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`fiscal.interest.${k}`);
  return (
    <Table size="small" aria-label={t('title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('customer')}</TableCell>
          <TableCell>{t('document')}</TableCell>
          <TableCell>{t('dueDate')}</TableCell>
          <TableCell align="right">{t('base')}</TableCell>
          <TableCell>{t('from')}</TableCell>
          <TableCell>{t('to')}</TableCell>
          <TableCell align="right">{t('days')}</TableCell>
          <TableCell align="right">{t('amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {proposals.flatMap((p) => [
          ...p.lines.map((l, i) => (
            <TableRow key={`${p.customerId}-${l.debitDocumentId}`}>
              <TableCell>
                {i === 0 ? (
                  <Link to={`/customers/${p.customerId}/show`}>
                    {p.customerCode} — {p.customerName}
                  </Link>
                ) : null}
              </TableCell>
              <TableCell>
                <Link to={`/documents/${l.debitDocumentId}/show`}>{l.displayNumber}</Link>
              </TableCell>
              <TableCell>{formatDate(l.dueDate)}</TableCell>
              <TableCell align="right">{formatMoney(l.baseAmount, p.currency)}</TableCell>
              <TableCell>{formatDate(l.fromDate)}</TableCell>
              <TableCell>{formatDate(l.toDate)}</TableCell>
              <TableCell align="right">{l.days}</TableCell>
              <TableCell align="right">{formatMoney(l.amount, p.currency)}</TableCell>
            </TableRow>
          )),
          <TableRow key={`${p.customerId}-total`} sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell colSpan={7} align="right">
              {p.customerCode}
            </TableCell>
            <TableCell align="right">{formatMoney(p.total, p.currency)}</TableCell>
          </TableRow>,
        ])}
      </TableBody>
    </Table>
  );
};

/**
 * Intereses por mora: the run for a date (its options kept in the address), previewed per
 * customer and debit, exported to CSV, and posted on confirmation as one internal ND per customer,
 * or sent to billing as one fiscal ND request per customer (its days held until billing issues it).
 */
export const InterestRunPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const canPost = useCan('ledger.supervise');
  const values = useSearchParamValues(SPEC) as unknown as InterestParams;
  const [confirming, setConfirming] = useState<'post' | 'billing' | null>(null);
  const [posting, setPosting] = useState(false);
  const ready = DAY_RE.test(values.date);
  const { data, isPending, error } = useQuery({
    queryKey: ['interest-preview', values],
    queryFn: () => fiscalApi.interestPreview(values),
    enabled: ready,
  });
  const proposals = data ?? [];
  const arsOnly = proposals.filter((p) => p.currency === 'ARS');
  const post = async () => {
    setPosting(true);
    const customerIds = proposals.map((p) => p.customerId);
    try {
      if (confirming === 'billing') {
        const done = await fiscalApi.requestInterest(values, customerIds);
        notify('fiscal.billing.sent', { type: 'success', messageArgs: { count: done.requests.length } });
      } else {
        const done = await fiscalApi.postInterest(values, customerIds);
        notify('fiscal.interest.posted', {
          type: 'success',
          messageArgs: { numbers: done.documents.map((d) => d.displayNumber).join(', ') },
        });
      }
      await client.invalidateQueries({ queryKey: ['interest-preview'] });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setPosting(false);
      setConfirming(null);
    }
  };
  return (
    <Box sx={{ p: 2, maxWidth: 1200 }}>
      <Title title={translate('fiscal.interest.title')} />
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('fiscal.interest.help')}
      </Typography>
      <SearchParamsForm spec={SPEC}>
        <Box
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '180px 140px 200px minmax(260px, 1fr)' }, columnGap: 2 }}
        >
          <DateInput source="date" label="fiscal.interest.date" helperText={false} />
          <NumberInput source="graceDays" label="fiscal.interest.graceDays" min={0} max={365} helperText={false} />
          <MoneyInput source="minimumAmount" label="fiscal.interest.minimumAmount" helperText={false} />
          <CustomerInput source="customerId" label="fiscal.interest.customer" helperText={false} />
        </Box>
      </SearchParamsForm>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          href={fiscalApi.interestCsvUrl(values)}
          disabled={!proposals.length}
        >
          {translate('fiscal.interest.export')}
        </Button>
        {canPost && (
          <Button
            variant="contained"
            startIcon={<PostIcon />}
            disabled={!proposals.length || posting}
            onClick={() => setConfirming('post')}
          >
            {translate('fiscal.interest.post')}
          </Button>
        )}
        {canPost && (
          <Button
            variant="outlined"
            startIcon={<BillingIcon />}
            disabled={!proposals.length || posting}
            onClick={() => setConfirming('billing')}
          >
            {translate('fiscal.billing.send')}
          </Button>
        )}
      </Stack>
      <Card>
        <CardContent>
          {error ? (
            <Alert severity="error">{(error as Error).message}</Alert>
          ) : ready && isPending ? (
            <Loading />
          ) : proposals.length ? (
            <>
              <ProposalTable proposals={proposals} />
              {arsOnly.length > 0 && (
                <Typography sx={{ mt: 2, textAlign: 'right', fontWeight: 600 }}>
                  {translate('fiscal.interest.total')}: {formatMoney(totalOf(arsOnly), 'ARS')}
                </Typography>
              )}
            </>
          ) : (
            <Typography color="text.secondary">{translate('fiscal.interest.empty')}</Typography>
          )}
        </CardContent>
      </Card>
      <Confirm
        isOpen={confirming !== null}
        loading={posting}
        title={confirming === 'billing' ? 'fiscal.billing.interestConfirmTitle' : 'fiscal.interest.confirmTitle'}
        content={confirming === 'billing' ? 'fiscal.billing.interestConfirm' : 'fiscal.interest.confirm'}
        translateOptions={{ count: proposals.length, total: formatMoney(totalOf(arsOnly), 'ARS') }}
        confirm={confirming === 'billing' ? 'fiscal.billing.send' : 'fiscal.interest.post'}
        onConfirm={post}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
};

export default InterestRunPage;
