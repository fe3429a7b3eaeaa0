import { Router } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { registerConstraint } from '../../http/errors';
import { apiDoc } from '../../http/openapi';
import { Joi } from '../../http/validate';
import type { ResourceDef } from '../../http/resource';
import { csvCells, parseDialect } from '../../lib/csv';
import { interestParamsSchema, parseInterestParams, postInterest, previewInterest } from './interest.service';

registerConstraint('interest_rates_from_unique', {
  path: 'validFrom',
  text: { es: 'Ya hay una tasa vigente desde ese día', en: 'There is already a rate in force from that day' },
});

/** The monthly late-payment rates, each in force from its date until the next one (admin writes). */
export const interestRatesResource: ResourceDef = {
  name: 'interest-rates',
  table: 'interest_rates',
  alias: 'ir',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    validFrom: { type: 'date', filter: true, range: true, sort: true },
    monthlyPct: { type: 'decimal', sort: true },
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', readOnly: true, csv: false },
    updatedAt: { type: 'timestamp', readOnly: true, csv: false },
  },
  defaultSort: ['validFrom', 'DESC'],
  schema: Joi.object({
    validFrom: Joi.isoDate().required(),
    monthlyPct: Joi.decimal().scale(4).min('0').max('100').required(),
    notes: Joi.string().trim().max(200).allow(null, ''),
  }),
};

const runQuery = {
  date: Joi.isoDate(),
  graceDays: Joi.number().integer(),
  minimumAmount: Joi.string(),
  customerId: Joi.number().integer(),
  dialect: Joi.string().valid('es', 'rfc4180'),
};

/** /api/interest-runs: the proposal for a date (JSON and CSV), and posting it. */
export function interestRunsRouter(): Router {
  const router = Router();
  router.get(
    '/preview',
    apiDoc({
      summary: 'Late-payment interest proposed for a date, per customer',
      permission: 'read',
      query: runQuery,
      response: { array: true },
    }),
    async (req, res) => {
      res.json(await previewInterest(ctxOf(req), req.query));
    },
  );
  router.get(
    '/preview.csv',
    apiDoc({
      summary: 'The interest proposal as CSV, one line per debit',
      permission: 'export',
      query: runQuery,
      response: { csv: true },
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'export');
      const params = parseInterestParams(ctx, req.query);
      const proposals = await previewInterest(ctx, req.query);
      const dialect = parseDialect(req.query.dialect);
      const { num, date, text, file } = csvCells(dialect);
      const es = ctx.lang === 'es';
      const header = es
        ? ['Cliente', 'Razón social', 'Moneda', 'Comprobante', 'Vencimiento', 'Saldo', 'Desde', 'Hasta', 'Días', 'Interés']
        : ['Customer', 'Legal name', 'Currency', 'Document', 'Due date', 'Open amount', 'From', 'To', 'Days', 'Interest'];
      const rows = proposals.flatMap((p) =>
        p.lines.map((l) => [
          text(p.customerCode),
          text(p.customerName),
          p.currency,
          text(l.displayNumber),
          date(l.dueDate),
          num(l.baseAmount),
          date(l.fromDate),
          date(l.toDate),
          l.days,
          num(l.amount),
        ]),
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="intereses-${params.date}.csv"`);
      res.send(file(header, rows));
    },
  );
  router.post(
    '/',
    apiDoc({
      summary: 'Post the interest run: one internal debit note (ND X) per customer, never charging the same days twice',
      permission: 'ledger.supervise',
      body: interestParamsSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      res.status(201).json(await postInterest(ctxOf(req), req.body));
    },
  );
  return router;
}
