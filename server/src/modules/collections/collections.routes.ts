import type { Router } from 'express';
import { Router as makeRouter } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { parseDialect } from '../../lib/csv';
import { agenda, recordVisitResult } from './collections.service';
import { collectionSheet, sheetCsv } from './sheets.service';
import { addStops, buildSheet, recordStopResult, removeStop, reorderStops } from './sheet-stops.service';

export function callRoutes(router: Router): void {
  router.put('/:id/visit-result', async (req, res) => {
    res.json(await recordVisitResult(ctxOf(req), parseId(req.params.id), req.body));
  });
}

export function agendaRouter(): Router {
  const router = makeRouter();
  router.get('/', async (req, res) => {
    const ctx = ctxOf(req);
    const { scope } = validate<{ scope: 'mine' | 'team' }>(
      Joi.object({ scope: Joi.string().valid('mine', 'team').default('mine') }),
      req.query,
      ctx.lang,
    );
    res.json(await agenda(ctx, scope));
  });
  return router;
}

export function sheetsRouter(): Router {
  const router = makeRouter();
  router.get('/', async (req, res) => {
    res.json(await collectionSheet(ctxOf(req), req.query));
  });
  router.get('/export.csv', async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, 'export');
    const sheet = await collectionSheet(ctx, req.query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="hoja-de-cobranzas-${sheet.collector.code}-${sheet.date}.csv"`);
    res.send(sheetCsv(sheet, parseDialect(req.query.dialect), ctx.lang));
  });
  router.post('/', async (req, res) => {
    res.json(await buildSheet(ctxOf(req), req.body));
  });
  router.post('/stops', async (req, res) => {
    res.json(await addStops(ctxOf(req), req.body));
  });
  router.delete('/stops/:id', async (req, res) => {
    res.json(await removeStop(ctxOf(req), parseId(req.params.id)));
  });
  router.put('/order', async (req, res) => {
    res.json(await reorderStops(ctxOf(req), req.body));
  });
  router.put('/stops/:id/result', async (req, res) => {
    res.json(await recordStopResult(ctxOf(req), parseId(req.params.id), req.body));
  });
  return router;
}
