import type { Knex } from 'knex';

/** Ids from a table's own sequence, so rows can point at each other before they are written. */
export async function takeIds(trx: Knex.Transaction, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await trx.raw(`SELECT nextval(pg_get_serial_sequence(?, 'id'))::bigint AS id FROM generate_series(1, ?)`, [
    table,
    n,
  ]);
  return (rows as Array<{ id: number }>).map((x) => Number(x.id)).sort((a, b) => a - b);
}

/**
 * Multi-row insert of rows keyed by column name, through one JSON parameter per batch of
 * 5,000 (a plain insert would run out of bind parameters). For seeds and generators: no
 * RETURNING, no knex mappers.
 */
export async function insertRows(trx: Knex.Transaction, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    await trx.raw(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", ?::json)`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
}
