import { useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PostIcon from '@mui/icons-material/CurrencyExchange';
import BillingIcon from '@mui/icons-material/Send';
import { useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../common/dates';
import { formatDecimal, formatMoney } from '../common/money';
import { DocumentSection as Section } from '../ledger/DocumentSection';
import { useCan } from '../ledger/useCan';
import { fiscalApi } from './api';

/**
 * On a USD receipt paid in pesos: the exchange difference of each application against the BNA
 * rate of the day, and "Registrar" to post them as internal ND/NC, or "Enviar a facturación" to ask billing
 * for the fiscal ones (supervisor).
 */
export const ExchangeDifferencePanel = ({ receiptId }: { receiptId: number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const canPost = useCan('ledger.supervise');
  const [posting, setPosting] = useState(false);
  const { data } = useQuery({
    queryKey: ['exchange-difference', receiptId],
    queryFn: () => fiscalApi.exchangeDifference(receiptId),
  });
  if (!data || !data.paymentRate) return null;
  const t = (k: string, o?: Record<string, unknown>) => translate(`fiscal.exchange.${k}`, o);
  if (!data.dayRate)
    return (
      <Section title="fiscal.exchange.title">
        <Alert severity="warning">{t('noRate', { date: formatDate(data.issueDate) })}</Alert>
      </Section>
    );
  if (!data.lines.length) return null;
  const pending = data.lines.filter((l) => l.postedDocumentId === null && l.billingRequestId === null);
  const post = async (toBilling: boolean) => {
    setPosting(true);
    try {
      if (toBilling) {
        const done = await fiscalApi.requestExchangeDifference(receiptId);
        notify('fiscal.billing.sent', { type: 'success', messageArgs: { count: done.requests.length } });
      } else {
        const done = await fiscalApi.postExchangeDifference(receiptId);
        notify('fiscal.exchange.done', {
          type: 'success',
          messageArgs: { numbers: done.documents.map((d) => d.displayNumber).join(', ') },
        });
      }
      await client.invalidateQueries({ queryKey: ['exchange-difference', receiptId] });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setPosting(false);
    }
  };
  return (
    <Section title="fiscal.exchange.title">
      <Box>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('help', { paymentRate: formatDecimal(data.paymentRate, 2), dayRate: formatDecimal(data.dayRate, 2) })}
        </Typography>
        <Table size="small" aria-label={t('title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('document')}</TableCell>
              <TableCell align="right">{t('documentRate')}</TableCell>
              <TableCell align="right">{t('pesoApplied')}</TableCell>
              <TableCell align="right">{t('pesoDifference')}</TableCell>
              <TableCell>{t('amount')}</TableCell>
              <TableCell>{t('posted')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.lines.map((l) => (
              <TableRow key={l.applicationId}>
                <TableCell>
                  <Link to={`/documents/${l.debitDocumentId}/show`}>{l.displayNumber}</Link>
                </TableCell>
                <TableCell align="right">{l.documentRate ? formatDecimal(l.documentRate, 2) : '—'}</TableCell>
                <TableCell align="right">{formatMoney(l.pesoApplied, data.currency)}</TableCell>
                <TableCell align="right">{formatMoney(l.pesoDifference, 'ARS')}</TableCell>
                <TableCell>
                  {t(`types.${l.type}`)} {formatMoney(l.amount, data.currency)}
                </TableCell>
                <TableCell>
                  {l.postedDocumentId ? (
                    <Link to={`/documents/${l.postedDocumentId}/show`}>{t('posted')}</Link>
                  ) : l.billingRequestId ? (
                    <Link to={`/billing-requests?filter=${encodeURIComponent(JSON.stringify({ id: l.billingRequestId }))}`}>
                      {translate('fiscal.billing.requested')}
                    </Link>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {canPost && pending.length > 0 && (
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button variant="contained" startIcon={<PostIcon />} disabled={posting} onClick={() => post(false)}>
              {t('post')}
            </Button>
            <Button variant="outlined" startIcon={<BillingIcon />} disabled={posting} onClick={() => post(true)}>
              {translate('fiscal.billing.send')}
            </Button>
          </Stack>
        )}
      </Box>
    </Section>
  );
};
