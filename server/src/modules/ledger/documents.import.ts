import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { AppError, fromPgError, isPgError } from '../../http/errors';
import type { Translated } from '../../http/i18n';
import { can } from '../../http/permissions';
import { audit, auditRow } from '../../http/audit';
import {
  breathe,
  checkRow,
  ImportReport,
  MAX_REPORTED_ERRORS,
  noDataRows,
  openCsv,
  type ImportColumn,
  type ImportOptions,
} from '../../http/csv-import';
import { addDays } from '../../lib/dates';
import { D } from '../../lib/money';
import {
  companySettings,
  fmt,
  isDebit,
  LOCKED_CUSTOMER_FIELDS,
  ledgerCurrency,
  lockCustomers,
  type CompanySettings,
  type LockedCustomer,
} from './posting';
import { recomputeCustomer } from '../customers';
import { prepareIntake, warningsFor, type IntakeInput, type Warning } from './documents.service';
import { documentFields } from './ledger.resources';
import { documentIntakeSchema } from './ledger.schemas';
import { assertFiscalIntake } from './fiscal-rules';

/*
 * POST /api/imports/documents (ledger.post): FAC, ND and NC from billing, and
 * AJP/AJN adjustments for those who may post them (ledger.supervise), from a CSV
 * with the columns of GET /api/documents/export.csv:
 * - customerCode resolves within the company; branchCode (not in the export)
 *   names a branch of that customer; the derived columns of the export
 *   (displayNumber, openAmount, status, daysOverdue…) are accepted and ignored;
 * - each row follows the rules of POST /api/documents: the same schema, the
 *   period lock, the customer's currency, a due date from the payment term
 *   (branch, else customer) when the cell is empty, a number used in the file
 *   or already registered is a row error, and an adjustment's number must
 *   continue its series (adjustments carrying numbers take them in ascending
 *   order, whatever the order of the file);
 * - a dry run reports every row's errors and the warnings the documents would
 *   carry (suspended customer, over the credit limit), and writes nothing;
 * - the commit locks the customers in id order, puts every row through the
 *   intake's rules (prepareIntake, what POST /api/documents runs) and writes
 *   them a thousand to an INSERT, in one transaction; it recomputes each
 *   customer's figures once and writes one audit event; all or nothing.
 */

/** The intake fields a row writes; every other exported column is read and ignored. */
const WRITABLE = [
  'customerCode',
  'type',
  'letter',
  'pointOfSale',
  'number',
  'issueDate',
  'dueDate',
  'currency',
  'total',
  'notes',
  'reason',
];
const REQUIRED = new Set(['customerCode', 'type', 'issueDate', 'total']);

export const DOCUMENT_IMPORT_COLUMNS: Record<string, ImportColumn> = {
  ...Object.fromEntries(
    Object.entries(documentFields)
      .filter(([, f]) => f.csv !== false)
      .map(([name, f]) => [
        name,
        { type: f.type, required: REQUIRED.has(name), ignored: !WRITABLE.includes(name), labels: f.labels },
      ]),
  ),
  branchCode: { type: 'text' },
};

/** The API's schema, with the customer resolved from its code instead of given by id. */
const rowSchema = documentIntakeSchema.fork(['customerId'], (s) => s.optional());
const COLUMN_OF: Record<string, string> = { customerId: 'customerCode', branchId: 'branchCode' };

type Data = Record<string, unknown>;

interface ParsedRow {
  row: number;
  customerCode: string;
  branchCode: string;
  values: Data;
}

interface Planned {
  row: number;
  input: IntakeInput;
  customer: LockedCustomer;
}

export interface RowWarning {
  row: number;
  code: string;
  message: string;
}

/** The import's report, with the warnings the posted documents carry. */
export class DocumentImportReport extends ImportReport {
  readonly warnings: RowWarning[] = [];

  warn(row: number, warnings: Warning[]): void {
    for (const w of warnings) this.warnings.push({ row, code: w.code, message: w.message });
  }

  toJSON() {
    const shown = this.warnings.slice(0, MAX_REPORTED_ERRORS);
    return {
      ...super.toJSON(),
      warnings: shown,
      ...(this.warnings.length > shown.length ? { warningsTruncated: true, warningCount: this.warnings.length } : {}),
    };
  }
}

