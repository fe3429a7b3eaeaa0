import type { Knex } from 'knex';
import type pg from 'pg';

/**
 * Statements of a hot path (a receipt's posting), built by knex once and run many times.
 *
 * Building a query with knex and running it through knex's runner costs about as much CPU
 * on the server as the round trip itself (measured: ≈ 0.3 ms each on the bench machine),
 * and a receipt sends a dozen. A `statement` is written with knex as usual, but with
 * named parameters (`p('customerId')`) in place of values: the first run compiles it to
 * its SQL text and the order its parameters take there; every run sends that text with
 * the values on the transaction's own connection. The text is the one knex would send,
 * the rows come back camelCase like every knex query, and knex's `query` event still
 * fires (so query logs and the tests that read a posting's statements see them).
 *
 * Every value that changes between runs must be a parameter: compiling refuses a
 * builder whose bindings hold anything else than parameters and numbers (knex's own
 * `limit 1`); a list is one array parameter (`= ANY(?)`), never `whereIn`.
 */

type Param = (name: string) => string;

/** A parameter in the builder's bindings: text no caller sends. */
const SENTINEL = '\u0000param:';
const param: Param = (name) => `${SENTINEL}${name}`;

interface Compiled {
  sql: string;
  /** Per binding, the parameter's name, or the constant knex put there. */
  order: Array<{ name: string } | { value: number }>;
}

export interface Statement<P extends string> {
  /** Runs the statement with these values; answers its rows (typed by the caller, as knex's are). */
  <R = Record<string, unknown>>(db: Knex | Knex.Transaction, params: Record<P, unknown>): Promise<R[]>;
  /** The SQL text sent (for tests and logs). */
  readonly sql: (db: Knex | Knex.Transaction) => string;
}

/** A statement built by `build` (see above); `p(name)` stands for the parameter `name`. */
export function statement<P extends string>(
  build: (db: Knex | Knex.Transaction, p: (name: P) => string) => Knex.QueryBuilder | Knex.Raw,
): Statement<P> {
  let compiled: Compiled | undefined;
  const compile = (db: Knex | Knex.Transaction): Compiled => {
    if (compiled) return compiled;
    const native = build(db, param as (name: P) => string).toSQL().toNative();
    const order = native.bindings.map((b) => {
      if (typeof b === 'string' && b.startsWith(SENTINEL)) return { name: b.slice(SENTINEL.length) };
      if (typeof b === 'number') return { value: b };
      throw new Error(`statement: a value that is not a parameter reached the bindings (${String(b)}): ${native.sql}`);
    });
    return (compiled = { sql: native.sql, order });
  };
  const run = async <R>(db: Knex | Knex.Transaction, params: Record<P, unknown>): Promise<R[]> => {
    const { sql, order } = compile(db);
    const values = order.map((o) => ('name' in o ? params[o.name as P] : o.value));
    return (await runSql(db, sql, values)) as R[];
  };
  return Object.assign(run, { sql: (db: Knex | Knex.Transaction) => compile(db).sql });
}

/**
 * Sends SQL text with `$n` placeholders on the transaction's connection (or one of the
 * pool's), answering its rows camelCase as knex would; knex's `query` event fires.
 */
export async function runSql(
  db: Knex | Knex.Transaction,
  sql: string,
  values: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
  const client = db.client as Knex.Client & {
    acquireConnection(): Promise<pg.Client & { __knexUid?: string; __knexTxId?: string }>;
    releaseConnection(conn: unknown): Promise<void>;
    emit(event: string, data: unknown): void;
  };
  const inTransaction = db.isTransaction === true;
  const conn = await client.acquireConnection();
  try {
    client.emit('query', { __knexUid: conn.__knexUid, __knexTxId: conn.__knexTxId, sql, bindings: values, method: 'raw' });
    const result = await conn.query(sql, values);
    const mapped = client.config.postProcessResponse ? client.config.postProcessResponse(result, undefined) : result;
    return (mapped as pg.QueryResult).rows;
  } catch (err) {
    // As knex does: the statement in the message, for the logs; the error's code and constraint are kept.
    if (err instanceof Error) err.message = `${sql} - ${err.message}`;
    throw err;
  } finally {
    if (!inTransaction) await client.releaseConnection(conn);
  }
}
