import type { Knex } from 'knex';
import type { Schema } from 'joi';
import { Joi, assertCleanInput, validate } from './validate';
import { badRequest } from './errors';
import type { Ctx } from './context';
import type { Lang } from './i18n';
import type { FieldType } from '../lib/csv';
import type { ValueList } from '../../../shared/catalog';

export type { FieldType };

export interface FieldDef {
  type: FieldType;
  /** SQL expression for the value; defaults to the base table's snake_case column. */
  sql?: string;
  /** Equality filter (`{field: v}`, or `{field: [..]}` as IN). */
  filter?: boolean;
  /** `<field>_gte` / `<field>_lte` filters. */
  range?: boolean;
  sort?: boolean;
  /** Derived or system-managed: shown, never written by clients. */
  readOnly?: boolean;
  /** Included in CSV exports (default true); `'es'`: only in the Spanish dialect (a name beside its code). */
  csv?: boolean | 'es';
  /** The closed list whose names the `es` CSV dialect writes instead of the codes. */
  labels?: ValueList;
  /** Allowed values of an enum (for filter validation). */
  values?: readonly string[];
  /**
   * A CHECK constraint (or the generated column's formula) keeps every value from starting with a
   * formula character (= + - @ tab CR): CSV cells skip the formula test, which costs per cell.
   */
  csvPlain?: boolean;
}

export interface CustomFilter {
  schema: Schema;
  apply: (qb: Knex.QueryBuilder, value: never, ctx: Ctx) => void;
}

export interface ListShape {
  alias: string;
  table: string;
  fields: Record<string, FieldDef>;
  search?: string[];
  /** Replaces the default `q` search (ILIKE over `search`). */
  searchQuery?: (qb: Knex.QueryBuilder, q: string) => void;
  /** Orders the rows a `q` search finds best match first: allowed as `sort=["relevance",…]`. */
  relevance?: (q: string) => { sql: string; bindings: string[] };
  filters?: Record<string, CustomFilter>;
  defaultSort?: [string, 'ASC' | 'DESC'];
}

export interface ListParams {
  sort: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 1000;

export function fieldSql(shape: ListShape, name: string): string {
  const def = ownEntry(shape.fields, name);
  if (def?.sql) return def.sql;
  return `${shape.alias}.${name
    .replace(/([A-Z])/g, '_$1')
    .replace(/([a-z])(\d)/g, '$1$2')
    .toLowerCase()}`;
}

/** A JSON query parameter (`sort`, `range`, `filter`), or undefined when absent. */
export function parseJson(raw: unknown, what: string, lang: Lang): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('BAD_QUERY', { es: `${what} debe ser JSON`, en: `${what} must be JSON` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    void lang;
    throw badRequest('BAD_QUERY', { es: `${what} no es JSON válido`, en: `${what} is not valid JSON` });
  }
  // "\u0000" inside the JSON is a NUL once parsed: check the value, not only the raw text.
  // Keys are looked up as own properties below, so "constructor" is just an unknown filter.
  assertCleanInput(parsed, what, { prototypeKeys: 'allow' });
  return parsed;
}

/** A declared field by a client-supplied name: own properties only ("constructor" is no field). */
export const ownEntry = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** `sort` as ra-data-simple-rest sends it: ["field","ASC"|"DESC"], with a field the list sorts by. */
export function parseSort(
  sortRaw: unknown,
  sortable: (field: string) => boolean,
  fallback: [string, 'ASC' | 'DESC'],
): [string, 'ASC' | 'DESC'] {
  if (sortRaw === undefined) return fallback;
  if (!Array.isArray(sortRaw) || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase()))
    throw badRequest('BAD_SORT', { es: 'sort debe ser ["campo","ASC"|"DESC"]', en: 'sort must be ["field","ASC"|"DESC"]' });
  const field = sortRaw[0];
  if (!sortable(field))
    throw badRequest('BAD_SORT', {
      es: `No se puede ordenar por "${field.slice(0, 60)}"`,
      en: `Cannot sort by "${field.slice(0, 60)}"`,
    });
  return [field, String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'];
}

/** `range` as ra-data-simple-rest sends it: [start, end], at most `maxRows` rows. */
export function parseRange(rangeRaw: unknown, maxRows = MAX_PAGE): [number, number] | undefined {
  if (rangeRaw === undefined) return undefined;
  const ok =
    Array.isArray(rangeRaw) &&
    rangeRaw.length === 2 &&
    rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    rangeRaw[1] >= rangeRaw[0] &&
    rangeRaw[1] - rangeRaw[0] < maxRows;
  if (!ok)
    throw badRequest(
      'BAD_RANGE',
      Number.isFinite(maxRows)
        ? {
            es: `range debe ser [desde, hasta] con a lo sumo ${maxRows} filas`,
            en: `range must be [start, end] with at most ${maxRows} rows`,
          }
        : { es: 'range debe ser [desde, hasta]', en: 'range must be [start, end]' },
    );
  return rangeRaw as [number, number];
}

/** Parses ra-data-simple-rest's `sort`, `range` and `filter` query parameters. */
export function parseListParams(query: Record<string, unknown>, shape: ListShape, lang: Lang): ListParams {
  const sort = parseSort(
    parseJson(query.sort, 'sort', lang),
    (field) => field === 'id' || !!ownEntry(shape.fields, field)?.sort || (field === RELEVANCE && !!shape.relevance),
    shape.defaultSort ?? ['id', 'ASC'],
  );
  const range = parseRange(parseJson(query.range, 'range', lang));
  const filterRaw = parseJson(query.filter, 'filter', lang) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw))
    throw badRequest('BAD_FILTER', { es: 'filter debe ser un objeto JSON', en: 'filter must be a JSON object' });
  return { sort, range, filter: filterRaw as Record<string, unknown> };
}