const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');

/** Pass one: the file's rows, converted, with the codes the database must be asked about. */
async function readRows(body: Buffer, opts: ImportOptions, report: ImportReport): Promise<ParsedRow[]> {
  const csv = await openCsv(body, { columns: DOCUMENT_IMPORT_COLUMNS, dialect: opts.dialect, report, resource: 'documents' });
  const rows: ParsedRow[] = [];
  for await (const { row, values } of csv.records) {
    const customerCode = upper(values.customerCode);
    const branchCode = upper(values.branchCode);
    delete values.customerCode;
    delete values.branchCode;
    if (typeof values.type === 'string') values.type = values.type.trim().toUpperCase();
    rows.push({ row, customerCode, branchCode, values });
    await breathe(rows.length);
  }
  return rows;
}

interface Lookups {
  customers: Map<string, LockedCustomer>;
  branches: Map<string, { id: number; paymentTermId: number | null }>;
  termDays: Map<number, number>;
  settings: CompanySettings;
  /** "FAC A 3 1234" of the numbers the file gives that are already registered. */
  taken: Set<string>;
  /** Last number of each adjustment series, "AJP 1" → 12. */
  counters: Map<string, number>;
}

const numberKey = (type: string, letter: string, pointOfSale: number, number: number) =>
  `${type} ${letter} ${pointOfSale} ${number}`;

/**
 * Everything the rows are checked against, in a handful of set queries. With a
 * transaction the customers are locked in id order first (lockCustomers), so two
 * imports, or an import and a receipt, queue instead of deadlocking.
 */
async function lookups(db: Knex | Knex.Transaction, ctx: Ctx, rows: ParsedRow[], lock = false): Promise<Lookups> {
  const codes = [...new Set(rows.map((r) => r.customerCode).filter(Boolean))];
  let list: LockedCustomer[];
  if (lock) {
    const ids = (await db('customers')
      .where({ companyId: ctx.companyId })
      .whereRaw('code = ANY(?::text[])', [codes])
      .pluck('id')) as number[];
    list = [...(await lockCustomers(db as Knex.Transaction, ctx, ids)).values()];
  } else {
    list = (await db('customers')
      .where({ companyId: ctx.companyId })
      .whereRaw('code = ANY(?::text[])', [codes])
      .select(LOCKED_CUSTOMER_FIELDS)) as LockedCustomer[];
  }
  const customers = new Map(list.map((c) => [c.code, c]));
  const ids = list.map((c) => c.id);
  const branchRows = (await db('branches')
    .where({ companyId: ctx.companyId })
    .whereIn('customerId', ids)
    .select('id', 'customerId', 'code', 'paymentTermId')) as Array<{
    id: number;
    customerId: number;
    code: string;
    paymentTermId: number | null;
  }>;
  const terms = (await db('payment_terms').where({ companyId: ctx.companyId }).select('id', 'days')) as Array<{
    id: number;
    days: number;
  }>;
  const integer = (v: unknown) => typeof v === 'string' && /^\d{1,8}$/.test(v);
  const numbered = rows.filter((r) => integer(r.values.number) && integer(r.values.pointOfSale));
  const taken = (
    await db.raw(
      `SELECT d.type, d.letter, d.point_of_sale, d.number
         FROM unnest(?::text[], ?::text[], ?::int[], ?::int[]) AS f(type, letter, pos, num)
         JOIN documents d ON d.company_id = ? AND d.type = f.type AND d.letter = f.letter AND d.point_of_sale = f.pos AND d.number = f.num
          AND NOT d.fce`,
      [
        numbered.map((r) => String(r.values.type ?? '')),
        numbered.map((r) => upper(r.values.letter)),
        numbered.map((r) => Number(r.values.pointOfSale)),
        numbered.map((r) => Number(r.values.number)),
        ctx.companyId,
      ],
    )
  ).rows as Array<{ type: string; letter: string; pointOfSale: number; number: number }>;
  const counters = (await db('document_counters')
    .where({ companyId: ctx.companyId })
    .whereIn('type', ['AJP', 'AJN'])
    .select('type', 'pointOfSale', 'lastNumber')) as Array<{ type: string; pointOfSale: number; lastNumber: number }>;
  return {
    customers,
    branches: new Map(branchRows.map((b) => [`${b.customerId} ${b.code}`, { id: b.id, paymentTermId: b.paymentTermId }])),
    termDays: new Map(terms.map((t) => [t.id, Number(t.days)])),
    settings: await companySettings(db, ctx.companyId),
    taken: new Set(taken.map((t) => numberKey(t.type, t.letter, t.pointOfSale, t.number))),
    counters: new Map(counters.map((c) => [`${c.type} ${c.pointOfSale}`, Number(c.lastNumber)])),
  };
}

