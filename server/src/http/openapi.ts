import type { RequestHandler, Router } from 'express';
import type { ObjectSchema, Schema } from 'joi';
import OpenApi31Parser from 'joi-to-json/lib/parsers/open-api-3.1';
import type { FieldDef, ListShape } from './list-query';
import { PERMISSIONS, type Permission, type Role } from './permissions';

/**
 * The OpenAPI 3.1 document of the API, generated from the router itself: every route
 * the Express router answers becomes an operation, described by the `apiDoc(...)`
 * marker its declaration carries (the joi schema that validates its body, the
 * resource declaration it lists, who may call it). Nothing is written twice: a route
 * without a marker still appears, and test/platform/openapi.test.ts fails on it.
 */

export type JsonSchema = Record<string, unknown>;

export interface OperationDoc {
  summary: string;
  /** Who may call it (SPEC §3); absent for routes every signed-in user may call. */
  permission?: Permission;
  /** Answers without a session (login, health). */
  public?: boolean;
  /** The request body: the joi schema that validates it, a JSON schema, or a CSV upload. */
  body?: Schema | JsonSchema | 'csv';
  /** Query parameters: each its joi schema, or the joi object that validates the whole query. */
  query?: Record<string, Schema> | ObjectSchema;
  /** A simple-rest list: `sort`, `range`, `filter` over this declaration. */
  list?: ListShape;
  /** What a success answers: a component name (`#/components/schemas/<name>`), a JSON schema, or CSV. */
  response?: { status?: number; schema?: string | JsonSchema; array?: boolean; csv?: boolean; empty?: boolean };
  /** Always answers 405 (a resource that has no such operation). */
  notAllowed?: boolean;
  /** Named request headers (`Idempotency-Key`). */
  headers?: string[];
  /** Schemas this operation names, added to `#/components/schemas`. */
  define?: Record<string, JsonSchema>;
}

type Documented = RequestHandler & { apiDoc: OperationDoc };

/**
 * Marks a route with its documentation; a no-op in the request's path. A function is called the
 * first time the documentation is read (when /api/openapi.json is first asked for), so a process
 * that never serves the document never builds the JSON schemas it names.
 */
export function apiDoc(doc: OperationDoc | (() => OperationDoc)): RequestHandler {
  const marker = ((_req, _res, next) => next()) as RequestHandler;
  let built = typeof doc === 'function' ? undefined : doc;
  Object.defineProperty(marker, 'apiDoc', {
    get: () => (built ??= (doc as () => OperationDoc)()),
    enumerable: true,
  });
  return marker as Documented;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: Partial<Documented>; method?: string }> };
  handle: { stack?: Layer[] };
  rawPath?: string;
}

export interface RouteInfo {
  method: string;
  /** Express path, `/api/customers/:id`. */
  path: string;
  doc?: OperationDoc;
}

/**
 * Every route of a router, in the order Express tries them; a later route with the
 * same method and path is unreachable (the first answers) and left out.
 */
export function routesOf(router: Router, prefix = ''): RouteInfo[] {
  const seen = new Set<string>();
  const walk = (r: Router, base: string): RouteInfo[] =>
    (r.stack as unknown as Layer[]).flatMap((layer) => {
      if (layer.route) {
        const path = `${base}${layer.route.path === '/' ? '' : layer.route.path}` || '/';
        const doc = layer.route.stack.find((s) => s.handle.apiDoc)?.handle.apiDoc;
        return Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .flatMap((method) => {
            const key = `${method} ${path}`;
            if (seen.has(key)) return [];
            seen.add(key);
            return [{ method, path, doc }];
          });
      }
      if (layer.handle.stack && typeof layer.rawPath === 'string')
        return walk(layer.handle as unknown as Router, base + (layer.rawPath === '/' ? '' : layer.rawPath));
      return [];
    });
  return walk(router, prefix);
}

// ── joi → JSON Schema ────────────────────────────────────────────────────────────

const DOMAIN_TYPES: Record<string, JsonSchema> = {
  money: { type: 'string', pattern: '^-?\\d{1,13}(\\.\\d{1,2})?$', description: 'Amount: decimal string (a number is accepted)' },
  decimal: { type: 'string', pattern: '^-?\\d{1,12}(\\.\\d+)?$', description: 'Decimal string (a number is accepted)' },
  isoDate: { type: 'string', format: 'date' },
  cuit: { type: 'string', pattern: '^\\d{2}-?\\d{8}-?\\d$', description: 'CUIT/CUIL, with or without dashes' },
  cbu: { type: 'string', pattern: '^[\\d\\s-]{22,26}$', description: 'CBU, 22 digits' },
};

