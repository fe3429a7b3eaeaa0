import type { AuthProvider, UserIdentity } from 'react-admin';
import { httpClient } from '../data/httpClient';
import { CSRF_COOKIE, forgetCookie, readCookie } from './cookies';
import { canAccessResource, isRole, type Role } from './permissions';

/** The session's user as `POST /api/auth/login` and `GET /api/auth/me` answer it. */
export interface Me {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  companyId: number;
  companyName: string;
}

export type Identity = UserIdentity & Omit<Me, 'id'>;

let me: Me | undefined;
let pending: Promise<Me | undefined> | undefined;
/** Set when the server answered 401: the session is gone there, so logout has nothing to close. */
let expired = false;

function toMe(json: unknown): Me {
  const m = json as Me;
  if (!m || typeof m.id !== 'number' || !isRole(m.role)) throw new Error('Unexpected session payload');
  return {
    id: m.id,
    username: m.username,
    fullName: m.fullName,
    role: m.role,
    companyId: m.companyId,
    companyName: m.companyName,
  };
}

/**
 * The session lives in an httpOnly cookie set by the server, next to a readable
 * CSRF cookie with the same lifetime. No CSRF cookie means no session, so a fresh
 * visitor goes to the login page without a request that is sure to fail.
 */
async function loadMe(): Promise<Me | undefined> {
  if (me) return me;
  if (!readCookie(CSRF_COOKIE)) return undefined;
  pending ??= httpClient('/api/auth/me')
    .then(({ json }) => (me = toMe(json)))
    .catch((error: { status?: number }) => {
      if (error?.status === 401) {
        forgetCookie(CSRF_COOKIE);
        return undefined;
      }
      throw error;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

/**
 * Reads the session at start, before React renders (main.tsx), so `/api/auth/me` is not
 * waiting for the first render; the checks react-admin makes later share its answer.
 */
export const startSession = (): Promise<Me | undefined> => loadMe().catch(() => undefined);

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { json } = await httpClient('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
    me = toMe(json);
  },

  async logout() {
    const hadSession = !!readCookie(CSRF_COOKIE) && !expired;
    me = undefined;
    expired = false;
    if (!hadSession) {
      forgetCookie(CSRF_COOKIE);
      return;
    }
    try {
      await httpClient('/api/auth/logout', { method: 'POST' });
    } catch {
      // The session was already gone on the server: nothing left to close.
    } finally {
      forgetCookie(CSRF_COOKIE);
    }
  },

  async checkAuth() {
    const hadCookie = !!readCookie(CSRF_COOKIE);
    if (await loadMe()) return;
    // A visitor who never logged in needs no "please log in" notice; an expired session does.
    throw hadCookie ? new Error('ra.auth.auth_check_error') : { message: false };
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      // react-admin notifies "session ended" and then calls logout(), which skips the server.
      expired = true;
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest: the user stays logged in; the caller notifies the server's message.
  },

  async getPermissions() {
    return (await loadMe())?.role;
  },

  async getIdentity(): Promise<Identity> {
    const user = await loadMe();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { ...user, id: user.id };
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canAccessResource((await loadMe())?.role, resource, action);
  },
};
