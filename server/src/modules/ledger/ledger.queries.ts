import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { badRequest, notFound } from '../../http/errors';
import { LEDGER_CURRENCIES } from '../customers';
import { getRecord } from '../../http/resource';
import { D } from '../../lib/money';
import { documentsResource } from './ledger.resources';
import { onKey } from '../../db/keys';

type Row = Record<string, unknown>;

/**
 * A document with its applications both ways; a receipt also with its payments,
 * withholdings and values.
 */
export async function getDocumentDetail(db: Knex | Knex.Transaction, ctx: Ctx, id: number, opts: { lock?: boolean } = {}) {
  const doc = await getRecord(documentsResource, ctx, id, { trx: db as Knex.Transaction, lock: opts.lock });
  return { ...doc, ...(await documentRelations(db, ctx, id, doc.type as string)) };
}

/** What `getDocumentDetail` adds to the record: applications both ways and, for a receipt, payments, withholdings and values. */
export async function documentRelations(db: Knex | Knex.Transaction, ctx: Ctx, id: number, type: string): Promise<Row> {
  const applications = (await db('applications as a')
    .join('documents as o', (j) =>
      j
        .on('o.company_id', 'a.company_id')
        .andOn(db.raw('o.id = CASE WHEN a.credit_document_id = ? THEN a.debit_document_id ELSE a.credit_document_id END', [id])),
    )
    .where('a.company_id', ctx.companyId)
    .where((w) => w.where('a.credit_document_id', id).orWhere('a.debit_document_id', id))
    .orderBy('a.id')
    .select(applicationFields(db))) as Row[];
  const detail: Row = { applications };
  if (type === 'REC') {
    detail.payments = await withPaymentNames(
      db('receipt_payments as p').where({ 'p.company_id': ctx.companyId, 'p.document_id': id }),
    );
    detail.withholdings = await db('receipt_withholdings')
      .where({ companyId: ctx.companyId, documentId: id })
      .orderBy('line')
      .select(WITHHOLDING_FIELDS);
    detail.values = await db('values').where({ companyId: ctx.companyId, receiptId: id }).orderBy('id').select(VALUE_FIELDS);
  }
  return detail;
}

/** An application as a document's detail shows it, `a` joined to the other document `o`. */
export function applicationFields(db: Knex | Knex.Transaction): Array<string | Knex.Raw> {
  return [
    'a.id',
    'a.amount',
    'a.date',
    'a.origin',
    'a.createdAt',
    'a.reversedAt',
    'a.reversalDate',
    'a.reversalReason',
    'a.reversedBy',
    db.raw('(SELECT ru.full_name FROM users ru WHERE ru.id = a.reversed_by) AS reversed_by_name'),
    db.raw('a.reversed_at IS NULL AS active'),
    'a.creditDocumentId',
    'a.debitDocumentId',
    'o.id as documentId',
    'o.displayNumber',
    'o.type as documentType',
    'o.issueDate as documentIssueDate',
    'o.dueDate as documentDueDate',
    'o.total as documentTotal',
  ];
}

/** Receipt payments (`p`, a table or the rows an insert returns) with their bank, card and plan names, by line. */
export async function withPaymentNames(qb: Knex.QueryBuilder): Promise<Row[]> {
  return paymentsOut((await paymentNamesQuery(qb)) as Row[]);
}

/** The query of `withPaymentNames`, for a statement built once (db/statement.ts); its rows go through `paymentsOut`. */
export function paymentNamesQuery(qb: Knex.QueryBuilder): Knex.QueryBuilder {
  return qb
    .leftJoin('banks as b', onKey('b', 'p.bank_id'))
    .leftJoin('card_issuers as ci', onKey('ci', 'p.card_issuer_id'))
    .leftJoin('card_plans as cp', onKey('cp', 'p.card_plan_id'))
    .orderBy('p.line')
    .select(
      'p.*',
      'b.code as bankCode',
      'b.name as bankName',
      'ci.code as cardIssuerCode',
      'ci.legal_name as cardIssuerName',
      'cp.name as cardPlanName',
    );
}

/** Payment rows as the detail shows them: without the keys the receipt already says. */
export const paymentsOut = (rows: Row[]): Row[] =>
  rows.map(({ companyId: _c, documentId: _d, ...rest }) => (void _c, void _d, rest));

export const WITHHOLDING_FIELDS = [
  'id',
  'line',
  'type',
  'jurisdiction',
  'certificateNumber',
  'date',
  'baseAmount',
  'amount',
  'active',
  'regimeCode',
  'agentTaxId',
  'agentName',
  'rate',
];
export const VALUE_FIELDS = [
  'id',
  'paymentId',
  'method',
  'kind',
  'echeqId',
  'number',
  'bankId',
  'paymentDate',
  'amount',
  'currency',
  'state',
];

