/** How collections values show: outcomes, promise states, visit results, channels. */
import type { ReactElement } from 'react';
import { Box, Chip, Tooltip } from '@mui/material';
import PhoneIcon from '@mui/icons-material/Phone';
import EmailIcon from '@mui/icons-material/Email';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import VisitIcon from '@mui/icons-material/DirectionsWalk';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { Channel, Outcome, PromiseStatus, StopResult, VisitResult } from './types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'info' | 'warning';

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

const STOP_COLORS: Record<StopResult, ChipColor> = {
  collected: 'success',
  not_home: 'default',
  promise: 'primary',
  refused: 'error',
};

/** What a stop of the collection sheet brought back. */
export const StopResultChip = ({ result }: { result: StopResult | null | undefined }) => {
  const translate = useTranslate();
  if (!result) return null;
  return <Chip size="small" color={STOP_COLORS[result]} label={translate(`collections.stopResults.${result}`)} />;
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
