import type { SxProps } from '@mui/material';
import { DataTable, List, NullableBooleanInput, SearchInput } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { MoneyField } from '../common/MoneyField';
import { ProvinceField } from '../common/ProvinceField';
import { ProvinceInput } from '../common/ProvinceInput';
import { WITHHOLDING_TYPE_CHOICES } from '../ledger/choices';
import { CustomerCell, DocumentNumberField, TranslatedField } from '../ledger/fields';
import { CustomerInput } from '../ledger/inputs';
import { LedgerListActions } from '../ledger/LedgerListActions';
import { CONTAINED_LIST_SX, DENSE_TABLE_SX } from '../ledger/listStyles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ChoiceInput key="type" source="type" choices={WITHHOLDING_TYPE_CHOICES} alwaysOn />,
  <DateInput key="date_gte" source="date_gte" alwaysOn />,
  <DateInput key="date_lte" source="date_lte" alwaysOn />,
  <ProvinceInput key="jurisdiction" source="jurisdiction" />,
  <CustomerInput key="customerId" source="customerId" sx={{ minWidth: 320 }} />,
  <NullableBooleanInput key="active" source="active" />,
];

/** Retenciones: the withholding certificates customers handed with their receipts, for the tax filings. */
export const WithholdingList = () => (
  <List
    filters={filters}
    sort={{ field: 'date', order: 'DESC' }}
    perPage={25}
    actions={<LedgerListActions />}
    sx={CONTAINED_LIST_SX}
  >
    <DataTable
      bulkActionButtons={false}
      rowClick={false}
      sx={DENSE_TABLE_SX}
      rowSx={(w): SxProps => (w.active ? {} : { '& td': { textDecoration: 'line-through' } })}
    >
      <DataTable.Col source="date" field={DateField} />
      <DataTable.Col source="type">
        <TranslatedField source="type" prefix="ledger.withholdingTypes" />
      </DataTable.Col>
      <DataTable.Col source="jurisdiction" disableSort field={ProvinceField} />
      <DataTable.Col source="certificateNumber" />
      <DataTable.Col source="customerName" disableSort>
        <CustomerCell />
      </DataTable.Col>
      <DataTable.Col source="receiptNumber" disableSort>
        <DocumentNumberField source="receiptNumber" idSource="documentId" />
      </DataTable.Col>
      <DataTable.Col source="baseAmount" align="right" disableSort field={MoneyField} />
      <DataTable.Col source="amount" align="right" field={MoneyField} />
    </DataTable>
  </List>
);
