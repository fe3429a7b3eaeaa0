import express, { Router, type Response } from 'express';
import { apiDoc } from './openapi';
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse, CsvError } from 'csv-parse';
import type { Schema } from 'joi';
import type { FieldType } from './list-query';
import { AppError, badRequest, type ErrorDetail } from './errors';
import { type Lang, type Translated } from './i18n';
import { CONTROL_CHAR, joiCatalog } from './validate';
import { ctxOf, type Ctx } from './context';
import { assertCan, type Permission } from './permissions';
import { unneutralise, type Dialect } from '../lib/csv';
import { BUSINESS_TZ, isIsoDate } from '../lib/dates';
import { D } from '../lib/money';
import { catalogs, fieldLabels, valueLabels, type ValueList } from '../../../shared/catalog';

/*
 * The generic half of a CSV import: read the file a user sends back after
 * editing an export in Excel, in either dialect, into typed values a joi schema
 * can validate, and gather per-row errors into the report the API answers.
 * What a row means (references, duplicates, writes) belongs to each module.
 *
 * The answer: 200 with the report when every row is valid (dry run or commit),
 * 400 with the same report plus `message` and `code: IMPORT_INVALID` when any
 * row is not (a dry run too: the file is not importable as it is), and the
 * usual 400 error with `code: IMPORT_FILE` when the file itself is unusable
 * (unknown or missing columns, broken quoting, no rows).
 */

/** Files above this answer 413 before anything is parsed. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** A report lists the first this many errors in file order; the counts stay exact. */
export const MAX_REPORTED_ERRORS = 1000;

export interface ImportColumn {
  type: FieldType;
  /** The file must have this column. */
  required?: boolean;
  /** Derived or read-only: accepted so an export imports as it is, and skipped. */
  ignored?: boolean;
  /** Names of its codes, as the `es` export writes them; read back as codes. */
  labels?: ValueList;
}

/**
 * Column headers a file may use for each column: its key, and its label in
 * either language as the `es` export writes it (from the shared catalog).
 */
function headerNames(
  columns: Record<string, ImportColumn>,
  resource?: string,
  headers?: Record<string, string>,
): Map<string, string> {
  const names = new Map(Object.keys(columns).map((name) => [name.toLowerCase(), name]));
  // A layout of another system's file: column → the header that file gives it.
  for (const [name, header] of Object.entries(headers ?? {}))
    if (columns[name] && typeof header === 'string' && header.trim()) names.set(header.trim().toLowerCase(), name);
  if (resource)
    for (const lang of Object.keys(catalogs) as Array<keyof typeof catalogs>)
      for (const [name, label] of Object.entries(fieldLabels(lang, resource) ?? {}))
        if (columns[name] && !names.has(label.toLowerCase())) names.set(label.toLowerCase(), name);
  return names;
}

/** name → code of a closed list, in both languages, case-insensitive. */
function codesByName(list: ValueList): Map<string, string> {
  const codes = new Map<string, string>();
  for (const lang of Object.keys(catalogs) as Array<keyof typeof catalogs>)
    for (const [code, name] of Object.entries(valueLabels(lang, list))) codes.set(name.toLowerCase(), code);
  return codes;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Forced by `?dialect=`; detected from the file otherwise. */
  dialect?: Dialect;
}

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

export interface CsvRecord {
  /** 1-based data row number, the header excluded. */
  row: number;
  /** Converted cells of the columns that are not ignored; an empty cell is `undefined` (not given). */
  values: Record<string, unknown>;
}

export interface OpenedCsv {
  dialect: Dialect;
  encoding: 'utf-8' | 'windows-1252';
  /** Canonical names of the file's columns, in file order. */
  columns: string[];
  records: AsyncIterable<CsvRecord>;
}

const fileError = (text: Translated, details: Array<{ path: string; message: Translated }> = []) =>
  new AppError(400, 'IMPORT_FILE', text, details);

/** A header and nothing else is most likely the wrong file. */
export const noDataRows = () => fileError({ es: 'El archivo no tiene filas de datos', en: 'The file has no data rows' });

/** `?dryRun=true&dialect=es`, strictly: a typo must not turn a dry run into a commit. */
export function importOptions(query: Record<string, unknown>): ImportOptions {
  const flag = query.dryRun;
  let dryRun = false;
  if (flag !== undefined) {
    if (flag === 'true' || flag === '1') dryRun = true;
    else if (flag !== 'false' && flag !== '0')
      throw badRequest('BAD_QUERY', { es: 'dryRun debe ser true o false', en: 'dryRun must be true or false' });
  }
  const dialect = query.dialect;
  if (dialect !== undefined && dialect !== 'es' && dialect !== 'rfc4180')
    throw badRequest('BAD_QUERY', { es: 'dialect debe ser es o rfc4180', en: 'dialect must be es or rfc4180' });
  return { dryRun, dialect: dialect as Dialect | undefined };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 when the bytes are valid UTF-8; otherwise Windows-1252, which is what
 * Excel writes when a Spanish Windows saves "CSV (delimitado por comas)".
 */
export function decodeCsv(body: Buffer): { text: string; encoding: OpenedCsv['encoding']; bom: boolean } {
  const bom = UTF8_BOM.every((b, i) => body[i] === b);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom: false };
  }
}