/** Our joi types (money, decimal, isoDate, cuit, cbu) as the JSON Schema they stand for. */
function domainTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(domainTypes);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = domainTypes(v);
  const types = ([] as unknown[]).concat(out.type ?? []);
  const domain = types.find((t): t is string => typeof t === 'string' && t in DOMAIN_TYPES);
  if (domain) {
    const nullable = types.includes('null');
    Object.assign(out, DOMAIN_TYPES[domain]);
    if (nullable) out.type = [DOMAIN_TYPES[domain].type, 'null'];
  }
  return out;
}

const parser = new OpenApi31Parser();

/** The JSON Schema of a joi schema, through joi-to-json's OpenAPI 3.1 parser. */
export function jsonSchemaOf(schema: Schema): JsonSchema {
  return domainTypes(parser.parse(schema.describe())) as JsonSchema;
}

const isJoi = (s: unknown): s is Schema => !!s && typeof (s as Schema).describe === 'function';

/** The keys of a joi object, each its own schema. */
const keysOf = (schema: ObjectSchema): Record<string, Schema> =>
  Object.fromEntries(Object.keys(schema.describe().keys ?? {}).map((k) => [k, schema.extract(k)]));

// ── resource records ────────────────────────────────────────────────────────────

const FIELD_TYPES: Record<FieldDef['type'], JsonSchema> = {
  int: { type: 'integer' },
  text: { type: 'string' },
  enum: { type: 'string' },
  money: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' },
  decimal: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string', format: 'date-time' },
  bool: { type: 'boolean' },
  json: {},
};

/** The record a resource answers (its GET /:id, each row of its list). */
export function recordSchema(shape: ListShape): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, f] of Object.entries(shape.fields)) {
    if (f.csv === 'es') continue;
    const base = FIELD_TYPES[f.type];
    const type = base.type as string | undefined;
    properties[name] = {
      ...base,
      ...(type ? { type: name === 'id' ? type : [type, 'null'] } : {}),
      ...(f.type === 'enum' && f.values ? { enum: [...f.values, ...(name === 'id' ? [] : [null])] } : {}),
      ...(f.readOnly ? { readOnly: true } : {}),
    };
  }
  return { type: 'object', properties, required: ['id'] };
}

function filterSchema(shape: ListShape): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    q: { type: 'string', description: 'Search' },
    id: { type: 'array', items: { type: 'integer' }, description: 'getMany' },
  };
  for (const [name, f] of Object.entries(shape.fields)) {
    const base = FIELD_TYPES[f.type];
    const value = f.type === 'enum' && f.values ? { ...base, enum: [...f.values] } : base;
    if (f.filter) properties[name] = { anyOf: [value, { type: 'array', items: value }] };
    if (f.range) {
      properties[`${name}_gte`] = value;
      properties[`${name}_lte`] = value;
    }
  }
  for (const [name, custom] of Object.entries(shape.filters ?? {})) properties[name] = jsonSchemaOf(custom.schema);
  return { type: 'object', properties, additionalProperties: false };
}

function listParameters(shape: ListShape): JsonSchema[] {
  const sortable = ['id', ...Object.keys(shape.fields).filter((n) => shape.fields[n].sort)];
  const json = (name: string, schema: JsonSchema, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    content: { 'application/json': { schema } },
  });
  return [
    json(
      'sort',
      { type: 'array', prefixItems: [{ type: 'string', enum: sortable }, { enum: ['ASC', 'DESC'] }], minItems: 2, maxItems: 2 },
      'simple-rest sort: `["field","ASC"|"DESC"]`',
    ),
    json(
      'range',
      {
        type: 'array',
        prefixItems: [
          { type: 'integer', minimum: 0 },
          { type: 'integer', minimum: 0 },
        ],
        minItems: 2,
        maxItems: 2,
      },
      'simple-rest range: `[first, last]` (inclusive, at most 1,000 rows)',
    ),
    json('filter', filterSchema(shape), 'simple-rest filter: `{field: value}`, `{field: [values]}` for getMany'),
  ];
}

// ── the document ────────────────────────────────────────────────────────────────

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['message', 'code', 'details'],
  properties: {
    message: { type: 'string', description: 'For people, in the language of Accept-Language (es-AR by default)' },
    code: { type: 'string', description: 'Stable code, e.g. VALIDATION, NOT_FOUND, OVER_APPLICATION' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'path → message (react-admin)' },
  },
};

const ERRORS: Record<string, string> = {
  '400': 'The input is not valid (nothing was written)',
  '401': 'No session or token, or it expired or was revoked',
  '403': 'The role or the token scope does not allow it',
  '404': 'No such record in this company',
  '405': 'Not allowed on this resource',
  '409': 'Refused by a ledger rule or a uniqueness (nothing was written)',
  '413': 'The body is too large',
  '429': 'Too many requests (see Retry-After)',
};

