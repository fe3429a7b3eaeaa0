import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { today } from '../../lib/dates';
import { nextWorkingDay } from './working-days';

export function holidaysRoutes(router: Router): void {
  /** GET /api/holidays/next-working-day?after=YYYY-MM-DD (default today) → {after, date}. */
  router.get('/next-working-day', async (req, res) => {
    const ctx = ctxOf(req);
    const { after } = validate<{ after: string }>(
      Joi.object({ after: Joi.isoDate().default(() => today()) }),
      req.query,
      ctx.lang,
    );
    res.json({ after, date: await nextWorkingDay(ctx.knex, ctx.companyId, after) });
  });
}
