import type { RequestHandler } from 'express';
import { getKnex } from '../../http/context';
import { AppError } from '../../http/errors';
import { authenticateToken, type TokenIdentity } from './api-tokens.service';
import { scopesAllow } from './api-tokens.scopes';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set when the request authenticated with `Authorization: Bearer <token>`. */
    apiToken?: Omit<TokenIdentity, 'user'>;
  }
}

/** Paths a token never reaches, whatever its role: tokens do not make tokens. */
export const HUMAN_ONLY = /^\/(api-tokens|auth)(\/|$)/;
/** The contract (OpenAPI document and reference page): any token may read it, whatever its scopes. */
const CONTRACT = /^\/(openapi\.json|docs)(\/|$)/;

/**
 * `Authorization: Bearer ctk_live_…` authenticates a request as the token's service
 * account. Such a request carries no cookie, so it needs no CSRF token; cookies sent
 * along with a bearer header are ignored.
 */
export const bearerAuth: RequestHandler = async (req, _res, next) => {
  const header = req.headers.authorization;
  if (!header || !/^bearer\s/i.test(header)) return next();
  const identity = await authenticateToken(getKnex(req), header.slice(7).trim(), req.ip ?? '');
  const { user, ...token } = identity;
  const scoped = token.scopes && !CONTRACT.test(req.path) && !scopesAllow(token.scopes, req.method, req.path);
  if (HUMAN_ONLY.test(req.path) || scoped)
    throw new AppError(403, 'INSUFFICIENT_SCOPE', {
      es: 'El token no tiene alcance para esta operación',
      en: 'The token has no scope for this operation',
    });
  req.apiToken = token;
  req.session = { id: `token:${token.id}`, user, csrfToken: '' };
  next();
};

/** Runs a cookie-session middleware only for requests that did not authenticate with a token. */
export const unlessBearer =
  (middleware: RequestHandler): RequestHandler =>
  (req, res, next) =>
    req.apiToken ? next() : middleware(req, res, next);