/** A BOM or semicolons in the header mean the Argentine Excel dialect; anything else is RFC 4180. */
export function detectDialect(text: string, bom: boolean): Dialect {
  if (bom) return 'es';
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  return header.includes(';') ? 'es' : 'rfc4180';
}

const THOUSANDS_ES = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;
const DATE_ES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIMESTAMP_ES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TRUE_WORDS = new Set(['sí', 'si', 's', 'true', 'verdadero', 'v', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'falso', 'f', '0']);

const pad2 = (n: string) => n.padStart(2, '0');

let zoneFormat: Intl.DateTimeFormat | undefined;

/** Milliseconds the business time zone is ahead of UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number): number {
  zoneFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: BUSINESS_TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(zoneFormat.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - utcMs;
}

/**
 * One cell as the exporter wrote it, back to the value the API accepts: `,`
 * decimals (and `.` thousands) and dd/mm/yyyy in the `es` dialect, Sí/No, the
 * formula apostrophe undone. What does not convert is left as written, so the
 * schema's own message names the bad value.
 */
export function fromCsvCell(cell: string, type: FieldType, dialect: Dialect): unknown {
  if (cell === '') return undefined;
  const es = dialect === 'es';
  switch (type) {
    case 'money':
    case 'decimal': {
      const s = cell.trim();
      if (!es) return s;
      if (THOUSANDS_ES.test(s)) return s.replace(/\./g, '').replace(',', '.');
      return s.includes('.') ? s : s.replace(',', '.');
    }
    case 'int':
      return cell.trim();
    case 'bool': {
      const w = cell.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return cell;
    }
    case 'date': {
      const m = es ? DATE_ES.exec(cell.trim()) : null;
      return m ? `${m[3]}-${pad2(m[2])}-${pad2(m[1])}` : cell.trim();
    }
    case 'timestamp': {
      const m = es ? TIMESTAMP_ES.exec(cell.trim()) : null;
      if (!m) return cell.trim();
      const iso = `${m[3]}-${pad2(m[2])}-${pad2(m[1])}`;
      if (!isIsoDate(iso)) return cell.trim();
      const local = Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5], +(m[6] ?? 0));
      const guess = local - zoneOffset(local);
      return new Date(local - zoneOffset(guess)).toISOString();
    }
    default:
      return unneutralise(cell);
  }
}

/** Cuts the text so the parser works through it in slices and the event loop keeps turning. */
function* slices(text: string, size = 1 << 16): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function csvProblem(err: CsvError): AppError {
  const line = typeof err.lines === 'number' ? err.lines : undefined;
  const where = { es: line ? `Línea ${line}: ` : '', en: line ? `Line ${line}: ` : '' };
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileError({
        es: `${where.es}una comilla abre un texto que nunca se cierra`,
        en: `${where.en}a quote is never closed`,
      });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return fileError({
        es: `${where.es}hay caracteres después de una comilla de cierre`,
        en: `${where.en}characters follow a closing quote`,
      });
    case 'CSV_MAX_RECORD_SIZE':
      return fileError({
        es: `${where.es}una fila es demasiado larga; ¿el separador es el correcto?`,
        en: `${where.en}a row is too long; is the separator right?`,
      });
    default:
      return fileError({ es: `${where.es}el archivo no es un CSV válido`, en: `${where.en}the file is not valid CSV` });
  }
}

async function* guarded<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  } catch (err) {
    if (err instanceof CsvError) throw csvProblem(err);
    throw err;
  }
}

/**
 * Decodes the file, settles its dialect, checks the header against `columns`
 * (unknown, missing required and repeated columns are file-level errors) and
 * yields each data row converted, counting it in the report. A row with more
 * cells than the header is reported there and skipped; fewer cells read as empty.
 */
