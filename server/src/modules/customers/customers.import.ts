import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import type { Translated } from '../../http/i18n';
import { can, PERMISSIONS, type Permission, type Role } from '../../http/permissions';
import { audit, auditRow } from '../../http/audit';
import {
  breathe,
  checkRow,
  ImportReport,
  noDataRows,
  openCsv,
  sameFieldValue,
  type ImportColumn,
  type ImportOptions,
} from '../../http/csv-import';
import { formatCuit, normalizeCuit } from '../../lib/cuit';
import { CUSTOMER_REFS, customerFields, customersResource } from './customers.resource';
import { customerSchema } from './customers.schemas';

/*
 * POST /api/imports/customers (masterdata.write). The file is what
 * GET /api/customers/export.csv gives, edited or not:
 * - a row whose code exists updates that customer (how a company bulk-edits),
 *   any other row creates one; columns the file lacks keep their values, an
 *   empty cell clears its field (null, or the field's default where it has
 *   one), and code, legalName and ivaCondition stay required;
 * - creditLimit and status follow the API's guard: changing them, or giving a
 *   new customer other than the defaults, needs customers.credit (supervisor,
 *   manager, admin); for anyone else the row is an error;
 * - reference codes resolve within the company (segments by level and code);
 *   a code or CUIT repeated in the file, or a CUIT held by another customer of
 *   the company, is a row error;
 * - a row identical to the stored customer is unchanged: neither validated
 *   again nor written;
 * - all or nothing, in one transaction: an audit event per customer created or
 *   changed, and one summary event.
 */

type Data = Record<string, unknown>;

const described = customerSchema.describe() as { keys: Record<string, { flags?: { presence?: string } }> };
/** The fields a client writes: the schema's keys, in the schema's order. */
const WRITABLE = Object.keys(described.keys);
const REQUIRED = new Set(WRITABLE.filter((k) => described.keys[k].flags?.presence === 'required'));

const REF_LABELS: Record<string, Translated> = {
  payment_terms: { es: 'una condición de pago', en: 'payment term' },
  salespeople: { es: 'un vendedor', en: 'salesperson' },
  collectors: { es: 'un cobrador', en: 'collector' },
  price_lists: { es: 'una lista de precios', en: 'price list' },
  carriers: { es: 'un transporte', en: 'carrier' },
};

interface RefColumn {
  /** CSV column with the code, e.g. paymentTermCode. */
  column: string;
  /** Field the id goes to, e.g. paymentTermId. */
  field: string;
  table: string;
  /** Segment level, for the four segment columns. */
  level?: number;
}

/** The export shows references by code: each `…Id` field comes back as its `…Code` column. */
const REF_COLUMNS: RefColumn[] = CUSTOMER_REFS.map((r) => {
  const level = /^segment(\d)Id$/.exec(r.column)?.[1];
  return { column: r.column.replace(/Id$/, 'Code'), field: r.column, table: r.table, level: level ? Number(level) : undefined };
}).filter((r) => customerFields[r.column]);
const REF_BY_COLUMN = new Map(REF_COLUMNS.map((r) => [r.column, r]));
const COLUMN_OF_FIELD = new Map(REF_COLUMNS.map((r) => [r.field, r.column]));

/**
 * The columns of the export are the columns of the import: every exported field;
 * the derived ones (balance, last sale…) are accepted and ignored.
 */
export const CUSTOMER_IMPORT_COLUMNS: Record<string, ImportColumn> = Object.fromEntries(
  Object.entries(customerFields)
    .filter(([, f]) => f.csv !== false)
    .map(([name, f]) => [
      name,
      {
        type: f.type,
        required: REQUIRED.has(name),
        ignored: Boolean(f.readOnly) || !(WRITABLE.includes(name) || REF_BY_COLUMN.has(name)),
        labels: f.labels,
      },
    ]),
);

/** Field type of every writable field, for telling a change from the same value. */
const TYPE_OF = new Map(WRITABLE.map((k) => [k, customerFields[k]?.type ?? 'text']));
const same = (field: string, a: unknown, b: unknown) => sameFieldValue(TYPE_OF.get(field) ?? 'text', a, b);

const snake = (s: string) => s.replace(/([A-Z])/g, '_$1').toLowerCase();
const WRITABLE_SQL = WRITABLE.map(snake);

