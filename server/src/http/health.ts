import { Router } from 'express';
import { apiDoc } from './openapi';
import type { Knex } from 'knex';
import type { DbMonitor } from '../db/monitor';
import { getKnex } from './context';
import { DB_RETRY_AFTER_SECONDS } from './errors';
import type { Lifecycle } from './drain';
import { readRouterOf } from './read-routing';

/**
 * Liveness and readiness. `/api/health` answers whether this process and its
 * database answer (the SPEC's `{status, db}`); `/api/ready` whether it should get
 * traffic: database reachable, no migration pending, not stopping.
 */
export function healthRouter(): Router {
  const router = Router();
  router.get(
    '/health',
    apiDoc({ summary: 'Liveness: the process and its database', public: true, response: {} }),
    async (req, res) => {
      const monitor = req.app.locals.dbMonitor as DbMonitor | undefined;
      const db = (await databaseAnswers(getKnex(req))) ? 'ok' : 'down';
      if (db !== 'ok') {
        monitor?.notifyUnavailable();
        res.setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
      }
      // `mode`: embedded or external PostgreSQL; `state`: up, down or restarting (the embedded one heals itself).
      const status = monitor?.status();
      const state = db === 'ok' ? 'up' : status?.state === 'restarting' ? 'restarting' : 'down';
      // The replica never makes the process unhealthy: without it reads go to the primary.
      const reads = readRouterOf(req);
      const replica = reads.hasReplica ? { replica: reads.health().state, replicaLagMs: reads.health().lagMs } : {};
      res.status(db === 'ok' ? 200 : 503).json({
        status: db === 'ok' ? 'ok' : 'degraded',
        db,
        mode: status?.mode ?? 'external',
        state,
        restarts: status?.restarts ?? 0,
        lastOutageAt: status?.lastOutageAt ?? null,
        ...replica,
      });
    },
  );

  let migrated = false;
  router.get(
    '/ready',
    apiDoc({ summary: 'Readiness: database reachable, migrations done, not stopping', public: true, response: {} }),
    async (req, res) => {
      const knex = getKnex(req);
      const lifecycle = req.app.locals.lifecycle as Lifecycle | undefined;
      const db = await databaseAnswers(knex);
      if (db && !migrated) {
        // Once every migration has run it stays so for the life of the process.
        const [, pending] = (await knex.migrate.list().catch(() => [[], ['?']])) as [unknown[], unknown[]];
        migrated = pending.length === 0;
      }
      const stopping = lifecycle?.draining ?? false;
      const ready = db && migrated && !stopping;
      res.status(ready ? 200 : 503).json({
        status: ready ? 'ready' : 'not_ready',
        db: db ? 'ok' : 'down',
        migrations: !db ? 'unknown' : migrated ? 'ok' : 'pending',
        stopping,
      });
    },
  );
  return router;
}

async function databaseAnswers(knex: Knex): Promise<boolean> {
  try {
    await knex.raw('select 1').timeout(3_000, { cancel: false });
    return true;
  } catch {
    return false;
  }
}
