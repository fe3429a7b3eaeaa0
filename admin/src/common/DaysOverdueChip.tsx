import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

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

/**
 * The one days-late chip of the admin (debtors, agenda, dashboard, open items, documents).
 * Not late: "Al día" in green, or nothing where only late items need a mark (`hideNotDue`).
 */
export const DaysOverdueChip = ({ days, hideNotDue }: { days: number | null | undefined; hideNotDue?: boolean }) => {
  const translate = useTranslate();
  const tone = daysOverdueTone(days);
  if (tone === 'none' && hideNotDue) return null;
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
