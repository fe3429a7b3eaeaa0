import { useState } from 'react';
import { FormControlLabel, Switch, Typography } from '@mui/material';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { send } from '../data/api';
import { DocumentSection as Section } from '../ledger/DocumentSection';
import { useLedgerRefresh } from '../ledger/api';
import { useCan } from '../ledger/useCan';
import type { DocumentDetail } from '../ledger/types';

/**
 * A receipt that pays an FCE records whether its cancellation was informed to the FCE register
 * (Ley 27.440 art. 5, RG 4367): a switch a supervisor turns once billing or the bank informed it.
 */
export const FceCancellationSwitch = ({ document }: { document: DocumentDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const refreshLedger = useLedgerRefresh();
  const canEdit = useCan('documents.edit');
  const [saving, setSaving] = useState(false);
  const informed = !!document.fceCancellationInformed;
  const change = async (value: boolean) => {
    setSaving(true);
    try {
      await send('PUT', `/documents/${document.id}`, { fceCancellationInformed: value });
      notify('fiscal.fceCancellation.saved', { type: 'success' });
      await refreshLedger();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Section title="fiscal.fceCancellation.title">
      <Typography variant="body2" color="text.secondary">
        {translate('fiscal.fceCancellation.help')}
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={informed}
            disabled={!canEdit || saving || document.status !== 'posted'}
            onChange={(e) => void change(e.target.checked)}
          />
        }
        label={translate('fiscal.fceCancellation.label')}
      />
    </Section>
  );
};
