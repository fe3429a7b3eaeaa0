import type { Request } from 'express';
import type { Knex } from 'knex';
import type { Role } from './permissions';
import { langOf, type Lang } from './i18n';
import { unauthorized } from './errors';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  companyId: number;
  companyName: string;
}

/** What a service needs to know about who is asking; never the request itself. */
export interface Ctx {
  knex: Knex;
  user: SessionUser;
  companyId: number;
  lang: Lang;
  ip: string;
  requestId: string;
  /** The session making the request (a self-service change keeps it). */
  sessionId?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    session?: { id: string; user: SessionUser; csrfToken: string };
    requestId?: string;
  }
}

export function getKnex(req: Request): Knex {
  return req.app.locals.knex as Knex;
}

export function ctxOf(req: Request): Ctx {
  if (!req.session) throw unauthorized();
  return {
    knex: getKnex(req),
    user: req.session.user,
    companyId: req.session.user.companyId,
    lang: langOf(req),
    ip: req.ip ?? '',
    requestId: req.requestId ?? '',
    sessionId: req.session.id,
  };
}
