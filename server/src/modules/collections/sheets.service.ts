import type { Knex } from 'knex';
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

/** What a stop brought back: cobró (with its receipt), no estaba, promesa de pago, rechazo. */
export const STOP_RESULTS = ['collected', 'not_home', 'promise', 'refused'] as const;
export type StopResult = (typeof STOP_RESULTS)[number];

interface Visit {
  /** Null while an agreed visit is not yet placed on the sheet (the first change to the sheet places it). */
  stopId: number | null;
  position: number | null;
  callId: number | null;
  result: StopResult | null;
  resultReceiptId: number | null;
  resultAmount: string | null;
  resultPromiseDate: string | null;
  resultPromiseAmount: string | null;
  resultReason: string | null;
  resultCallId: number | null;
  resultRecordedAt: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  taxId: string | null;
  taxIdType: string | null;
  ivaCondition: number | null;
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
 * The stops of a collector's sheet for a day, in route order: the stops the supervisor placed
 * (added from the debtors list or by customer, or agreed visits already on the sheet) by their
 * position, then the visits agreed in calls that are not on it yet, in time order. A removed
 * stop stays out; a stop whose call was moved to another day or collector leaves with it.
 */
const STOPS_SQL = `
  WITH sheet AS (
    SELECT company_id, id FROM collection_sheets WHERE company_id = :companyId AND collector_id = :collectorId AND sheet_date = :date
  ), stops AS (
    SELECT s.id AS stop_id, s.position, s.customer_id, s.call_id, s.result, s.receipt_id, s.result_amount,
           s.promise_date AS result_promise_date, s.promise_amount AS result_promise_amount, s.reason, s.result_call_id,
           s.result_recorded_at
      FROM collection_sheet_stops s
      JOIN sheet ON sheet.company_id = s.company_id AND sheet.id = s.sheet_id
      LEFT JOIN collection_calls k0 ON k0.company_id = s.company_id AND k0.id = s.call_id
     WHERE s.company_id = :companyId AND s.removed_at IS NULL
       AND (s.call_id IS NULL OR (k0.collector_id = :collectorId AND k0.visit_date = :date))
    UNION ALL
    SELECT NULL, NULL, k.customer_id, k.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM collection_calls k
     WHERE k.company_id = :companyId AND k.collector_id = :collectorId AND k.visit_date = :date
       AND NOT EXISTS (SELECT 1 FROM collection_sheet_stops s JOIN sheet ON sheet.company_id = s.company_id AND sheet.id = s.sheet_id
                        WHERE s.company_id = k.company_id AND s.call_id = k.id)
  )`;

/** Agreed visits come before stops without a time, then by code: the order a sheet starts with. */
const VISIT_ORDER = 'k.visit_from NULLS LAST, k.visit_to NULLS LAST, c.code, k.id';

export interface SheetKey {
  collectorId: number;
  date: string;
}

export async function sheetStops(db: Knex | Knex.Transaction, companyId: number, key: SheetKey): Promise<Visit[]> {
  const { rows } = (await db.raw(
    `${STOPS_SQL}
     SELECT st.stop_id, st.position, st.call_id, st.result, st.receipt_id AS result_receipt_id, st.result_amount,
            st.result_promise_date, st.result_promise_amount, st.reason AS result_reason, st.result_call_id,
            st.result_recorded_at,
            to_char(k.visit_from, 'HH24:MI') AS visit_from, to_char(k.visit_to, 'HH24:MI') AS visit_to,
            c.id AS customer_id, c.code AS customer_code, c.legal_name AS customer_name, c.tax_id, c.tax_id_type, c.iva_condition, c.balance, c.currency,
            b.name AS branch_name,
            coalesce(b.street, c.street) AS street, coalesce(b.city, c.city) AS city,
            coalesce(b.province, c.province) AS province, coalesce(b.postal_code, c.postal_code) AS postal_code,
            coalesce(ct.name, cc.name) AS contact_name,
            coalesce(ct.mobile, ct.phone, cc.mobile, cc.phone, b.phone, c.phone) AS contact_phone,
            k.promise_date, k.promise_amount, k.response, k.visit_result, k.visit_amount, k.visit_receipt_id, k.visit_notes
       FROM stops st
       JOIN customers c ON c.company_id = :companyId AND c.id = st.customer_id
       LEFT JOIN collection_calls k ON k.company_id = :companyId AND k.id = st.call_id
       LEFT JOIN branches b ON b.company_id = :companyId AND b.id = k.visit_branch_id
       LEFT JOIN contacts ct ON ct.company_id = :companyId AND ct.id = k.contact_id
       LEFT JOIN LATERAL (
         SELECT name, mobile, phone FROM contacts x
          WHERE x.company_id = c.company_id AND x.customer_id = c.id
          ORDER BY x.is_collections_contact DESC, x.id LIMIT 1) cc ON k.contact_id IS NULL
      ORDER BY st.position NULLS LAST, ${VISIT_ORDER}`,
    { companyId, ...key },
  )) as { rows: Visit[] };
  return rows;
}

/**
 * Hoja de cobranzas: a collector's stops for a day in route order, each with where to go,
 * whom to ask for, what was promised, what is owed and, after the round, what it brought back.
 */
export async function collectionSheet(ctx: Ctx, query: unknown) {
  const q = validate<SheetKey>(sheetQuerySchema, query, ctx.lang);
  const collector = (await ctx
    .knex('collectors')
    .where({ id: q.collectorId, companyId: ctx.companyId })
    .first('id', 'code', 'name', 'phone', 'zone')) as Record<string, unknown> | undefined;
  if (!collector) throw notFound({ es: 'Cobrador inexistente', en: 'No such collector' });
  const visits = await sheetStops(ctx.knex, ctx.companyId, q);
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
  const sheet = await ctx
    .knex('collection_sheets')
    .where({ companyId: ctx.companyId, collectorId: q.collectorId, sheetDate: q.date })
    .first('id');
  return {
    company,
    collector,
    sheetId: (sheet?.id as number | undefined) ?? null,
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
