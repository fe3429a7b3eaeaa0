import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { ObjectSchema } from 'joi';
import { ctxOf, type Ctx } from './context';
import { assertCan, can, type Permission } from './permissions';
import { AppError, badRequest, forbidden, notFound } from './errors';
import { Joi, validate } from './validate';
import { apiDoc, jsonSchemaOf, recordSchema } from './openapi';
import {
  EXACT_COUNT_LIMIT,
  applyFilters,
  applySort,
  countRows,
  estimateRows,
  fieldSql,
  ownEntry,
  parseListParams,
  type ListParams,
  type ListShape,
} from './list-query';
import { withTransaction } from '../db/tx';
import { audit } from './audit';
import { cellSql, labelledSql, parseDialect, streamCsv } from '../lib/csv';
import { fieldLabels, valueLabels } from '../../../shared/catalog';
import { readCtx, readerOf } from './read-routing';
import { ExportGate } from '../db/export-gate';
import { D } from '../lib/money';

type Data = Record<string, unknown>;
export type Op = 'create' | 'update' | 'delete';

export interface WriteInfo {
  op: Op;
  trx: Knex.Transaction;
  before?: Data;
}

/**
 * A plain resource declared as data: its table, its fields and how each may be
 * filtered and sorted, the joi schema of a whole record, and who may do what.
 * `resourceRouter` turns it into the simple-rest endpoints.
 */
export interface ResourceDef extends ListShape {
  name: string;
  /** Catalog entry of its field labels (CSV headers) when not its name. */
  labels?: string;
  /** Label for audit events; defaults to the table name. */
  entity?: string;
  access: { read: Permission; create?: Permission; update?: Permission; delete?: Permission; export?: Permission };
  /** Validates the body of a POST, and the merged record of a PUT. */
  schema?: ObjectSchema;
  /** Joins the computed fields need. */
  from?: (qb: Knex.QueryBuilder, ctx: Ctx) => void;
  /**
   * What a count needs of `from` when its joins only add fields (left joins to at most one row): the
   * rows it keeps, without those joins. PostgreSQL drops such joins from a plan, but still reads the
   * joining columns, which keeps a count off an index-only scan. Unset: counts use `from`.
   */
  countFrom?: (qb: Knex.QueryBuilder, ctx: Ctx) => void;
  /** Fields whose change needs more than `access.update`, with their value on creation. */
  guarded?: Record<string, { permission: Permission; default: unknown }>;
  hooks?: {
    /** After validation, before the write, inside the transaction: normalise, check, or refuse. */
    prepare?: (ctx: Ctx, data: Data, info: WriteInfo) => Promise<Data> | Data;
    /** After the write, inside the transaction (child rows, denormalised figures). */
    afterWrite?: (ctx: Ctx, record: Data, info: WriteInfo) => Promise<void> | void;
  };
}

const MAX_ID = 2147483647;

export function parseId(raw: unknown): number {
  const s = String(raw);
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > MAX_ID) throw notFound();
  return Number(s);
}

/** Each resource's select list as SQL, compiled once: it depends on the declaration only (and knex's naming). */
const compiledSelects = new WeakMap<ResourceDef, string>();

/** The fields of a resource as select expressions (the record a GET answers). */
export function selectList(def: ResourceDef, db: Knex | Knex.Transaction): Knex.Raw[] {
  let sql = compiledSelects.get(def);
  if (sql === undefined) {
    sql = Object.keys(def.fields)
      .filter((name) => def.fields[name].csv !== 'es')
      .map((name) => db.raw(`${fieldSql(def, name)} as ??`, [name]).toQuery())
      .join(', ');
    compiledSelects.set(def, sql);
  }
  return [db.raw(sql)];
}

/** The company-scoped FROM of a resource, with its joins: the base of every read. */
export function baseQuery(def: ResourceDef, ctx: Ctx, db: Knex | Knex.Transaction = ctx.knex): Knex.QueryBuilder {
  const qb = db(`${def.table} as ${def.alias}`).where(`${def.alias}.company_id`, ctx.companyId);
  def.from?.(qb, ctx);
  return qb;
}

/**
 * The filtered rows without the resource's field joins, when it declares `countFrom` and neither a filter
 * nor `order` (the sort of a page's ids) names a joined table; otherwise null. PostgreSQL drops a LEFT JOIN
 * to a unique key but still reads the join's columns (`d.customer_id`), which keeps a count or a deep
 * page's ids off an index-only scan.
 */
