import { Create, Edit, SimpleForm } from 'react-admin';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { CustomerInput } from '../ledger/inputs';
import { Section } from '../common/Section';
import { ContactInputs, contactPayload, validateContact } from './contactFields';

/** On the contacts screen the contact's owner is chosen: a customer or a card issuer, exactly one. */
const ContactForm = () => (
  <SimpleForm warnWhenUnsavedChanges noValidate validate={validateContact} sx={{ maxWidth: 900 }}>
    <Section title="ctacte.contacts.owner">
      <CustomerInput source="customerId" sx={{ minWidth: 300 }} />
      <ReferenceSelect source="cardIssuerId" reference="card-issuers" />
    </Section>
    <ContactInputs />
  </SimpleForm>
);

export const ContactCreate = () => (
  <Create redirect="list" transform={contactPayload}>
    <ContactForm />
  </Create>
);

export const ContactEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={contactPayload}>
    <ContactForm />
  </Edit>
);
