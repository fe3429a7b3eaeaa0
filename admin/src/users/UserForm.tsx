import { Typography } from '@mui/material';
import { BooleanInput, PasswordInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { ROLE_CHOICES } from './roles';
import { validateUser } from './validateUser';

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" color="text.secondary" sx={{ mt: 1 }}>
      {translate(label)}
    </Typography>
  );
};

/** The fields of a user, shared by create and edit. */
export const UserForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm warnWhenUnsavedChanges validate={(values) => validateUser(values, mode)} sx={{ maxWidth: 640 }}>
    <Section label="ctacte.users.identity" />
    <TextInput source="username" isRequired slotProps={{ htmlInput: { autoComplete: 'off', autoCapitalize: 'none' } }} />
    <TextInput source="fullName" isRequired />
    <TextInput source="email" type="email" />
    <Section label="ctacte.users.access" />
    <ChoiceInput source="role" choices={ROLE_CHOICES} isRequired />
    <BooleanInput source="active" defaultValue={true} />
    <PasswordInput
      source="password"
      isRequired={mode === 'create'}
      helperText={mode === 'create' ? 'ctacte.users.passwordOnCreate' : 'ctacte.users.passwordOnEdit'}
      slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
    />
  </SimpleForm>
);
