import type { ReactNode } from 'react';
import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TableSortLabel,
  type SxProps,
  type TableRowProps,
  type Theme,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { Money } from './Money';
import type { Currency } from './money';

type CellSx = Record<string, unknown>;

/** One column of a hand-built table. Its header is a translation key (es-AR first, like every label). */
export interface Column<R> {
  /** Translation key of the header; text that is not a key shows as it is. Omitted: an empty header. */
  label?: string;
  /** An amount: right-aligned, drawn by Money in the column's or the table's currency. */
  money?: (row: R) => string | null | undefined;
  /** The amount's currency when it is not the table's (a payment in dollars on a peso receipt). */
  currency?: (row: R) => Currency;
  /** Shown before the amount (the "−" of a credit). */
  sign?: (row: R) => string;
  /** Anything else the cell shows. */
  render?: (row: R) => ReactNode;
  align?: 'right' | 'center';
  /** Figures and dates: one line, digits in columns. */
  nowrap?: boolean;
  /** The column that names the row: it stays in view while the table scrolls sideways. */
  sticky?: boolean;
  /** Bold amounts (700) in this column, as a row's total. */
  strong?: boolean;
  /** Zero amounts in grey. */
  dimZero?: boolean;
  /** Zero amounts left blank (a statement's empty debit or credit). */
  blankZero?: boolean;
  /** The column's figure in the totals row: an amount drawn by Money, or anything else; `mark` is its data-total. */
  total?: ({ money: string } | { node: ReactNode }) & { mark?: string };
  /** The server's sort field, for a header that sorts. */
  sortField?: string;
  /** The cell's own style, by row (struck-through, coloured). */
  sx?: (row: R) => CellSx | undefined;
  /** The header cell's width ('25%'). */
  width?: string | number;
  /** A checkbox column: MUI's narrow padding. */
  checkbox?: boolean;
  /** Extra props on the body cell (data-* markers for tests and the print stylesheet). */
  cellProps?: (row: R) => Record<string, string | undefined>;
}

export interface SimpleTableProps<R> {
  /** `false` entries are columns this table leaves out. */
  columns: (Column<R> | false | undefined)[];
  rows: R[];
  rowKey: (row: R, index: number) => string | number;
  /** Per-row props: data-* markers, onClick, hover, selected, sx. */
  rowProps?: (row: R) => Omit<TableRowProps, 'key'> & Record<`data-${string}`, unknown>;
  /** The currency of the money columns unless a column says otherwise. */
  currency?: Currency;
  ariaLabel?: string;
  /** Rows drawn before the data rows (a statement's opening balance). */
  leadingRows?: ReactNode;
  /**
   * The totals row: each column's `total`, and the label in the first run of columns
   * without one (spanning them).
   */
  totals?: { label: ReactNode } & Omit<TableRowProps, 'children'> & Record<`data-${string}`, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  onSort?: (field: string) => void;
  /** A long list: scrolls inside this height, its header row staying in view. */
  maxHeight?: number;
  /** Paper: no sideways scrolling, no sticky column. */
  print?: boolean;
  /** Style of every cell (`& td, & th`): padding, print font. */
  cellSx?: CellSx;
  sx?: SxProps<Theme>;
  /** Other props of the table element (data-* markers). */
  tableProps?: Record<`data-${string}`, unknown>;
}

const NOWRAP = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const STICKY = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } as const;

/**
 * The admin's one hand-built table (reports, statement, open items, dashboard, agenda,
 * receipt sections, print views): headers from the i18n catalogs, amounts right-aligned
 * through Money, an optional totals row, and sideways scrolling with the key column kept
 * in view. react-admin lists keep their own Datagrid.
 */
