import { Alert, AlertTitle, Box, Button, Link, Paper, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import CheckIcon from '@mui/icons-material/CheckCircle';
import { useTranslate } from 'react-admin';
import { fromCents } from '../../common/cents';
import { type Currency } from '../../common/money';
import type { Totals } from './model';
import { Money } from '../../common/Money';

const Figure = ({
  id,
  label,
  value,
  currency,
  strong,
}: {
  id: string;
  label: string;
  value: bigint;
  currency: Currency;
  strong?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Box data-total={id} sx={{ minWidth: 105 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography
        component="div"
        variant={strong ? 'h6' : 'body1'}
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: value < 0n ? 'error.main' : undefined }}
      >
        <Money value={fromCents(value)} currency={currency} />
      </Typography>
    </Box>
  );
};

/**
 * The receipt's live totals, kept in view at the bottom of the screen, with the
 * reasons it cannot be posted yet (each one a link to the field to fix) and
 * the button that posts it.
 */
export const TotalsBar = ({
  totals,
  currency,
  problems,
  attempted,
  serverError,
  submitting,
  onSubmit,
  onProblemClick,
}: {
  totals: Totals;
  currency: Currency;
  problems: string[];
  attempted: boolean;
  serverError?: string;
  submitting: boolean;
  onSubmit: () => void;
  onProblemClick: (index: number) => void;
}) => {
  const translate = useTranslate();
  return (
    <Paper
      elevation={6}
      component="section"
      aria-label={translate('ledger.receipt.totals')}
      data-totals-bar
      sx={{
        position: 'sticky',
        bottom: 8,
        zIndex: 2,
        px: 2,
        py: 1.5,
        mt: 2,
        borderTop: 3,
        borderColor: problems.length ? 'warning.main' : 'success.main',
      }}
    >
      {(attempted && problems.length > 0) || serverError ? (
        <Alert severity="error" sx={{ mb: 1.5 }} role="alert" data-refusal>
          <AlertTitle>{translate('ledger.receipt.refused')}</AlertTitle>
          {serverError && <div>{serverError}</div>}
          {!serverError && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {problems.map((p, i) => (
                <li key={p}>
                  <Link
                    component="button"
                    type="button"
                    color="inherit"
                    onClick={() => onProblemClick(i)}
                    sx={{ textAlign: 'left' }}
                  >
                    {p}
                  </Link>
                </li>
              ))}
            </Box>
          )}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', flexWrap: { xs: 'wrap', lg: 'nowrap' }, columnGap: 2.5, rowGap: 1, alignItems: 'center' }}>
        <Figure id="received" label="ledger.receipt.totalsReceived" value={totals.received} currency={currency} />
        <Figure id="withheld" label="ledger.receipt.totalsWithheld" value={totals.withheld} currency={currency} />
        <Figure id="total" label="ledger.receipt.totalsTotal" value={totals.total} currency={currency} strong />
        <Figure id="applied" label="ledger.receipt.totalsApplied" value={totals.applied} currency={currency} />
        <Figure id="onAccount" label="ledger.receipt.totalsOnAccount" value={totals.onAccount} currency={currency} />
        <Box sx={{ flex: 1, minWidth: 160 }}>
          {problems.length === 0 ? (
            <Typography color="success.dark" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }} data-ready>
              <CheckIcon fontSize="small" /> {translate('ledger.receipt.ready')}
            </Typography>
          ) : (
            !attempted && (
              <Typography variant="body2" color="warning.dark" data-pending-problem>
                {problems[0]}
                {problems.length > 1 ? ` ${translate('ledger.receipt.andMore', { smart_count: problems.length - 1 })}` : ''}
              </Typography>
            )
          )}
        </Box>
        <Button
          variant="contained"
          size="large"
          sx={{ flexShrink: 0 }}
          startIcon={<SaveIcon />}
          onClick={onSubmit}
          disabled={submitting}
          title="Ctrl+Enter · Alt+G"
        >
          {translate('ledger.receipt.post')}
        </Button>
      </Box>
    </Paper>
  );
};
