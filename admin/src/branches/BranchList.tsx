import { DataTable, List, NullableBooleanInput, SearchInput, useRecordContext } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ProvinceInput } from '../common/ProvinceInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { CustomerInput } from '../ledger/inputs';
import { TwoLines } from '../common/TwoLines';
import { branchColumns } from './branchFields';

const branchFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CustomerInput key="customerId" source="customerId" alwaysOn sx={{ minWidth: 300 }} />,
  <ProvinceInput key="province" source="province" />,
  <ReferenceSelect key="salespersonId" source="salespersonId" reference="salespeople" />,
  <ReferenceSelect key="collectorId" source="collectorId" reference="collectors" />,
  <NullableBooleanInput key="active" source="active" />,
];

/** The customer's code over its legal name. */
const CustomerField = () => {
  const record = useRecordContext();
  return <TwoLines wrap minWidth={160} first={String(record?.customerCode ?? '')} second={String(record?.customerName ?? '')} />;
};

export const BranchList = () => (
  <List filters={branchFilters} sort={{ field: 'customerCode', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="customerCode" field={CustomerField} />
      {branchColumns}
    </DataTable>
  </List>
);
