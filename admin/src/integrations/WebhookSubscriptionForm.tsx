import { BooleanInput, CheckboxGroupInput, PasswordInput, SimpleForm, TextInput, required } from 'react-admin';
import { EVENT_CHOICES } from './choices';

const validate = (v: { url?: string; events?: string[]; secret?: string }, mode: 'create' | 'edit') => {
  const errors: Record<string, string> = {};
  if (v.url && !/^https?:\/\/\S+$/.test(v.url)) errors.url = 'ctacte.integrations.urlInvalid';
  if (!v.events?.length) errors.events = 'ctacte.integrations.eventsRequired';
  if ((mode === 'create' || v.secret) && (v.secret ?? '').length < 16) errors.secret = 'ctacte.integrations.secretShort';
  return errors;
};

/** URL, events and the shared secret that signs each delivery; shared by create and edit. */
export const WebhookSubscriptionForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm validate={(v) => validate(v, mode)} sx={{ maxWidth: 720 }}>
    <TextInput source="url" validate={required()} helperText="ctacte.integrations.urlHelp" />
    <TextInput source="description" />
    <CheckboxGroupInput source="events" choices={EVENT_CHOICES} row={false} />
    <PasswordInput
      source="secret"
      isRequired={mode === 'create'}
      helperText={mode === 'create' ? 'ctacte.integrations.secretHelp' : 'ctacte.integrations.secretKeep'}
      slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
    />
    <BooleanInput source="active" defaultValue={true} />
  </SimpleForm>
);