function withoutJoins(
  def: ResourceDef,
  ctx: Ctx,
  params: ListParams,
  filtered: Knex.QueryBuilder,
  order?: (qb: Knex.QueryBuilder) => void,
): Knex.QueryBuilder | null {
  if (!def.countFrom) return null;
  const bare = ctx.knex(`${def.table} as ${def.alias}`).where(`${def.alias}.company_id`, ctx.companyId);
  def.countFrom(bare, ctx);
  applyFilters(bare, def, params.filter, ctx);
  order?.(bare);
  const joined = [...filtered.toSQL().sql.matchAll(/\bjoin\s+"?\w+"?\s+as\s+"?(\w+)"?/gi)].map((m) => m[1]);
  const sql = bare.toSQL().sql;
  return joined.some((alias) => new RegExp(`(^|[^\\w."])"?${alias}"?\\.`).test(sql)) ? null : bare;
}

/** The filtered rows to count: `withoutJoins` when it can, else `filtered` itself. */
function countQuery(def: ResourceDef, ctx: Ctx, params: ListParams, filtered: Knex.QueryBuilder): Knex.QueryBuilder {
  return withoutJoins(def, ctx, params, filtered) ?? filtered;
}

export async function listRecords(def: ResourceDef, ctx: Ctx, params: ListParams): Promise<{ rows: Data[]; total: number }> {
  const filtered = baseQuery(def, ctx);
  applyFilters(filtered, def, params.filter, ctx);
  const counted = countQuery(def, ctx, params, filtered);
  const [start, end] = params.range ?? [0, 999];
  if (start >= EXACT_COUNT_LIMIT / 2) {
    // Deep in a list whose total is the planner's estimate, the pager's positions
    // past the middle are counted from the end: the last page is the last rows,
    // found with a short reverse scan instead of walking every row before them.
    const estimate = await estimateRows(ctx.knex, counted);
    if (estimate > EXACT_COUNT_LIMIT && start > estimate / 2 && start < estimate) {
      const last = Math.min(end, estimate - 1);
      const page = pageQuery(def, ctx, filtered, params, estimate - 1 - last, last - start + 1, true);
      return { rows: (await page) as Data[], total: estimate };
    }
    const page = pageQuery(def, ctx, filtered, params, start, end - start + 1);
    const [rows, total] = await Promise.all([page as Promise<Data[]>, countRows(ctx.knex, counted, estimate)]);
    return { rows, total: Math.max(total, start + rows.length) };
  }
  const page = pageQuery(def, ctx, filtered, params, start, end - start + 1);
  const [rows, total] = await Promise.all([page as Promise<Data[]>, countRows(ctx.knex, counted)]);
  return { rows, total: Math.max(total, start + rows.length) };
}

/**
 * One page of a list. Past the first page, the rows OFFSET skips are walked as
 * ids only (an index-only scan when the sort has an index) and the fields, joins
 * and subqueries are computed for the rows shown: a deep page no longer joins
 * every row it skips. `fromEnd` counts the offset from the end of the list (the
 * reverse sort; the page still comes out in the list's order).
 */
function pageQuery(
  def: ResourceDef,
  ctx: Ctx,
  filtered: Knex.QueryBuilder,
  params: ListParams,
  offset: number,
  limit: number,
  fromEnd = false,
): Knex.QueryBuilder {
  const { sort, filter } = params;
  const plain = offset === 0 && !fromEnd;
  const page = plain ? filtered.clone() : baseQuery(def, ctx);
  if (!plain) {
    // Reversing ASC/DESC reverses NULLS LAST/FIRST too: the exact reverse order.
    const order = (qb: Knex.QueryBuilder) =>
      applySort(qb, def, fromEnd ? [sort[0], sort[1] === 'ASC' ? 'DESC' : 'ASC'] : sort, filter);
    const ids = withoutJoins(def, ctx, params, filtered, order) ?? filtered.clone().modify(order);
    page.whereIn(`${def.alias}.id`, ids.select(`${def.alias}.id`).offset(offset).limit(limit));
  }
  page.select(selectList(def, ctx.knex));
  applySort(page, def, sort, filter);
  return plain ? page.limit(limit) : page;
}

