import type { Knex } from 'knex';

/**
 * How ctacte's tables map onto Citus. Every table with a `company_id` column is
 * distributed by it, co-located with the others, so each company's rows and each
 * ledger transaction stay on one node. The tables read before a company is known
 * (login by username, a session by its token, the login-failure counter, the
 * companies themselves) are reference tables: small, copied to every node, and
 * free to be keyed by `id`. knex's own bookkeeping stays on the coordinator.
 */
export const DISTRIBUTION_COLUMN = 'company_id';

export const REFERENCE_TABLES: Record<string, string> = {
  companies: 'the tenants themselves; every company_id points here',
  users: 'login looks a user up by username before the company is known (usernames are unique across companies)',
  sessions: 'a request finds its session by the cookie token alone',
  login_failures: 'the login rate limit counts by username and address, across companies',
};

export const LOCAL_TABLES = ['knex_migrations', 'knex_migrations_lock'];

export interface DistributionProblem {
  table: string;
  object: string;
  problem: string;
}

interface TableRow {
  table: string;
  companyType: string | null;
  companyNotNull: boolean | null;
}

interface KeyRow {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'x' | 'i';
  /** Column names in key order; null for an expression. */
  columns: Array<string | null>;
}

export interface ForeignKeyRow {
  table: string;
  name: string;
  refTable: string;
  columns: string[];
  refColumns: string[];
}

const quoteLiteral = (name: string) => `'${name.replace(/'/g, "''")}'`;

