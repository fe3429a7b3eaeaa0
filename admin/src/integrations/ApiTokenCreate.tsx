import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import CopyIcon from '@mui/icons-material/ContentCopy';
import {
  CheckboxGroupInput,
  Create,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DateInput } from '../common/DateInput';
import { ROLE_CHOICES } from '../users/roles';
import { SCOPE_CHOICES } from './choices';

type FormValues = {
  name: string;
  access: 'role' | 'scopes';
  role?: string;
  scopes?: string[];
  expiresAt?: string | null;
  allowedIps?: string;
  ratePerMinute?: number;
};

/** The form's values as POST /api/api-tokens takes them. */
const toBody = (v: FormValues) => ({
  name: v.name,
  ...(v.access === 'role' ? { role: v.role } : { scopes: v.scopes }),
  expiresAt: v.expiresAt || null,
  allowedIps: v.allowedIps
    ? v.allowedIps
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : null,
  ratePerMinute: v.ratePerMinute,
});

const validate = (v: FormValues) => {
  const errors: Record<string, string> = {};
  if (v.access === 'role' && !v.role) errors.role = 'ra.validation.required';
  if (v.access === 'scopes' && !v.scopes?.length) errors.scopes = 'ctacte.integrations.scopesRequired';
  return errors;
};

const AccessInputs = () => {
  const access = useWatch<FormValues>({ name: 'access' });
  return access === 'role' ? (
    <SelectInput source="role" choices={ROLE_CHOICES} isRequired />
  ) : (
    <CheckboxGroupInput source="scopes" choices={SCOPE_CHOICES} row={false} />
  );
};

/** The secret, once: copy it now, it is never shown again. */
const SecretDialog = ({ token, onClose }: { token: string; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('ctacte.integrations.secretTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('ctacte.integrations.secretOnce')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <TextField
            value={token}
            fullWidth
            size="small"
            slotProps={{ htmlInput: { readOnly: true, 'aria-label': translate('ctacte.integrations.secret') } }}
          />
          <Button
            variant="outlined"
            startIcon={<CopyIcon />}
            onClick={() => {
              void navigator.clipboard?.writeText(token).then(() => setCopied(true));
            }}
          >
            {translate(copied ? 'ctacte.integrations.copied' : 'ctacte.integrations.copy')}
          </Button>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('ctacte.integrations.secretUse')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('ctacte.integrations.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ApiTokenCreate = () => {
  const redirect = useRedirect();
  const [token, setToken] = useState<string | null>(null);
  return (
    <>
      <Create
        transform={(v) => toBody(v as FormValues)}
        mutationOptions={{ onSuccess: (data) => setToken((data as { token?: string }).token ?? null) }}
      >
        <SimpleForm
          validate={(v) => validate(v as FormValues)}
          defaultValues={{ access: 'scopes', ratePerMinute: 600 }}
          sx={{ maxWidth: 640 }}
        >
          <TextInput source="name" validate={required()} helperText="ctacte.integrations.nameHelp" />
          <RadioButtonGroupInput
            source="access"
            choices={[
              { id: 'scopes', name: 'ctacte.integrations.byScopes' },
              { id: 'role', name: 'ctacte.integrations.byRole' },
            ]}
          />
          <AccessInputs />
          <DateInput source="expiresAt" helperText="ctacte.integrations.expiresHelp" />
          <TextInput source="allowedIps" multiline helperText="ctacte.integrations.ipsHelp" />
          <NumberInput source="ratePerMinute" min={1} max={100000} />
        </SimpleForm>
      </Create>
      {token && <SecretDialog token={token} onClose={() => redirect('list', 'api-tokens')} />}
    </>
  );
};
