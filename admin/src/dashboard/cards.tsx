import type { ReactNode } from 'react';
import { Box, Button, Card, CardActionArea, CardContent, Stack, Tooltip, Typography } from '@mui/material';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { Currency } from '../common/money';
import { Money } from '../common/Money';
import { BUCKET_COLORS } from '../reports/AgingChart';
import { AGING_BUCKETS, type Dashboard } from '../collections/types';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The exact amounts under the chart: each bucket with its colour, then the credits not yet applied and the total. */
export const BucketFigures = ({ totals, currency }: { totals: Dashboard['aging']; currency: Currency }) => {
  const translate = useTranslate();
  const line = (key: string, amount: string, color?: string, bold?: boolean) => (
    <Stack key={key} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }} data-bucket={key}>
      <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: color ?? 'transparent', flexShrink: 0 }} />
      <Typography variant="body2" sx={{ flex: 1, fontWeight: bold ? 600 : undefined }}>
        {translate(`reports.buckets.${key}`)}
      </Typography>
      <Typography variant="body2" sx={{ ...num, fontWeight: bold ? 600 : undefined }}>
        <Money value={amount} currency={currency} />
      </Typography>
    </Stack>
  );
  return (
    <Box sx={{ mt: 1.5 }}>
      {AGING_BUCKETS.map((b) => line(b, totals[b], BUCKET_COLORS[b]))}
      {/* Credits on account lower what is owed: shown negative, as they count in the total. */}
      {line('unapplied', totals.unapplied === '0.00' ? totals.unapplied : `-${totals.unapplied}`)}
      {line('total', totals.total, undefined, true)}
    </Box>
  );
};

/** A card's title with the link to the screen behind it. */
export const CardTitle = ({ title, to, link }: { title: string; to: string; link: string }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" sx={{ flex: 1 }}>
        {translate(title)}
      </Typography>
      <Button component={Link} to={to} size="small">
        {translate(link)}
      </Button>
    </Stack>
  );
};

/** A headline figure that opens the list behind it. */
export const Figure = ({
  id,
  title,
  value,
  detail,
  to,
  help,
  tone,
}: {
  id: string;
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  to: string;
  help?: string;
  tone?: 'error' | 'warning';
}) => {
  const translate = useTranslate();
  return (
    <Card data-figure={id} sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%', alignItems: 'flex-start' }}>
        <CardContent>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {translate(title)}
            </Typography>
            {help && (
              <Tooltip title={help}>
                <InfoIcon fontSize="small" color="action" aria-label={help} data-help={id} />
              </Tooltip>
            )}
          </Stack>
          <Typography
            variant="h6"
            component="div"
            data-value
            sx={{ ...num, mt: 0.5, fontSize: '1.3rem', color: tone ? `${tone}.main` : undefined }}
          >
            {value}
          </Typography>
          {detail && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {detail}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
