import { RelatedRecords } from '../common/RelatedRecords';
import { ContactInputs, contactColumns, contactPayload, validateContact } from './contactFields';

/** A customer's or a card issuer's contacts, edited in place. */
export const RelatedContacts = ({ target }: { target: 'customerId' | 'cardIssuerId' }) => (
  <RelatedRecords
    resource="contacts"
    target={target}
    sort={{ field: 'name', order: 'ASC' }}
    columns={contactColumns}
    inputs={<ContactInputs />}
    validate={validateContact}
    transform={contactPayload}
    wide
  />
);
