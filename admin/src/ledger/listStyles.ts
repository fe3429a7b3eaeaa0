/**
 * react-admin's layout grows to fit its content, so a wide table makes the whole
 * page scroll sideways. The ledger's lists keep the table inside its card (which
 * scrolls if it must), with denser cells and one-line headers.
 */
export const CONTAINED_LIST_SX = {
  '& .RaList-main': { minWidth: 0 },
  '& .RaList-main > .MuiPaper-root': { contain: 'inline-size', overflowX: 'auto' },
  // Range filters (dates, amounts) need no more than a date's width, so a range fits on one line.
  '& [data-source$="_gte"] .MuiTextField-root, & [data-source$="_lte"] .MuiTextField-root': { width: 170 },
} as const;

export const DENSE_TABLE_SX = {
  '& .MuiTableCell-root': { px: 1 },
  '& .MuiTableCell-root:first-of-type': { pl: 2 },
  '& .MuiTableCell-head': { whiteSpace: 'nowrap' },
} as const;
