/**
 * The table and the filters of every list of documents (comprobantes, recibos,
 * ajustes, recibos anulados): same columns, each list leaving out what does not
 * apply to it.
 */
import { DataTable, NullableBooleanInput, SearchInput, SelectArrayInput } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { MoneyColumn } from '../common/MoneyField';
import { MoneyInput } from '../common/MoneyInput';
import { CURRENCY_CHOICES, DOCUMENT_TYPE_CHOICES } from './choices';
import { CustomerCell, DocumentNumberField, DocumentStatusField } from './fields';
import { DaysOverdueChip } from '../common/DaysOverdueChip';
import { CustomerInput } from './inputs';
import type { DocumentType } from './types';
import { DENSE_TABLE_SX } from './listStyles';
import type { FilterTab } from './FilterTabs';

/**
 * The states of a list of documents as tabs: registered, still open (for
 * receipts, with something on account), cancelled, and receipt forms voided.
 */
export const documentTabs = (openLabel = 'ledger.documents.tabs.open'): FilterTab[] => [
  { id: 'posted', label: 'ledger.documents.tabs.posted', filter: { status: 'posted' } },
  { id: 'open', label: openLabel, filter: { open: true } },
  { id: 'cancelled', label: 'ledger.documents.tabs.cancelled', filter: { status: 'cancelled' } },
  { id: 'voided', label: 'ledger.documents.tabs.voided', filter: { status: 'voided' } },
];

type Column = 'type' | 'dueDate' | 'openAmount' | 'daysOverdue' | 'status' | 'reason' | 'total';

export function documentFilters({ types, withDue = true }: { types?: readonly DocumentType[]; withDue?: boolean } = {}) {
  const typeChoices = types ? DOCUMENT_TYPE_CHOICES.filter((c) => types.includes(c.id)) : DOCUMENT_TYPE_CHOICES;
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <CustomerInput key="customerId" source="customerId" alwaysOn sx={{ minWidth: 320 }} />,
    ...(typeChoices.length > 1 ? [<SelectArrayInput key="type" source="type" choices={typeChoices} />] : []),
    <DateInput key="issueDate_gte" source="issueDate_gte" />,
    <DateInput key="issueDate_lte" source="issueDate_lte" />,
    ...(withDue
      ? [
          <DateInput key="dueDate_gte" source="dueDate_gte" />,
          <DateInput key="dueDate_lte" source="dueDate_lte" />,
          <NullableBooleanInput key="overdue" source="overdue" />,
        ]
      : []),
    <ChoiceInput key="currency" source="currency" choices={CURRENCY_CHOICES} />,
    <MoneyInput key="total_gte" source="total_gte" />,
    <MoneyInput key="total_lte" source="total_lte" />,
  ];
}

export const DocumentsTable = ({ hide = [], openLabel }: { hide?: Column[]; openLabel?: string }) => {
  const shows = (column: Column) => !hide.includes(column);
  return (
    <DataTable bulkActionButtons={false} rowClick={(id) => `/documents/${id}/show`} sx={DENSE_TABLE_SX}>
      <DataTable.Col source="displayNumber">
        <DocumentNumberField withType={shows('type')} />
      </DataTable.Col>
      <DataTable.Col source="issueDate" field={DateField} />
      {shows('dueDate') && <DataTable.Col source="dueDate" label="ledger.fields.dueShort" field={DateField} />}
      <DataTable.Col source="customerName" disableSort>
        <CustomerCell />
      </DataTable.Col>
      {shows('reason') && <DataTable.Col source="reason" disableSort />}
      {shows('total') && <MoneyColumn source="total" />}
      {shows('openAmount') && <MoneyColumn source="openAmount" label={openLabel} />}
      {shows('daysOverdue') && (
        <DataTable.Col
          source="daysOverdue"
          label="ledger.fields.overdueShort"
          disableSort
          align="right"
          render={(d) => <DaysOverdueChip days={d.daysOverdue as number | null} hideNotDue />}
        />
      )}
      {shows('status') && <DataTable.Col source="status" field={DocumentStatusField} />}
    </DataTable>
  );
};
