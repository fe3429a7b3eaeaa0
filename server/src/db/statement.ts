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
 * builder whose bindings hold anything else than parameters, numbers and booleans (knex's
 * own `limit 1`, a constant `where('active', true)`); a list is one array parameter
 * (`= ANY(?)`), never `whereIn`.
 */

type Param = (name: string) => string;

/** A parameter in the builder's bindings: text no caller sends. */
const SENTINEL = '\u0000param:';
const param: Param = (name) => `${SENTINEL}${name}`;

interface Compiled {
  sql: string;
  /** Per binding, the parameter's name, or the constant knex put there. */
  order: Array<{ name: string } | { value: number | boolean }>;
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
    const native = build(db, param as (name: P) => string)
      .toSQL()
      .toNative();
    const order = native.bindings.map((b) => {
      if (typeof b === 'string' && b.startsWith(SENTINEL)) return { name: b.slice(SENTINEL.length) };
      if (typeof b === 'number' || typeof b === 'boolean') return { value: b };
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

type Connection = pg.Client & {
  __knexUid?: string;
  __knexTxId?: string;
  /** pg's pipeline mode (pg ≥ 8.17): queries are written without waiting for the previous answer. */
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
};
type KnexClient = Knex.Client & {
  acquireConnection(): Promise<Connection>;
  releaseConnection(conn: unknown): Promise<void>;
  emit(event: string, data: unknown): void;
};

/** A transaction's connection, known after its first statement: later ones are written at once. */
const connections = new WeakMap<Knex.Transaction, Connection | Promise<Connection>>();
/** The first statement of a transaction that failed: what the statements written behind it answer. */
const failures = new WeakMap<Knex.Transaction, Error>();

/**
 * Sends SQL text with `$n` placeholders on the transaction's connection (or one of the
 * pool's), answering its rows camelCase as knex would; knex's `query` event fires.
 *
 * In a transaction, statements are written as they are called, without waiting for the
 * previous one's answer: those called in the same turn of the event loop leave in one
 * write and PostgreSQL runs them one after the other, in the order called. A posting
 * that calls several statements before awaiting them pays one round trip for all; one
 * that awaits each pays one each, as with knex. When a statement fails, the transaction
 * is aborted: the statements written behind it answer the first failure, not
 * "current transaction is aborted", so the caller sees (and `withTransaction` retries) the cause.
 */
export function runSql(
  db: Knex | Knex.Transaction,
  sql: string,
  values: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
  const client = db.client as KnexClient;
  if (!db.isTransaction)
    return client
      .acquireConnection()
      .then((conn: Connection) => send(client, conn, sql, values).finally(() => client.releaseConnection(conn)));
  const trx = db as Knex.Transaction;
  const known = connections.get(trx);
  let answer: Promise<Array<Record<string, unknown>>>;
  if (known && !(known instanceof Promise)) answer = inTransaction(trx, client, known, sql, values);
  else {
    // The first statement waits for the connection; those called meanwhile follow it in order.
    const pending: Promise<Connection> =
      known ?? client.acquireConnection().then((conn: Connection) => (connections.set(trx, conn), conn));
    if (!known) connections.set(trx, pending);
    answer = pending.then((conn: Connection) => inTransaction(trx, client, conn, sql, values));
  }
  // A statement written ahead of the await that reads it may fail before that await: not an
  // unhandled rejection. Its failure is not lost: `withTransaction` refuses to commit after one.
  answer.catch(() => undefined);
  return answer;
}

function inTransaction(trx: Knex.Transaction, client: KnexClient, conn: Connection, sql: string, values: unknown[]) {
  if (!conn.pipeline) {
    // Every statement called until the event loop turns goes out in one write.
    conn.pipeline = true;
    conn.connection.stream.cork();
    setImmediate(() => conn.connection.stream.uncork());
    conn.once('drain', () => {
      conn.pipeline = false;
    });
  }
  return send(client, conn, sql, values).catch((err: Error & { code?: string }) => {
    const first = failures.get(trx);
    if (first && err.code === '25P02') throw first;
    if (!first) failures.set(trx, err);
    throw err;
  });
}

/** The first statement of the transaction that failed (see `runSql`), if any. */
export const failedStatement = (trx: Knex.Transaction): Error | undefined => failures.get(trx);

async function send(client: KnexClient, conn: Connection, sql: string, values: unknown[]) {
  client.emit('query', { __knexUid: conn.__knexUid, __knexTxId: conn.__knexTxId, sql, bindings: values, method: 'raw' });
  try {
    const result = await conn.query(sql, values);
    const mapped = client.config.postProcessResponse ? client.config.postProcessResponse(result, undefined) : result;
    return (mapped as pg.QueryResult).rows as Array<Record<string, unknown>>;
  } catch (err) {
    // As knex does: the statement in the message, for the logs; the error's code and constraint are kept.
    if (err instanceof Error) err.message = `${sql} - ${err.message}`;
    throw err;
  }
}
