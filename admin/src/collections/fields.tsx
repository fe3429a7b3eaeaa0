/** How collections values show: days late by colour, outcomes, promise states, visit results, channels. */
import type { ReactElement } from 'react';
import { Box, Chip, Tooltip } from '@mui/material';
import PhoneIcon from '@mui/icons-material/Phone';
import EmailIcon from '@mui/icons-material/Email';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import VisitIcon from '@mui/icons-material/DirectionsWalk';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { Channel, Outcome, PromiseStatus, VisitResult } from './types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'info' | 'warning';

/**
 * The age of a debt at a glance: green when nothing is late, amber up to 30
 * days, orange up to 90, red beyond.
 */
export const DAYS_OVERDUE_COLORS = {
  none: { bg: '#e8f5e9', fg: '#1b5e20' },
  amber: { bg: '#fff8e1', fg: '#8d6e00' },
  orange: { bg: '#fff3e0', fg: '#c43e00' },
  red: { bg: '#ffebee', fg: '#b71c1c' },
} as const;

export const daysOverdueTone = (days: number | null | undefined): keyof typeof DAYS_OVERDUE_COLORS =>
  !days || days <= 0 ? 'none' : days <= 30 ? 'amber' : days <= 90 ? 'orange' : 'red';

export const DaysOverdueChip = ({ days }: { days: number | null | undefined }) => {
  const translate = useTranslate();
  const tone = daysOverdueTone(days);
  const { bg, fg } = DAYS_OVERDUE_COLORS[tone];
  return (
    <Chip
      size="small"
      data-days-tone={tone}
      label={
        tone === 'none' ? translate('collections.days.notDue') : translate('collections.days.overdue', { smart_count: days })
      }
      sx={{ bgcolor: bg, color: fg, fontWeight: tone === 'none' ? 400 : 600, fontVariantNumeric: 'tabular-nums' }}
    />
  );
};

export const DaysOverdueChipField = (props: Partial<FieldProps>) => (
  <DaysOverdueChip days={useFieldValue({ source: 'daysOverdue', ...props }) as number | null} />
);

const OUTCOME_COLORS: Record<Outcome, ChipColor> = {
  no_answer: 'default',
  promise: 'primary',
  refused: 'error',
  dispute: 'warning',
  paid_claimed: 'info',
  callback: 'default',
  wrong_contact: 'default',
};

export const OutcomeChip = ({ outcome }: { outcome: Outcome | null | undefined }) => {
  const translate = useTranslate();
  if (!outcome) return null;
  return (
    <Chip
      size="small"
      variant={outcome === 'promise' ? 'filled' : 'outlined'}
      color={OUTCOME_COLORS[outcome] ?? 'default'}
      label={translate(`collections.outcomes.${outcome}`)}
    />
  );
};

export const OutcomeField = (props: Partial<FieldProps>) => (
  <OutcomeChip outcome={useFieldValue({ source: 'outcome', ...props }) as Outcome | null} />
);

const PROMISE_COLORS: Record<PromiseStatus, ChipColor> = { kept: 'success', broken: 'error', pending: 'info' };

export const PromiseStatusChip = ({ status }: { status: PromiseStatus | null | undefined }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant={status === 'pending' ? 'outlined' : 'filled'}
      color={PROMISE_COLORS[status]}
      label={translate(`collections.promiseStatuses.${status}`)}
    />
  );
};

const VISIT_COLORS: Record<VisitResult, ChipColor> = {
  collected: 'success',
  partial: 'warning',
  not_collected: 'error',
  rescheduled: 'default',
};

export const VisitResultChip = ({ result }: { result: VisitResult | null | undefined }) => {
  const translate = useTranslate();
  if (!result) return null;
  return <Chip size="small" color={VISIT_COLORS[result]} label={translate(`collections.visitResults.${result}`)} />;
};

const CHANNEL_ICONS: Record<Channel, ReactElement> = {
  phone: <PhoneIcon fontSize="inherit" />,
  email: <EmailIcon fontSize="inherit" />,
  whatsapp: <WhatsAppIcon fontSize="inherit" />,
  visit: <VisitIcon fontSize="inherit" />,
};

/** The channel as a small icon, its name on hover and for screen readers. */
export const ChannelIcon = ({ channel }: { channel: Channel | null | undefined }) => {
  const translate = useTranslate();
  if (!channel) return null;
  const name = translate(`collections.channels.${channel}`);
  return (
    <Tooltip title={name}>
      <Box component="span" role="img" aria-label={name} sx={{ display: 'inline-flex', color: 'text.secondary', fontSize: 18 }}>
        {CHANNEL_ICONS[channel]}
      </Box>
    </Tooltip>
  );
};

export const ChannelField = (props: Partial<FieldProps>) => (
  <ChannelIcon channel={useFieldValue({ source: 'channel', ...props }) as Channel | null} />
);