export async function getRecord(
  def: ResourceDef,
  ctx: Ctx,
  id: number,
  opts: { trx?: Knex.Transaction; lock?: boolean } = {},
): Promise<Data> {
  const db = opts.trx ?? ctx.knex;
  if (opts.lock) {
    const locked = await db(def.table).where({ id, companyId: ctx.companyId }).forUpdate().first('id');
    if (!locked) throw notFound();
  }
  const row = (await baseQuery(def, ctx, db).where(`${def.alias}.id`, id).first(selectList(def, db))) as Data | undefined;
  if (!row) throw notFound();
  return row;
}

function writableKeys(def: ResourceDef): string[] {
  const described = def.schema?.describe() as { keys?: Record<string, unknown> } | undefined;
  return Object.keys(described?.keys ?? {});
}

function normalised(v: unknown, numeric: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  // "1500" and "1500.00" are the same amount; "01234" and "1234" are different postal codes.
  if (numeric && /^-?\d+(\.\d+)?$/.test(s)) return new D(s).toString();
  return s;
}

const NUMERIC_TYPES = new Set(['int', 'money', 'decimal']);

export const sameValue = (a: unknown, b: unknown, type?: string) => {
  const numeric = type === undefined ? typeof a === 'number' || typeof b === 'number' : NUMERIC_TYPES.has(type);
  return normalised(a, numeric) === normalised(b, numeric);
};

function checkGuards(def: ResourceDef, ctx: Ctx, data: Data, before?: Data): void {
  for (const [field, guard] of Object.entries(def.guarded ?? {})) {
    if (!Object.hasOwn(data, field)) continue;
    const reference = before ? before[field] : guard.default;
    if (!sameValue(data[field], reference, def.fields[field]?.type)) assertCan(ctx.user.role, guard.permission);
  }
}

/** Creates a record in its own transaction, or inside the caller's (`opts.trx`) when it is one step of a larger write. */
export async function createRecord(
  def: ResourceDef,
  ctx: Ctx,
  body: unknown,
  opts: { trx?: Knex.Transaction } = {},
): Promise<Data> {
  if (!def.access.create || !def.schema) throw methodNotAllowed();
  assertCan(ctx.user.role, def.access.create);
  const valid = validate<Data>(def.schema, body ?? {}, ctx.lang, { op: 'create' });
  checkGuards(def, ctx, valid);
  const inTransaction = <T>(fn: (trx: Knex.Transaction) => Promise<T>) =>
    opts.trx ? fn(opts.trx) : withTransaction(ctx.knex, fn);
  return inTransaction(async (trx) => {
    const info: WriteInfo = { op: 'create', trx };
    const data = def.hooks?.prepare ? await def.hooks.prepare(ctx, valid, info) : valid;
    const [{ id }] = (await trx(def.table)
      .insert({ ...data, companyId: ctx.companyId })
      .returning('id')) as Array<{ id: number }>;
    const record = await getRecord(def, ctx, id, { trx });
    await def.hooks?.afterWrite?.(ctx, record, info);
    await audit(trx, ctx, { action: 'create', entity: def.entity ?? def.table, entityId: id, after: record });
    return record;
  });
}

export async function updateRecord(def: ResourceDef, ctx: Ctx, id: number, body: unknown): Promise<Data> {
  if (!def.access.update || !def.schema) throw methodNotAllowed();
  const mayUpdate = can(ctx.user.role, def.access.update);
  const guardedOnly = Object.values(def.guarded ?? {}).some((g) => can(ctx.user.role, g.permission));
  if (!mayUpdate && !guardedOnly) throw forbidden();
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('VALIDATION', { es: 'El cuerpo debe ser un objeto JSON', en: 'The body must be a JSON object' });
  const writable = new Set(writableKeys(def));
  return withTransaction(ctx.knex, async (trx) => {
    const before = await getRecord(def, ctx, id, { trx, lock: true });
    // react-admin sends the whole record back: read-only fields pass when unchanged.
    // Client keys index these records: own properties only, and no prototype to reach.
    const has = (o: Data, key: string) => Object.hasOwn(o, key);
    const incoming: Data = Object.create(null) as Data;
    for (const [key, value] of Object.entries(body as Data)) {
      if (!writable.has(key) && has(before, key)) {
        if (!sameValue(value, before[key], ownEntry(def.fields, key)?.type))
          throw badRequest('READ_ONLY', { es: `${key} es de solo lectura`, en: `${key} is read-only` }, [
            { path: key, message: { es: 'es de solo lectura', en: 'is read-only' } },
          ]);
        continue;
      }
      incoming[key] = value;
    }
    const merged: Data = {};
    for (const key of writable) if (has(before, key)) merged[key] = before[key];
    for (const key of Object.keys(incoming))
      Object.defineProperty(merged, key, { value: incoming[key], enumerable: true, writable: true, configurable: true });
    const valid = validate<Data>(def.schema!, merged, ctx.lang, { op: 'update' });
    const changed: Data = {};
    for (const [key, value] of Object.entries(valid)) {
      if (!has(before, key) || !sameValue(value, before[key], ownEntry(def.fields, key)?.type)) changed[key] = value;
    }
    checkGuards(def, ctx, changed, before);
    // Someone who may only change guarded fields (a manager setting a credit limit) changes nothing else.
    if (!mayUpdate && Object.keys(changed).some((k) => !ownEntry(def.guarded, k))) throw forbidden();
    const info: WriteInfo = { op: 'update', trx, before };
    const data = def.hooks?.prepare ? await def.hooks.prepare(ctx, changed, info) : changed;
    if (Object.keys(data).length > 0) {
      await trx(def.table)
        .where({ id, companyId: ctx.companyId })
        .update({ ...data, updatedAt: trx.fn.now() });
    }
    const record = await getRecord(def, ctx, id, { trx });
    await def.hooks?.afterWrite?.(ctx, record, info);
    if (Object.keys(data).length > 0)
      await audit(trx, ctx, { action: 'update', entity: def.entity ?? def.table, entityId: id, before, after: record });
    return record;
  });
}

