import { Router } from 'express';
import { ctxOf } from '../../http/context';
import { readCtx } from '../../http/read-routing';
import { assertCan } from '../../http/permissions';
import { parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { parseDialect } from '../../lib/csv';
import { today } from '../../lib/dates';
import { notFound } from '../../http/errors';
import { aging, agingCsv, openItemsAsOf } from './aging.service';
import { dashboard } from './dashboard.service';

export function reportsRouter(): Router {
  const router = Router();
  router.get('/aging', async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, 'reports');
    res.json(await aging((await readCtx(req)).knex, ctx, req.query));
  });
  router.get('/aging.csv', async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, 'export');
    const report = await aging((await readCtx(req)).knex, ctx, { ...req.query, range: undefined });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="antiguedad-${report.groupBy}-${report.asOf}.csv"`);
    res.send(agingCsv(report, parseDialect(req.query.dialect), ctx.lang));
  });
  router.get('/aging/customers/:id/open-items', async (req, res) => {
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
  });
  router.get('/dashboard', async (req, res) => {
    const ctx = ctxOf(req);
    assertCan(ctx.user.role, 'reports');
    res.json(await dashboard(await readCtx(req), req.query));
  });
  return router;
}
