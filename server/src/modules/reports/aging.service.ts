import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { badRequest } from '../../http/errors';
import { Joi, id, validate } from '../../http/validate';
import { parseJson, parseRange, parseSort } from '../../http/list-query';
import { csvCells, type Dialect } from '../../lib/csv';
import { fieldLabels } from '../../../../shared/catalog';
import { today } from '../../lib/dates';
import { D } from '../../lib/money';

export const GROUP_BY = [
  'customer',
  'collector',
  'salesperson',
  'rating',
  'segment1',
  'segment2',
  'segment3',
  'segment4',
] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days91to120', 'over120'] as const;
const AMOUNT_FIELDS = [...BUCKETS, 'unapplied', 'total'] as const;
const AGING_SORTS = ['label', 'customers', ...AMOUNT_FIELDS] as const;

export const agingQuerySchema = Joi.object({
  asOf: Joi.isoDate(),
  groupBy: Joi.string()
    .valid(...GROUP_BY)
    .default('customer'),
  basis: Joi.string().valid('due', 'issue').default('due'),
  currency: Joi.string().valid('ARS', 'USD').default('ARS'),
  customerId: id(),
  collectorId: id(),
  salespersonId: id(),
  segment1Id: id(),
  segment2Id: id(),
  segment3Id: id(),
  segment4Id: id(),
  rating: Joi.string().trim().max(5),
  status: Joi.string().valid('active', 'suspended', 'prospect', 'cash_only', 'inactive'),
  q: Joi.string().trim().max(200),
  // Only Facturas de Crédito Electrónicas MiPyME (Ley 27.440), for the FCE follow-up.
  fce: Joi.boolean(),
  sort: Joi.string(),
  range: Joi.string(),
  dialect: Joi.string().valid('es', 'rfc4180'),
});

export interface AgingQuery {
  asOf?: string;
  groupBy: GroupBy;
  basis: 'due' | 'issue';
  currency: 'ARS' | 'USD';
  customerId?: number;
  collectorId?: number;
  salespersonId?: number;
  segment1Id?: number;
  segment2Id?: number;
  segment3Id?: number;
  segment4Id?: number;
  rating?: string;
  status?: string;
  q?: string;
  fce?: boolean;
  sort?: string;
  range?: string;
}

const GROUP_SQL: Record<GroupBy, { key: string; label: string; join: string }> = {
  customer: { key: 'c.id', label: "c.code || ' – ' || c.legal_name", join: '' },
  collector: {
    key: 'c.collector_id',
    label: 'g.name',
    join: 'LEFT JOIN collectors g ON g.company_id = c.company_id AND g.id = c.collector_id',
  },
  salesperson: {
    key: 'c.salesperson_id',
    label: 'g.name',
    join: 'LEFT JOIN salespeople g ON g.company_id = c.company_id AND g.id = c.salesperson_id',
  },
  rating: { key: 'c.rating', label: 'c.rating', join: '' },
  segment1: {
    key: 'c.segment1_id',
    label: 'g.name',
    join: 'LEFT JOIN segments g ON g.company_id = c.company_id AND g.id = c.segment1_id',
  },
  segment2: {
    key: 'c.segment2_id',
    label: 'g.name',
    join: 'LEFT JOIN segments g ON g.company_id = c.company_id AND g.id = c.segment2_id',
  },
  segment3: {
    key: 'c.segment3_id',
    label: 'g.name',
    join: 'LEFT JOIN segments g ON g.company_id = c.company_id AND g.id = c.segment3_id',
  },
  segment4: {
    key: 'c.segment4_id',
    label: 'g.name',
    join: 'LEFT JOIN segments g ON g.company_id = c.company_id AND g.id = c.segment4_id',
  },
};

/**
 * Open items as they stood at the end of `asOf`: documents issued by then and not
 * yet cancelled then, less the applications dated by then and not yet reversed
 * then. For today the stored open amounts are that answer already. For a past
 * date it starts from them too (invariant 1: open = total − active applications)
 * and undoes only what changed since: applications dated after `asOf` give their
 * amount back, those reversed after it take it again. That reads the recent
 * applications instead of the whole history.
 */
