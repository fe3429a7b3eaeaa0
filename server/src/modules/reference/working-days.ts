import type { Knex } from 'knex';

/**
 * The first working day after `after` for a company: not a Saturday or Sunday and not a day of
 * its holiday table (feriados and días no laborables, Ley 27.399 — see holidays.data.ts). The
 * one place that decides it; the collection sheet's default date comes from here. Looks ahead
 * 60 days, far more than the longest run of non-working days the law allows.
 */
export async function nextWorkingDay(db: Knex | Knex.Transaction, companyId: number, after: string): Promise<string> {
  const { rows } = (await db.raw(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day
       FROM generate_series(?::date + 1, ?::date + 60, interval '1 day') AS d
      WHERE extract(isodow FROM d) < 6
        AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.company_id = ? AND h.date = d::date)
      ORDER BY d LIMIT 1`,
    [after, after, companyId],
  )) as { rows: Array<{ day: string }> };
  return rows[0].day;
}
