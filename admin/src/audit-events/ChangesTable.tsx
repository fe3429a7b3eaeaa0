import { useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { SimpleTable } from '../common/SimpleTable';
import { resourceOfEntity } from './actions';

type Data = Record<string, unknown> | null | undefined;

const asObject = (value: unknown): Data =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function Value({ value }: { value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <Typography color="text.disabled">—</Typography>;
  if (typeof value === 'boolean') return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value)}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return <>{formatDateTime(value, true)}</>;
  if (typeof value === 'object')
    return (
      <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(value, null, 2)}
      </Box>
    );
  return <>{String(value)}</>;
}

/**
 * An audit event's before/after as a table of fields, the changed ones marked;
 * the raw JSON stays one click away.
 */
export const ChangesTable = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const before = asObject(record?.before);
  const after = asObject(record?.after);
  const isUpdate = !!before && !!after;
  const [onlyChanged, setOnlyChanged] = useState(true);
  if (!record) return null;
  if (!before && !after) return <Typography color="text.secondary">{translate('ctacte.audit.changes.none')}</Typography>;

  const resource = resourceOfEntity(String(record.entity ?? ''));
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const rows = keys.filter((key) => !isUpdate || !onlyChanged || !same(before?.[key], after?.[key]));
  const label = (key: string) => translate(`resources.${resource}.fields.${key}`, { _: key });
  const changed = (key: string) => isUpdate && !same(before?.[key], after?.[key]);

  return (
    <Box sx={{ width: '100%' }}>
      {isUpdate && (
        <FormControlLabel
          control={<Switch checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />}
          label={translate(onlyChanged ? 'ctacte.audit.changes.onlyChanged' : 'ctacte.audit.changes.showAll')}
        />
      )}
      <SimpleTable<string>
        sx={{ mb: 2 }}
        rows={rows}
        rowKey={(key) => key}
        rowProps={(key) => ({ sx: changed(key) ? { bgcolor: 'action.selected' } : undefined })}
        columns={[
          {
            label: 'ctacte.audit.changes.field',
            width: '25%',
            sticky: true,
            render: label,
            sx: (key) => ({ fontWeight: changed(key) ? 600 : undefined }),
          },
          !!before && {
            label: 'ctacte.audit.changes.before',
            render: (key) => <Value value={before[key]} />,
            sx: (key) => (changed(key) ? { color: 'error.main', textDecoration: 'line-through' } : undefined),
          },
          !!after && {
            label: 'ctacte.audit.changes.after',
            render: (key) => <Value value={after[key]} />,
            sx: (key) => (changed(key) ? { color: 'success.dark', fontWeight: 600 } : undefined),
          },
        ]}
      />
      <Accordion disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>{translate('ctacte.audit.changes.raw')}</AccordionSummary>
        <AccordionDetails>
          <Box component="pre" sx={{ m: 0, fontSize: 12, overflowX: 'auto' }}>
            {JSON.stringify({ before, after }, null, 2)}
          </Box>
        </AccordionDetails>
      </Accordion>
    </Box>
  );
};
