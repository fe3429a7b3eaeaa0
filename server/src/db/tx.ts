import type { Knex } from 'knex';
import { failedStatement } from './statement';

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `fn` in one transaction and retries it when PostgreSQL aborts it for a
 * serialization failure or a deadlock, which concurrent ledger writes can cause.
 */
export async function withTransaction<T>(
  knex: Knex,
  fn: (trx: Knex.Transaction) => Promise<T>,
  opts: { retries?: number; isolationLevel?: Knex.IsolationLevels } = {},
): Promise<T> {
  const retries = opts.retries ?? 8;
  for (let attempt = 0; ; attempt++) {
    try {
      return await knex.transaction(
        async (trx) => {
          const result = await fn(trx);
          // A statement written ahead (db/statement.ts) that failed unread still fails the transaction.
          const failed = failedStatement(trx);
          if (failed) throw failed;
          return result;
        },
        opts.isolationLevel ? { isolationLevel: opts.isolationLevel } : undefined,
      );
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** A company-scoped query on a table: the one place that adds `company_id`. */
export function scoped(db: Knex | Knex.Transaction, table: string, companyId: number, alias?: string): Knex.QueryBuilder {
  const name = alias ? `${table} as ${alias}` : table;
  return db(name).where(`${alias ?? table}.company_id`, companyId);
}
