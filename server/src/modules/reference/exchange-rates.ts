import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { Joi } from '../../http/validate';
import { registerConstraint } from '../../http/errors';
import { audit } from '../../http/audit';
import { withTransaction } from '../../db/tx';
import type { ResourceDef } from '../../http/resource';
import { checkRow, ImportReport, noDataRows, openCsv, type ImportColumn, type ImportOptions } from '../../http/csv-import';
import { addDays } from '../../lib/dates';

/*
 * The BNA seller rate table (cotización tipo vendedor del Banco de la Nación Argentina,
 * https://www.bna.com.ar/Personas, "Cotizaciones: Billetes/Divisas"): one rate per currency and
 * day, typed by the admin or imported. USD is the only foreign currency an account, a document
 * or a payment can be in, so it is the only one kept (EUR and BRL were listed here and used by
 * nothing; they were removed rather than half supported).
 */

export const FOREIGN_CURRENCIES = ['USD'] as const;

/**
 * How many days back the rate of a day may come from: the BNA publishes no rate on weekends and
 * bank holidays, when the last one published is the one in force. Ten days covers the longest
 * run of non-business days (Carnaval or Semana Santa next to a weekend); an older rate is not used.
 */
export const RATE_LOOKBACK_DAYS = 10;

registerConstraint('exchange_rates_day_unique', {
  path: 'date',
  text: { es: 'Ya hay una cotización de esa moneda para ese día', en: 'There is already a rate for that currency and day' },
});

const rateSchema = Joi.decimal().scale(6).min('0.000001').max('99999999');

export const exchangeRatesResource: ResourceDef = {
  name: 'exchange-rates',
  table: 'exchange_rates',
  alias: 'xr',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    currency: { type: 'enum', values: FOREIGN_CURRENCIES, filter: true, sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    rate: { type: 'decimal', sort: true },
    source: { type: 'enum', values: ['manual', 'import'], filter: true, readOnly: true },
    createdAt: { type: 'timestamp', readOnly: true, csv: false },
    updatedAt: { type: 'timestamp', readOnly: true, csv: false },
  },
  defaultSort: ['date', 'DESC'],
  schema: Joi.object({
    currency: Joi.string()
      .valid(...FOREIGN_CURRENCIES)
      .default('USD'),
    date: Joi.isoDate().required(),
    rate: rateSchema.required(),
  }),
};

/** The BNA seller rate in force on `date`: that day's, or the last one published within the lookback. */
export async function rateOn(
  db: Knex | Knex.Transaction,
  companyId: number,
  currency: string,
  date: string,
): Promise<string | null> {
  const row = (await db('exchange_rates')
    .where({ companyId, currency })
    .where('date', '<=', date)
    .where('date', '>', addDays(date, -RATE_LOOKBACK_DAYS))
    .orderBy('date', 'desc')
    .first('rate')) as { rate: string } | undefined;
  return row?.rate ?? null;
}

const COLUMNS: Record<string, ImportColumn> = {
  currency: { type: 'text' },
  date: { type: 'date', required: true },
  rate: { type: 'decimal', required: true },
};

const rowSchema = Joi.object({
  currency: Joi.string()
    .valid(...FOREIGN_CURRENCIES)
    .default('USD'),
  date: Joi.isoDate().required(),
  rate: rateSchema.required(),
});

/**
 * POST /api/imports/exchange-rates (admin): a CSV of `date;rate` (and optionally `currency`),
 * e.g. the BNA's published series saved from a spreadsheet. A day already in the table takes the
 * imported rate; all or nothing.
 */
export async function importExchangeRates(ctx: Ctx, body: Buffer, opts: ImportOptions): Promise<ImportReport> {
  const report = new ImportReport(opts.dryRun, ctx.lang);
  const csv = await openCsv(body, { columns: COLUMNS, dialect: opts.dialect, report });
  const rows: Array<{ row: number; currency: string; date: string; rate: string }> = [];
  const seen = new Set<string>();
  for await (const rec of csv.records) {
    const checked = checkRow<{ currency: string; date: string; rate: string }>(rowSchema, rec.values, ctx.lang);
    if (checked.errors) {
      for (const e of checked.errors) report.fail(rec.row, e.path || undefined, e.message);
      continue;
    }
    const key = `${checked.value.currency} ${checked.value.date}`;
    if (seen.has(key))
      report.fail(
        rec.row,
        'date',
        ctx.lang === 'es' ? `${checked.value.date} está repetida en el archivo` : `${checked.value.date} is repeated in the file`,
      );
    seen.add(key);
    rows.push({ row: rec.row, ...checked.value });
  }
  if (report.total === 0) throw noDataRows();
  if (report.invalid > 0) return report;
  await withTransaction(ctx.knex, async (trx) => {
    const existing = (await trx('exchange_rates')
      .where({ companyId: ctx.companyId })
      .whereIn(
        ['currency', 'date'],
        rows.map((r) => [r.currency, r.date]),
      )
      .select('currency', 'date', 'rate')) as Array<{ currency: string; date: string; rate: string }>;
    const stored = new Map(existing.map((e) => [`${e.currency} ${e.date}`, e.rate]));
    for (const r of rows) {
      const before = stored.get(`${r.currency} ${r.date}`);
      if (before === undefined) report.created += 1;
      else if (Number(before) === Number(r.rate)) report.unchanged += 1;
      else report.updated += 1;
    }
    if (opts.dryRun) return;
    await trx('exchange_rates')
      .insert(rows.map((r) => ({ companyId: ctx.companyId, currency: r.currency, date: r.date, rate: r.rate, source: 'import' })))
      .onConflict(['companyId', 'currency', 'date'])
      .merge({ rate: trx.raw('excluded.rate'), source: 'import', updatedAt: trx.fn.now() });
    await audit(trx, ctx, {
      action: 'import',
      entity: 'exchange_rates',
      entityId: null,
      after: { created: report.created, updated: report.updated, unchanged: report.unchanged },
    });
  });
  return report;
}