export async function deleteRecord(def: ResourceDef, ctx: Ctx, id: number): Promise<Data> {
  if (!def.access.delete) throw methodNotAllowed();
  assertCan(ctx.user.role, def.access.delete);
  return withTransaction(ctx.knex, async (trx) => {
    const before = await getRecord(def, ctx, id, { trx, lock: true });
    const info: WriteInfo = { op: 'delete', trx, before };
    if (def.hooks?.prepare) await def.hooks.prepare(ctx, {}, info);
    await trx(def.table).where({ id, companyId: ctx.companyId }).delete();
    await def.hooks?.afterWrite?.(ctx, before, info);
    await audit(trx, ctx, { action: 'delete', entity: def.entity ?? def.table, entityId: id, before });
    return before;
  });
}

export function methodNotAllowed(
  text = { es: 'Operación no permitida sobre este recurso', en: 'Operation not allowed on this resource' },
) {
  return new AppError(405, 'METHOD_NOT_ALLOWED', text);
}

/** Internal keys (`id`, `…Id`, the user who did it) mean nothing to an accountant: the `es` dialect leaves them out. */
const INTERNAL_KEY = /^(id|.*Id|createdBy|reversedBy)$/;
const isInternalKey = (name: string, f: { type: string }) => f.type === 'int' && INTERNAL_KEY.test(name);

/**
 * The SELECT of an export: same filters and sort as the list, cells rendered in SQL.
 * `rfc4180` is for integrations: every field under its camelCase key, codes as
 * stored. `es` is for people: the admin's labels as headers (in the request's
 * language), names instead of codes (a CASE built from the shared catalog, so
 * the export stays one streamed COPY), no internal keys.
 */
export function exportSql(
  def: ResourceDef,
  ctx: Ctx,
  params: ListParams,
  dialect: 'es' | 'rfc4180',
): { sql: string; headers: string[] } {
  const es = dialect === 'es';
  const names = Object.keys(def.fields).filter((n) => {
    const csv = def.fields[n].csv ?? true;
    return es ? csv !== false && !isInternalKey(n, def.fields[n]) : csv === true;
  });
  const qb = baseQuery(def, ctx);
  applyFilters(qb, def, params.filter, ctx);
  const cell = (n: string) => {
    const f = def.fields[n];
    const sql = fieldSql(def, n);
    if (es && f.labels) return labelledSql(sql, valueLabels(ctx.lang, f.labels));
    return cellSql({ header: n, type: f.type, sql, plain: f.csvPlain }, dialect);
  };
  qb.select(ctx.knex.raw(names.map(cell).join(', ')));
  applySort(qb, def, params.sort, params.filter);
  const labels = es ? fieldLabels(ctx.lang, def.labels ?? def.name) : undefined;
  return { sql: qb.toQuery(), headers: names.map((n) => labels?.[n] ?? n) };
}

