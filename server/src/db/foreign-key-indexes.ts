import type { Knex } from 'knex';
import { DISTRIBUTION_COLUMN, readForeignKeys, type ForeignKeyRow } from './distribution';

/**
 * Foreign keys into ledger rows whose referencing columns lead no index of their table. Deleting or
 * re-keying a referenced row makes PostgreSQL look for referencing rows; without
 * such an index that look-up scans the whole referencing table once per row (a
 * cleanup of 19,000 invoices ran for minutes because one column lacked it).
 * An index serves the look-up when its first columns are key columns, at least one
 * of them other than company_id (the look-up is an equality on every key column, so
 * the rest is a filter on few rows). A partial index counts when its predicate is
 * only "column IS NOT NULL" on a key column, which the look-up implies.
 */
/**
 * Referenced tables exempt from the rule: catalogs an administrator keeps by hand,
 * whose rows are deleted one at a time if ever (most are deactivated). One such
 * delete scans each referencing table once, which is cheaper than an index on every
 * ledger row would be for each insert of a receipt.
 */
export const CATALOG_TABLES = [
  'users',
  'companies',
  'banks',
  'bank_accounts',
  'cash_boxes',
  'card_issuers',
  'card_plans',
  'carriers',
  'payment_terms',
  'price_lists',
  'salespeople',
  'collectors',
  'contacts',
];

export async function unindexedForeignKeys(knex: Knex): Promise<ForeignKeyRow[]> {
  const foreignKeys = await readForeignKeys(knex);
  const indexes = (
    await knex.raw<{ rows: Array<{ table: string; columns: Array<string | null>; predicate: string | null }> }>(
      `SELECT t.relname AS table, pg_get_expr(x.indpred, x.indrelid) AS predicate,
              array(SELECT a.attname::text
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     WHERE k.ord <= x.indnkeyatts
                     ORDER BY k.ord) AS columns
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = 'public'::regnamespace`,
    )
  ).rows;
  const serves = (fk: ForeignKeyRow, ix: (typeof indexes)[number]) => {
    if (ix.table !== fk.table) return false;
    const notNull = ix.predicate && /^\(?(\w+) IS NOT NULL\)?$/.exec(ix.predicate);
    if (ix.predicate && !(notNull && fk.columns.includes(notNull[1]))) return false;
    const leading: string[] = [];
    for (const c of ix.columns) {
      if (c === null || !fk.columns.includes(c)) break;
      leading.push(c);
    }
    return leading.some((c) => c !== DISTRIBUTION_COLUMN) || (fk.columns.length === 1 && leading.length === 1);
  };
  return foreignKeys.filter((fk) => !CATALOG_TABLES.includes(fk.refTable) && !indexes.some((ix) => serves(fk, ix)));
}

/** An index for a foreign key's look-up: (company_id, column), partial when the column may be null. */
export type ForeignKeyIndex = [name: string, table: string, column: string, nullable: boolean];

/** For migrations: creates (or, going down, drops) the indexes `unindexedForeignKeys` asks for. */
export async function createForeignKeyIndexes(knex: Knex, indexes: ForeignKeyIndex[]): Promise<void> {
  for (const [name, table, column, nullable] of indexes)
    await knex.raw(
      `CREATE INDEX ?? ON ?? (company_id, ??)${nullable ? ' WHERE ?? IS NOT NULL' : ''}`,
      nullable ? [name, table, column, column] : [name, table, column],
    );
}

export async function dropForeignKeyIndexes(knex: Knex, indexes: ForeignKeyIndex[]): Promise<void> {
  for (const [name] of indexes) await knex.raw('DROP INDEX ??', [name]);
}
