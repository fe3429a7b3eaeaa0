import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../../http/errors';
import type { SessionUser } from '../../http/context';
import type { Role } from '../../http/permissions';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { audit } from '../../http/audit';
import { statement } from '../../db/statement';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export interface AuthSettings {
  sessionSecret: string;
  sessionHours: number;
}

export function sessionKey(token: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(token).digest('hex');
}

/**
 * Counts the failures of the window and, when the limit allows one more
 * attempt, records this attempt as a failure before the password is checked;
 * a successful login then removes its row (`forgiveAttempt`). Count and
 * decision run under transaction-scoped advisory locks on the username and the
 * address, so concurrent attempts queue on the count instead of all reading the
 * same one: no more than MAX_FAILURES_PER_USERNAME passwords are ever checked
 * per window, whatever the concurrency. Returns the id of the recorded row.
 */
async function reserveAttempt(knex: Knex, username: string, ip: string): Promise<number> {
  return knex.transaction(async (trx) => {
    // Always the username first, then the address: one order, no deadlock.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('login-user:' || lower(?)))`, [username]);
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('login-ip:' || ?))`, [ip]);
    const row = (
      await trx.raw(
        `SELECT count(*) FILTER (WHERE lower(username) = lower(?)) AS by_user,
              count(*) FILTER (WHERE ip = ?) AS by_ip,
              min(at) FILTER (WHERE lower(username) = lower(?)) AS user_oldest,
              min(at) FILTER (WHERE ip = ?) AS ip_oldest
         FROM login_failures
        WHERE at > now() - make_interval(mins => ?) AND (lower(username) = lower(?) OR ip = ?)`,
        [username, ip, username, ip, LOGIN_WINDOW_MINUTES, username, ip],
      )
    ).rows[0] as { byUser: number; byIp: number; userOldest: Date | null; ipOldest: Date | null };
    const blockedSince =
      row.byUser >= MAX_FAILURES_PER_USERNAME ? row.userOldest : row.byIp >= MAX_FAILURES_PER_ADDRESS ? row.ipOldest : null;
    if (blockedSince) {
      const retryAfter = Math.max(1, Math.ceil((blockedSince.getTime() + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
      throw new AppError(
        429,
        'TOO_MANY_ATTEMPTS',
        {
          es: `Demasiados intentos fallidos. Intente de nuevo en ${Math.ceil(retryAfter / 60)} minuto(s).`,
          en: `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        },
        [],
        { 'Retry-After': String(retryAfter) },
      );
    }
    const [{ id }] = (await trx('login_failures')
      .insert({ username: username.slice(0, 200), ip: ip.slice(0, 64) })
      .returning('id')) as Array<{ id: number }>;
    return id;
  });
}

/** A successful login does not count against the limit: its reserved row goes. */
async function forgiveAttempt(db: Knex | Knex.Transaction, attemptId: number): Promise<void> {
  await db('login_failures').where({ id: attemptId }).delete();
}

/**
 * Ends the sessions of a user (a password, role or active change), all of them
 * or all but the one making a self-service change.
 */
export async function endSessions(db: Knex | Knex.Transaction, userId: number, keepSessionId?: string): Promise<void> {
  const q = db('sessions').where({ userId });
  if (keepSessionId) q.whereNot({ id: keepSessionId });
  await q.delete();
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: Date;
}

export async function login(
  knex: Knex,
  settings: AuthSettings,
  input: { username: string; password: string; ip: string; userAgent: string },
): Promise<LoginResult> {
  const attemptId = await reserveAttempt(knex, input.username, input.ip);
  const user = (await knex('users as u')
    .join('companies as c', 'c.id', 'u.company_id')
    .whereRaw('lower(u.username) = lower(?)', [input.username])
    .first(
      'u.id',
      'u.username',
      'u.fullName',
      'u.role',
      'u.companyId',
      'u.passwordHash',
      'u.active',
      'c.name as companyName',
    )) as (SessionUser & { passwordHash: string; active: boolean }) | undefined;
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok || !user.active) {
    throw new AppError(401, 'BAD_CREDENTIALS', { es: 'Usuario o contraseña incorrectos', en: 'Wrong username or password' });
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.sessionHours * 3_600_000);
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role as Role,
    companyId: user.companyId,
    companyName: user.companyName,
  };
  await knex.transaction(async (trx) => {
    await forgiveAttempt(trx, attemptId);
    await trx('sessions').insert({
      id: sessionKey(token, settings.sessionSecret),
      userId: user.id,
      companyId: user.companyId,
      csrfToken,
      expiresAt,
      ip: input.ip.slice(0, 64),
      userAgent: input.userAgent.slice(0, 300),
    });
    await trx('users').where({ id: user.id }).update({ lastLoginAt: trx.fn.now() });
    await audit(
      trx,
      { companyId: user.companyId, user: sessionUser, ip: input.ip },
      { action: 'login', entity: 'users', entityId: user.id },
    );
  });
  return { token, csrfToken, user: sessionUser, expiresAt };
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

/** The session read on every request (a statement built once, see db/statement.ts). */
const sessionRow = statement<'id'>((db, p) =>
  db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .join('companies as c', 'c.id', 'u.company_id')
    .where('s.id', p('id'))
    .where('s.expires_at', '>', db.fn.now())
    .where('u.active', true)
    .first('s.csrfToken', 's.lastSeenAt', 'u.id', 'u.username', 'u.fullName', 'u.role', 'u.companyId', 'c.name as companyName'),
);

export async function loadSession(knex: Knex, settings: AuthSettings, token: string): Promise<LoadedSession | undefined> {
  const id = sessionKey(token, settings.sessionSecret);
  const [row] = await sessionRow<SessionUser & { csrfToken: string; lastSeenAt: Date }>(knex, { id });
  if (!row) return undefined;
  // Sliding expiry, written at most once a minute.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await knex('sessions')
      .where({ id })
      .update({ lastSeenAt: knex.fn.now(), expiresAt: new Date(Date.now() + settings.sessionHours * 3_600_000) });
  }
  const { csrfToken, lastSeenAt: _seen, ...user } = row;
  void _seen;
  return { id, csrfToken, user };
}

export async function logout(knex: Knex, session: LoadedSession, ip: string): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('sessions').where({ id: session.id }).delete();
    await audit(
      trx,
      { companyId: session.user.companyId, user: session.user, ip },
      { action: 'logout', entity: 'users', entityId: session.user.id },
    );
  });
}

/**
 * A user's own password change: the current password must be right, the new
 * one is stored hashed, and every other session of the user ends (the one
 * asking goes on).
 */
export async function changeOwnPassword(
  knex: Knex,
  session: LoadedSession,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<void> {
  const row = (await knex('users').where({ id: session.user.id }).first('passwordHash')) as { passwordHash: string } | undefined;
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    const text = { es: 'La contraseña actual no es correcta', en: 'The current password is wrong' };
    throw new AppError(400, 'WRONG_PASSWORD', text, [{ path: 'currentPassword', message: text }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await knex.transaction(async (trx) => {
    await trx('users').where({ id: session.user.id }).update({ passwordHash, updatedAt: trx.fn.now() });
    await endSessions(trx, session.user.id, session.id);
    await audit(
      trx,
      { companyId: session.user.companyId, user: session.user, ip: input.ip },
      { action: 'password', entity: 'users', entityId: session.user.id },
    );
  });
}

export async function purgeExpired(knex: Knex): Promise<void> {
  await knex('sessions').where('expires_at', '<', knex.fn.now()).delete();
  await knex('login_failures').whereRaw(`at < now() - interval '1 day'`).delete();
}