/** code → id of every reference table, for the company, loaded once per import. */
async function referenceMaps(db: Knex | Knex.Transaction, companyId: number): Promise<Map<string, Map<string, number>>> {
  const tables = [...new Set(REF_COLUMNS.map((r) => r.table))];
  const loaded = await Promise.all(
    tables.map(async (table) => {
      const rows = (await db(table)
        .where({ companyId })
        .select(table === 'segments' ? ['id', 'code', 'level'] : ['id', 'code'])) as Array<{
        id: number;
        code: string;
        level?: number;
      }>;
      return [table, rows] as const;
    }),
  );
  const byTable = new Map(loaded);
  const maps = new Map<string, Map<string, number>>();
  for (const ref of REF_COLUMNS) {
    const rows = byTable.get(ref.table) ?? [];
    maps.set(
      ref.column,
      new Map(rows.filter((r) => ref.level === undefined || r.level === ref.level).map((r) => [r.code, r.id])),
    );
  }
  return maps;
}

function unknownRef(ref: RefColumn, code: string): Translated {
  if (ref.level !== undefined)
    return {
      es: `${ref.column}: no existe un segmento de nivel ${ref.level} con código "${code}"`,
      en: `${ref.column}: there is no level ${ref.level} segment with code "${code}"`,
    };
  const label = REF_LABELS[ref.table] ?? { es: 'un registro', en: 'record' };
  return {
    es: `${ref.column}: no existe ${label.es} con código "${code}"`,
    en: `${ref.column}: there is no ${label.en} with code "${code}"`,
  };
}

const ROLE_NAMES: Record<Role, Translated> = {
  clerk: { es: 'un administrativo', en: 'a clerk' },
  supervisor: { es: 'un supervisor', en: 'a supervisor' },
  manager: { es: 'un gerente', en: 'a manager' },
  admin: { es: 'un administrador', en: 'an admin' },
};

function guardMessage(field: string, permission: Permission): Translated {
  const roles = (PERMISSIONS[permission] as readonly Role[]).map((r) => ROLE_NAMES[r]);
  const list = (lang: 'es' | 'en', and: string) =>
    roles.length > 1
      ? `${roles
          .slice(0, -1)
          .map((r) => r[lang])
          .join(', ')} ${and} ${roles[roles.length - 1][lang]}`
      : (roles[0]?.[lang] ?? '');
  return {
    es: `${field}: solo ${list('es', 'o')} puede cambiarlo`,
    en: `${field}: only ${list('en', 'or')} may change it`,
  };
}

interface ParsedRow {
  row: number;
  code: string;
  values: Data;
}

interface Existing extends Data {
  id: number;
  code: string;
  taxIdType: string;
  taxId: string | null;
}

/** Pass one: read the file, turn reference codes into ids, note what the database must be asked. */
async function readRows(
  ctx: Ctx,
  body: Buffer,
  opts: ImportOptions,
  report: ImportReport,
): Promise<{ rows: ParsedRow[]; codes: string[]; cuits: string[] }> {
  const csv = await openCsv(body, { columns: CUSTOMER_IMPORT_COLUMNS, dialect: opts.dialect, report, resource: 'customers' });
  const present = REF_COLUMNS.filter((r) => csv.columns.includes(r.column));
  const maps = present.length ? await referenceMaps(ctx.knex, ctx.companyId) : new Map<string, Map<string, number>>();
  const rows: ParsedRow[] = [];
  const codes = new Set<string>();
  const cuits = new Set<string>();
  for await (const { row, values } of csv.records) {
    for (const ref of present) {
      const raw = values[ref.column];
      delete values[ref.column];
      values[ref.field] = undefined;
      if (raw === undefined) continue;
      const code = String(raw).trim().toUpperCase();
      const id = maps.get(ref.column)?.get(code);
      if (id === undefined) report.fail(row, ref.column, unknownRef(ref, code)[report.lang]);
      else values[ref.field] = id;
    }
    const code = typeof values.code === 'string' ? values.code.trim().toUpperCase() : '';
    if (code) codes.add(code);
    if (typeof values.taxId === 'string') cuits.add(normalizeCuit(values.taxId));
    rows.push({ row, code, values });
    await breathe(rows.length);
  }
  return { rows, codes: [...codes], cuits: [...cuits] };
}

/**
 * The company's customers the file touches, by code or by CUIT, in one query.
 * Locked in id order when the import will write, so two imports queue.
 */
async function loadExisting(
  db: Knex | Knex.Transaction,
  companyId: number,
  codes: string[],
  cuits: string[],
  lock: boolean,
): Promise<Existing[]> {
  const qb = db('customers')
    .where({ companyId })
    .where((w) => {
      w.whereRaw('code = ANY(?::text[])', [codes]).orWhereRaw(`(tax_id_type = 'CUIT' AND tax_id = ANY(?::text[]))`, [cuits]);
    })
    .select(['id', ...WRITABLE])
    .orderBy('id');
  if (lock) qb.forUpdate();
  return (await qb) as Existing[];
}

