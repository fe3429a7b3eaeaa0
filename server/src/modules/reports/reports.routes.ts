import { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { readCtx } from '../../http/read-routing';
import { assertCan } from '../../http/permissions';
import { parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { parseDialect } from '../../lib/csv';
import { today } from '../../lib/dates';
import { notFound } from '../../http/errors';
import { aging, agingCsv, agingQuerySchema, openItemsAsOf } from './aging.service';
import { dashboard } from './dashboard.service';
import { pendingCoupons, pendingCouponsCsv, pendingCouponsQuery } from './card-coupons.service';
import { cashflowQuerySchema, valuesCashflow, valuesCashflowCsv } from './values-cashflow.service';

export function reportsRouter(): Router {
  const router = Router();
  router.get(
    '/aging',
    apiDoc({ summary: 'Aging of the receivables', permission: 'reports', query: agingQuerySchema, response: {} }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      res.json(await aging((await readCtx(req)).knex, ctx, req.query));
    },
  );
  router.get(
    '/aging.csv',
    apiDoc({ summary: 'Aging as CSV', permission: 'export', query: agingQuerySchema, response: { csv: true } }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const report = await aging((await readCtx(req)).knex, ctx, { ...req.query, range: undefined });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="antiguedad-${report.groupBy}-${report.asOf}.csv"`);
      res.send(agingCsv(report, parseDialect(req.query.dialect), ctx.lang));
    },
  );
  router.get(
    '/aging/customers/:id/open-items',
    apiDoc({
      summary: "A customer's open items as of a date",
      permission: 'reports',
      query: { asOf: Joi.isoDate(), currency: Joi.string().valid('ARS', 'USD') },
      response: {},
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      const q = validate<{ asOf?: string }>(
        Joi.object({ asOf: Joi.isoDate(), currency: Joi.string().valid('ARS', 'USD') }),
        req.query,
        ctx.lang,
      );
      const id = parseId(req.params.id);
      const customer = await ctx
        .knex('customers')
        .where({ id, companyId: ctx.companyId })
        .first('id', 'code', 'legalName', 'currency');
      if (!customer) throw notFound();
      res.json({
        customer,
        asOf: q.asOf ?? today(),
        items: await openItemsAsOf(ctx.knex, ctx.companyId, id, q.asOf ?? today(), customer.currency),
      });
    },
  );
  router.get(
    '/card-coupons-pending',
    apiDoc({
      summary: 'Card coupons pending settlement by issuer',
      permission: 'reports',
      query: pendingCouponsQuery,
      response: {},
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      res.json(await pendingCoupons((await readCtx(req)).knex, ctx, req.query));
    },
  );
  router.get(
    '/card-coupons-pending.csv',
    apiDoc({
      summary: 'Card coupons pending settlement by issuer, as CSV',
      permission: 'export',
      query: pendingCouponsQuery,
      response: { csv: true },
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const report = await pendingCoupons((await readCtx(req)).knex, ctx, req.query);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="cupones-pendientes-${report.asOf}.csv"`);
      res.send(pendingCouponsCsv(report, parseDialect(req.query.dialect), ctx.lang));
    },
  );
  router.get(
    '/values-cashflow',
    apiDoc({
      summary: 'Values still to bring money in, by state and payment date: the next 90 days by week',
      permission: 'reports',
      query: cashflowQuerySchema,
      response: {},
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      res.json(await valuesCashflow((await readCtx(req)).knex, ctx, req.query));
    },
  );
  router.get(
    '/values-cashflow.csv',
    apiDoc({ summary: 'The values cash-flow as CSV', permission: 'export', query: cashflowQuerySchema, response: { csv: true } }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const report = await valuesCashflow((await readCtx(req)).knex, ctx, req.query);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="flujo-de-valores-${report.currency}-${report.asOf}.csv"`);
      res.send(valuesCashflowCsv(report, parseDialect(req.query.dialect), ctx.lang));
    },
  );
  router.get(
    '/dashboard',
    apiDoc({ summary: 'The dashboard figures', permission: 'reports', response: {} }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      res.json(await dashboard(await readCtx(req), req.query));
    },
  );
  return router;
}