export async function openCsv(
  body: Buffer,
  spec: {
    columns: Record<string, ImportColumn>;
    dialect?: Dialect;
    report: ImportReport;
    resource?: string;
    /** Headers of another system's file for some columns (an issuer's settlement layout). */
    headers?: Record<string, string>;
    /** Another system's file carries columns of its own: those not named are skipped, not refused. */
    ignoreUnknown?: boolean;
  },
): Promise<OpenedCsv> {
  const { report } = spec;
  const { text, encoding, bom } = decodeCsv(body);
  const dialect = spec.dialect ?? detectDialect(text, bom);
  report.dialect = dialect;
  report.encoding = encoding;
  const parser = Readable.from(slices(text)).pipe(
    parse({
      delimiter: dialect === 'es' ? ';' : ',',
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: 1 << 20,
    }),
  );
  const iterator = guarded<string[]>(parser[Symbol.asyncIterator]());
  const first = await iterator.next();
  if (first.done) throw fileError({ es: 'El archivo está vacío', en: 'The file is empty' });
  const header = first.value.map((h) => h.trim());

  const canonical = headerNames(spec.columns, spec.resource, spec.headers);
  const names: string[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const h of header) {
    const name = canonical.get(h.toLowerCase());
    if (!name) {
      if (!spec.ignoreUnknown) unknown.push(h || '""');
    } else if (names.includes(name)) repeated.push(name);
    names.push(name ?? h);
  }
  const missing = Object.entries(spec.columns)
    .filter(([name, c]) => c.required && !names.includes(name))
    .map(([name]) => name);
  const problems: Array<{ path: string; message: Translated }> = [
    ...unknown.map((c) => ({ path: c, message: { es: 'columna desconocida', en: 'unknown column' } })),
    ...missing.map((c) => ({
      path: c,
      message: { es: 'falta esta columna obligatoria', en: 'this required column is missing' },
    })),
    ...repeated.map((c) => ({ path: c, message: { es: 'columna repetida', en: 'repeated column' } })),
  ];
  if (problems.length) {
    const parts: Translated[] = [];
    if (unknown.length)
      parts.push({ es: `columnas desconocidas: ${unknown.join(', ')}`, en: `unknown columns: ${unknown.join(', ')}` });
    if (missing.length)
      parts.push({
        es: `faltan columnas obligatorias: ${missing.join(', ')}`,
        en: `missing required columns: ${missing.join(', ')}`,
      });
    if (repeated.length)
      parts.push({ es: `columnas repetidas: ${repeated.join(', ')}`, en: `repeated columns: ${repeated.join(', ')}` });
    const hint = {
      es: ' (las columnas son las de la exportación CSV)',
      en: ' (the columns are those of the CSV export)',
    };
    const join = (lang: Lang) => parts.map((p) => p[lang]).join('; ');
    throw fileError(
      { es: `Encabezado no válido: ${join('es')}${hint.es}`, en: `Invalid header: ${join('en')}${hint.en}` },
      problems,
    );
  }

  report.columns = names;
  const used = names
    .map((name, i) => {
      const list = spec.columns[name]?.labels;
      return { name, i, type: spec.columns[name]?.type, codes: list ? codesByName(list) : undefined };
    })
    .filter((c) => spec.columns[c.name] && !spec.columns[c.name].ignored);
  const width = header.length;
  async function* records(): AsyncGenerator<CsvRecord> {
    let row = 0;
    for await (const cells of iterator) {
      row += 1;
      report.total = row;
      if (cells.length > width && cells.slice(width).some((c) => c !== '')) {
        report.fail(
          row,
          undefined,
          report.lang === 'es'
            ? `La fila tiene ${cells.length} celdas y el encabezado ${width} columnas`
            : `The row has ${cells.length} cells and the header ${width} columns`,
        );
        continue;
      }
      // NUL and other control characters are refused here, per cell, as the API refuses them in JSON.
      const control = used.find((c) => CONTROL_CHAR.test(cells[c.i] ?? ''));
      if (control) {
        report.fail(
          row,
          control.name,
          report.lang === 'es'
            ? `${control.name}: contiene un carácter de control no permitido`
            : `${control.name}: contains a control character that is not allowed`,
        );
        continue;
      }
      const values: Record<string, unknown> = {};
      for (const c of used) {
        const cell = cells[c.i] ?? '';
        values[c.name] = fromCsvCell(c.codes?.get(cell.trim().toLowerCase()) ?? cell, c.type, dialect);
      }
      yield { row, values };
    }
  }
  return { dialect, encoding, columns: names, records: records() };
}

/**
 * Whether a field's new value is its stored value, by the field's type: amounts
 * as decimals ("150000.0" is "150000.00"), integers as numbers, text exactly
 * ("01234" is not "1234"), and empty, null and absent alike.
 */
export function sameFieldValue(type: FieldType, a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  switch (type) {
    case 'money':
    case 'decimal': {
      try {
        return new D(String(a)).eq(String(b));
      } catch {
        return false;
      }
    }
    case 'int':
      return Number(a) === Number(b);
    case 'bool':
      return a === b;
    default:
      return String(a) === String(b);
  }
}

/** A schema with its preferences and messages compiled once per language: passing them on every call costs ~0.5 ms a row. */
const localized = new WeakMap<Schema, Partial<Record<Lang, Schema>>>();

