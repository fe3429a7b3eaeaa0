import { DataTable, List, NumberInput, SearchInput, SortButton, TopToolbar, useRecordContext } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { ExportButton } from '../common/ExportButton';
import { MoneyInput } from '../common/MoneyInput';
import { ProvinceInput } from '../common/ProvinceInput';
import { ACCOUNT_CURRENCY_CHOICES } from '../common/choices';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { LogCallButton } from '../collections/LogCallButton';
import type { Debtor } from '../collections/types';
import { DebtorFilterSidebar } from './DebtorFilterSidebar';
import { AddToSheetButton } from './AddToSheetButton';
import { useCan } from '../ledger/useCan';
import {
  DebtorAccountField,
  DebtorCustomerField,
  DebtorFollowUpField,
  DebtorLatenessField,
  DebtorPeopleField,
  DebtorPromiseField,
} from './debtorFields';

/** Beyond the sidebar, under "Agregar filtro"; the search box (code, names, CUIT) is always there. */
const debtorFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ChoiceInput key="currency" source="currency" choices={ACCOUNT_CURRENCY_CHOICES} />,
  <ProvinceInput key="province" source="province" />,
  <NumberInput key="minDaysOverdue" source="minDaysOverdue" min={0} step={1} />,
  <MoneyInput key="balance_gte" source="balance_gte" />,
  <MoneyInput key="balance_lte" source="balance_lte" />,
];

const SORTS = [
  'overdue',
  'balance',
  'daysOverdue',
  'oldestDueDate',
  'nextContactAt',
  'lastCallAt',
  'promiseDate',
  'code',
  'legalName',
];

const DebtorListActions = () => (
  <TopToolbar>
    <SortButton fields={SORTS} />
    <ExportButton />
  </TopToolbar>
);

const LogCall = () => {
  const d = useRecordContext<Debtor>();
  return d ? <LogCallButton customerId={d.id} compact /> : null;
};

/**
 * Deudores: the customers that owe, most overdue first, with how late they are,
 * the follow-up and the latest promise. A row opens the customer's collections
 * tab; "Registrar llamada" logs a call without leaving the list; the rows ticked go onto a
 * collector's sheet ("Agregar a la hoja de …").
 */
export const DebtorList = () => {
  const mayPlan = useCan('collections.write');
  return (
    <List
      filters={debtorFilters}
      aside={<DebtorFilterSidebar />}
      sort={{ field: 'overdue', order: 'DESC' }}
      perPage={25}
      actions={<DebtorListActions />}
      sx={CONTAINED_LIST_SX}
    >
      <DataTable
        bulkActionButtons={mayPlan ? <AddToSheetButton /> : false}
        rowClick={(id) => `/customers/${id}/show/collections`}
        sx={{ '& td, & th': { px: 0.75 } }}
      >
        <DataTable.Col source="legalName" label="collections.debtors.customer" field={DebtorCustomerField} />
        <DataTable.Col source="collectorName" label="collections.debtors.people" field={DebtorPeopleField} />
        <DataTable.Col source="overdue" label="collections.debtors.account" align="right" field={DebtorAccountField} />
        <DataTable.Col source="daysOverdue" field={DebtorLatenessField} />
        <DataTable.Col source="nextContactAt" label="collections.debtors.followUp" field={DebtorFollowUpField} />
        <DataTable.Col source="promiseDate" label="collections.debtors.promise" align="right" field={DebtorPromiseField} />
        <DataTable.Col label={false} disableSort align="center" field={LogCall} />
      </DataTable>
    </List>
  );
};
