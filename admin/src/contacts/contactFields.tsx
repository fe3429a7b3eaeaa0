import { BooleanField, BooleanInput, DataTable, EmailField, TextInput, useRecordContext } from 'react-admin';
import { FieldText } from '../common/FieldText';
import { Section } from '../common/Section';
import { blank, emailErrors, pickFields, type FormErrors } from '../common/validateRecord';

export const CONTACT_WRITABLE = [
  'customerId',
  'cardIssuerId',
  'name',
  'position',
  'phone',
  'mobile',
  'email',
  'isCollectionsContact',
  'notes',
] as const;

/** What a save sends: the contact's own fields. */
export const contactPayload = pickFields(CONTACT_WRITABLE);

/** One validation for every contact form; `owner` when the form picks the customer or the issuer. */
export const validateContact = (values: Record<string, unknown>) => {
  const errors: FormErrors = { ...emailErrors(values) };
  if (blank(values.name)) errors.name = 'ra.validation.required';
  if (!values.customerId === !values.cardIssuerId) {
    errors.customerId = 'ctacte.validation.contactOwner';
    errors.cardIssuerId = 'ctacte.validation.contactOwner';
  }
  return errors;
};

/** The person's inputs, the same inline (customer, issuer) and on the contacts screen. */
export const ContactInputs = () => (
  <>
    <Section>
      <TextInput source="name" isRequired slotProps={{ htmlInput: { maxLength: 120 } }} />
      <TextInput source="position" slotProps={{ htmlInput: { maxLength: 80 } }} />
      <TextInput source="phone" slotProps={{ htmlInput: { maxLength: 40 } }} />
      <TextInput source="mobile" slotProps={{ htmlInput: { maxLength: 40 } }} />
      <TextInput source="email" type="email" slotProps={{ htmlInput: { maxLength: 120 } }} />
      <BooleanInput source="isCollectionsContact" helperText="ctacte.contacts.collectionsHelp" />
    </Section>
    <TextInput source="notes" multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
  </>
);

/** A phone number on one line. */
const Phone = ({ source }: { source: string }) => {
  const record = useRecordContext();
  return <FieldText text={String(record?.[source] ?? '')} />;
};

/** The columns of a contact in a table. */
export const contactColumns = [
  <DataTable.Col key="name" source="name" />,
  <DataTable.Col key="position" source="position" disableSort />,
  <DataTable.Col key="phone" source="phone" disableSort field={Phone} />,
  <DataTable.Col key="mobile" source="mobile" disableSort field={Phone} />,
  <DataTable.Col key="email" source="email" disableSort field={EmailField} />,
  <DataTable.Col key="isCollectionsContact" source="isCollectionsContact" field={BooleanField} />,
];
