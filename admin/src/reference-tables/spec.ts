import type { ComponentType } from 'react';
import type { SortPayload } from 'react-admin';

export interface Choice {
  id: string | number;
  /** A translation key. */
  name: string;
}

/** How a column of a reference table is typed, shown, validated and filtered. */
export type ColumnKind =
  | { kind: 'code'; max: number; /** BCRA bank codes are exactly three digits. */ digits?: number }
  | { kind: 'text'; max: number }
  | { kind: 'email' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool'; defaultValue: boolean }
  | { kind: 'choice'; choices: Choice[]; defaultValue?: string }
  | { kind: 'cuit' }
  | { kind: 'date' }
  | { kind: 'decimal'; decimals: number; min: string; max: string }
  | { kind: 'segmentLevel' }
  /** A bank of the company's table (BCRA code and name); the list shows the row's `bankName`. */
  | { kind: 'bank' }
  /** A CBU: 22 digits with its two check digits. */
  | { kind: 'cbu' };

export type ColumnSpec = ColumnKind & {
  /** The API's field; its label is `resources.<table>.fields.<source>`. */
  source: string;
  required?: boolean;
  /** The server sorts by it. */
  sortable?: boolean;
  /** Offered as a filter: an equality (`true`) or a from/to range (`'range'`, dates). */
  filter?: true | 'range';
  /** Shown in the list (default true). */
  inList?: boolean;
};

/**
 * A company reference table (payment terms, salespeople, banks…) as data: the
 * admin builds its list, create and edit pages from this. Only admins write
 * them (SPEC §3); everyone else reads the same list.
 */
export interface ReferenceTableSpec {
  /** The resource, as the API names it. */
  name: string;
  icon: ComponentType;
  columns: ColumnSpec[];
  sort: SortPayload;
  /** The API accepts `q` (code and name). */
  search: boolean;
  /** How a row reads in selects and reference fields. */
  representation: (record: Record<string, unknown>) => string;
  /** Filters a list opens with (segments open on level 1, the first tab). */
  filterDefaultValues?: Record<string, unknown>;
  /** A new record's starting values, from the list's filters. */
  createDefaults?: (filterValues: Record<string, unknown>) => Record<string, unknown>;
  /** Shown above the list, inside its context (the segment levels as tabs). */
  listHeader?: ComponentType;
}
