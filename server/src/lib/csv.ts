import type { Response } from 'express';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
/** How a field is typed, for filters, sorts and CSV cells. */
export type FieldType = 'int' | 'text' | 'enum' | 'money' | 'decimal' | 'date' | 'timestamp' | 'bool' | 'json';
import { BUSINESS_TZ } from './dates';

export type Dialect = 'es' | 'rfc4180';

export interface CsvColumn {
  header: string;
  type: FieldType;
  sql: string;
  /** Its values can never start with a formula character (a CHECK says so): written as stored, no formula test. */
  plain?: boolean;
}

export function parseDialect(value: unknown): Dialect {
  return value === 'rfc4180' ? 'rfc4180' : 'es';
}

/**
 * The transaction settings every export's COPY runs under (SET LOCAL: the connection may come through
 * PgBouncer in transaction mode). Dates are written by the DateStyle, dd/mm/yyyy (`SQL, DMY`) or ISO:
 * the date type's own output costs a third of `to_char` per cell, which a million-row export feels.
 */
export function csvSettingsSql(dialect: Dialect): string[] {
  return [`SET LOCAL TIME ZONE '${BUSINESS_TZ}'`, `SET LOCAL DateStyle = '${dialect === 'es' ? 'SQL, DMY' : 'ISO, YMD'}'`];
}

/** The COPY that streams an export's rows (the bench replays it as the server sends it). */
export function copyCsvSql(selectSql: string, dialect: Dialect): string {
  return `COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, DELIMITER '${dialect === 'es' ? ';' : ','}', ENCODING 'UTF8')`;
}

/**
 * SQL that renders one cell: `,` decimals and dd/mm/yyyy for Excel in Argentina,
 * `.` and ISO for rfc4180; text that a spreadsheet would run as a formula gets a
 * leading apostrophe. Dates rely on `csvSettingsSql`.
 */
export function cellSql(col: CsvColumn, dialect: Dialect): string {
  const e = `(${col.sql})`;
  const es = dialect === 'es';
  switch (col.type) {
    case 'int':
      return `${e}::text`;
    case 'money':
    case 'decimal':
      return es ? `replace(${e}::text, '.', ',')` : `${e}::text`;
    case 'date':
      return `${e}::text`;
    case 'timestamp':
      return es
        ? `to_char(${e} AT TIME ZONE '${BUSINESS_TZ}', 'DD/MM/YYYY HH24:MI:SS')`
        : `to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    case 'bool':
      return es
        ? `CASE WHEN ${e} THEN 'Sí' WHEN NOT ${e} THEN 'No' END`
        : `CASE WHEN ${e} THEN 'true' WHEN NOT ${e} THEN 'false' END`;
    case 'json':
      return neutralise(`${e}::text`);
    default:
      return col.plain ? `${e}::text` : neutralise(`${e}::text`);
  }
}

/** A code as its name: `CASE code WHEN 'AR-X' THEN 'Córdoba' … ELSE code END` (names are ours, never formulas). */
export function labelledSql(expr: string, labels: Record<string, string>): string {
  const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const whens = Object.entries(labels).map(([code, name]) => `WHEN ${q(code)} THEN ${q(name)}`);
  return `CASE (${expr})::text ${whens.join(' ')} ELSE (${expr})::text END`;
}

/**
 * = + - @ tab CR at the start of a text cell would make Excel evaluate it. Text
 * that already starts with apostrophes before one of them gets one more, so an
 * import can always take exactly one off (and Excel shows it as it is).
 */
export function neutralise(expr: string): string {
  // The first character settles most cells without running the regex, which cost 15-35 % of a big export.
  return `CASE WHEN ascii(${expr}) IN (39, 45, 61, 43, 64, 9, 13) AND ${expr} ~ '^''*[-=+@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;
}

/** Undoes `neutralise` when a file comes back in an import. */
export function unneutralise(value: string): string {
  return /^'+[-=+@\t\r]/.test(value) ? value.slice(1) : value;
}

export function csvEscape(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The same cell rules as `cellSql`, for the few CSVs built in JS (statement,
 * aging, collection sheet): amounts, dates and neutralised text per dialect.
 */
export function csvCells(dialect: Dialect) {
  const es = dialect === 'es';
  const sep = es ? ';' : ',';
  return {
    sep,
    num: (v: string | null) => (v === null ? '' : es ? v.replace('.', ',') : v),
    date: (v: string | null) => (!v ? '' : es ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v),
    text: (v: string | null) => csvEscape(v === null ? '' : /^'*[-=+@\t\r]/.test(v) ? `'${v}` : v, sep),
    /** The whole file: BOM for Excel in Argentina, a header line, the rows. */
    file: (header: string[], rows: Array<Array<string | number>>) =>
      (es ? '\uFEFF' : '') + [header, ...rows].map((r) => r.join(sep)).join('\n') + '\n',
  };
}

/**
 * Streams `COPY (selectSql) TO STDOUT` to the response on a connection of its own,
 * so an export of a million rows neither buffers in memory nor holds a pool slot.
 */
export async function streamCsv(
  res: Response,
  opts: {
    connectionString: string;
    selectSql: string;
    headers: string[];
    dialect: Dialect;
    filename: string;
    /** Called per chunk; a promise holds the stream until it resolves (an export gives way to others' requests). */
    pace?: () => Promise<void> | undefined;
  },
): Promise<void> {
  const delimiter = opts.dialect === 'es' ? ';' : ',';
  const client = new pg.Client({ connectionString: opts.connectionString, application_name: 'ctacte-export' });
  await client.connect();
  let finished = false;
  const abort = () => {
    if (!finished) {
      // The client went away: end the connection, which cancels the COPY.
      client.end().catch(() => undefined);
    }
  };
  res.on('close', abort);
  try {
    // Transaction-scoped settings only: the connection may come through PgBouncer in transaction mode,
    // which refuses startup `options` and hands the server connection to others after the commit.
    await client.query('BEGIN READ ONLY');
    await client.query(csvSettingsSql(opts.dialect).join('; '));
    const stream = client.query(copyTo(copyCsvSql(opts.selectSql, opts.dialect)));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${opts.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    const head =
      (opts.dialect === 'es' ? '\uFEFF' : '') + opts.headers.map((h) => csvEscape(h, delimiter)).join(delimiter) + '\n';
    res.write(head);
    const pace = opts.pace;
    if (pace)
      await pipeline(
        stream,
        new Transform({
          transform(chunk, _enc, done) {
            const wait = pace();
            if (wait) void wait.then(() => done(null, chunk));
            else done(null, chunk);
          },
        }),
        res,
      );
    else await pipeline(stream, res);
    finished = true;
  } finally {
    finished = true;
    res.off('close', abort);
    await client.end().catch(() => undefined);
  }
}
