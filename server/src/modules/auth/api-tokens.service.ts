import crypto from 'node:crypto';
import net from 'node:net';
import type { Knex } from 'knex';
import type { Ctx, SessionUser } from '../../http/context';
import { assertCan, ROLES, type Role } from '../../http/permissions';
import { AppError, conflict, registerConstraint } from '../../http/errors';
import { Joi, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { getRecord, type ResourceDef } from '../../http/resource';
import { SCOPE_NAMES, roleForScopes, type Scope } from './api-tokens.scopes';

export const TOKEN_PREFIX = 'ctk_live_';
/** Requests per minute a token may make unless its record says otherwise. */
export const DEFAULT_RATE_PER_MINUTE = 600;

registerConstraint('api_tokens_name_unique', {
  path: 'name',
  status: 409,
  code: 'DUPLICATE_NAME',
  text: { es: 'Ya hay un token activo con ese nombre', en: 'There is already an active token with that name' },
});

const ipOrCidr = Joi.string()
  .trim()
  .max(64)
  .custom((value: string, helpers) => {
    const [address, bits] = value.split('/');
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) return helpers.error('any.invalid');
    return value;
  });

export const apiTokenSchema = Joi.object({
  name: Joi.string().trim().min(1).max(100).required(),
  role: Joi.string().valid(...ROLES),
  scopes: Joi.array()
    .items(Joi.string().valid(...SCOPE_NAMES))
    .min(1)
    .unique(),
  expiresAt: Joi.date().iso().greater('now').allow(null).default(null),
  allowedIps: Joi.array().items(ipOrCidr).max(50).allow(null).default(null),
  ratePerMinute: Joi.number().integer().min(1).max(100000).default(DEFAULT_RATE_PER_MINUTE),
}).xor('role', 'scopes');

export const apiTokensResource: ResourceDef = {
  name: 'api-tokens',
  table: 'api_tokens',
  entity: 'api_tokens',
  alias: 't',
  access: { read: 'admin', export: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    name: { type: 'text', sort: true },
    prefix: { type: 'text' },
    role: { type: 'enum', values: ROLES, filter: true },
    scopes: { type: 'json', csv: false },
    expiresAt: { type: 'timestamp', sort: true },
    allowedIps: { type: 'json', csv: false },
    ratePerMinute: { type: 'int' },
    lastUsedAt: { type: 'timestamp', sort: true },
    lastUsedIp: { type: 'text' },
    revokedAt: { type: 'timestamp', sort: true },
    active: { type: 'bool', sql: '(t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()))', filter: true },
    createdBy: { type: 'int', csv: false },
    createdByName: { type: 'text', sql: 'u.full_name' },
    createdAt: { type: 'timestamp', sort: true },
  },
  from: (qb) => {
    qb.leftJoin('users as u', 'u.id', 't.created_by');
  },
  search: ['t.name'],
  defaultSort: ['id', 'DESC'],
};

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

interface TokenInput {
  name: string;
  role?: Role;
  scopes?: Scope[];
  expiresAt: Date | null;
  allowedIps: string[] | null;
  ratePerMinute: number;
}

/** Creates a token; its secret is in this answer and nowhere else, ever. */
export async function createApiToken(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'admin');
  const input = validate<TokenInput>(apiTokenSchema, body ?? {}, ctx.lang);
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return withTransaction(ctx.knex, async (trx) => {
    const [{ id }] = (await trx('api_tokens')
      .insert({
        companyId: ctx.companyId,
        name: input.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashToken(token),
        role: input.role ?? null,
        scopes: input.scopes ?? null,
        expiresAt: input.expiresAt,
        allowedIps: input.allowedIps,
        ratePerMinute: input.ratePerMinute,
        createdBy: ctx.user.id,
      })
      .returning('id')) as Array<{ id: number }>;
    const record = await getRecord(apiTokensResource, ctx, id, { trx });
    await audit(trx, ctx, { action: 'create', entity: 'api_tokens', entityId: id, after: record });
    return { ...record, token };
  });
}

/** Revokes a token: every request with it answers 401 from this commit on. */
export async function revokeApiToken(ctx: Ctx, id: number) {
  assertCan(ctx.user.role, 'admin');
  return withTransaction(ctx.knex, async (trx) => {
    const before = await getRecord(apiTokensResource, ctx, id, { trx, lock: true });
    if (before.revokedAt)
      throw conflict('TOKEN_REVOKED', { es: 'El token ya estaba revocado', en: 'The token was already revoked' });
    await trx('api_tokens')
      .where({ companyId: ctx.companyId, id })
      .update({ revokedAt: trx.fn.now(), revokedBy: ctx.user.id, updatedAt: trx.fn.now() });
    const after = await getRecord(apiTokensResource, ctx, id, { trx });
    await audit(trx, ctx, { action: 'revoke', entity: 'api_tokens', entityId: id, before, after });
    return after;
  });
}

export interface TokenIdentity {
  id: number;
  name: string;
  scopes: Scope[] | null;
  user: SessionUser;
}

const invalidToken = () =>
  new AppError(401, 'INVALID_TOKEN', {
    es: 'El token de API no es válido, venció o fue revocado',
    en: 'The API token is invalid, expired or revoked',
  });

