import {
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TableSortLabel,
  Tooltip,
} from '@mui/material';
import DrillIcon from '@mui/icons-material/ZoomIn';
import GroupIcon from '@mui/icons-material/GroupWork';
import { useTranslate } from 'react-admin';
import type { Currency } from '../common/money';
import { Money } from '../common/Money';
import { AGING_BUCKETS, type AgingReport, type AgingRow } from '../collections/types';
import { useGroupChoices } from './AgingOptions';

const AMOUNT_COLUMNS = [...AGING_BUCKETS, 'unapplied', 'total'] as const;
/** Credits on account lower what is owed: negative here as on the dashboard and in the Spanish CSV, so a row adds up. */
const shown = (field: (typeof AMOUNT_COLUMNS)[number], value: string) =>
  field === 'unapplied' && value !== '0.00' ? `-${value}` : value;
const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const AmountCell = ({ value, currency, bold }: { value: string; currency: Currency; bold?: boolean }) => (
  <TableCell align="right">
    <Money value={value} currency={currency} weight={bold ? 700 : undefined} dimZero />
  </TableCell>
);

/** The report's rows, sortable by any column, with the totals row and a drill-down per row. */
export const AgingTable = ({
  report,
  onDrill,
  sort,
  onSort,
}: {
  report: AgingReport;
  onDrill: (row: AgingRow) => void;
  sort: { field: string; order: 'ASC' | 'DESC' };
  onSort: (field: string) => void;
}) => {
  const translate = useTranslate();
  const groups = useGroupChoices();
  const byCustomer = report.groupBy === 'customer';
  const groupName = groups.find((g) => g.id === report.groupBy)?.name ?? '';
  const header = (field: string, label: string, align?: 'right') => (
    <TableCell align={align} sortDirection={sort.field === field ? (sort.order === 'ASC' ? 'asc' : 'desc') : false}>
      <TableSortLabel
        active={sort.field === field}
        direction={sort.field === field ? (sort.order === 'ASC' ? 'asc' : 'desc') : 'desc'}
        onClick={() => onSort(field)}
      >
        {translate(label)}
      </TableSortLabel>
    </TableCell>
  );
  const drillLabel = (row: AgingRow) =>
    byCustomer
      ? translate('reports.aging.drill')
      : translate('reports.aging.toDebtors', { group: row.label ?? translate('reports.aging.unassigned') });
  return (
    <Table
      size="small"
      aria-label={translate('reports.aging.title')}
      sx={{ '& td, & th': { px: 0.75, fontSize: '0.8125rem' }, '& th': { lineHeight: 1.2, verticalAlign: 'bottom' } }}
    >
      <TableHead>
        <TableRow>
          {header('label', groupName)}
          {!byCustomer && header('customers', 'reports.aging.customers', 'right')}
          {AMOUNT_COLUMNS.map((f) => header(f, `reports.buckets.${f}`, 'right'))}
          <TableCell padding="none" />
        </TableRow>
      </TableHead>
      <TableBody>
        {report.rows.map((row) => {
          const drillable = byCustomer || row.key !== null;
          return (
            <TableRow
              key={String(row.key)}
              hover={drillable}
              data-aging-row={row.label ?? ''}
              onClick={drillable ? () => onDrill(row) : undefined}
              sx={{ cursor: drillable ? 'pointer' : undefined }}
            >
              <TableCell sx={{ minWidth: 160, maxWidth: 230, lineHeight: 1.25 }} title={row.label ?? ''}>
                {row.label ?? translate('reports.aging.unassigned')}
              </TableCell>
              {!byCustomer && (
                <TableCell align="right" sx={num}>
                  {row.customers}
                </TableCell>
              )}
              {AMOUNT_COLUMNS.map((f) => (
                <AmountCell key={f} value={shown(f, row[f])} currency={report.currency} bold={f === 'total'} />
              ))}
              <TableCell padding="none" align="center">
                {drillable && (
                  <Tooltip title={drillLabel(row)}>
                    <IconButton size="small" aria-label={drillLabel(row)}>
                      {byCustomer ? <DrillIcon fontSize="small" /> : <GroupIcon fontSize="small" />}
                    </IconButton>
                  </Tooltip>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow
          data-aging-totals
          sx={{ '& td': { color: 'text.primary', fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}
        >
          <TableCell>
            {translate('reports.aging.totals')}
            {byCustomer && ` (${report.totals.customers})`}
          </TableCell>
          {!byCustomer && (
            <TableCell align="right" sx={num}>
              {report.totals.customers}
            </TableCell>
          )}
          {AMOUNT_COLUMNS.map((f) => (
            <AmountCell key={f} value={shown(f, report.totals[f])} currency={report.currency} bold />
          ))}
          <TableCell padding="none" />
        </TableRow>
      </TableFooter>
    </Table>
  );
};
