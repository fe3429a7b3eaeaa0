import { Router } from 'express';
import { apiDoc, type OperationDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { readCtx } from '../../http/read-routing';
import { assertCan } from '../../http/permissions';
import { parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import type { Lang } from '../../http/i18n';
import { parseDialect, type Dialect } from '../../lib/csv';
import { today } from '../../lib/dates';
import { notFound } from '../../http/errors';
import { aging, agingCsv, agingQuerySchema, openItemsAsOf } from './aging.service';
import { dashboard } from './dashboard.service';
import { pendingCoupons, pendingCouponsCsv, pendingCouponsQuery } from './card-coupons.service';
import { cashflowQuerySchema, valuesCashflow, valuesCashflowCsv } from './values-cashflow.service';

const openItemsQuery = { asOf: Joi.isoDate(), currency: Joi.string().valid('ARS', 'USD') };

interface ReportRoute<R> {
  path: string;
  summary: string;
  query: OperationDoc['query'];
  run: (db: Knex, ctx: Ctx, query: unknown) => Promise<R>;
  /** The query the CSV runs with (default: the request's). */
  csvQuery?: (query: Record<string, unknown>) => Record<string, unknown>;
  csv: (report: R, dialect: Dialect, lang: Lang) => string;
  filename: (report: R) => string;
}

/**
 * A report's two routes: `path` answers JSON to whoever may read reports, `path.csv` the same
 * report as a file to whoever may export, both read where reports are read (the replica when
 * it is close behind).
 */
function reportRoutes<R>(router: Router, r: ReportRoute<R>): void {
  router.get(r.path, apiDoc({ summary: r.summary, permission: 'reports', query: r.query, response: {} }), async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, 'reports');
    res.json(await r.run((await readCtx(req)).knex, ctx, req.query));
  });
  router.get(
    `${r.path}.csv`,
    apiDoc({ summary: `${r.summary}, as CSV`, permission: 'export', query: r.query, response: { csv: true } }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const query = req.query as Record<string, unknown>;
      const report = await r.run((await readCtx(req)).knex, ctx, r.csvQuery ? r.csvQuery(query) : query);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${r.filename(report)}"`);
      res.send(r.csv(report, parseDialect(req.query.dialect), ctx.lang));
    },
  );
}

export function reportsRouter(): Router {
  const router = Router();
  reportRoutes(router, {
    path: '/aging',
    summary: 'Aging of the receivables',
    query: agingQuerySchema,
    run: aging,
    // The file has every row, whatever page the screen shows.
    csvQuery: (query) => ({ ...query, range: undefined }),
    csv: agingCsv,
    filename: (r) => `antiguedad-${r.groupBy}-${r.asOf}.csv`,
  });
  reportRoutes(router, {
    path: '/card-coupons-pending',
    summary: 'Card coupons pending settlement by issuer',
    query: pendingCouponsQuery,
    run: pendingCoupons,
    csv: pendingCouponsCsv,
    filename: (r) => `cupones-pendientes-${r.asOf}.csv`,
  });
  reportRoutes(router, {
    path: '/values-cashflow',
    summary: 'Values still to bring money in, by state and payment date: the next 90 days by week',
    query: cashflowQuerySchema,
    run: valuesCashflow,
    csv: valuesCashflowCsv,
    filename: (r) => `flujo-de-valores-${r.currency}-${r.asOf}.csv`,
  });
  router.get(
    '/aging/customers/:id/open-items',
    apiDoc({
      summary: "A customer's open items as of a date",
      permission: 'reports',
      query: openItemsQuery,
      response: {},
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'reports');
      const q = validate<{ asOf?: string }>(Joi.object(openItemsQuery), req.query, ctx.lang);
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
