import { Box } from '@mui/material';
import { DataTable, List, NullableBooleanInput, ReferenceField, SearchInput, useRecordContext } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { CustomerInput } from '../ledger/inputs';
import { contactColumns } from './contactFields';

const contactFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CustomerInput key="customerId" source="customerId" alwaysOn sx={{ minWidth: 300 }} />,
  <ReferenceSelect key="cardIssuerId" source="cardIssuerId" reference="card-issuers" />,
  <NullableBooleanInput key="isCollectionsContact" source="isCollectionsContact" />,
];

/** The customer or the card issuer the contact belongs to. */
const OwnerField = () => {
  const record = useRecordContext();
  if (!record) return null;
  const [source, reference] = record.customerId ? ['customerId', 'customers'] : ['cardIssuerId', 'card-issuers'];
  return (
    <Box sx={{ minWidth: 180 }}>
      <ReferenceField source={source} reference={reference} emptyText="" />
    </Box>
  );
};

export const ContactList = () => (
  <List filters={contactFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      {contactColumns[0]}
      <DataTable.Col source="customerId" label="ctacte.contacts.owner" field={OwnerField} />
      {contactColumns.slice(1)}
    </DataTable>
  </List>
);
