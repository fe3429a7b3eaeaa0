import { useRef, useState } from 'react';
import { Box, Button, FormHelperText, Stack, Typography } from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import { useInput, useTranslate } from 'react-admin';

/** What the server accepts (PUT /api/company): a PNG, JPEG or SVG as a data URL of at most 200,000 characters. */
const MAX_CHARS = 200_000;
const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

/** The company's logo, kept as a data URL in its settings and printed on what the company hands out. */
export const LogoInput = ({ source = 'logo' }: { source?: string }) => {
  const translate = useTranslate();
  const { field } = useInput({ source, parse: (v: string | null) => v || null });
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const value = field.value as string | null;
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('resources.company.fields.logo')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 0.5 }}>
        {value ? (
          <Box component="img" src={value} alt={translate('resources.company.fields.logo')} sx={{ height: 56, maxWidth: 160 }} />
        ) : null}
        <Button variant="outlined" size="small" startIcon={<UploadIcon />} onClick={() => picker.current?.click()}>
          {translate('resources.company.fields.logo')}
        </Button>
        {value ? (
          <Button size="small" color="error" onClick={() => field.onChange(null)}>
            {translate('ctacte.company.logoRemove')}
          </Button>
        ) : null}
        <input
          ref={picker}
          type="file"
          accept={TYPES.join(',')}
          hidden
          data-testid="logo-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file || !TYPES.includes(file.type)) return;
            const reader = new FileReader();
            reader.onload = () => {
              const url = String(reader.result);
              if (url.length > MAX_CHARS) setError(translate('ctacte.company.logoTooLarge'));
              else {
                setError(null);
                field.onChange(url);
              }
            };
            reader.readAsDataURL(file);
          }}
        />
      </Stack>
      <FormHelperText error={!!error}>{error ?? translate('ctacte.company.logoHelp')}</FormHelperText>
    </Box>
  );
};
