import { Router } from 'express';
import type { Knex } from 'knex';
import { resourceRouter } from './resource';
import { authRouter } from '../modules/auth/auth.routes';
import { usersResource } from '../modules/auth/users.resource';
import { auditEventsResource } from '../modules/audit/audit.resource';
import { segmentLevelsResource } from '../modules/reference/segment-levels.resource';
import { companyRouter } from '../modules/company/company.routes';
import { getKnex } from './context';
import type { AuthSettings } from '../modules/auth/auth.service';

/** Routes that answer without a session. */
export const PUBLIC_PATHS = new Set(['POST /auth/login', 'GET /health']);

/** The API's route table: one line per resource or area, all behind the session. */
export function mounts(): Array<[string, Router]> {
  return [
    ['/company', companyRouter()],
    ['/users', resourceRouter(usersResource)],
    ['/audit-events', resourceRouter(auditEventsResource)],
    ['/segment-levels', resourceRouter(segmentLevelsResource)],
  ];
}

/** The API: health, auth, then the mounted areas. */
export function apiRoutes(settings: AuthSettings & { secureCookies: boolean }): Router {
  const api = Router();
  api.get('/health', async (req, res) => {
    let db = 'ok';
    try {
      await (getKnex(req) as Knex).raw('select 1');
    } catch {
      db = 'down';
    }
    res.status(db === 'ok' ? 200 : 503).json({ status: db === 'ok' ? 'ok' : 'degraded', db });
  });
  api.use('/auth', authRouter(settings));
  for (const [path, router] of mounts()) api.use(path, router);
  return api;
}
