import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { formatMoney } from '../common/money';
import { toCents } from '../common/cents';
import { DocumentLink, DocumentTypeChip } from './fields';
import { isDebit, type Statement } from './types';
import { Money } from '../common/Money';

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textAlign: 'right' } as const;

/**
 * Estado de cuenta: the opening balance, every movement with the running
 * balance (a cancelled document shows again, reversed, on its cancellation
 * date), and the closing balance. `print` drops links and chips for paper.
 */
export const StatementTable = ({ statement, print = false }: { statement: Statement; print?: boolean }) => {
  const translate = useTranslate();
  const c = statement.currency;
  const money = (v: string) => (toCents(v) === 0n ? '' : formatMoney(v, c));
  const cell = print ? { py: 0.4, px: 0.75, fontSize: 11.5, color: '#000', borderColor: '#999' } : {};
  const foot = { ...cell, color: print ? '#000' : 'text.primary', fontSize: print ? 11.5 : '0.875rem' };
  // Without a start date the statement runs from the first movement: no opening date to show.
  const sinceStart = statement.from <= '1900-01-01';
  return (
    <Table size="small" aria-label={translate('ledger.statement.title')} data-statement>
      <TableHead>
        <TableRow>
          <TableCell sx={cell}>{translate('ledger.fields.date')}</TableCell>
          <TableCell sx={cell}>{translate('ledger.fields.type')}</TableCell>
          <TableCell sx={cell}>{translate('ledger.fields.number')}</TableCell>
          <TableCell sx={cell}>{translate('ledger.statement.description')}</TableCell>
          <TableCell sx={cell}>{translate('ledger.fields.dueDate')}</TableCell>
          <TableCell sx={{ ...cell, ...num }}>{translate('ledger.statement.debit')}</TableCell>
          <TableCell sx={{ ...cell, ...num }}>{translate('ledger.statement.credit')}</TableCell>
          <TableCell sx={{ ...cell, ...num }}>{translate('ledger.statement.balance')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow data-row="opening">
          <TableCell sx={cell}>{sinceStart ? '' : formatDate(statement.from)}</TableCell>
          <TableCell sx={cell} colSpan={4}>
            <strong>{translate('ledger.statement.opening')}</strong>
          </TableCell>
          <TableCell sx={cell} />
          <TableCell sx={cell} />
          <TableCell sx={{ ...cell, ...num, fontWeight: 600 }}>
            <Money value={statement.openingBalance} currency={c} />
          </TableCell>
        </TableRow>
        {statement.movements.map((m) => (
          <TableRow key={`${m.kind}-${m.documentId}`} data-row={m.displayNumber}>
            <TableCell sx={{ ...cell, whiteSpace: 'nowrap' }}>{formatDate(m.date)}</TableCell>
            <TableCell sx={cell}>
              {print ? translate(`ledger.typeShort.${m.type}`) : <DocumentTypeChip type={m.type} />}
            </TableCell>
            <TableCell sx={{ ...cell, whiteSpace: 'nowrap' }}>
              {print ? m.displayNumber : <DocumentLink id={m.documentId}>{m.displayNumber}</DocumentLink>}
            </TableCell>
            <TableCell sx={cell}>
              {m.kind === 'cancellation'
                ? `${translate('ledger.statement.cancellation')}${m.description ? `: ${m.description}` : ''}`
                : m.description}
            </TableCell>
            <TableCell sx={{ ...cell, whiteSpace: 'nowrap' }}>
              {isDebit(m.type) && m.kind === 'document' ? formatDate(m.dueDate) : ''}
            </TableCell>
            <TableCell sx={{ ...cell, ...num }}>{money(m.debit)}</TableCell>
            <TableCell sx={{ ...cell, ...num }}>{money(m.credit)}</TableCell>
            <TableCell sx={{ ...cell, ...num }}>
              <Money value={m.balance} currency={c} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow data-row="closing">
          <TableCell sx={foot}>{formatDate(statement.to)}</TableCell>
          <TableCell sx={foot} colSpan={4}>
            <strong>{translate('ledger.statement.closing')}</strong>
          </TableCell>
          <TableCell sx={{ ...foot, ...num, fontWeight: 600 }}>
            <Money value={statement.totalDebits} currency={c} />
          </TableCell>
          <TableCell sx={{ ...foot, ...num, fontWeight: 600 }}>
            <Money value={statement.totalCredits} currency={c} />
          </TableCell>
          <TableCell sx={{ ...foot, ...num, fontWeight: 700 }}>
            <Money value={statement.closingBalance} currency={c} />
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