export async function exportRecords(def: ResourceDef, ctx: Ctx, req: Request, res: Response): Promise<void> {
  assertCan(ctx.user.role, def.access.export ?? 'export');
  assertCan(ctx.user.role, def.access.read);
  const params = parseListParams(req.query as Record<string, unknown>, def, ctx.lang);
  const dialect = parseDialect(req.query.dialect);
  const { sql, headers } = exportSql(def, ctx, params, dialect);
  const connectionString = (await readerOf(req)).url;
  // While another company runs a request, the COPY itself waits in PostgreSQL (see db/export-gate.ts).
  const contention = res.locals.contention;
  const gate = contention ? new ExportGate(connectionString, contention.maxHoldMs) : undefined;
  const unwatch = gate && contention?.watch((othersRunning) => gate.hold(othersRunning));
  try {
    await streamCsv(res, {
      connectionString,
      selectSql: gate ? gate.wrap(sql) : sql,
      headers,
      dialect,
      filename: `${def.name}.csv`,
      pace: res.locals.yieldToOthers,
    });
  } finally {
    unwatch?.();
    await gate?.end();
  }
}

export function setContentRange(res: Response, name: string, start: number, count: number, total: number): void {
  const end = count > 0 ? start + count - 1 : start;
  res.setHeader('Content-Range', `${name} ${start}-${end}/${total}`);
}

/** The OpenAPI description of a declared resource's routes, from the declaration and its joi schema. */
function resourceDocs(def: ResourceDef) {
  // The JSON schemas are built when the document is first asked for (apiDoc's function form).
  const record = () => ({ [def.name]: recordSchema(def) });
  const title = def.name;
  const body = def.schema;
  return {
    list: apiDoc(() => ({
      summary: `List ${title}`,
      permission: def.access.read,
      list: def,
      response: { schema: def.name, array: true },
      define: record(),
    })),
    export: apiDoc({
      summary: `Export ${title} as CSV`,
      permission: def.access.export ?? 'export',
      list: def,
      query: { dialect: Joi.string().valid('es', 'rfc4180') },
      response: { csv: true },
    }),
    get: apiDoc(() => ({
      summary: `One of ${title}`,
      permission: def.access.read,
      response: { schema: def.name },
      define: record(),
    })),
    create:
      def.access.create && body
        ? apiDoc({
            summary: `Create in ${title}`,
            permission: def.access.create,
            body,
            response: { status: 201, schema: def.name },
          })
        : apiDoc({ summary: `Create in ${title} (not allowed)`, notAllowed: true }),
    update:
      def.access.update && body
        ? apiDoc(() => ({
            summary: `Update one of ${title} (partial: the record is merged)`,
            permission: def.access.update,
            body: jsonSchemaOf(body.fork(Object.keys(body.describe().keys ?? {}), (s) => s.optional())),
            response: { schema: def.name },
          }))
        : apiDoc({ summary: `Update in ${title} (not allowed)`, notAllowed: true }),
    delete: def.access.delete
      ? apiDoc({ summary: `Delete one of ${title}`, permission: def.access.delete, response: { schema: def.name } })
      : apiDoc({ summary: `Delete in ${title} (not allowed)`, notAllowed: true }),
  };
}

/** GET / , GET /export.csv, GET /:id, POST /, PUT /:id, DELETE /:id for a declared resource. */
export function resourceRouter(def: ResourceDef, extend?: (router: Router) => void): Router {
  const router = Router();
  const doc = resourceDocs(def);
  router.get('/', doc.list, async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, def.access.read);
    const params = parseListParams(req.query as Record<string, unknown>, def, ctx.lang);
    // Lists and their counts may read from the replica (read-routing.ts).
    const { rows, total } = await listRecords(def, await readCtx(req), params);
    setContentRange(res, def.name, params.range?.[0] ?? 0, rows.length, total);
    res.json(rows);
  });
  router.get('/export.csv', doc.export, async (req, res) => {
    await exportRecords(def, ctxOf(req), req, res);
  });
  extend?.(router);
  router.get('/:id', doc.get, async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, def.access.read);
    res.json(await getRecord(def, ctx, parseId(req.params.id)));
  });
  router.post('/', doc.create, async (req, res) => {
    res.status(201).json(await createRecord(def, ctxOf(req), req.body));
  });
  router.put('/:id', doc.update, async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await updateRecord(def, ctx, parseId(req.params.id), req.body));
  });
  router.delete('/:id', doc.delete, async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await deleteRecord(def, ctx, parseId(req.params.id)));
  });
  return router;
}