const RELEASED: ParsedRow = { row: 0, code: '', values: {} };

interface Planned {
  row: number;
  id: number | null;
  value: Data;
}

/** Rows per write: one JSON parameter of ~2.5 MB. */
const BATCH = 5000;

/**
 * Pass two: each row merged over the customer it updates, validated as the API
 * does, checked for duplicates and guards. With `write`, every BATCH good rows
 * go to the database while the next ones are validated, so PostgreSQL's index
 * and foreign-key work overlaps with joi's; the first bad row stops the writes
 * and the caller rolls back what was written.
 */
async function planRows(
  ctx: Ctx,
  rows: ParsedRow[],
  existing: Existing[],
  report: ImportReport,
  write?: (batch: Planned[]) => Promise<void>,
): Promise<void> {
  const lang = report.lang;
  const byCode = new Map(existing.map((c) => [c.code, c]));
  const cuitOwner = new Map(existing.filter((c) => c.taxIdType === 'CUIT' && c.taxId).map((c) => [c.taxId!, c.code]));
  const codeRow = new Map<string, number>();
  const cuitRow = new Map<string, number>();
  const guards = Object.entries(customersResource.guarded ?? {});
  let planned: Planned[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = planned;
    planned = [];
    await writing;
    if (!write || report.invalid > 0 || batch.length === 0) return;
    writing = write(batch);
    // Awaited at the next flush; marked handled now so a failure is not reported as unhandled meanwhile.
    writing.catch(() => undefined);
  };
  for (const [i, { row, code, values }] of rows.entries()) {
    await breathe(i);
    // The validated copy is what is kept; the parsed cells can go.
    rows[i] = RELEASED;
    if (code) {
      const first = codeRow.get(code);
      if (first !== undefined)
        report.fail(
          row,
          'code',
          {
            es: `code: el código "${code}" ya aparece en la fila ${first}`,
            en: `code: code "${code}" already appears in row ${first}`,
          }[lang],
        );
      else codeRow.set(code, row);
    }
    const before = code ? byCode.get(code) : undefined;
    // A row that repeats the stored customer cell for cell (an export coming back
    // with a few edits elsewhere) is unchanged: no joi, no write.
    if (before && Object.entries(values).every(([k, v]) => same(k, v, before[k]))) {
      if (before.taxIdType === 'CUIT' && before.taxId) cuitRow.set(before.taxId, cuitRow.get(before.taxId) ?? row);
      if (!report.isInvalid(row)) report.unchanged += 1;
      continue;
    }
    const merged: Data = {};
    if (before) for (const k of WRITABLE) merged[k] = before[k];
    Object.assign(merged, values);
    const checked = checkRow<Data>(customerSchema, merged, lang);
    if (checked.errors) {
      for (const e of checked.errors) report.fail(row, e.path ? (COLUMN_OF_FIELD.get(e.path) ?? e.path) : undefined, e.message);
      continue;
    }
    const value = checked.value;
    for (const [field, guard] of guards) {
      if (!(field in values)) continue;
      const reference = before ? before[field] : guard.default;
      if (!same(field, value[field], reference) && !can(ctx.user.role, guard.permission))
        report.fail(row, field, guardMessage(field, guard.permission)[lang]);
    }
    if (value.taxIdType === 'CUIT' && typeof value.taxId === 'string') {
      const cuit = value.taxId;
      const first = cuitRow.get(cuit);
      if (first !== undefined)
        report.fail(
          row,
          'taxId',
          {
            es: `taxId: el CUIT ${formatCuit(cuit)} ya aparece en la fila ${first}`,
            en: `taxId: CUIT ${formatCuit(cuit)} already appears in row ${first}`,
          }[lang],
        );
      else cuitRow.set(cuit, row);
      const owner = cuitOwner.get(cuit);
      if (owner !== undefined && owner !== value.code)
        report.fail(
          row,
          'taxId',
          {
            es: `taxId: el CUIT ${formatCuit(cuit)} ya es del cliente ${owner}`,
            en: `taxId: CUIT ${formatCuit(cuit)} already belongs to customer ${owner}`,
          }[lang],
        );
    }
    if (report.isInvalid(row)) continue;
    if (!before) {
      report.created += 1;
      planned.push({ row, id: null, value });
    } else if (WRITABLE.some((k) => !same(k, value[k], before[k]))) {
      report.updated += 1;
      planned.push({ row, id: before.id, value });
    } else {
      report.unchanged += 1;
    }
    if (write && planned.length >= BATCH) await flush();
  }
  await flush();
  await writing;
}

