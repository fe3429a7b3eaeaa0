import express, { type Express } from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { DbMonitor } from '../db/monitor';
import { apiRoutes, PUBLIC_PATHS } from './routes';
import { errorHandler, notFound } from '../http/errors';
import { checkInput, parseBody } from '../http/body';
import { sessionMiddleware, csrfProtection, bearerAuth, unlessBearer } from '../modules/auth';
import { log } from '../lib/log';
import { closeWhileDraining, newLifecycle, type Lifecycle } from '../http/drain';
import { rememberWrites } from '../http/read-routing';
import { tenantShare } from '../http/tenant-share';
import { ReadRouter } from '../db/replica';
import { ROOT_DIR } from '../config';

export const ADMIN_DIST = path.join(ROOT_DIR, 'admin', 'dist');

export interface AppOptions {
  knex: Knex;
  databaseUrl: string;
  sessionSecret: string;
  sessionHours?: number;
  trustProxy?: string | number | boolean;
  secureCookies?: boolean;
  /** Serve the built admin at `/` (production mode). */
  serveAdmin?: boolean;
  /** Watches (and for the embedded database, heals) the database; /api/health reports it. */
  dbMonitor?: DbMonitor;
  /** Set by the process while it stops (see drain.ts). */
  lifecycle?: Lifecycle;
  /** Requests of one company running at once (http/tenant-share.ts); 0 or absent: no limit. */
  tenantMaxConcurrency?: number;
  /** How long a company with a backlog rests while others work (http/tenant-share.ts, REST_RATIO when absent). */
  tenantRestRatio?: number;
  /** Where read-only work goes (DATABASE_REPLICA_URL); by default everything reads from `knex`. */
  reads?: ReadRouter;
}

export function createApp(opts: AppOptions): Express {
  const app = express();
  app.locals.knex = opts.knex;
  app.locals.databaseUrl = opts.databaseUrl;
  app.locals.dbMonitor = opts.dbMonitor;
  // A request that met a connection error makes the monitor look at once.
  app.locals.onDbUnavailable = () => opts.dbMonitor?.notifyUnavailable();
  const lifecycle = opts.lifecycle ?? newLifecycle();
  app.locals.lifecycle = lifecycle;
  app.locals.reads = opts.reads ?? new ReadRouter({ primary: { knex: opts.knex, url: opts.databaseUrl }, maxLagMs: 0 });
  app.disable('x-powered-by');
  if (opts.trustProxy !== undefined && opts.trustProxy !== false) app.set('trust proxy', opts.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects style elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(closeWhileDraining(lifecycle));
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    req.requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? crypto.randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    res.on('finish', () => {
      log.info('request', {
        requestId: req.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        user: req.session?.user.username,
      });
    });
    next();
  });

  const settings = {
    sessionSecret: opts.sessionSecret,
    sessionHours: opts.sessionHours ?? 12,
    secureCookies: opts.secureCookies ?? false,
  };
  app.use(
    '/api',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
      next();
    },
    parseBody(),
    cookieParser(),
    bearerAuth,
    unlessBearer(sessionMiddleware(settings, PUBLIC_PATHS)),
    unlessBearer(csrfProtection),
    tenantShare({ perCompany: opts.tenantMaxConcurrency ?? 0, restRatio: opts.tenantRestRatio }),
    checkInput,
    rememberWrites(settings),
    apiRoutes(settings),
    (_req, _res, next) => next(notFound({ es: 'Ruta inexistente', en: 'No such route' })),
  );

  if (opts.serveAdmin && fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    app.use(express.static(ADMIN_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(ADMIN_DIST, 'index.html'));
    });
  }

  app.use(errorHandler);
  return app;
}
