import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Title, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { TextInput } from 'react-admin';
import { SearchParamsForm, useSearchParamValues, type SearchParamsSpec } from '../common/SearchParamsForm';
import { previousMonth } from '../ledger/periods';
import { fiscalApi } from './api';

const SPEC: SearchParamsSpec = {
  defaults: {
    from: previousMonth().from,
    to: previousMonth().to,
    agentTaxId: '',
    iibbSituation: '2',
    iibbNumber: '',
    ivaSituation: '1',
  },
  dates: ['from', 'to'],
};

const FILES = ['sifere', 'arciba', 'arba'] as const;

/** Archivos de retenciones: the period (kept in the address) and one download per tax office's layout. */
export const WithholdingFilesPage = () => {
  const translate = useTranslate();
  const v = useSearchParamValues(SPEC);
  const t = (k: string) => translate(`fiscal.files.${k}`);
  // One agent's records only when its CUIT is given (typed with or without dashes).
  const period = { from: v.from, to: v.to, agentTaxId: v.agentTaxId.replace(/\D/g, '') };
  const params = (file: string): Record<string, string> =>
    file === 'arciba'
      ? { ...period, iibbSituation: v.iibbSituation, iibbNumber: v.iibbNumber, ivaSituation: v.ivaSituation }
      : period;
  return (
    <Box sx={{ p: 2, maxWidth: 900 }}>
      <Title title={t('title')} />
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('help')}
      </Typography>
      <SearchParamsForm spec={SPEC}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '180px 180px 240px' }, columnGap: 2 }}>
          <DateInput source="from" label="fiscal.files.from" helperText={false} />
          <DateInput source="to" label="fiscal.files.to" helperText={false} />
          <TextInput source="agentTaxId" label="fiscal.files.agentTaxId" helperText={false} />
        </Box>
        <Card variant="outlined" sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {t('arciba')}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px 200px 240px' }, columnGap: 2 }}>
              <ChoiceInput
                source="iibbSituation"
                label="fiscal.files.iibbSituation"
                choices={['1', '2', '4', '5'].map((id) => ({ id, name: `fiscal.files.iibbSituations.${id}` }))}
                helperText={false}
              />
              <TextInput source="iibbNumber" label="fiscal.files.iibbNumber" helperText={false} />
              <ChoiceInput
                source="ivaSituation"
                label="fiscal.files.ivaSituation"
                choices={['1', '3', '4'].map((id) => ({ id, name: `fiscal.files.ivaSituations.${id}` }))}
                helperText={false}
              />
            </Box>
          </CardContent>
        </Card>
      </SearchParamsForm>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
        {FILES.map((file) => (
          <Button
            key={file}
            variant="contained"
            startIcon={<DownloadIcon />}
            href={fiscalApi.withholdingFileUrl(file, params(file))}
          >
            {t(file)}
          </Button>
        ))}
      </Stack>
    </Box>
  );
};

export default WithholdingFilesPage;