/**
 * Pass two: each row validated as POST /api/documents would, in the order the
 * commit will post them. Answers the rows to post; errors go to the report.
 */
function planRows(ctx: Ctx, rows: ParsedRow[], look: Lookups, report: DocumentImportReport): Planned[] {
  const lang = report.lang;
  const fail = (row: number, column: string, text: Translated) => report.fail(row, column, text[lang]);
  const planned: Array<Planned | null> = [];
  const seen = new Map<string, number>();
  const supervise = can(ctx.user.role, 'ledger.supervise');
  for (const { row, customerCode, branchCode, values } of rows) {
    const type = values.type;
    if (type === 'REC') {
      fail(row, 'type', {
        es: 'type: los recibos no se importan; se registran en ctacte con sus pagos y valores',
        en: 'type: receipts are not imported; they are posted here with their payments and values',
      });
      planned.push(null);
      continue;
    }
    const customer = customerCode ? look.customers.get(customerCode) : undefined;
    if (!customerCode)
      fail(row, 'customerCode', {
        es: 'customerCode: indique el código del cliente',
        en: 'customerCode: give the customer code',
      });
    else if (!customer)
      fail(row, 'customerCode', {
        es: `customerCode: no existe un cliente con código "${customerCode}"`,
        en: `customerCode: there is no customer with code "${customerCode}"`,
      });
    let branch: { id: number; paymentTermId: number | null } | undefined;
    if (branchCode && customer) {
      branch = look.branches.get(`${customer.id} ${branchCode}`);
      if (!branch)
        fail(row, 'branchCode', {
          es: `branchCode: el cliente ${customer.code} no tiene una sucursal con código "${branchCode}"`,
          en: `branchCode: customer ${customer.code} has no branch with code "${branchCode}"`,
        });
    }
    const checked = checkRow<IntakeInput>(rowSchema, { ...values, branchId: branch?.id ?? null }, lang);
    if (checked.errors) {
      for (const e of checked.errors) report.fail(row, COLUMN_OF[e.path] ?? (e.path || undefined), e.message);
      planned.push(null);
      continue;
    }
    const input = checked.value;
    const adjustment = input.type === 'AJP' || input.type === 'AJN';
    if (adjustment && !supervise)
      fail(row, 'type', {
        es: `type: solo un supervisor o un administrador puede registrar ajustes (${input.type})`,
        en: `type: only a supervisor or an admin may post adjustments (${input.type})`,
      });
    const { lockDate } = look.settings;
    if (lockDate && input.issueDate <= lockDate)
      fail(row, 'issueDate', {
        es: `issueDate: el período está cerrado hasta el ${fmt(lockDate)}`,
        en: `issueDate: the period is locked up to ${lockDate}`,
      });
    if (!customer) {
      planned.push(null);
      continue;
    }
    let currency = customer.currency;
    try {
      currency = ledgerCurrency(customer, input.currency);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.fail(row, 'currency', `currency: ${typeof err.text === 'string' ? err.text : err.text[lang]}`);
    }
    if (!adjustment)
      try {
        assertFiscalIntake(look.settings.companyIvaCondition, customer, {
          ...input,
          currency,
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const column = err.details[0]?.path === 'customerId' ? 'customerCode' : (err.details[0]?.path ?? 'letter');
        report.fail(row, column, typeof err.text === 'string' ? err.text : err.text[lang]);
      }
    if (input.dueDate && input.dueDate < input.issueDate)
      fail(row, 'dueDate', {
        es: 'dueDate: el vencimiento no puede ser anterior a la emisión',
        en: 'dueDate: the due date cannot be before the issue date',
      });
    if (!input.dueDate) {
      const termId = branch?.paymentTermId ?? customer.paymentTermId;
      input.dueDate = addDays(input.issueDate, termId ? (look.termDays.get(termId) ?? 0) : 0);
    }
    if (!adjustment) {
      const key = numberKey(input.type, input.letter, input.pointOfSale!, input.number!);
      const shown = `${input.type} ${input.letter} ${String(input.pointOfSale).padStart(5, '0')}-${String(input.number).padStart(8, '0')}`;
      const first = seen.get(key);
      if (first !== undefined)
        fail(row, 'number', {
          es: `number: ${shown} ya aparece en la fila ${first}`,
          en: `number: ${shown} already appears in row ${first}`,
        });
      else seen.set(key, row);
      if (look.taken.has(key))
        fail(row, 'number', { es: `number: ${shown} ya está registrado`, en: `number: ${shown} is already registered` });
    }
    planned.push({ row, input: { ...input, customerId: customer.id }, customer });
  }
  const ordered = numberAdjustments(planned, look, report);
  return ordered.filter((p): p is Planned => p !== null && !report.isInvalid(p.row));
}

/**
 * Adjustments are numbered here: those carrying a number take them in ascending
 * order within their series (so an export sorted any way imports back), and each
 * must continue the series as takeNumber will see it; the others take the next one.
 */
function numberAdjustments(planned: Array<Planned | null>, look: Lookups, report: ImportReport): Array<Planned | null> {
  const series = (p: Planned) => `${p.input.type} ${p.input.pointOfSale ?? look.settings.defaultReceiptPointOfSale}`;
  const isAdjustment = (p: Planned | null): p is Planned => p !== null && (p.input.type === 'AJP' || p.input.type === 'AJN');
  const slots = new Map<string, number[]>();
  planned.forEach((p, i) => {
    if (isAdjustment(p) && p.input.number) {
      const key = series(p);
      if (!slots.has(key)) slots.set(key, []);
      slots.get(key)!.push(i);
    }
  });
  const ordered = [...planned];
  for (const indexes of slots.values()) {
    const sorted = indexes.map((i) => planned[i]!).sort((a, b) => a.input.number! - b.input.number!);
    indexes.forEach((i, k) => (ordered[i] = sorted[k]));
  }
  const last = new Map(look.counters);
  for (const p of ordered) {
    if (!isAdjustment(p) || report.isInvalid(p.row)) continue;
    const key = series(p);
    const current = last.get(key) ?? 0;
    const given = p.input.number;
    const pos = p.input.pointOfSale ?? look.settings.defaultReceiptPointOfSale;
    if (given === undefined || given === null) {
      last.set(key, current + 1);
    } else if (current === 0 || given === current + 1) {
      last.set(key, given);
    } else if (given <= current) {
      report.fail(
        p.row,
        'number',
        {
          es: `number: el número ${given} del punto de venta ${pos} ya fue usado (el último es ${current})`,
          en: `number: number ${given} of point of sale ${pos} is already used (the last one is ${current})`,
        }[report.lang],
      );
    } else {
      report.fail(
        p.row,
        'number',
        {
          es: `number: el próximo número de ${p.input.type} del punto de venta ${pos} es ${current + 1}, no ${given}`,
          en: `number: the next ${p.input.type} number of point of sale ${pos} is ${current + 1}, not ${given}`,
        }[report.lang],
      );
    }
  }
  return ordered;
}

/** The balance each document leaves, so the warnings read like one posting after another. */
function runBalance(customer: LockedCustomer, input: IntakeInput): void {
  const signed = isDebit(input.type) ? new D(input.total) : new D(input.total).neg();
  customer.balance = new D(customer.balance).plus(signed).toFixed(2);
}

/** Rows per INSERT: prepared one by one by the intake's rules, written together. */
const BATCH = 1000;

/** The row a unique violation names ("Key (company_id, type, letter, point_of_sale, number)=(5, FAC, A, 3, 12)"). */
function conflictingRow(err: unknown, rows: Array<{ row: number; data: Record<string, unknown> }>): number | undefined {
  const key = /\)=\((.+)\) already exists/.exec(isPgError(err) ? (err.detail ?? '') : '')?.[1]?.split(', ');
  if (!key || key.length !== 5) return undefined;
  const [, type, letter, pointOfSale, number] = key;
  return rows.find(
    (r) =>
      r.data.type === type &&
      r.data.letter === letter &&
      String(r.data.pointOfSale) === pointOfSale &&
      String(r.data.number) === number,
  )?.row;
}

/** Thrown inside the transaction to roll back what was posted before a row failed. */
class Rejected extends Error {}

function rowFailure(err: unknown, lang: 'es' | 'en'): string | undefined {
  const mapped = err instanceof AppError ? err : isPgError(err) ? fromPgError(err) : undefined;
  if (!mapped) return undefined;
  return typeof mapped.text === 'string' ? mapped.text : mapped.text[lang];
}

/**
 * Validates the whole file and, unless it is a dry run or any row is wrong,
 * posts it in one transaction: an audit event per document and one summary
 * event carrying the counts.
 */
export async function importDocuments(ctx: Ctx, body: Buffer, opts: ImportOptions): Promise<DocumentImportReport> {
  const report = new DocumentImportReport(opts.dryRun, ctx.lang);
  const rows = await readRows(body, opts, report);
  if (report.total === 0) throw noDataRows();
  if (opts.dryRun) {
    const look = await lookups(ctx.knex, ctx, rows);
    for (const p of planRows(ctx, rows, look, report)) {
      if (isDebit(p.input.type)) report.warn(p.row, warningsFor(ctx, p.customer, p.input.total));
      runBalance(p.customer, p.input);
      report.created += 1;
    }
    return report;
  }
  try {
    await ctx.knex.transaction(async (trx) => {
      const look = await lookups(trx, ctx, rows, true);
      const plan = planRows(ctx, rows, look, report);
      if (report.invalid > 0) throw new Rejected();
      const byType: Record<string, number> = {};
      let batch: Array<{ row: number; data: Record<string, unknown> }> = [];
      const flush = async () => {
        const rows = batch;
        batch = [];
        if (!rows.length) return;
        try {
          const posted = (await trx('documents')
            .insert(rows.map((b) => b.data))
            .returning('*')) as Array<Record<string, unknown> & { id: number }>;
          // Each posted document has its own audit event, like one posted through the API.
          await trx('audit_events').insert(
            posted.map((d) => auditRow(ctx, { action: 'create', entity: 'documents', entityId: d.id, after: d })),
          );
        } catch (err) {
          const message = rowFailure(err, report.lang);
          if (message === undefined) throw err;
          report.fail(conflictingRow(err, rows) ?? rows[0].row, undefined, message);
          throw new Rejected();
        }
      };
      for (const [i, p] of plan.entries()) {
        await breathe(i);
        let prepared: Awaited<ReturnType<typeof prepareIntake>>;
        try {
          prepared = await prepareIntake(trx, ctx, p.input, { settings: look.settings, origin: 'import', customer: p.customer });
        } catch (err) {
          const message = rowFailure(err, report.lang);
          if (message === undefined) throw err;
          report.fail(p.row, undefined, message);
          throw new Rejected();
        }
        report.warn(p.row, prepared.warnings);
        runBalance(p.customer, p.input);
        batch.push({ row: p.row, data: prepared.row });
        if (batch.length >= BATCH) await flush();
        byType[p.input.type] = (byType[p.input.type] ?? 0) + 1;
        report.created += 1;
      }
      await flush();
      const customerIds = [...new Set(plan.map((p) => p.customer.id))].sort((a, b) => a - b);
      for (const id of customerIds) await recomputeCustomer(trx, ctx.companyId, id);
      await audit(trx, ctx, {
        action: 'import',
        entity: 'documents',
        entityId: null,
        after: {
          total: report.total,
          created: report.created,
          byType,
          customers: customerIds.length,
          warnings: report.warnings.length,
          dialect: report.dialect,
          encoding: report.encoding,
        },
      });
    });
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    report.nothingWritten();
    report.warnings.length = 0;
  }
  return report;
}
