/**
 * Wide tables at 1366 and 1024 px: every table of a page (react-admin's lists and the
 * hand-built ones alike, a table inside another's cell excepted) keeps its first column — the
 * code and name a row is known by — and its action column (a last column holding buttons) in
 * view, while the columns between scroll sideways in their container. One rule here instead of
 * one per screen. A row selection checkbox (bulk actions) counts as part of the key column.
 */
const CHECKBOX = 48;

const opaque = {
  backgroundColor: 'background.paper',
  // A hovered or selected row tints its cells; the sticky ones take the same tint over paper.
  backgroundImage: 'linear-gradient(var(--sticky-tint, transparent), var(--sticky-tint, transparent))',
} as const;

// MUI tables collapse their borders, and a sticky cell paints over the collapsed ones: the
// row line and the edge toward the scrolling columns are drawn as inset shadows instead.
const ROW_LINE = 'inset 0 -1px 0 rgb(224,224,224)';
const keyEdge = { boxShadow: `inset -1px 0 0 rgba(0,0,0,0.12), ${ROW_LINE}` } as const;

const TABLE = 'main .MuiTable-root:not(.MuiTable-root .MuiTable-root)';
const ROWS = `${TABLE} > .MuiTableHead-root > .MuiTableRow-root, ${TABLE} > .MuiTableBody-root > .MuiTableRow-root, ${TABLE} > .MuiTableFooter-root > .MuiTableRow-root`;
const cells = (sel: string) =>
  ROWS.split(', ')
    .map((row) => `${row} > ${sel}`)
    .join(', ');

/** The table has a last column with buttons in its body rows: that column is the action column. */
const WITH_ACTIONS = `${TABLE}:has(> .MuiTableBody-root > .MuiTableRow-root > .MuiTableCell-root:last-child:not(:first-child) :is(button,a.MuiButton-root,a.MuiIconButton-root))`;
const actionCells = ['MuiTableHead-root', 'MuiTableBody-root', 'MuiTableFooter-root']
  .map((part) => `${WITH_ACTIONS} > .${part} > .MuiTableRow-root > .MuiTableCell-root:last-child:not(:first-child)`)
  .join(', ');

export const STICKY_COLUMNS_SX = {
  // react-admin lifts the bulk-actions bar 48 px over the list's top toolbar; inside a container
  // that scrolls sideways that spot is clipped away. It takes its own room above the table instead.
  [`main .RaBulkActionsToolbar-toolbar:not(.RaBulkActionsToolbar-collapsed)`]: {
    position: 'sticky',
    left: 0,
    transform: 'none',
  },
  [`${TABLE} .MuiTableRow-hover:hover, ${TABLE} .RaDataTable-clickableRow:hover`]: { '--sticky-tint': 'rgba(0,0,0,0.04)' },
  [`${TABLE} .Mui-selected`]: { '--sticky-tint': 'rgba(31,78,121,0.08)' },
  [cells('.MuiTableCell-root:first-child')]: { position: 'sticky', left: 0, zIndex: 2, ...opaque, ...keyEdge },
  [cells('.MuiTableCell-paddingCheckbox:first-child')]: {
    width: CHECKBOX,
    minWidth: CHECKBOX,
    maxWidth: CHECKBOX,
    boxShadow: ROW_LINE,
  },
  [cells('.MuiTableCell-paddingCheckbox:first-child + .MuiTableCell-root')]: {
    position: 'sticky',
    left: CHECKBOX,
    zIndex: 2,
    ...opaque,
    ...keyEdge,
  },
  [actionCells]: {
    position: 'sticky',
    right: 0,
    zIndex: 2,
    ...opaque,
    boxShadow: `inset 1px 0 0 rgba(0,0,0,0.12), ${ROW_LINE}`,
  },
} as const;
