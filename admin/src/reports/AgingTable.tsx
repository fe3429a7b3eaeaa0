import { IconButton, Tooltip } from '@mui/material';
import DrillIcon from '@mui/icons-material/ZoomIn';
import GroupIcon from '@mui/icons-material/GroupWork';
import { useTranslate } from 'react-admin';
import { SimpleTable, type Column } from '../common/SimpleTable';
import { AGING_BUCKETS, type AgingReport, type AgingRow } from '../collections/types';
import { useGroupChoices } from './AgingOptions';

const AMOUNT_COLUMNS = [...AGING_BUCKETS, 'unapplied', 'total'] as const;
/** Credits on account lower what is owed: negative here as on the dashboard and in the Spanish CSV, so a row adds up. */
const shown = (field: (typeof AMOUNT_COLUMNS)[number], value: string) =>
  field === 'unapplied' && value !== '0.00' ? `-${value}` : value;

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
  const drillable = (row: AgingRow) => byCustomer || row.key !== null;
  const drillLabel = (row: AgingRow) =>
    byCustomer
      ? translate('reports.aging.drill')
      : translate('reports.aging.toDebtors', { group: row.label ?? translate('reports.aging.unassigned') });
  const columns: Column<AgingRow>[] = [
    {
      label: groups.find((g) => g.id === report.groupBy)?.name ?? '',
      sortField: 'label',
      sticky: true,
      render: (row) => row.label ?? translate('reports.aging.unassigned'),
      sx: () => ({ minWidth: 160, maxWidth: 230, lineHeight: 1.25 }),
      cellProps: (row) => ({ title: row.label ?? '' }),
      total: {
        node: `${translate('reports.aging.totals')}${byCustomer ? ` (${report.totals.customers})` : ''}`,
      },
    },
    ...(byCustomer
      ? []
      : [
          {
            label: 'reports.aging.customers',
            sortField: 'customers',
            align: 'right',
            nowrap: true,
            render: (row) => row.customers,
            total: { node: report.totals.customers },
          } satisfies Column<AgingRow>,
        ]),
    ...AMOUNT_COLUMNS.map((f): Column<AgingRow> => ({
      label: `reports.buckets.${f}`,
      sortField: f,
      money: (row) => shown(f, row[f]),
      strong: f === 'total',
      dimZero: true,
      total: { money: shown(f, report.totals[f]) },
    })),
    {
      align: 'center',
      render: (row) =>
        drillable(row) && (
          <Tooltip title={drillLabel(row)}>
            <IconButton size="small" aria-label={drillLabel(row)}>
              {byCustomer ? <DrillIcon fontSize="small" /> : <GroupIcon fontSize="small" />}
            </IconButton>
          </Tooltip>
        ),
      sx: () => ({ p: 0 }),
    },
  ];
  return (
    <SimpleTable
      columns={columns}
      rows={report.rows}
      rowKey={(row) => String(row.key)}
      rowProps={(row) => ({
        hover: drillable(row),
        'data-aging-row': row.label ?? '',
        onClick: drillable(row) ? () => onDrill(row) : undefined,
        sx: { cursor: drillable(row) ? 'pointer' : undefined },
      })}
      currency={report.currency}
      ariaLabel={translate('reports.aging.title')}
      sort={sort}
      onSort={onSort}
      totals={{
        label: null,
        'data-aging-totals': true,
        sx: { '& td': { fontWeight: 700, borderTop: 2, borderColor: 'divider' } },
      }}
      cellSx={{ px: 0.75, fontSize: '0.8125rem' }}
      sx={{ '& th': { lineHeight: 1.2, verticalAlign: 'bottom' } }}
    />
  );
};
