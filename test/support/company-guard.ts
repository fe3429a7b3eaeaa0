import type { Knex } from 'knex';
import { DISTRIBUTION_COLUMN, LOCAL_TABLES, REFERENCE_TABLES } from '../../server/src/db/distribution';

/**
 * Citus sends a statement to one node only when it filters by the distribution column;
 * a statement on a distributed table without `company_id` fans out to every shard. The
 * test app's knex reports each statement here; at the end of a test file the ones that
 * touch a distributed table and never name `company_id` fail the file (test/support/after-env.ts).
 */

/**
 * Server statements known to fan out that cannot be fixed here (a file another branch is
 * changing): each entry a pattern and why, e.g. "fixed after merge of the receipts branch".
 * Empty: keep it that way.
 */
export const ALLOWED: Array<{ pattern: RegExp; why: string }> = [];

const TABLE_AFTER =
  /\b(from|join|update|into)\s+(?:only\s+)?("(?:[^"]|"")+"|[a-z_][\w$]*)(?:\s*\.\s*("(?:[^"]|"")+"|[a-z_][\w$]*))?(\s*\()?/gi;

const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase());

/** The public tables a statement reads or writes (set-returning functions and schema-qualified names other than public left out). */
export function tablesOf(sql: string): string[] {
  const found = new Set<string>();
  for (const m of sql.matchAll(TABLE_AFTER)) {
    // A function call (generate_series(...), unnest(...)); after INTO the parenthesis opens the column list.
    if (m[4] && m[1]!.toLowerCase() !== 'into') continue;
    let schema: string | undefined;
    let name = unquote(m[2]!);
    if (m[3]) {
      schema = name;
      name = unquote(m[3]);
    }
    if (schema && schema !== 'public') continue; // pg_catalog, information_schema
    found.add(name);
  }
  return [...found];
}

const candidates = new Map<string, number>();

/** Counts every statement of `knex` that names no company_id (the tables are checked at the end). */
export function watchCompanyScope(knex: Knex): void {
  knex.on('query', (q: { sql?: string }) => {
    const sql = q.sql;
    if (!sql || sql.includes(DISTRIBUTION_COLUMN)) return;
    if (!/\b(?:from|join|update|into)\b/i.test(sql)) return;
    candidates.set(sql, (candidates.get(sql) ?? 0) + 1);
  });
}

/** The watched statements that touch a distributed table without naming company_id, with their counts. */
export async function unscopedStatements(knex: () => Promise<Knex>): Promise<Array<{ sql: string; count: number }>> {
  if (candidates.size === 0) return [];
  const rows = (
    await (
      await knex()
    ).raw<{ rows: Array<{ table: string }> }>(
      `SELECT c.relname AS table FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ? AND NOT a.attisdropped
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
      [DISTRIBUTION_COLUMN],
    )
  ).rows;
  const distributed = new Set(rows.map((r) => r.table).filter((t) => !(t in REFERENCE_TABLES) && !LOCAL_TABLES.includes(t)));
  const out: Array<{ sql: string; count: number }> = [];
  for (const [sql, count] of candidates) {
    if (!tablesOf(sql).some((t) => distributed.has(t))) continue;
    if (ALLOWED.some((a) => a.pattern.test(sql))) continue;
    out.push({ sql, count });
  }
  candidates.clear();
  return out.sort((a, b) => b.count - a.count);
}
