import type { Ctx } from '../../http/context';
import { notFound } from '../../http/errors';
import { Joi, id, validate } from '../../http/validate';
import { csvCells, type Dialect } from '../../lib/csv';
import type { Lang } from '../../http/i18n';
import { fieldLabels } from '../../../../shared/catalog';
import { D, type Dec } from '../../lib/money';

export const sheetQuerySchema = Joi.object({
  collectorId: id().required(),
  date: Joi.isoDate().required(),
  dialect: Joi.string().valid('es', 'rfc4180'),
});

interface Visit {
  callId: number;
  visitFrom: string | null;
  visitTo: string | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  taxId: string | null;
  branchName: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  contactName: string | null;
  contactPhone: string | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  balance: string;
  currency: string;
  response: string | null;
  visitResult: string | null;
  visitAmount: string | null;
  visitReceiptId: number | null;
  visitNotes: string | null;
}

/**
 * Hoja de cobranzas: a collector's agreed visits for a day, in time order, each
 * with where to go, whom to ask for, what was promised and what is owed.
 */
export async function collectionSheet(ctx: Ctx, query: unknown) {
  const q = validate<{ collectorId: number; date: string }>(sheetQuerySchema, query, ctx.lang);
  const collector = (await ctx
    .knex('collectors')
    .where({ id: q.collectorId, companyId: ctx.companyId })
    .first('id', 'code', 'name', 'phone', 'zone')) as Record<string, unknown> | undefined;
  if (!collector) throw notFound({ es: 'Cobrador inexistente', en: 'No such collector' });
  const visits = (
    await ctx.knex.raw(
      `SELECT k.id AS call_id, to_char(k.visit_from, 'HH24:MI') AS visit_from, to_char(k.visit_to, 'HH24:MI') AS visit_to,
            c.id AS customer_id, c.code AS customer_code, c.legal_name AS customer_name, c.tax_id, c.balance, c.currency,
            b.name AS branch_name,
            coalesce(b.street, c.street) AS street, coalesce(b.city, c.city) AS city,
            coalesce(b.province, c.province) AS province, coalesce(b.postal_code, c.postal_code) AS postal_code,
            coalesce(ct.name, cc.name) AS contact_name,
            coalesce(ct.mobile, ct.phone, cc.mobile, cc.phone, b.phone, c.phone) AS contact_phone,
            k.promise_date, k.promise_amount, k.response, k.visit_result, k.visit_amount, k.visit_receipt_id, k.visit_notes
       FROM collection_calls k
       JOIN customers c ON c.id = k.customer_id
       LEFT JOIN branches b ON b.id = k.visit_branch_id
       LEFT JOIN contacts ct ON ct.id = k.contact_id
       LEFT JOIN LATERAL (
         SELECT name, mobile, phone FROM contacts x
          WHERE x.customer_id = c.id ORDER BY x.is_collections_contact DESC, x.id LIMIT 1) cc ON k.contact_id IS NULL
      WHERE k.company_id = ? AND k.collector_id = ? AND k.visit_date = ?
      ORDER BY k.visit_from NULLS LAST, k.visit_to NULLS LAST, c.code, k.id`,
      [ctx.companyId, q.collectorId, q.date],
    )
  ).rows as Visit[];
  const customerIds = [...new Set(visits.map((v) => v.customerId))];
  const items = customerIds.length
    ? ((await ctx
        .knex('documents')
        .whereIn('customerId', customerIds)
        .where({ companyId: ctx.companyId, status: 'posted' })
        .where('openAmount', '>', 0)
        .orderBy([{ column: 'dueDate' }, { column: 'id' }])
        .select(
          'id',
          'customerId',
          'type',
          'displayNumber',
          'issueDate',
          'dueDate',
          'openAmount',
          ctx.knex.raw("CASE WHEN sign = 1 THEN 'debit' ELSE 'credit' END AS side"),
        )) as Array<{
        customerId: number;
        displayNumber: string;
        dueDate: string;
        side: string;
        openAmount: string;
      }>)
    : [];
  // Pesos and dollars are never added together: totals per currency, and the peso ones up front.
  const byCurrency = new Map<string, { currency: string; visits: number; due: Dec; promised: Dec }>();
  const rows = visits.map((v) => {
    const openItems = items.filter((i) => i.customerId === v.customerId);
    const t = byCurrency.get(v.currency) ?? { currency: v.currency, visits: 0, due: new D(0), promised: new D(0) };
    t.visits += 1;
    t.due = t.due.plus(v.balance);
    if (v.promiseAmount) t.promised = t.promised.plus(v.promiseAmount);
    byCurrency.set(v.currency, t);
    return { ...v, openItems, totalDue: new D(v.balance).toFixed(2) };
  });
  const currencies = [...byCurrency.values()]
    .sort((a, b) => (a.currency === 'ARS' ? -1 : b.currency === 'ARS' ? 1 : a.currency.localeCompare(b.currency)))
    .map((t) => ({ currency: t.currency, visits: t.visits, due: t.due.toFixed(2), promised: t.promised.toFixed(2) }));
  const ars = currencies.find((t) => t.currency === 'ARS');
  const company = await ctx.knex('companies').where({ id: ctx.companyId }).first('name', 'taxId', 'street', 'city', 'phone');
  return {
    company,
    collector,
    date: q.date,
    visits: rows,
    totals: { visits: rows.length, due: ars?.due ?? '0.00', promised: ars?.promised ?? '0.00', byCurrency: currencies },
  };
}

export function sheetCsv(sheet: Awaited<ReturnType<typeof collectionSheet>>, dialect: Dialect, lang: Lang): string {
  const { num, date, text, file } = csvCells(dialect);
  const keys = [
    'visitFrom',
    'visitTo',
    'customerCode',
    'customerName',
    'address',
    'city',
    'contact',
    'phone',
    'promiseDate',
    'promiseAmount',
    'totalDue',
    'openItems',
    'collected',
    'receipt',
  ];
  const labels = fieldLabels(lang, 'collection-sheets')!;
  const header = dialect === 'es' ? keys.map((k) => labels[k]) : keys;
  const lines = sheet.visits.map((v) => [
    text(v.visitFrom),
    text(v.visitTo),
    text(v.customerCode),
    text(v.customerName),
    text([v.branchName, v.street].filter(Boolean).join(' – ')),
    text(v.city),
    text(v.contactName),
    text(v.contactPhone),
    date(v.promiseDate),
    num(v.promiseAmount),
    num(v.totalDue),
    text(
      v.openItems
        .map((i) => `${i.displayNumber} venc. ${date(i.dueDate)} ${i.side === 'credit' ? '-' : ''}${num(i.openAmount)}`)
        .join(' | '),
    ),
    num(v.visitAmount),
    '',
  ]);
  return file(header, lines);
}