function ipAllowed(list: string[], ip: string): boolean {
  const blocks = new net.BlockList();
  const family = (a: string) => (net.isIPv6(a) ? 'ipv6' : 'ipv4');
  for (const entry of list) {
    const [address, bits] = entry.split('/');
    if (bits === undefined) blocks.addAddress(address, family(address));
    else blocks.addSubnet(address, Number(bits), family(address));
  }
  const plain = ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  return blocks.check(plain, family(plain));
}

/** Requests of one token this process has let through and not yet added to its row. */
interface LocalCount {
  unsynced: number;
  lastSync: number;
  syncing?: Promise<void>;
}
const localCounts = new Map<string, LocalCount>();
/** How often (ms) a process adds its count to the token's row; a slow token (≤ 1/s) writes on every request. */
const SYNC_EVERY_MS = 1000;
const EXACT_BELOW_PER_MINUTE = 60;

/**
 * The token's window in PostgreSQL (shared by every API process) gets this process's
 * requests once a second instead of once per request: one UPDATE per request made
 * every client of a token queue on its row (8 parallel billing clients posted 6
 * invoices/s). A process admits on its row's last count plus its own unsynced count,
 * so across processes the limit can be passed by at most one second of traffic.
 */
async function syncCount(knex: Knex, key: string, local: LocalCount, row: { companyId: number; id: number }, ip: string) {
  const delta = local.unsynced;
  local.lastSync = Date.now();
  await knex.raw(
    `UPDATE api_tokens SET
       window_count = CASE WHEN window_start > now() - interval '1 minute' THEN window_count + ? ELSE ? END,
       window_start = CASE WHEN window_start > now() - interval '1 minute' THEN window_start ELSE now() END,
       last_used_at = now(), last_used_ip = ?
     WHERE company_id = ? AND id = ?`,
    [delta, delta, ip.slice(0, 64), row.companyId, row.id],
  );
  local.unsynced -= delta;
  if (localCounts.size > 10_000) localCounts.delete(localCounts.keys().next().value!);
  localCounts.set(key, local);
}

/**
 * Who a bearer secret is, or a 401/403/429: revoked and expired tokens are unknown,
 * an address outside the allow-list is refused, and each token has a fixed window of
 * requests per minute counted in PostgreSQL (so every API process shares it).
 * One read per request, as a cookie session costs; the count is written by `syncCount`.
 */
export async function authenticateToken(knex: Knex, secret: string, ip: string): Promise<TokenIdentity> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw invalidToken();
  const hash = hashToken(secret);
  const row = (await knex('api_tokens as t')
    .join('companies as c', 'c.id', 't.company_id')
    .where('t.tokenHash', hash)
    .whereNull('t.revokedAt')
    .where((w) => w.whereNull('t.expiresAt').orWhere('t.expiresAt', '>', knex.fn.now()))
    .first(
      't.id',
      't.companyId',
      't.name',
      't.role',
      't.scopes',
      't.allowedIps',
      't.createdBy',
      't.ratePerMinute',
      'c.name as companyName',
      knex.raw(`CASE WHEN t.window_start > now() - interval '1 minute' THEN t.window_count ELSE 0 END AS window_count`),
      knex.raw(
        `CASE WHEN t.window_start > now() - interval '1 minute'
              THEN ceil(extract(epoch FROM t.window_start + interval '1 minute' - now()))::int ELSE 60 END AS retry_after`,
      ),
    )) as
    | {
        id: number;
        companyId: number;
        name: string;
        role: Role | null;
        scopes: Scope[] | null;
        allowedIps: string[] | null;
        createdBy: number;
        ratePerMinute: number;
        companyName: string;
        windowCount: number;
        retryAfter: number;
      }
    | undefined;
  if (!row) throw invalidToken();
  if (row.allowedIps && !ipAllowed(row.allowedIps, ip))
    throw new AppError(403, 'IP_NOT_ALLOWED', {
      es: 'El token no admite pedidos desde esta dirección',
      en: 'The token does not accept requests from this address',
    });
  const local = localCounts.get(hash) ?? { unsynced: 0, lastSync: 0 };
  if (row.windowCount + local.unsynced + 1 > row.ratePerMinute) {
    const retryAfter = Math.max(1, row.retryAfter);
    throw new AppError(
      429,
      'RATE_LIMITED',
      {
        es: `Demasiados pedidos con este token; intente de nuevo en ${retryAfter} s`,
        en: `Too many requests with this token; try again in ${retryAfter} s`,
      },
      [],
      { 'Retry-After': String(retryAfter) },
    );
  }
  local.unsynced++;
  localCounts.set(hash, local);
  if (row.ratePerMinute <= EXACT_BELOW_PER_MINUTE || (!local.syncing && Date.now() - local.lastSync >= SYNC_EVERY_MS)) {
    local.syncing = syncCount(knex, hash, local, row, ip).finally(() => (local.syncing = undefined));
    await local.syncing;
  }
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    user: {
      // Writes that name a user (createdBy) name the admin who created the token; the audit's actor is the token.
      id: row.createdBy,
      username: row.name,
      fullName: row.name,
      role: row.role ?? roleForScopes(row.scopes ?? []),
      companyId: row.companyId,
      companyName: row.companyName,
    },
  };
}