function localizedSchema(schema: Schema, lang: Lang): Schema {
  let byLang = localized.get(schema);
  if (!byLang) localized.set(schema, (byLang = {}));
  return (byLang[lang] ??= schema.prefs({
    abortEarly: false,
    convert: true,
    messages: joiCatalog(),
    errors: { language: lang, wrap: { label: false } },
  }));
}

/** Validates one row with the API's schema and answers its value or every problem, never throwing. */
export function checkRow<T>(
  schema: Schema,
  value: unknown,
  lang: Lang,
): { value: T; errors?: undefined } | { errors: ErrorDetail[] } {
  // No options here: joi caches merged preferences only for a call without them.
  const result = localizedSchema(schema, lang).validate(value);
  if (result.error) return { errors: result.error.details.map((d) => ({ path: d.path.join('.'), message: d.message })) };
  return { value: result.value as T };
}

/** Lets other requests in every `every` rows of a long CPU-bound loop. */
export async function breathe(i: number, every = 1000): Promise<void> {
  if (i > 0 && i % every === 0) await yieldToLoop();
}

/** Counts and row errors of one import; what the endpoint answers. */
export class ImportReport {
  total = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  private readonly errors: RowError[] = [];
  private readonly invalidRows = new Set<number>();

  /** Set by openCsv once the file is read. */
  dialect: Dialect = 'es';
  encoding: OpenedCsv['encoding'] = 'utf-8';
  /** The file's columns, which order each row's errors. */
  columns: string[] = [];

  constructor(
    readonly dryRun: boolean,
    readonly lang: Lang,
  ) {}

  fail(row: number, column: string | undefined, message: string): void {
    this.invalidRows.add(row);
    this.errors.push(column ? { row, column, message } : { row, message });
  }

  /** A commit that found errors wrote nothing: its counts say so. */
  nothingWritten(): void {
    this.created = 0;
    this.updated = 0;
    this.unchanged = 0;
  }

  isInvalid(row: number): boolean {
    return this.invalidRows.has(row);
  }

  get invalid(): number {
    return this.invalidRows.size;
  }

  get valid(): number {
    return this.total - this.invalid;
  }

  /** Text of the answer when the file has errors. */
  summary(): string {
    const { invalid, total } = this;
    if (this.lang === 'es')
      return `${invalid} de ${total} filas tienen errores; ${this.dryRun ? 'corríjalas antes de importar' : 'no se importó nada'}`;
    return `${invalid} of ${total} rows have errors; ${this.dryRun ? 'fix them before importing' : 'nothing was imported'}`;
  }

  toJSON() {
    const position = (e: RowError) => (e.column === undefined ? -1 : this.columns.indexOf(e.column));
    const sorted = [...this.errors].sort((a, b) => a.row - b.row || position(a) - position(b));
    const errors = sorted.slice(0, MAX_REPORTED_ERRORS);
    return {
      dryRun: this.dryRun,
      dialect: this.dialect,
      encoding: this.encoding,
      total: this.total,
      valid: this.valid,
      invalid: this.invalid,
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      errors,
      ...(sorted.length > errors.length ? { errorsTruncated: true, errorCount: sorted.length } : {}),
    };
  }
}

/** 200 with the report when every row is valid; 400 with the same report (and a message) when any is not. */
export function sendImportReport(res: Response, report: ImportReport): void {
  if (report.invalid === 0) {
    res.status(200).json(report.toJSON());
    return;
  }
  res.status(400).json({ message: report.summary(), code: 'IMPORT_INVALID', ...report.toJSON() });
}

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'text/comma-separated-values'];

export type ImportService = (ctx: Ctx, body: Buffer, opts: ImportOptions) => Promise<ImportReport>;

/**
 * `POST /` taking the raw CSV file as the body. The permission is checked before
 * the upload is read, and only this route accepts bodies this large.
 */
export function importRouter(permission: Permission, run: ImportService): Router {
  const router = Router();
  router.post(
    '/',
    apiDoc({
      summary: 'Import a CSV file (the body); answers the per-row report',
      permission,
      body: 'csv',
      response: { status: 200 },
    }),
    (req, _res, next) => {
      assertCan(ctxOf(req).user.role, permission);
      next();
    },
    express.raw({ type: CSV_TYPES, limit: MAX_IMPORT_BYTES }),
    async (req, res) => {
      const ctx = ctxOf(req);
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (!CSV_TYPES.includes(type))
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
          es: 'Envíe el archivo CSV como cuerpo con Content-Type: text/csv',
          en: 'Send the CSV file as the body with Content-Type: text/csv',
        });
      // No body at all reads as an empty file, which openCsv reports as such.
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const opts = importOptions(req.query as Record<string, unknown>);
      sendImportReport(res, await run(ctx, body, opts));
    },
  );
  return router;
}
