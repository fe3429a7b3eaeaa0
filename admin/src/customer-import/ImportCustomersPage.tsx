import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Box, Button as MuiButton, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
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
import { formatDecimal } from '../common/money';
import { Counts, RowErrors } from './ImportReportView';
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
      ? `${formatDecimal(bytes / 1024, 1)} KB`
      : `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;

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
