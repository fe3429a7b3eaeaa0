import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { csvCells, type Dialect } from '../../lib/csv';
import { today } from '../../lib/dates';
import { fieldLabels } from '../../../../shared/catalog';
import { pendingCouponsByIssuer } from '../ledger';

export const pendingCouponsQuery = { asOf: Joi.isoDate(), dialect: Joi.string().valid('es', 'rfc4180') };

/** Card coupons pending settlement by issuer, as of a date (today by default). */
export async function pendingCoupons(db: Knex, ctx: Ctx, query: unknown) {
  const q = validate<{ asOf?: string }>(Joi.object(pendingCouponsQuery), query ?? {}, ctx.lang);
  const asOf = q.asOf ?? today();
  return { asOf, rows: await pendingCouponsByIssuer(db, ctx, asOf) };
}

const COLUMNS = [
  'cardIssuerCode',
  'cardIssuerName',
  'currency',
  'couponCount',
  'presentedCount',
  'gross',
  'expectedNet',
  'oldestDate',
  'overdueCount',
  'overdueNet',
] as const;

/** The same rows as CSV, headers from the shared catalog in the `es` dialect. */
export function pendingCouponsCsv(report: Awaited<ReturnType<typeof pendingCoupons>>, dialect: Dialect, lang: 'es' | 'en') {
  const { num, date, text, file } = csvCells(dialect);
  const labels = fieldLabels(lang, 'card-coupons-pending')!;
  return file(
    dialect === 'es' ? COLUMNS.map((c) => labels[c]) : [...COLUMNS],
    report.rows.map((r) => [
      text(r.cardIssuerCode as string),
      text(r.cardIssuerName as string),
      text(r.currency as string),
      String(r.couponCount),
      String(r.presentedCount),
      num(r.gross as string),
      num(r.expectedNet as string),
      date(r.oldestDate as string),
      String(r.overdueCount),
      num(r.overdueNet as string),
    ]),
  );
}
