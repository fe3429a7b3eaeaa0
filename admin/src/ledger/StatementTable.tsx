import { TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { DocumentLink, DocumentTypeChip } from './fields';
import { isDebit, type Statement } from './types';
import { Money } from '../common/Money';
import { SimpleTable } from '../common/SimpleTable';

type Movement = Statement['movements'][number];

/**
 * Estado de cuenta: the opening balance, every movement with the running
 * balance (a cancelled document shows again, reversed, on its cancellation
 * date), and the closing balance. `print` drops links and chips for paper.
 */
export const StatementTable = ({ statement, print = false }: { statement: Statement; print?: boolean }) => {
  const translate = useTranslate();
  const c = statement.currency;
  const cell = print ? { py: 0.4, px: 0.75, fontSize: 11.5, color: '#000', borderColor: '#999' } : {};
  // Without a start date the statement runs from the first movement: no opening date to show.
  const sinceStart = statement.from <= '1900-01-01';
  return (
    <SimpleTable<Movement>
      ariaLabel={translate('ledger.statement.title')}
      tableProps={{ 'data-statement': true }}
      print={print}
      cellSx={cell}
      currency={c}
      rows={statement.movements}
      rowKey={(m) => `${m.kind}-${m.documentId}`}
      rowProps={(m) => ({ 'data-row': m.displayNumber })}
      leadingRows={
        <TableRow data-row="opening">
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{sinceStart ? '' : formatDate(statement.from)}</TableCell>
          <TableCell colSpan={4}>
            <strong>{translate('ledger.statement.opening')}</strong>
          </TableCell>
          <TableCell />
          <TableCell />
          <TableCell align="right" sx={{ fontWeight: 600 }}>
            <Money value={statement.openingBalance} currency={c} />
          </TableCell>
        </TableRow>
      }
      columns={[
        {
          label: 'ledger.fields.date',
          nowrap: true,
          sticky: true,
          render: (m) => formatDate(m.date),
          total: { node: formatDate(statement.to) },
        },
        {
          label: 'ledger.fields.type',
          render: (m) => (print ? translate(`ledger.typeShort.${m.type}`) : <DocumentTypeChip type={m.type} />),
        },
        {
          label: 'ledger.fields.number',
          nowrap: true,
          render: (m) => (print ? m.displayNumber : <DocumentLink id={m.documentId}>{m.displayNumber}</DocumentLink>),
        },
        {
          label: 'ledger.statement.description',
          render: (m) =>
            m.kind === 'cancellation'
              ? `${translate('ledger.statement.cancellation')}${m.description ? `: ${m.description}` : ''}`
              : m.description,
        },
        {
          label: 'ledger.fields.dueDate',
          nowrap: true,
          render: (m) => (isDebit(m.type) && m.kind === 'document' ? formatDate(m.dueDate) : ''),
        },
        { label: 'ledger.statement.debit', money: (m) => m.debit, blankZero: true, total: { money: statement.totalDebits } },
        { label: 'ledger.statement.credit', money: (m) => m.credit, blankZero: true, total: { money: statement.totalCredits } },
        { label: 'ledger.statement.balance', money: (m) => m.balance, total: { money: statement.closingBalance } },
      ]}
      totals={{
        label: <strong>{translate('ledger.statement.closing')}</strong>,
        'data-row': 'closing',
        sx: { '& td': { color: print ? '#000' : 'text.primary', fontSize: print ? 11.5 : '0.875rem' } },
      }}
    />
  );
};
