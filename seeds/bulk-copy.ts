import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Knex } from 'knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/*
 * COPY … FROM STDIN in PostgreSQL's text format, fed in ~1 MB chunks with
 * back-pressure: the fastest way to load a few million rows from Node.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export type Cell = string | number | boolean | null | undefined;

/** One value in COPY text format: `\N` for null, backslash escapes for the separators. */
export function cell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

export const line = (cells: Cell[]) => cells.map(cell).join('\t') + '\n';

/** Integer cents as the NUMERIC text PostgreSQL reads (`123456` → `1234.56`). */
export function money(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`not a whole number of cents: ${cents}`);
  const pesos = Math.floor(cents / 100);
  const c = cents - pesos * 100;
  return `${pesos}.${c < 10 ? '0' : ''}${c}`;
}

/** The pg connection a knex transaction runs on, for what knex cannot do (COPY). */
export async function connectionOf(trx: Knex.Transaction): Promise<pg.Client> {
  return (await (trx.client as unknown as { acquireConnection(): Promise<pg.Client> }).acquireConnection()) as pg.Client;
}

export class CopyWriter {
  private chunk: string[] = [];
  private size = 0;
  private readonly stream: NodeJS.WritableStream & { on: (e: string, f: () => void) => unknown };
  rows = 0;

  constructor(client: pg.Client, table: string, columns: string[]) {
    const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
    this.stream = client.query(copyFrom(sql)) as unknown as CopyWriter['stream'];
  }

  async write(text: string): Promise<void> {
    this.chunk.push(text);
    this.size += text.length;
    this.rows += 1;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.size) return;
    const data = this.chunk.join('');
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(data)) await once(this.stream as unknown as NodeJS.EventEmitter, 'drain');
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream as unknown as NodeJS.WritableStream);
    return this.rows;
  }
}

/** COPYs `count` rows produced by `row(i)` into `table`. */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: string[],
  count: number,
  row: (i: number) => string,
): Promise<number> {
  const writer = new CopyWriter(client, table, columns);
  for (let i = 0; i < count; i++) await writer.write(row(i));
  return writer.end();
}
