import type { RequestHandler } from 'express';
import crypto from 'node:crypto';
import { getKnex } from '../../http/context';
import { AppError, unauthorized } from '../../http/errors';
import { loadSession, type AuthSettings } from './auth.service';

export const SESSION_COOKIE = 'ctacte_session';
export const CSRF_COOKIE = 'ctacte_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves the session cookie; every /api route but the public ones then requires it. */
export function sessionMiddleware(settings: AuthSettings, publicPaths: Set<string>): RequestHandler {
  return async (req, _res, next) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const isPublic = publicPaths.has(`${req.method} ${req.path}`);
    if (token && token.length < 200) {
      try {
        const session = await loadSession(getKnex(req), settings, token);
        if (session) req.session = session;
      } catch (err) {
        // Public routes need no session: health must answer (503, not the session's error) when the database is down.
        if (!isPublic) throw err;
      }
    }
    if (!req.session && !isPublic) throw unauthorized();
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Double-submit token: mutations must echo the session's CSRF token in a header. */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method) || !req.session) return next();
  const sent = String(req.headers[CSRF_HEADER] ?? '');
  const expected = req.session.csrfToken;
  const ok = sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) {
    throw new AppError(403, 'CSRF', {
      es: 'Falta o no coincide el token CSRF; recargue la página',
      en: 'Missing or wrong CSRF token; reload the page',
    });
  }
  next();
};
