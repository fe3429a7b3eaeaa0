import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate, todayIso } from '../common/dates';
import type { DocumentDetail } from './types';

/** Whole days from one ISO date to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The FCE's acceptance window (Ley 27.440 arts. 6 and 8; the server computes its deadline from the
 * invoice's date): days left while the buyer may still accept or reject it, and once it passed with
 * no answer, that it stands accepted by silence.
 */
export const FceCountdown = ({ document }: { document: DocumentDetail }) => {
  const translate = useTranslate();
  const deadline = document.fceDeadline!;
  const date = formatDate(deadline);
  if (document.fceAcceptance === 'tacitly_accepted')
    return (
      <Alert severity="success" sx={{ mt: 2 }} data-fce-countdown="passed">
        {translate('ledger.arca.windowPassed', { date })}
      </Alert>
    );
  if (document.fceAcceptance !== 'pending') return null;
  const left = daysBetween(todayIso(), deadline);
  return (
    <Alert severity={left <= 3 ? 'warning' : 'info'} sx={{ mt: 2 }} data-fce-countdown={left}>
      {left === 0 ? translate('ledger.arca.lastDay', { date }) : translate('ledger.arca.daysLeft', { date, smart_count: left })}
    </Alert>
  );
};
