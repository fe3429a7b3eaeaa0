import type { Request, RequestHandler } from 'express';
import { ReadRouter, type Reader } from '../db/replica';
import { ctxOf, getKnex, type Ctx } from './context';

/** Carries the primary's WAL position after the session's last write (see ReadRouter). */
export const WROTE_AT_COOKIE = 'ctacte_wrote_at';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readRouterOf(req: Request): ReadRouter {
  return req.app.locals.reads as ReadRouter;
}

/**
 * With a replica, a successful write answers with the primary's WAL position in a
 * cookie, taken after the commit (services commit before they answer), so the
 * session's next reads wait for the replica to replay it — from any API process.
 */
export function rememberWrites(settings: { secureCookies: boolean }): RequestHandler {
  return (req, res, next) => {
    const reads = readRouterOf(req);
    if (!reads.hasReplica || !MUTATING.has(req.method)) return next();
    const send = res.send.bind(res);
    let stamped = false;
    res.send = (body?: unknown) => {
      if (stamped || res.headersSent || res.statusCode >= 400) return send(body);
      stamped = true;
      reads.primaryPosition().then(
        (lsn) => {
          res.cookie(WROTE_AT_COOKIE, lsn, {
            httpOnly: true,
            sameSite: 'lax',
            secure: settings.secureCookies,
            path: '/api',
            maxAge: 10 * 60_000,
          });
          send(body);
        },
        () => send(body),
      );
      return res;
    };
    next();
  };
}

/** Where this request's read-only work goes: the replica when it applies, else the primary. */
export async function readerOf(req: Request): Promise<Reader> {
  const wroteAt = (req.cookies as Record<string, string> | undefined)?.[WROTE_AT_COOKIE];
  const reads = readRouterOf(req);
  const reader = await reads.reader(wroteAt);
  // Says where the answer was read, for operators and the scale-out test.
  if (reads.hasReplica && !req.res?.headersSent) req.res?.setHeader('X-Read-From', reader.source);
  return reader;
}

/**
 * The request's context for read-only work (reports, lists, exports): its knex is
 * the replica's when it applies. Writes — the daily figures refresh included —
 * keep using ctxOf(req).knex.
 */
export async function readCtx(req: Request): Promise<Ctx> {
  const ctx = ctxOf(req);
  const reader = await readerOf(req);
  return reader.knex === getKnex(req) ? ctx : { ...ctx, knex: reader.knex };
}
