import { useState } from 'react';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PostIcon from '@mui/icons-material/CurrencyExchange';
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
 * rate of the day, and "Registrar" to post them as internal ND/NC (supervisor).
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
  const pending = data.lines.filter((l) => l.postedDocumentId === null);
  const post = async () => {
    setPosting(true);
    try {
      const done = await fiscalApi.postExchangeDifference(receiptId);
      notify('fiscal.exchange.done', {
        type: 'success',
        messageArgs: { numbers: done.documents.map((d) => d.displayNumber).join(', ') },
      });
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
                  {l.postedDocumentId ? <Link to={`/documents/${l.postedDocumentId}/show`}>{t('posted')}</Link> : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {canPost && pending.length > 0 && (
          <Button sx={{ mt: 1 }} variant="contained" startIcon={<PostIcon />} disabled={posting} onClick={post}>
            {t('post')}
          </Button>
        )}
      </Box>
    </Section>
  );
};
