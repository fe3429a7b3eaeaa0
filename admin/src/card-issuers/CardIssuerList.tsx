import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectField,
  TextField,
} from 'react-admin';
import { TaxIdField } from '../common/TaxIdField';
import { ListActions } from '../common/ListActions';
import { ProvinceField } from '../common/ProvinceField';
import { IVA_SHORT_CHOICES } from '../common/choices';

const issuerFilters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

export const CardIssuerList = () => (
  <List filters={issuerFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="code" field={TextField} />
      <DataTable.Col source="legalName" />
      <DataTable.Col source="taxId" disableSort field={TaxIdField} />
      <DataTable.Col source="ivaCondition" disableSort>
        <SelectField source="ivaCondition" choices={IVA_SHORT_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="province" disableSort field={ProvinceField} />
      <DataTable.Col source="bankId" disableSort>
        <ReferenceField source="bankId" reference="banks" link={false} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