export async function openItems(ctx: Ctx, customerId: number) {
  const customer = await ctx.knex('customers').where({ id: customerId, companyId: ctx.companyId }).first('id', 'currency');
  if (!customer) throw notFound();
  return ctx
    .knex('documents as d')
    .where({ 'd.customerId': customerId, 'd.companyId': ctx.companyId, 'd.status': 'posted' })
    .where('d.openAmount', '>', 0)
    .orderBy([{ column: 'd.dueDate' }, { column: 'd.id' }])
    .select(
      'd.id',
      'd.type',
      'd.displayNumber',
      'd.issueDate',
      'd.dueDate',
      'd.currency',
      'd.total',
      'd.openAmount',
      ctx.knex.raw("CASE WHEN d.sign = 1 THEN 'debit' ELSE 'credit' END AS side"),
      ctx.knex.raw(
        'CASE WHEN d.sign = 1 AND d.due_date < CURRENT_DATE THEN CURRENT_DATE - d.due_date ELSE 0 END AS days_overdue',
      ),
    );
}

export interface StatementLine {
  date: string;
  documentId: number;
  type: string;
  displayNumber: string;
  description: string;
  dueDate: string | null;
  debit: string;
  credit: string;
  balance: string;
  kind: 'document' | 'cancellation';
}

/**
 * Estado de cuenta: every document on its issue date and, for a cancelled one, its
 * reversal on the cancellation date, so the balance at any date is the sum of the
 * lines up to it. Opening balance is everything before `from`.
 */
export async function statement(ctx: Ctx, customerId: number, from: string, to: string, currency?: string) {
  const customer = (await ctx
    .knex('customers')
    .where({ id: customerId, companyId: ctx.companyId })
    .first(
      'id',
      'code',
      'legalName',
      'taxId',
      'ivaCondition',
      'street',
      'city',
      'province',
      'postalCode',
      'currency',
      'bimonetary',
      'balance',
    )) as Row | undefined;
  if (!customer) throw notFound();
  // One ledger per statement: the account's, or the one asked for of a bimonetary customer.
  const currencies = customer.bimonetary
    ? [customer.currency as string, ...LEDGER_CURRENCIES.filter((c) => c !== customer.currency)]
    : [customer.currency as string];
  const ledger = currency ?? (customer.currency as string);
  if (!currencies.includes(ledger))
    throw badRequest(
      'CURRENCY_MISMATCH',
      {
        es: `La cuenta corriente de ${String(customer.code)} es en ${String(customer.currency)} y el cliente no es bimonetario`,
        en: `The current account of ${String(customer.code)} is in ${String(customer.currency)} and the customer is not bimonetary`,
      },
      [
        {
          path: 'currency',
          message: { es: `debe ser ${String(customer.currency)}`, en: `must be ${String(customer.currency)}` },
        },
      ],
    );
  const lines = `
    SELECT d.issue_date AS date, d.id AS document_id, d.type, d.display_number, d.due_date, d.sign * d.total AS amount,
           'document' AS kind, coalesce(d.notes, d.reason, '') AS description, 0 AS ord
      FROM documents d
     WHERE d.company_id = :company AND d.customer_id = :customer AND d.currency = :currency AND d.status IN ('posted', 'cancelled')
    UNION ALL
    SELECT d.cancel_date, d.id, d.type, d.display_number, NULL, -d.sign * d.total, 'cancellation', coalesce(d.cancel_reason, ''), 1
      FROM documents d
     WHERE d.company_id = :company AND d.customer_id = :customer AND d.currency = :currency AND d.status = 'cancelled'`;
  const params = { company: ctx.companyId, customer: customerId, currency: ledger, from, to };
  const opening = (
    await ctx.knex.raw(`SELECT coalesce(sum(amount), 0) AS opening FROM (${lines}) l WHERE l.date < :from`, params)
  ).rows[0].opening as string;
  // The running balance and the totals are summed here, exactly, rather than row by row in JS; the totals
  // run along the balance (one window, one pass) and the last line's are the statement's.
  const order = 'l.date, l.ord, CASE WHEN l.amount > 0 THEN 0 ELSE 1 END, l.document_id';
  const rows = (
    await ctx.knex.raw(
      `SELECT l.date, l.document_id, l.type, l.display_number, l.due_date, l.kind, l.description,
              round(CASE WHEN l.amount >= 0 THEN l.amount ELSE 0 END, 2) AS debit,
              round(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END, 2) AS credit,
              round(CAST(:opening AS numeric) + sum(l.amount) OVER w, 2) AS balance,
              round(sum(CASE WHEN l.amount >= 0 THEN l.amount ELSE 0 END) OVER w, 2) AS total_debits,
              round(sum(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) OVER w, 2) AS total_credits
         FROM (${lines}) l WHERE l.date BETWEEN :from AND :to
       WINDOW w AS (ORDER BY ${order} ROWS UNBOUNDED PRECEDING)
        ORDER BY ${order}`,
      { ...params, opening },
    )
  ).rows as Array<StatementLine & { totalDebits: string; totalCredits: string }>;
  const movements: StatementLine[] = rows.map((r) => ({
    date: r.date,
    documentId: r.documentId,
    type: r.type,
    displayNumber: r.displayNumber,
    description: r.description,
    dueDate: r.dueDate,
    debit: r.debit,
    credit: r.credit,
    balance: r.balance,
    kind: r.kind,
  }));
  const last = rows[rows.length - 1];
  return {
    customer,
    from,
    to,
    currency: ledger,
    currencies,
    openingBalance: new D(opening).toFixed(2),
    totalDebits: last?.totalDebits ?? '0.00',
    totalCredits: last?.totalCredits ?? '0.00',
    closingBalance: last?.balance ?? new D(opening).toFixed(2),
    movements,
  };
}