const errorRef = (status: string) => ({ $ref: `#/components/responses/E${status}` });

const openApiPath = (express: string) => express.replace(/:(\w+)/g, '{$1}');

function rolesOf(permission: Permission | undefined): readonly Role[] | undefined {
  return permission ? PERMISSIONS[permission] : undefined;
}

function schemaRef(schema: string | JsonSchema | undefined): JsonSchema {
  if (schema === undefined) return {};
  return typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : schema;
}

function operationOf(route: RouteInfo, sessionOnly: (path: string) => boolean): JsonSchema {
  const doc = route.doc;
  const mutation = route.method !== 'get';
  const params: JsonSchema[] = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'id' ? { type: 'integer', minimum: 1, maximum: 2147483647 } : { type: 'string', maxLength: 200 },
  }));
  if (doc?.list) params.push(...listParameters(doc.list));
  const query =
    doc?.query && isJoi(doc.query) ? keysOf(doc.query as ObjectSchema) : ((doc?.query ?? {}) as Record<string, Schema>);
  for (const [name, schema] of Object.entries(query))
    params.push({ name, in: 'query', required: false, schema: jsonSchemaOf(schema) });
  for (const name of doc?.headers ?? [])
    params.push({ name, in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 } });

  const responses: Record<string, unknown> = {};
  if (doc?.notAllowed) responses['405'] = errorRef('405');
  else {
    const r = doc?.response ?? {};
    const status = String(r.status ?? (route.method === 'post' && !doc?.response ? 201 : 200));
    if (r.csv) responses[status] = { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } };
    else if (r.empty) responses[status] = { description: 'Done' };
    else {
      const body = r.array ? { type: 'array', items: schemaRef(r.schema) } : schemaRef(r.schema);
      responses[status] = {
        description: 'Success',
        ...(doc?.list
          ? { headers: { 'Content-Range': { schema: { type: 'string' }, description: '`<resource> <first>-<last>/<total>`' } } }
          : {}),
        content: { 'application/json': { schema: body } },
      };
    }
    if (mutation || params.length || doc?.list) responses['400'] = errorRef('400');
    if (!doc?.public) responses['401'] = errorRef('401');
    if (!doc?.public) responses['403'] = errorRef('403');
    if (params.some((p) => p.in === 'path')) responses['404'] = errorRef('404');
    if (mutation) responses['409'] = errorRef('409');
    if (mutation) responses['413'] = errorRef('413');
    responses['429'] = errorRef('429');
  }

  let requestBody: JsonSchema | undefined;
  if (doc?.body === 'csv') requestBody = { required: true, content: { 'text/csv': { schema: { type: 'string' } } } };
  else if (doc?.body) {
    const schema = isJoi(doc.body) ? jsonSchemaOf(doc.body) : doc.body;
    requestBody = { required: true, content: { 'application/json': { schema } } };
  }
  const roles = rolesOf(doc?.permission);
  const session = mutation ? { session: [], csrf: [] } : { session: [] };
  const security = doc?.public ? [] : sessionOnly(route.path) ? [session] : [session, { bearer: [] }];
  const segment = route.path.split('/')[2] ?? 'api';
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: doc?.summary ?? `${route.method.toUpperCase()} ${route.path}`,
    ...(roles ? { description: `Roles: ${roles.join(', ')}`, 'x-permission': doc?.permission, 'x-roles': roles } : {}),
    tags: [segment],
    security,
    ...(params.length ? { parameters: params } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of these routes; `sessionOnly` names the paths an API token never reaches. */
export function openApiDocument(
  routes: RouteInfo[],
  version: string,
  sessionOnly: (path: string) => boolean = () => false,
): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const route of routes) {
    Object.assign(schemas, route.doc?.define);
    const key = openApiPath(route.path);
    paths[key] ??= {};
    paths[key][route.method] = operationOf(route, sessionOnly);
  }
  const responses = Object.fromEntries(
    Object.entries(ERRORS).map(([status, description]) => [
      `E${status}`,
      {
        description,
        ...(status === '429' ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'ctacte API',
      version,
      description:
        'Customer current accounts (cuentas corrientes). Lists follow ra-data-simple-rest (`sort`, `range`, `filter`, ' +
        '`Content-Range`); amounts are decimal strings; errors are `{message, code, details:[{path, message}]}`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA, ...schemas },
      responses,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'ctacte_session', description: 'POST /api/auth/login sets it' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'With the session cookie, every mutation sends the csrfToken that login and /api/auth/me answer',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (ctk_live_…) from Administración › Integraciones' },
      },
    },
  };
}