function valueSchema(def: FieldDef): Schema {
  switch (def.type) {
    case 'int':
      return Joi.number().integer().min(-2147483648).max(2147483647);
    case 'money':
    case 'decimal':
      return Joi.decimal();
    case 'date':
      return Joi.isoDate();
    case 'timestamp':
      return Joi.alternatives(Joi.isoDate(), Joi.date().iso());
    case 'bool':
      return Joi.boolean();
    case 'enum':
      return def.values ? Joi.string().valid(...def.values) : Joi.string().max(100);
    default:
      return Joi.string().max(200);
  }
}

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Applies a validated filter object; unknown keys are a 400. */
export function applyFilters(qb: Knex.QueryBuilder, shape: ListShape, filter: Record<string, unknown>, ctx: Ctx): void {
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined) continue;
    if (key === 'q') {
      if (raw === null || raw === '') continue;
      const q = validate<string>(Joi.string().trim().max(200).allow(''), raw, ctx.lang);
      if (!q) continue;
      if (shape.searchQuery) {
        shape.searchQuery(qb, q);
        continue;
      }
      if (!shape.search?.length) throw unknownFilter(key);
      const pattern = `%${likeEscape(q)}%`;
      qb.where((w) => {
        for (const expr of shape.search!) w.orWhereRaw(`${expr} ILIKE ?`, [pattern]);
      });
      continue;
    }
    if (key === 'id') {
      const ids = validate<number | number[]>(
        Joi.alternatives(Joi.number().integer().min(1), Joi.array().items(Joi.number().integer().min(1)).max(MAX_PAGE)),
        raw,
        ctx.lang,
      );
      if (Array.isArray(ids)) qb.whereIn(`${shape.alias}.id`, ids);
      else qb.where(`${shape.alias}.id`, ids);
      continue;
    }
    const custom = ownEntry(shape.filters, key);
    if (custom) {
      const value = validate<never>(custom.schema.label(key), raw, ctx.lang);
      custom.apply(qb, value, ctx);
      continue;
    }
    const m = /^(.+)_(gte|lte|gt|lt)$/.exec(key);
    const ranged = m ? ownEntry(shape.fields, m[1]) : undefined;
    if (m && ranged?.range) {
      const def = ranged;
      const value = validate<unknown>(valueSchema(def).label(key), raw, ctx.lang);
      const op = { gte: '>=', lte: '<=', gt: '>', lt: '<' }[m[2] as 'gte' | 'lte' | 'gt' | 'lt'];
      qb.whereRaw(`${fieldSql(shape, m[1])} ${op} ?`, [value as string]);
      continue;
    }
    const def = ownEntry(shape.fields, key);
    if (def?.filter) {
      const expr = fieldSql(shape, key);
      if (raw === null) {
        qb.whereRaw(`${expr} IS NULL`);
      } else if (Array.isArray(raw)) {
        const values = validate<unknown[]>(Joi.array().items(valueSchema(def)).max(MAX_PAGE).label(key), raw, ctx.lang);
        if (values.length === 0) qb.whereRaw('false');
        else qb.whereRaw(`${expr} = ANY(?)`, [values as string[]]);
      } else {
        const value = validate<unknown>(valueSchema(def).label(key), raw, ctx.lang);
        qb.whereRaw(`${expr} = ?`, [value as string]);
      }
      continue;
    }
    throw unknownFilter(key);
  }
}

