import { useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { Loading, Title, useRedirect, useTranslate } from 'react-admin';
import { useCan } from '../ledger/useCan';
import { useAgenda } from '../collections/api';
import { CallDialog } from '../collections/CallDialog';
import type { Debtor } from '../collections/types';
import { BrokenPromises, DueCalls } from './AgendaTables';

/** A row opens the call dialog for that customer (or its page, for a role that does not log calls). */
function useOpenRow(): [(d: Debtor) => void, number | undefined, () => void] {
  const mayLog = useCan('collections.write');
  const redirect = useRedirect();
  const [customerId, setCustomerId] = useState<number>();
  const open = (d: Debtor) => (mayLog ? setCustomerId(d.id) : redirect(`/customers/${d.id}/show/collections`));
  return [open, customerId, () => setCustomerId(undefined)];
}

const Section = ({ title, count, children }: { title: string; count?: number; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate(title)}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>
          {translate(title)}
          {count !== undefined && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
              ({translate('collections.agenda.dueCount', { smart_count: count })})
            </Typography>
          )}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/**
 * Agenda: the customers to call today — the user's own or the whole team's —
 * those that should have been called before highlighted, and the promises that
 * were broken. A row opens the call dialog; logging the call moves the row on.
 */
const AgendaPage = () => {
  const translate = useTranslate();
  const mayLog = useCan('collections.write');
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') ?? (mayLog ? 'mine' : 'team')) === 'team' ? 'team' : 'mine';
  const { data, isPending, error } = useAgenda(scope);
  const [open, customerId, close] = useOpenRow();
  return (
    <Box sx={{ mt: 1, mb: 3 }}>
      <Title title="collections.agenda.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={scope}
          onChange={(_, value: string | null) => value && setParams({ scope: value }, { replace: true })}
        >
          <ToggleButton value="mine">{translate('collections.agenda.mine')}</ToggleButton>
          <ToggleButton value="team">{translate('collections.agenda.team')}</ToggleButton>
        </ToggleButtonGroup>
        {!mayLog && (
          <Typography variant="body2" color="text.secondary">
            {translate('collections.agenda.readOnly')}
          </Typography>
        )}
      </Stack>
      {isPending ? (
        <Loading />
      ) : error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error.message}
        </Alert>
      ) : (
        <>
          <Section title="collections.agenda.due" count={data.dueTotal}>
            <DueCalls rows={data.due} onOpen={open} />
          </Section>
          <Section title="collections.agenda.broken" count={data.brokenTotal}>
            <BrokenPromises rows={data.brokenPromises} onOpen={open} />
          </Section>
        </>
      )}
      {customerId !== undefined && <CallDialog open onClose={close} customerId={customerId} />}
    </Box>
  );
};

export default AgendaPage;