const SET_ALL = WRITABLE_SQL.map((c) => `${c} = t.${c}`).join(', ');
/** A customer row as an audit snapshot: its id and the fields an import writes, camelCase like the API. */
const snapshot = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, ${WRITABLE.map((k, j) => `'${k}', ${alias}.${WRITABLE_SQL[j]}`).join(', ')})`;
const AUDIT_COLUMNS = 'company_id, user_id, username, action, entity, entity_id, before, after, ip';

/**
 * One batch in two statements: the JSON parameter unpacked by
 * json_populate_recordset (a 37-column multi-row VALUES costs seven times more
 * to bind), an UPDATE for the customers that exist, an INSERT in file order for
 * the new ones. Each statement writes the audit event of every customer it
 * creates or changes (before and after), in the same transaction.
 */
async function writeBatch(trx: Knex.Transaction, ctx: Ctx, batch: Planned[]): Promise<void> {
  const cols = WRITABLE_SQL.join(', ');
  const json = (rows: Planned[]) =>
    JSON.stringify(
      rows.map(({ id, value }) => {
        const out: Data = { id };
        WRITABLE.forEach((k, j) => (out[WRITABLE_SQL[j]] = value[k]));
        return out;
      }),
    );
  const who = auditRow(ctx, { action: 'import', entity: 'customers', entityId: null });
  const whoBindings = [who.companyId, who.userId, who.username] as Knex.RawBinding[];
  const updates = batch.filter((p) => p.id !== null);
  const inserts = batch.filter((p) => p.id === null);
  if (updates.length)
    await trx.raw(
      `WITH t AS (SELECT * FROM json_populate_recordset(NULL::customers, ?::json)),
            old AS (SELECT c.* FROM customers c JOIN t ON c.id = t.id WHERE c.company_id = ?),
            upd AS (UPDATE customers c SET ${SET_ALL}, updated_at = now() FROM t
                     WHERE c.id = t.id AND c.company_id = ? RETURNING c.*)
       INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT ?, ?, ?, 'update', 'customers', upd.id::text, ${snapshot('old')}, ${snapshot('upd')}, ?
         FROM upd JOIN old ON old.company_id = upd.company_id AND old.id = upd.id ORDER BY upd.id`,
      [json(updates), ctx.companyId, ctx.companyId, ...whoBindings, who.ip as Knex.RawBinding],
    );
  if (inserts.length)
    await trx.raw(
      `WITH ins AS (INSERT INTO customers (company_id, ${cols})
                    SELECT ?, ${cols} FROM json_populate_recordset(NULL::customers, ?::json) WITH ORDINALITY t ORDER BY ordinality
                    RETURNING *)
       INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT ?, ?, ?, 'create', 'customers', ins.id::text, NULL, ${snapshot('ins')}, ? FROM ins ORDER BY ins.id`,
      [ctx.companyId, json(inserts), ...whoBindings, who.ip as Knex.RawBinding],
    );
}

/** Thrown inside the transaction to roll back the batches written before a bad row turned up. */
class Rejected extends Error {}

/**
 * Validates the whole file and, unless it is a dry run or any row is wrong,
 * writes it in one transaction: an audit event per customer created or changed
 * and one summary event carrying the counts.
 */
export async function importCustomers(ctx: Ctx, body: Buffer, opts: ImportOptions): Promise<ImportReport> {
  const report = new ImportReport(opts.dryRun, ctx.lang);
  const { rows, codes, cuits } = await readRows(ctx, body, opts, report);
  if (report.total === 0) throw noDataRows();
  if (opts.dryRun) {
    await planRows(ctx, rows, await loadExisting(ctx.knex, ctx.companyId, codes, cuits, false), report);
    return report;
  }
  try {
    await ctx.knex.transaction(async (trx) => {
      const existing = await loadExisting(trx, ctx.companyId, codes, cuits, true);
      await planRows(ctx, rows, existing, report, (batch) => writeBatch(trx, ctx, batch));
      if (report.invalid > 0) throw new Rejected();
      await audit(trx, ctx, {
        action: 'import',
        entity: 'customers',
        entityId: null,
        after: {
          total: report.total,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          dialect: report.dialect,
          encoding: report.encoding,
        },
      });
    });
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    report.nothingWritten();
  }
  return report;
}