function unknownFilter(key: string) {
  const k = key.slice(0, 60);
  return badRequest('BAD_FILTER', { es: `No se puede filtrar por "${k}"`, en: `Cannot filter by "${k}"` }, [
    { path: k, message: { es: 'filtro desconocido', en: 'unknown filter' } },
  ]);
}

/** The sort a searchable list offers pickers: best match for `q` first, then the list's default order. */
export const RELEVANCE = 'relevance';

export function applySort(
  qb: Knex.QueryBuilder,
  shape: ListShape,
  sort: [string, 'ASC' | 'DESC'],
  filter: Record<string, unknown> = {},
): void {
  if (sort[0] === RELEVANCE) {
    const q = typeof filter.q === 'string' ? filter.q.trim() : '';
    if (q && shape.relevance) {
      const { sql, bindings } = shape.relevance(q);
      qb.orderByRaw(sql, bindings);
    }
    sort = shape.defaultSort ?? ['id', 'ASC'];
  }
  const [field, dir] = sort;
  if (field !== 'id') qb.orderByRaw(`${fieldSql(shape, field)} ${dir}`);
  qb.orderBy(`${shape.alias}.id`, dir.toLowerCase() as 'asc' | 'desc');
}

/** Above this many rows (by the planner's estimate) a list's total is the estimate, not a count. */
export const EXACT_COUNT_LIMIT = 100_000;

/**
 * Total rows for Content-Range. Exact below 100,000; above that the planner's
 * estimate, which is what a list header needs and costs no scan.
 */
export async function countRows(knex: Knex | Knex.Transaction, filtered: Knex.QueryBuilder, estimate?: number): Promise<number> {
  const rows = estimate ?? (await estimateRows(knex, filtered));
  if (rows > EXACT_COUNT_LIMIT) return rows;
  const counted = await knex.count({ n: '*' }).from(countable(knex, filtered).as('c'));
  return Number((counted[0] as { n: number | string }).n);
}

/** The planner's estimate of the rows a filtered list has. */
export async function estimateRows(knex: Knex | Knex.Transaction, filtered: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = countable(knex, filtered).toSQL();
  const explain = await knex.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as Knex.RawBinding[]);
  const first = explain.rows?.[0] ? Object.values(explain.rows[0])[0] : undefined;
  const plan = (first as Array<{ Plan?: Record<string, unknown> }> | undefined)?.[0]?.Plan;
  return Number(plan?.['Plan Rows'] ?? 0);
}

const countable = (knex: Knex | Knex.Transaction, filtered: Knex.QueryBuilder) =>
  filtered.clone().clearSelect().clearOrder().select(knex.raw('1'));
