import { DataTable, List, NullableBooleanInput, ReferenceField, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { contactColumns } from './contactFields';

const contactFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceSelect key="customerId" source="customerId" reference="customers" searchable />,
  <ReferenceSelect key="cardIssuerId" source="cardIssuerId" reference="card-issuers" />,
  <NullableBooleanInput key="isCollectionsContact" source="isCollectionsContact" />,
];

export const ContactList = () => (
  <List filters={contactFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      {contactColumns[0]}
      <DataTable.Col source="customerId">
        <ReferenceField source="customerId" reference="customers" emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="cardIssuerId">
        <ReferenceField source="cardIssuerId" reference="card-issuers" emptyText="" />
      </DataTable.Col>
      {contactColumns.slice(1)}
    </DataTable>
  </List>
);
