import { useMediaQuery, type Theme } from '@mui/material';
import FilterIcon from '@mui/icons-material/FilterList';
import {
  Button,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SortButton,
  TextInput,
  TopToolbar,
  useStore,
} from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { ExportButton } from '../common/ExportButton';
import { MoneyInput } from '../common/MoneyInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { IVA_CHOICES, TAX_ID_TYPE_CHOICES } from '../common/choices';
import { LocationField } from '../common/LocationField';
import { CustomerListAside } from './CustomerListAside';
import { StatusField } from './StatusField';
import {
  AccountAmountField,
  ActivityField,
  CodeField,
  CreditField,
  IvaShortField,
  NameField,
  PeopleField,
  overdueTone,
} from './customerFields';

/** Filters beyond the sidebar's, under "Agregar filtro"; the search box is always there (code, names, CUIT). */
const customerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="city" source="city" />,
  <ChoiceInput key="ivaCondition" source="ivaCondition" choices={IVA_CHOICES} />,
  <ChoiceInput key="taxIdType" source="taxIdType" choices={TAX_ID_TYPE_CHOICES} />,
  <NullableBooleanInput key="largeTaxpayer" source="largeTaxpayer" />,
  <ReferenceSelect key="priceListId" source="priceListId" reference="price-lists" />,
  <ReferenceSelect key="carrierId" source="carrierId" reference="carriers" />,
  <MoneyInput key="balance_gte" source="balance_gte" />,
  <MoneyInput key="balance_lte" source="balance_lte" />,
  <MoneyInput key="overdueBalance_gte" source="overdueBalance_gte" />,
  <DateInput key="lastSaleDate_gte" source="lastSaleDate_gte" />,
  <DateInput key="lastSaleDate_lte" source="lastSaleDate_lte" />,
  <DateInput key="lastReceiptDate_gte" source="lastReceiptDate_gte" />,
  <DateInput key="lastReceiptDate_lte" source="lastReceiptDate_lte" />,
];

/** The list's first page when nothing else is asked for; startRequests.ts asks for it before the page renders. */
export const CUSTOMER_LIST_DEFAULTS = { sort: { field: 'code', order: 'ASC' }, perPage: 25 } as const;

/** What the server sorts customers by; the columns that pair two figures sort by the first, this menu reaches the rest. */
const SORTS = ['code', 'legalName', 'balance', 'overdueBalance', 'creditLimit', 'lastSaleDate', 'lastReceiptDate'];

/** Whether the filter sidebar shows: open by default on wide screens, the user's choice remembered. */
function useAsideOpen(): [boolean, (open: boolean) => void] {
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'), { noSsr: true });
  const [open, setOpen] = useStore<boolean | undefined>('customers.list.aside', undefined);
  return [open ?? wide, setOpen];
}

const CustomerListActions = ({ asideOpen, setAsideOpen }: { asideOpen: boolean; setAsideOpen: (open: boolean) => void }) => (
  <TopToolbar>
    <Button
      label={asideOpen ? 'ctacte.customers.hideFilters' : 'ctacte.customers.showFilters'}
      onClick={() => setAsideOpen(!asideOpen)}
      aria-pressed={asideOpen}
    >
      <FilterIcon />
    </Button>
    <SortButton fields={SORTS} />
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

/**
 * The customers a clerk works through: who they are, where, who sells to and
 * collects from them, and how their account stands. Related figures share a cell
 * (code and CUIT, limit and available, last sale and last receipt) so the list
 * fits beside the filter sidebar. Sorted by the server on the columns it
 * indexes; exported with the same filter and sort.
 */
export const CustomerList = () => {
  const [asideOpen, setAsideOpen] = useAsideOpen();
  return (
    <List
      filters={customerFilters}
      aside={asideOpen ? <CustomerListAside /> : undefined}
      sort={CUSTOMER_LIST_DEFAULTS.sort}
      perPage={CUSTOMER_LIST_DEFAULTS.perPage}
      actions={<CustomerListActions asideOpen={asideOpen} setAsideOpen={setAsideOpen} />}
    >
      <DataTable bulkActionButtons={false} rowClick="show" sx={{ '& td, & th': { px: 0.75 } }}>
        <DataTable.Col source="code" label="ctacte.customers.codeAndTaxId" field={CodeField} />
        <DataTable.Col source="legalName" field={NameField} />
        <DataTable.Col source="city" label="ctacte.customers.location" field={LocationField} />
        <DataTable.Col source="ivaCondition" label="ctacte.customers.iva" disableSort field={IvaShortField} />
        <DataTable.Col source="salespersonId" label="ctacte.customers.people" disableSort field={PeopleField} />
        <DataTable.Col source="balance" align="right" render={() => <AccountAmountField source="balance" />} />
        <DataTable.Col
          source="overdueBalance"
          align="right"
          render={() => <AccountAmountField source="overdueBalance" alert={overdueTone} />}
        />
        <DataTable.Col source="creditLimit" label="ctacte.customers.credit" align="right" field={CreditField} />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="lastSaleDate" label="ctacte.customers.activity" field={ActivityField} />
      </DataTable>
    </List>
  );
};
