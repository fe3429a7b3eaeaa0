import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';
import CheckIcon from '@mui/icons-material/FactCheck';
import ImportIcon from '@mui/icons-material/CloudUpload';
import DownloadIcon from '@mui/icons-material/GetApp';
import ListIcon from '@mui/icons-material/People';
import {
  Button,
  Loading,
  Title,
  useCanAccess,
  useLogoutIfAccessDenied,
  useNotify,
  useRequireAccess,
  useTranslate,
} from 'react-admin';
import { exportUrl } from '../common/ExportButton';
import { uploadImport, type ImportReport, type UploadProgress } from '../data/imports';

type Step =
  | { name: 'idle' }
  | { name: 'running'; dryRun: boolean; progress?: UploadProgress }
  | { name: 'checked'; report: ImportReport }
  | { name: 'imported'; report: ImportReport };

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`
      : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

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
        {value.toLocaleString('es-AR')}
      </Typography>
    </Paper>
  );
};

/** The counts of a report: rows, valid, with errors, and what was (or would be) created, updated or left as it was. */
const Counts = ({ report }: { report: ImportReport }) => (
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
const RowErrors = ({ report }: { report: ImportReport }) => {
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
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 480, mt: 1 }}>
        <Table size="small" stickyHeader aria-label={translate('ctacte.import.errorsTitle')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 80 }} align="right">
                {translate('ctacte.import.row')}
              </TableCell>
              <TableCell sx={{ width: 260 }}>{translate('ctacte.import.column')}</TableCell>
              <TableCell>{translate('ctacte.import.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((error, i) => (
              <TableRow key={`${error.row}-${error.column ?? ''}-${i}`}>
                <TableCell align="right">{error.row}</TableCell>
                <TableCell>{columnLabel(error.column)}</TableCell>
                <TableCell>{withoutColumnName(error)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};

const Progress = ({ step }: { step: Extract<Step, { name: 'running' }> }) => {
  const translate = useTranslate();
  const uploading = step.progress?.phase === 'uploading' ? step.progress.fraction : undefined;
  return (
    <Box sx={{ my: 2 }} role="status">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {uploading !== undefined
          ? translate('ctacte.import.uploading', { percent: Math.round(uploading * 100) })
          : translate(step.dryRun ? 'ctacte.import.checking' : 'ctacte.import.importing')}
      </Typography>
      <LinearProgress variant={uploading !== undefined ? 'determinate' : 'indeterminate'} value={(uploading ?? 0) * 100} />
    </Box>
  );
};

/**
 * `/imports/customers`: pick a CSV (the columns of the customers' export), check
 * it without writing (dry run: counts and every row's errors), then import it,
 * all or nothing. The upload's progress shows while the file travels.
 */
const ImportCustomersPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logoutIfDenied = useLogoutIfAccessDenied();
  const { canAccess, isPending } = useCanAccess({ resource: 'customer-import', action: 'create' });
  useRequireAccess({ resource: 'customer-import', action: 'create' });
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [step, setStep] = useState<Step>({ name: 'idle' });

  if (isPending || !canAccess) return <Loading />;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setStep({ name: 'running', dryRun });
    try {
      const report = await uploadImport('customers', file, dryRun, (progress) => setStep({ name: 'running', dryRun, progress }));
      setStep(!dryRun && report.invalid === 0 ? { name: 'imported', report } : { name: 'checked', report });
    } catch (error) {
      setStep({ name: 'idle' });
      if (!(await logoutIfDenied(error))) notify((error as Error).message, { type: 'error' });
    }
  };

  const report = step.name === 'checked' || step.name === 'imported' ? step.report : undefined;
  const running = step.name === 'running';
  const canCommit = step.name === 'checked' && step.report.invalid === 0 && step.report.dryRun;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="ctacte.import.title" />
      <CardContent>
        <Typography variant="body1" sx={{ mb: 1 }}>
          {translate('ctacte.import.intro')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('ctacte.import.formats')}
        </Typography>
        <Button label="ctacte.import.template" href={exportUrl('customers', {}, { field: 'code', order: 'ASC' })} variant="text">
          <DownloadIcon />
        </Button>

        <input
          ref={input}
          type="file"
          accept=".csv,text/csv,text/plain"
          hidden
          data-testid="import-file"
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setStep({ name: 'idle' });
            event.target.value = '';
          }}
        />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
          <Button label="ctacte.import.choose" onClick={() => input.current?.click()} variant="outlined" disabled={running}>
            <UploadIcon />
          </Button>
          <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="import-file-name">
            {file ? `${file.name} (${sizeText(file.size)})` : translate('ctacte.import.noFile')}
          </Typography>
        </Stack>

        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button label="ctacte.import.check" onClick={() => run(true)} variant="contained" disabled={!file || running}>
            <CheckIcon />
          </Button>
          <Button
            label="ctacte.import.commit"
            onClick={() => run(false)}
            variant="contained"
            color="success"
            disabled={!canCommit || running}
          >
            <ImportIcon />
          </Button>
        </Stack>

        {step.name === 'running' && <Progress step={step} />}

        {report && (
          <Box sx={{ mt: 2 }}>
            {step.name === 'imported' ? (
              <Alert
                severity="success"
                action={
                  <MuiButton component={Link} to="/customers" size="small" startIcon={<ListIcon />}>
                    {translate('ctacte.import.seeCustomers')}
                  </MuiButton>
                }
              >
                {translate('ctacte.import.done', { created: report.created, updated: report.updated })}
              </Alert>
            ) : report.invalid > 0 ? (
              <Alert severity="error">{report.message ?? translate('ctacte.import.hasErrors')}</Alert>
            ) : (
              <Alert severity="success">{translate('ctacte.import.clean')}</Alert>
            )}
            <Counts report={report} />
            <RowErrors report={report} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export default ImportCustomersPage;