function openItemsSql(asOfIsToday: boolean, fceOnly = false): string {
  const fce = fceOnly ? ' AND d.fce' : '';
  if (asOfIsToday)
    return `SELECT d.customer_id, d.sign, d.due_date, d.issue_date, d.open_amount AS open
              FROM documents d
             WHERE d.company_id = :company AND d.status = 'posted' AND d.open_amount > 0 AND d.currency = :currency${fce}`;
  const cols = 'd.id, d.customer_id, d.sign, d.due_date, d.issue_date, d.open_amount, d.currency, d.status, d.cancel_date, d.fce';
  return `WITH changed AS MATERIALIZED (
              SELECT x.document_id, sum(x.amount) AS amount FROM (
                SELECT a.debit_document_id AS document_id, a.amount FROM applications a
                 WHERE a.company_id = :company AND a.date > :asOf AND a.reversal_date IS NULL
                UNION ALL
                SELECT a.credit_document_id, a.amount FROM applications a
                 WHERE a.company_id = :company AND a.date > :asOf AND a.reversal_date IS NULL
                UNION ALL
                SELECT a.debit_document_id, -a.amount FROM applications a
                 WHERE a.company_id = :company AND a.reversal_date > :asOf AND a.date <= :asOf
                UNION ALL
                SELECT a.credit_document_id, -a.amount FROM applications a
                 WHERE a.company_id = :company AND a.reversal_date > :asOf AND a.date <= :asOf
              ) x GROUP BY x.document_id
            ), candidates AS (
              SELECT ${cols} FROM documents d
               WHERE d.company_id = :company AND d.status = 'posted' AND d.open_amount > 0
              UNION ALL
              SELECT ${cols} FROM changed ch JOIN documents d ON d.company_id = :company AND d.id = ch.document_id
               WHERE NOT (d.status = 'posted' AND d.open_amount > 0)
              UNION ALL
              SELECT ${cols} FROM documents d
               WHERE d.company_id = :company AND d.status = 'cancelled' AND d.cancel_date > :asOf
                 AND NOT EXISTS (SELECT 1 FROM changed ch WHERE ch.document_id = d.id)
            ), docs AS (
              SELECT d.customer_id, d.sign, d.due_date, d.issue_date, d.open_amount + coalesce(ch.amount, 0) AS open
                FROM candidates d LEFT JOIN changed ch ON ch.document_id = d.id
               WHERE d.currency = :currency AND d.issue_date <= :asOf${fce}
                 AND (d.status = 'posted' OR (d.status = 'cancelled' AND d.cancel_date > :asOf))
            )
            SELECT * FROM docs WHERE open > 0`;
}

