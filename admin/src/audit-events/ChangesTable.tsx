import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
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

  return (
    <Box sx={{ width: '100%' }}>
      {isUpdate && (
        <FormControlLabel
          control={<Switch checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />}
          label={translate(onlyChanged ? 'ctacte.audit.changes.onlyChanged' : 'ctacte.audit.changes.showAll')}
        />
      )}
      <Table size="small" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '25%' }}>{translate('ctacte.audit.changes.field')}</TableCell>
            {before && <TableCell>{translate('ctacte.audit.changes.before')}</TableCell>}
            {after && <TableCell>{translate('ctacte.audit.changes.after')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((key) => {
            const changed = isUpdate && !same(before?.[key], after?.[key]);
            return (
              <TableRow key={key} sx={changed ? { bgcolor: 'action.selected' } : undefined}>
                <TableCell sx={{ fontWeight: changed ? 600 : undefined }}>{label(key)}</TableCell>
                {before && (
                  <TableCell sx={changed ? { color: 'error.main', textDecoration: 'line-through' } : undefined}>
                    <Value value={before[key]} />
                  </TableCell>
                )}
                {after && (
                  <TableCell sx={changed ? { color: 'success.dark', fontWeight: 600 } : undefined}>
                    <Value value={after[key]} />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
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
