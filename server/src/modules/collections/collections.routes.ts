import type { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { Router as makeRouter } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { parseDialect } from '../../lib/csv';
import { agenda, recordVisitResult } from './collections.service';
import { collectionSheet, sheetCsv, sheetQuerySchema } from './sheets.service';
import {
  addSchema,
  addStops,
  buildSchema,
  buildSheet,
  orderSchema,
  recordStopResult,
  removeStop,
  reorderStops,
  resultSchema,
} from './sheet-stops.service';

export function callRoutes(router: Router): void {
  router.put(
    '/:id/visit-result',
    apiDoc({
      summary: 'Record the result of a collection visit',
      permission: 'collections.write',
      body: { type: 'object' },
      response: {},
    }),
    async (req, res) => {
      res.json(await recordVisitResult(ctxOf(req), parseId(req.params.id), req.body));
    },
  );
}

export function agendaRouter(): Router {
  const router = makeRouter();
  router.get(
    '/',
    apiDoc({
      summary: 'The collection calls agenda',
      permission: 'read',
      query: { scope: Joi.string().valid('mine', 'team') },
      response: {},
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      const { scope } = validate<{ scope: 'mine' | 'team' }>(
        Joi.object({ scope: Joi.string().valid('mine', 'team').default('mine') }),
        req.query,
        ctx.lang,
      );
      res.json(await agenda(ctx, scope));
    },
  );
  return router;
}

export function sheetsRouter(): Router {
  const router = makeRouter();
  router.get(
    '/',
    apiDoc({ summary: "A collector's collection sheet", permission: 'read', query: sheetQuerySchema, response: {} }),
    async (req, res) => {
      res.json(await collectionSheet(ctxOf(req), req.query));
    },
  );
  router.get(
    '/export.csv',
    apiDoc({ summary: 'The collection sheet as CSV', permission: 'export', query: sheetQuerySchema, response: { csv: true } }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const sheet = await collectionSheet(ctx, req.query);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="hoja-de-cobranzas-${sheet.collector.code}-${sheet.date}.csv"`);
      res.send(sheetCsv(sheet, parseDialect(req.query.dialect), ctx.lang));
    },
  );
  router.post(
    '/',
    apiDoc({
      summary: "Open (build) a collector's sheet for a day",
      permission: 'collections.write',
      body: buildSchema,
      response: {},
    }),
    async (req, res) => {
      res.json(await buildSheet(ctxOf(req), req.body));
    },
  );
  router.post(
    '/stops',
    apiDoc({
      summary: 'Add customers as stops at the end of a sheet',
      permission: 'collections.write',
      body: addSchema,
      response: {},
    }),
    async (req, res) => {
      res.json(await addStops(ctxOf(req), req.body));
    },
  );
  router.delete(
    '/stops/:id',
    apiDoc({ summary: 'Remove a stop from its sheet', permission: 'collections.write', response: {} }),
    async (req, res) => {
      res.json(await removeStop(ctxOf(req), parseId(req.params.id)));
    },
  );
  router.put(
    '/order',
    apiDoc({ summary: "Reorder a sheet's stops", permission: 'collections.write', body: orderSchema, response: {} }),
    async (req, res) => {
      res.json(await reorderStops(ctxOf(req), req.body));
    },
  );
  router.put(
    '/stops/:id/result',
    apiDoc({ summary: "Record a stop's result", permission: 'collections.write', body: resultSchema, response: {} }),
    async (req, res) => {
      res.json(await recordStopResult(ctxOf(req), parseId(req.params.id), req.body));
    },
  );
  return router;
}
