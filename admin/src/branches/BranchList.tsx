import { DataTable, List, NullableBooleanInput, SearchInput, TextField, useRecordContext } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ProvinceInput } from '../common/ProvinceInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { FieldText } from '../common/FieldText';
import { branchColumns } from './branchFields';

const branchFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceSelect key="customerId" source="customerId" reference="customers" searchable />,
  <ProvinceInput key="province" source="province" />,
  <ReferenceSelect key="salespersonId" source="salespersonId" reference="salespeople" />,
  <ReferenceSelect key="collectorId" source="collectorId" reference="collectors" />,
  <NullableBooleanInput key="active" source="active" />,
];

const CustomerName = () => {
  const record = useRecordContext();
  return <FieldText text={String(record?.customerName ?? '')} />;
};

export const BranchList = () => (
  <List filters={branchFilters} sort={{ field: 'customerCode', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="customerCode" field={TextField} />
      <DataTable.Col source="customerName" disableSort field={CustomerName} />
      {branchColumns}
    </DataTable>
  </List>
);