async function readCatalog(knex: Knex) {
  const tables = (
    await knex.raw<{ rows: TableRow[] }>(
      `SELECT c.relname AS table, format_type(a.atttypid, a.atttypmod) AS company_type, a.attnotnull AS company_not_null
         FROM pg_class c
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ? AND NOT a.attisdropped
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
      [DISTRIBUTION_COLUMN],
    )
  ).rows;
  // Primary keys, unique and exclusion constraints, and unique indexes that back no constraint.
  const keys = (
    await knex.raw<{ rows: KeyRow[] }>(
      `SELECT t.relname AS table, i.relname AS name,
              coalesce(con.contype, 'i') AS kind,
              array(SELECT CASE WHEN k.attnum = 0 THEN NULL ELSE a.attname::text END
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     WHERE k.ord <= x.indnkeyatts
                     ORDER BY k.ord) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = t.oid AND con.contype IN ('p', 'u', 'x')
        WHERE t.relnamespace = 'public'::regnamespace AND (x.indisunique OR con.contype = 'x')
        ORDER BY t.relname, i.relname`,
    )
  ).rows;
  const foreignKeys = await readForeignKeys(knex);
  return { tables, keys, foreignKeys };
}

/** Every foreign key of the public schema, its columns in key order. */
export async function readForeignKeys(knex: Knex): Promise<ForeignKeyRow[]> {
  return (
    await knex.raw<{ rows: ForeignKeyRow[] }>(
      `SELECT t.relname AS table, fk.conname AS name, r.relname AS ref_table,
              array(SELECT a.attname::text FROM unnest(fk.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              array(SELECT a.attname::text FROM unnest(fk.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = fk.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
         FROM pg_constraint fk
         JOIN pg_class t ON t.oid = fk.conrelid
         JOIN pg_class r ON r.oid = fk.confrelid
        WHERE fk.contype = 'f' AND t.relnamespace = 'public'::regnamespace
        ORDER BY t.relname, fk.conname`,
    )
  ).rows;
}

export type TableKind = 'distributed' | 'reference' | 'local';

export interface DistributionPlan {
  problems: DistributionProblem[];
  kinds: Map<string, TableKind>;
  /** Distributed tables in an order Citus accepts (a table after the tables its keys point to). */
  distributedOrder: string[];
}

/**
 * Reads the catalog and lists everything a distribution of the business tables by
 * `company_id` (and of REFERENCE_TABLES as reference tables) would refuse: a table
 * that is neither distributed nor listed, a primary key, unique index or exclusion
 * constraint that does not lead with `company_id`, a foreign key between
 * distributed tables that does not match `company_id` with `company_id`, and a
 * foreign key from a reference table into a distributed one. Leading (not merely
 * including) is ctacte's own rule, stricter than Citus.
 */
export async function checkDistribution(knex: Knex): Promise<DistributionPlan> {
  const { tables, keys, foreignKeys } = await readCatalog(knex);
  const problems: DistributionProblem[] = [];
  const kinds = new Map<string, TableKind>();
  const companyTypes = new Set<string>();
  for (const t of tables) {
    if (LOCAL_TABLES.includes(t.table)) kinds.set(t.table, 'local');
    else if (t.table in REFERENCE_TABLES) kinds.set(t.table, 'reference');
    else if (t.companyType) {
      kinds.set(t.table, 'distributed');
      companyTypes.add(t.companyType);
      if (!t.companyNotNull) problems.push({ table: t.table, object: DISTRIBUTION_COLUMN, problem: 'may be NULL' });
    } else {
      problems.push({
        table: t.table,
        object: t.table,
        problem: `has no ${DISTRIBUTION_COLUMN} and is not listed as a reference table (server/src/db/distribution.ts)`,
      });
    }
  }
  if (companyTypes.size > 1) {
    problems.push({
      table: '*',
      object: DISTRIBUTION_COLUMN,
      problem: `co-located tables need one type, found ${[...companyTypes].join(', ')}`,
    });
  }
  const kindOf = (table: string) => kinds.get(table);

  for (const k of keys) {
    if (kindOf(k.table) !== 'distributed') continue;
    const what = { p: 'primary key', u: 'unique constraint', x: 'exclusion constraint', i: 'unique index' }[k.kind];
    if (k.columns[0] !== DISTRIBUTION_COLUMN) {
      problems.push({
        table: k.table,
        object: k.name,
        problem: `${what} (${k.columns.map((c) => c ?? '<expression>').join(', ')}) does not lead with ${DISTRIBUTION_COLUMN}`,
      });
    }
  }
  for (const [table, kind] of kinds) {
    if (kind === 'distributed' && !keys.some((k) => k.table === table && k.kind === 'p'))
      problems.push({ table, object: table, problem: 'has no primary key' });
  }

  for (const fk of foreignKeys) {
    const from = kindOf(fk.table);
    const to = kindOf(fk.refTable);
    if (from === 'reference' && to === 'distributed') {
      problems.push({
        table: fk.table,
        object: fk.name,
        problem: `a reference table cannot point into ${fk.refTable} (distributed)`,
      });
    } else if (from === 'distributed' && to === 'distributed') {
      const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
      if (at < 0 || fk.refColumns[at] !== DISTRIBUTION_COLUMN) {
        problems.push({
          table: fk.table,
          object: fk.name,
          problem: `foreign key (${fk.columns.join(', ')}) → ${fk.refTable}(${fk.refColumns.join(', ')}) does not match ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`,
        });
      }
    } else if (from === 'local' && to && to !== 'local') {
      problems.push({ table: fk.table, object: fk.name, problem: `a coordinator-only table cannot point into ${fk.refTable}` });
    }
  }

  // Citus distributes a table only after the tables its foreign keys point to.
  const distributed = [...kinds].filter(([, kind]) => kind === 'distributed').map(([t]) => t);
  const order: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const fk of foreignKeys) if (fk.table === table && kindOf(fk.refTable) === 'distributed') visit(fk.refTable, path);
    placed.add(table);
    order.push(table);
  };
  for (const t of distributed) visit(t, new Set());
  return { problems, kinds, distributedOrder: order };
}

/** The SQL that distributes this schema on a Citus coordinator, in an order Citus accepts. */
export function citusCalls(plan: DistributionPlan): string[] {
  const calls: string[] = ['CREATE EXTENSION IF NOT EXISTS citus;'];
  for (const [table, kind] of [...plan.kinds].sort(([a], [b]) => a.localeCompare(b)))
    if (kind === 'reference') calls.push(`SELECT create_reference_table(${quoteLiteral(table)});`);
  const [first, ...rest] = plan.distributedOrder;
  if (first) calls.push(`SELECT create_distributed_table(${quoteLiteral(first)}, '${DISTRIBUTION_COLUMN}');`);
  for (const table of rest)
    calls.push(
      `SELECT create_distributed_table(${quoteLiteral(table)}, '${DISTRIBUTION_COLUMN}', colocate_with => ${quoteLiteral(first)});`,
    );
  return calls;
}
