import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDecimal } from '../common/money';
import { SimpleTable } from '../common/SimpleTable';
import type { ImportReport } from '../data/imports';

const Count = ({ label, value, tone }: { label: string; value: number; tone?: 'error' | 'success' }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 120 }} data-count={label}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`ctacte.import.counts.${label}`)}
      </Typography>
      <Typography
        variant="h6"
        component="div"
        sx={{ color: tone ? `${tone}.main` : undefined, fontVariantNumeric: 'tabular-nums' }}
      >
        {formatDecimal(value, 0)}
      </Typography>
    </Paper>
  );
};

/** The counts of a report: rows, valid, with errors, and what was (or would be) created, updated or left as it was. */
export const Counts = ({ report }: { report: ImportReport }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, my: 2 }}>
    <Count label="total" value={report.total} />
    <Count label="valid" value={report.valid} tone={report.invalid === 0 ? 'success' : undefined} />
    <Count label="invalid" value={report.invalid} tone={report.invalid > 0 ? 'error' : undefined} />
    <Count label={report.dryRun ? 'toCreate' : 'created'} value={report.created} />
    <Count label={report.dryRun ? 'toUpdate' : 'updated'} value={report.updated} />
    <Count label="unchanged" value={report.unchanged} />
  </Stack>
);

/** "taxId: dígito verificador…" → "Dígito verificador…": the column has its own cell. */
const withoutColumnName = ({ column, message }: ImportReport['errors'][number]) => {
  const text = column && message.startsWith(`${column}: `) ? message.slice(column.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Row, column (with its label) and the server's message, for every row that would not import. */
export const RowErrors = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  if (report.errors.length === 0) return null;
  const columnLabel = (column?: string) =>
    column ? `${translate(`resources.customers.fields.${column}`, { _: column })} (${column})` : '—';
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('ctacte.import.errorsTitle')}
      </Typography>
      {report.errorsTruncated && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {translate('ctacte.import.errorsTruncated', {
            shown: report.errors.length,
            total: report.errorCount ?? report.errors.length,
          })}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ mt: 1 }}>
        <SimpleTable<ImportReport['errors'][number]>
          ariaLabel={translate('ctacte.import.errorsTitle')}
          maxHeight={480}
          rows={report.errors}
          rowKey={(error, i) => `${error.row}-${error.column ?? ''}-${i}`}
          columns={[
            { label: 'ctacte.import.row', align: 'right', width: 80, sticky: true, render: (error) => error.row },
            { label: 'ctacte.import.column', width: 260, render: (error) => columnLabel(error.column) },
            { label: 'ctacte.import.message', render: withoutColumnName },
          ]}
        />
      </Paper>
    </>
  );
};