function customerFilters(q: AgingQuery, params: Record<string, unknown>): string {
  const where: string[] = ['c.company_id = :company'];
  const add = (column: string, key: keyof AgingQuery) => {
    if (q[key] !== undefined) {
      where.push(`${column} = :${key}`);
      params[key] = q[key];
    }
  };
  add('c.id', 'customerId');
  add('c.collector_id', 'collectorId');
  add('c.salesperson_id', 'salespersonId');
  add('c.segment1_id', 'segment1Id');
  add('c.segment2_id', 'segment2Id');
  add('c.segment3_id', 'segment3Id');
  add('c.segment4_id', 'segment4Id');
  add('c.rating', 'rating');
  add('c.status', 'status');
  if (q.q) {
    where.push('c.search_text LIKE :search');
    params.search = `%${(/^[\d\s.-]+$/.test(q.q) ? q.q.replace(/[\s.-]/g, '') : q.q.toLowerCase()).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  return where.join(' AND ');
}

export interface AgingRow {
  key: string | number | null;
  label: string | null;
  customers: number;
  notDue: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  days91to120: string;
  over120: string;
  unapplied: string;
  total: string;
}

/**
 * Aging of receivables (SPEC §7): debits by how late they are as of a date,
 * credits on account apart, grouped as asked. Σ buckets − unapplied = balance.
 */
export async function aging(db: Knex, ctx: Pick<Ctx, 'companyId' | 'lang'>, raw: unknown) {
  const q = validate<AgingQuery>(agingQuerySchema, raw ?? {}, ctx.lang);
  const asOf = q.asOf ?? today();
  const isToday = asOf === today();
  if (asOf > today())
    throw badRequest('FUTURE_AS_OF', { es: 'asOf no puede ser una fecha futura', en: 'asOf cannot be in the future' }, [
      { path: 'asOf', message: { es: 'fecha futura', en: 'future date' } },
    ]);
  const params: Record<string, unknown> = { company: ctx.companyId, currency: q.currency, asOf };
  if (q.customerId !== undefined) params.customerId = q.customerId;
  const group = GROUP_SQL[q.groupBy];
  const ref = q.basis === 'due' ? 'o.due_date' : 'o.issue_date';
  const days = `(CAST(:asOf AS date) - ${ref})`;
  const bucket = (cond: string) => `coalesce(sum(o.open) FILTER (WHERE o.sign = 1 AND ${cond}), 0)`;
  // Sort and range as every list parses them; the aging sorts by its sums, and pages without a row limit.
  const [sortField, sortOrder] = parseSort(
    parseJson(q.sort, 'sort', ctx.lang),
    (f) => (AGING_SORTS as readonly string[]).includes(f),
    ['total', 'DESC'],
  );
  const range = parseRange(parseJson(q.range, 'range', ctx.lang), Infinity);
  // Numbers are summed, sorted and paged here; amounts leave as text with two decimals.
  const amounts = (alias: string) => AMOUNT_FIELDS.map((f) => `round(${alias}.${snake(f)}, 2) AS ${snake(f)}`).join(', ');
  const bySql = sortField !== 'label';
  const order = bySql ? `ORDER BY g.${snake(sortField)} ${sortOrder}, g.label, g.key` : '';
  let page = '';
  if (bySql && range) {
    const [start, end] = range;
    page = `LIMIT ${end - start + 1} OFFSET ${start}`;
  }
  const sql = `
    WITH o AS (${openItemsSql(isToday, q.fce === true)}),
    p AS MATERIALIZED (
      SELECT o.customer_id,
             ${bucket(`${days} <= 0`)} AS not_due,
             ${bucket(`${days} BETWEEN 1 AND 30`)} AS days1to30,
             ${bucket(`${days} BETWEEN 31 AND 60`)} AS days31to60,
             ${bucket(`${days} BETWEEN 61 AND 90`)} AS days61to90,
             ${bucket(`${days} BETWEEN 91 AND 120`)} AS days91to120,
             ${bucket(`${days} > 120`)} AS over120,
             coalesce(sum(o.open) FILTER (WHERE o.sign = -1), 0) AS unapplied,
             coalesce(sum(o.sign * o.open), 0) AS total
        FROM o ${q.customerId !== undefined ? 'WHERE o.customer_id = :customerId' : ''}
       GROUP BY o.customer_id
    ),
    g AS MATERIALIZED (${
      q.groupBy === 'customer'
        ? `SELECT ${group.key} AS key, ${group.label} AS label, 1 AS customers, ${AMOUNT_FIELDS.map((f) => `p.${snake(f)}`).join(', ')}
             FROM p JOIN customers c ON c.company_id = :company AND c.id = p.customer_id
            WHERE ${customerFilters(q, params)}`
        : `SELECT ${group.key} AS key, ${group.label} AS label, count(*)::int AS customers,
                  ${AMOUNT_FIELDS.map((f) => `sum(p.${snake(f)}) AS ${snake(f)}`).join(', ')}
             FROM p JOIN customers c ON c.company_id = :company AND c.id = p.customer_id ${group.join}
            WHERE ${customerFilters(q, params)}
            GROUP BY 1, 2`
    }
    )
    SELECT 0 AS part, 0::bigint AS n, count(*)::int AS groups, NULL AS key, NULL AS label,
           coalesce(sum(g.customers), 0)::int AS customers, ${AMOUNT_FIELDS.map((f) => `round(coalesce(sum(g.${snake(f)}), 0), 2) AS ${snake(f)}`).join(', ')}
      FROM g
    UNION ALL
    SELECT 1, r.n, NULL, r.key, r.label, r.customers, ${AMOUNT_FIELDS.map((f) => `r.${snake(f)}`).join(', ')}
      FROM (SELECT g.key, g.label, g.customers, ${amounts('g')}, row_number() OVER (${order}) AS n FROM g ${order} ${page}) r
    ORDER BY part, n`;
  // The first row carries the count and the totals of every group; the page's rows follow.
  const [head, ...result] = (await db.raw(sql, params as Record<string, Knex.Value>)).rows as Array<
    AgingRow & { part: number; n: number; groups: number }
  >;
  const totals = Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, head[f]])) as Record<(typeof AMOUNT_FIELDS)[number], string>;
  let rows: AgingRow[] = result.map((r) => ({
    key: r.key,
    label: r.label,
    customers: r.customers,
    notDue: r.notDue,
    days1to30: r.days1to30,
    days31to60: r.days31to60,
    days61to90: r.days61to90,
    days91to120: r.days91to120,
    over120: r.over120,
    unapplied: r.unapplied,
    total: r.total,
  }));
  if (!bySql) {
    const collator = new Intl.Collator('es');
    rows.sort((a, b) => (sortOrder === 'ASC' ? 1 : -1) * collator.compare(String(a.label ?? ''), String(b.label ?? '')));
    if (range) rows = rows.slice(range[0], range[1] + 1);
  }
  return {
    asOf,
    groupBy: q.groupBy,
    basis: q.basis,
    currency: q.currency,
    count: head.groups,
    totals: { ...totals, customers: head.customers },
    rows,
  };
}

const snake = (s: string) => s.replace(/([A-Z])/g, '_$1').toLowerCase();

/**
 * The aging as CSV. In the `es` dialect the headers are the admin's and the
 * credits on account are negative, so a row's buckets add up to its total;
 * `rfc4180` keeps the keys and the report's own (positive) `unapplied`.
 */
export function agingCsv(report: Awaited<ReturnType<typeof aging>>, dialect: Dialect, lang: 'es' | 'en'): string {
  const { num, text, file } = csvCells(dialect);
  const es = dialect === 'es';
  const label = (v: string | null) => text(v ?? (lang === 'es' ? '(sin asignar)' : '(unassigned)'));
  const headers = ['key', 'label', 'customers', ...AMOUNT_FIELDS];
  const labels = fieldLabels(lang, 'aging')!;
  const amounts = (r: Record<(typeof AMOUNT_FIELDS)[number], string>) =>
    AMOUNT_FIELDS.map((f) => num(es && f === 'unapplied' ? new D(r[f]).negated().toFixed(2) : r[f]));
  return file(es ? headers.map((h) => labels[h]) : headers, [
    ...report.rows.map((r) => [r.key ?? '', label(r.label), r.customers, ...amounts(r)]),
    ['', label('Total'), report.totals.customers, ...amounts(report.totals)],
  ]);
}

/** One customer's open items as they stood at a date (the aging drill-down). */
export async function openItemsAsOf(db: Knex, companyId: number, customerId: number, asOf: string, currency: string) {
  const sql =
    asOf === today()
      ? `SELECT d.id, d.type, d.display_number, d.issue_date, d.due_date, d.total, d.open_amount AS open, d.sign
         FROM documents d WHERE d.company_id = :company AND d.customer_id = :customer AND d.status = 'posted' AND d.open_amount > 0`
      : `WITH docs AS (
         SELECT d.* FROM documents d
          WHERE d.company_id = :company AND d.customer_id = :customer AND d.issue_date <= :asOf
            AND (d.status = 'posted' OR (d.status = 'cancelled' AND d.cancel_date > :asOf))
       )
       SELECT docs.id, docs.type, docs.display_number, docs.issue_date, docs.due_date, docs.total, docs.sign,
              docs.total - coalesce((SELECT sum(a.amount) FROM applications a
                                      WHERE (a.debit_document_id = docs.id OR a.credit_document_id = docs.id)
                                        AND a.date <= :asOf AND (a.reversal_date IS NULL OR a.reversal_date > :asOf)), 0) AS open
         FROM docs`;
  const rows = (
    await db.raw(`SELECT * FROM (${sql}) x WHERE x.open > 0 ORDER BY x.due_date, x.id`, {
      company: companyId,
      customer: customerId,
      asOf,
      currency,
    })
  ).rows as Array<{
    id: number;
    type: string;
    displayNumber: string;
    issueDate: string;
    dueDate: string;
    total: string;
    open: string;
    sign: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    displayNumber: r.displayNumber,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    total: r.total,
    openAmount: new D(r.open).toFixed(2),
    side: r.sign === 1 ? 'debit' : 'credit',
    daysOverdue: r.sign === 1 && r.dueDate < asOf ? Math.round((Date.parse(asOf) - Date.parse(r.dueDate)) / 86_400_000) : 0,
  }));
}
