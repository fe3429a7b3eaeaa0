import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { apiDoc } from '../../http/openapi';
import { Joi, validate } from '../../http/validate';
import { today } from '../../lib/dates';
import { nextWorkingDay } from './working-days';

const nextWorkingDayQuery = Joi.object({ after: Joi.isoDate().default(() => today()) });

export function holidaysRoutes(router: Router): void {
  /** GET /api/holidays/next-working-day?after=YYYY-MM-DD (default today) → {after, date}. */
  router.get(
    '/next-working-day',
    apiDoc({
      summary: 'The first working day after a date (weekends and the holiday table skipped)',
      query: nextWorkingDayQuery,
      response: {
        schema: {
          type: 'object',
          properties: { after: { type: 'string', format: 'date' }, date: { type: 'string', format: 'date' } },
        },
      },
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      const { after } = validate<{ after: string }>(nextWorkingDayQuery, req.query, ctx.lang);
      res.json({ after, date: await nextWorkingDay(ctx.knex, ctx.companyId, after) });
    },
  );
}
