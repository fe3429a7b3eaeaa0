import { List, NullableBooleanInput, NumberInput, SearchInput } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/MoneyInput';
import { VALUE_KIND_CHOICES } from '../ledger/choices';
import { BankInput, CustomerInput } from '../ledger/inputs';
import { FilterTabs, type FilterTab } from '../ledger/FilterTabs';
import { LedgerListActions } from '../ledger/LedgerListActions';
import { CONTAINED_LIST_SX } from '../ledger/listStyles';
import { ValuesDataTable } from './ValuesDataTable';
import { DEFAULT_DUE_DAYS } from '../../../shared/catalog/value-states';

const TABS: FilterTab[] = [
  // The alerts first: what to take to the bank this week, what should have moved and did not.
  { id: 'due', label: 'treasury.values.tabs.due', filter: { dueWithin: DEFAULT_DUE_DAYS } },
  { id: 'stale', label: 'treasury.values.tabs.stale', filter: { stale: true } },
  { id: 'pending_acceptance', label: 'ledger.valueStates.pending_acceptance', filter: { state: 'pending_acceptance' } },
  { id: 'accepted', label: 'ledger.valueStates.accepted', filter: { state: 'accepted' } },
  { id: 'in_portfolio', label: 'ledger.valueStates.in_portfolio', filter: { state: 'in_portfolio' } },
  { id: 'deposited', label: 'ledger.values.tabs.deposited', filter: { state: 'deposited' } },
  { id: 'endorsed', label: 'ledger.values.tabs.endorsed', filter: { state: 'endorsed' } },
  { id: 'discounted', label: 'ledger.valueStates.discounted', filter: { state: 'discounted' } },
  { id: 'credited', label: 'ledger.valueStates.credited', filter: { state: 'credited' } },
  { id: 'repudiated', label: 'ledger.valueStates.repudiated', filter: { state: 'repudiated' } },
  { id: 'rejected', label: 'ledger.values.tabs.rejected', filter: { state: 'rejected' } },
  { id: 'cancelled', label: 'ledger.values.tabs.cancelled', filter: { state: 'cancelled' } },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DateInput key="paymentDate_gte" source="paymentDate_gte" alwaysOn />,
  <DateInput key="paymentDate_lte" source="paymentDate_lte" alwaysOn />,
  <BankInput key="bankId" source="bankId" label="resources.values.fields.bankId" />,
  <CustomerInput key="customerId" source="customerId" sx={{ minWidth: 320 }} />,
  <ChoiceInput key="method" source="method" choices={VALUE_KIND_CHOICES} />,
  <NullableBooleanInput key="echeq" source="echeq" />,
  <NullableBooleanInput key="expired" source="expired" />,
  <NumberInput key="dueWithin" source="dueWithin" min={0} max={90} step={1} />,
  // Picks what may go in a deposit slip of that day (payable by then, or a common cheque).
  <DateInput key="depositableOn" source="depositableOn" />,
  <MoneyInput key="amount_gte" source="amount_gte" />,
  <MoneyInput key="amount_lte" source="amount_lte" />,
];

/**
 * Cartera de valores: the cheques and notes received, by state, soonest payable
 * first; each row moves along the transitions its state allows.
 */
export const ValueList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ state: 'in_portfolio' }}
    sort={{ field: 'paymentDate', order: 'ASC' }}
    perPage={25}
    actions={<LedgerListActions />}
    sx={CONTAINED_LIST_SX}
  >
    <FilterTabs tabs={TABS} />
    <ValuesDataTable bulkDeposit />
  </List>
);
