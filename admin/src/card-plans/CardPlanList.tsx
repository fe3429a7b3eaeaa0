import { DataTable, List, NullableBooleanInput, ReferenceField, SearchInput } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { ListActions } from '../common/ListActions';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { planColumns } from './planFields';

const planFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceSelect key="cardIssuerId" source="cardIssuerId" reference="card-issuers" />,
  <DateInput key="usableOn" source="usableOn" />,
  <NullableBooleanInput key="active" source="active" />,
];

export const CardPlanList = () => (
  <List filters={planFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="cardIssuerId">
        <ReferenceField source="cardIssuerId" reference="card-issuers" link={false} />
      </DataTable.Col>
      {planColumns}
    </DataTable>
  </List>
);