export function SimpleTable<R>({
  columns: given,
  rows,
  rowKey,
  rowProps,
  currency = 'ARS',
  ariaLabel,
  leadingRows,
  totals,
  sort,
  onSort,
  maxHeight,
  print = false,
  cellSx,
  sx,
  tableProps,
}: SimpleTableProps<R>) {
  const translate = useTranslate();
  const columns = given.filter((c): c is Column<R> => !!c);
  const align = (c: Column<R>) => c.align ?? (c.money ? 'right' : undefined);
  const frame = (c: Column<R>): CellSx => ({
    ...(c.nowrap || c.money ? NOWRAP : {}),
    ...(c.sticky && !print ? STICKY : {}),
  });
  const header = (c: Column<R>) => {
    const text = c.label ? translate(c.label, { _: c.label }) : null;
    if (!c.sortField || !sort || !onSort) return text;
    const active = sort.field === c.sortField;
    return (
      <TableSortLabel
        active={active}
        direction={active ? (sort.order === 'ASC' ? 'asc' : 'desc') : 'desc'}
        onClick={() => onSort(c.sortField as string)}
      >
        {text}
      </TableSortLabel>
    );
  };
  const body = (c: Column<R>, row: R) => {
    if (!c.money) return c.render?.(row);
    const value = c.money(row);
    if (c.blankZero && (!value || /^-?0*(\.0*)?$/.test(value))) return c.render?.(row) ?? null;
    return (
      <>
        {c.sign?.(row)}
        <Money value={value} currency={c.currency?.(row) ?? currency} weight={c.strong ? 700 : undefined} dimZero={c.dimZero} />
        {c.render?.(row)}
      </>
    );
  };
  const table = (
    <Table
      size="small"
      stickyHeader={!!maxHeight}
      aria-label={ariaLabel}
      sx={{ ...(cellSx ? { '& td, & th': cellSx } : {}), ...sx }}
      {...tableProps}
    >
      <TableHead>
        <TableRow>
          {columns.map((c, i) => (
            <TableCell
              key={i}
              align={align(c)}
              padding={c.checkbox ? 'checkbox' : undefined}
              sortDirection={c.sortField && sort?.field === c.sortField ? (sort.order === 'ASC' ? 'asc' : 'desc') : false}
              sx={{ width: c.width, ...(c.sticky && !print ? { ...STICKY, zIndex: 3 } : {}) }}
            >
              {header(c)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {leadingRows}
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)} {...rowProps?.(row)}>
            {columns.map((c, i) => (
              <TableCell
                key={i}
                align={align(c)}
                padding={c.checkbox ? 'checkbox' : undefined}
                sx={{ ...frame(c), ...c.sx?.(row) }}
                {...c.cellProps?.(row)}
              >
                {body(c, row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      {totals && <TotalsRow columns={columns} totals={totals} currency={currency} frame={frame} align={align} />}
    </Table>
  );
  return print ? table : <Box sx={maxHeight ? { overflow: 'auto', maxHeight } : { overflowX: 'auto' }}>{table}</Box>;
}

function TotalsRow<R>({
  columns,
  totals: { label, ...rowProps },
  currency,
  frame,
  align,
}: {
  columns: Column<R>[];
  totals: NonNullable<SimpleTableProps<R>['totals']>;
  currency: Currency;
  frame: (c: Column<R>) => CellSx;
  align: (c: Column<R>) => 'right' | 'center' | undefined;
}) {
  const cells: ReactNode[] = [];
  let labelled = false;
  for (let i = 0; i < columns.length;) {
    const c = columns[i];
    if (c.total) {
      cells.push(
        <TableCell
          key={i}
          align={align(c)}
          sx={{ ...frame(c), fontWeight: 600, color: 'text.primary' }}
          data-total={c.total.mark}
        >
          {'money' in c.total ? <Money value={c.total.money} currency={currency} weight={c.strong ? 700 : 600} /> : c.total.node}
        </TableCell>,
      );
      i += 1;
      continue;
    }
    let span = 1;
    while (i + span < columns.length && !columns[i + span].total) span += 1;
    cells.push(
      <TableCell key={i} colSpan={span} sx={{ ...(labelled ? {} : frame(c)), fontWeight: 600, color: 'text.primary' }}>
        {labelled ? null : label}
      </TableCell>,
    );
    labelled = true;
    i += span;
  }
  return (
    <TableFooter>
      <TableRow {...rowProps}>{cells}</TableRow>
    </TableFooter>
  );
}
