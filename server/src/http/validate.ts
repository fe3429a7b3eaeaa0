import BaseJoi from 'joi';
import type { CustomHelpers, LanguageMessages, Schema } from 'joi';
import { AppError } from './errors';
import { joiMessages, joiMessagesVersion, type Lang } from './i18n';
import { D, MONEY_RE } from '../lib/money';
import { isIsoDate } from '../lib/dates';
import { cuitProblem, normalizeCuit } from '../lib/cuit';
import { cbuProblem } from '../lib/cbu';

type Helpers = CustomHelpers;

const toText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/** A `min`/`max` rule on a decimal string, compared exactly. */
function decimalBound(name: 'min' | 'max', code: string) {
  return {
    method(this: BaseJoi.AnySchema, limit: string | number) {
      return this.$_addRule({ name, args: { limit } });
    },
    args: [
      { name: 'limit', assert: (v: unknown) => typeof v === 'number' || typeof v === 'string', message: 'must be a number' },
    ],
    validate(value: string, helpers: Helpers, args: Record<string, unknown>) {
      const cmp = new D(value).comparedTo(String(args.limit));
      return (name === 'min' ? cmp < 0 : cmp > 0) ? helpers.error(code, { limit: args.limit }) : value;
    },
  };
}

/** Joi with the types the domain needs: money, decimal, date, CUIT and CBU. */
export const Joi = BaseJoi.extend(
  {
    type: 'money',
    base: BaseJoi.any(),
    messages: { 'money.base': '{{#label}} must be an amount with at most 2 decimals' },
    validate(value: unknown, helpers: Helpers) {
      const text = toText(value);
      if (text === undefined || !MONEY_RE.test(text)) return { value, errors: [helpers.error('money.base')] };
      return { value: new D(text).toFixed(2) };
    },
    rules: {
      min: decimalBound('min', 'money.min'),
      positive: {
        method() {
          return (this as unknown as BaseJoi.AnySchema).$_addRule({ name: 'positive' });
        },
        validate(value: string, helpers: Helpers) {
          return new D(value).lte(0) ? helpers.error('money.positive') : value;
        },
      },
    },
  },
  {
    type: 'decimal',
    base: BaseJoi.any(),
    messages: { 'decimal.base': '{{#label}} must be a decimal number' },
    rules: {
      scale: {
        method(scale: number) {
          return (this as unknown as BaseJoi.AnySchema).$_setFlag('scale', scale);
        },
      },
      min: decimalBound('min', 'decimal.min'),
      max: decimalBound('max', 'decimal.max'),
    },
    validate(value: unknown, helpers: Helpers) {
      const scale = (helpers.schema.$_getFlag('scale') as number | undefined) ?? 6;
      const text = toText(value);
      const re = new RegExp(`^-?\\d{1,12}(\\.\\d{1,${scale}})?$`);
      if (text === undefined || !re.test(text)) return { value, errors: [helpers.error('decimal.base', { scale })] };
      return { value: new D(text).toFixed() };
    },
  },
  {
    type: 'isoDate',
    base: BaseJoi.string(),
    messages: { 'isoDate.base': '{{#label}} must be a valid date (YYYY-MM-DD)' },
    validate(value: string, helpers: Helpers) {
      if (!isIsoDate(value)) return { value, errors: [helpers.error('isoDate.base')] };
      return { value };
    },
  },
  {
    type: 'cuit',
    base: BaseJoi.string(),
    messages: { 'cuit.format': '{{#label}}: a CUIT/CUIL has 11 digits' },
    validate(value: string, helpers: Helpers) {
      const problem = cuitProblem(value);
      if (!problem) return { value: normalizeCuit(value) };
      const { kind, ...context } = problem;
      return { value, errors: [helpers.error(`cuit.${kind}`, context)] };
    },
  },
  {
    type: 'cbu',
    base: BaseJoi.string(),
    messages: { 'cbu.format': '{{#label}}: a CBU has 22 digits' },
    validate(value: string, helpers: Helpers) {
      const problem = cbuProblem(value);
      if (!problem) return { value: value.replace(/[-\s]/g, '') };
      const { kind, ...context } = problem;
      return { value, errors: [helpers.error(`cbu.${kind}`, context)] };
    },
  },
) as ExtendedJoi;

interface MoneySchema extends BaseJoi.AnySchema<string> {
  min(limit: string | number): this;
  positive(): this;
}
interface DecimalSchema extends BaseJoi.AnySchema<string> {
  scale(scale: number): this;
  min(limit: string | number): this;
  max(limit: string | number): this;
}
export interface ExtendedJoi extends BaseJoi.Root {
  money(): MoneySchema;
  decimal(): DecimalSchema;
  isoDate(): BaseJoi.StringSchema;
  cuit(): BaseJoi.StringSchema;
  cbu(): BaseJoi.StringSchema;
}

/** Common field shapes. */
export const text = (max: number) => Joi.string().trim().max(max);
export const optionalText = (max: number) => Joi.string().trim().max(max).allow('', null).empty('').default(null);
export const id = () => Joi.number().integer().min(1).max(2147483647);
export const code = (max = 20) =>
  Joi.string()
    .trim()
    .uppercase()
    .max(max)
    .pattern(/^[A-Z0-9._-]+$/, 'código (A–Z, 0–9, punto, guion y guion bajo)');

/**
 * The message catalog as joi templates, parsed once. Given as plain strings, joi parses every one of the
 * catalog's templates each time it is passed in: 2–3 ms a call, paid by every list filter, since a filter's
 * schema is built per request (`.label(key)`). Given as templates, joi only copies the references.
 */
let parsedCatalog: { version: number; messages: LanguageMessages } | undefined;
export function joiCatalog(): LanguageMessages {
  if (parsedCatalog?.version !== joiMessagesVersion()) {
    const parse = (texts: Record<string, string>) =>
      Object.fromEntries(Object.entries(texts).map(([code, text]) => [code, BaseJoi.x(text)]));
    // joi's types name strings only; its messages.compile takes templates as they are.
    const messages = { es: parse(joiMessages.es), en: parse(joiMessages.en) } as unknown as LanguageMessages;
    parsedCatalog = { version: joiMessagesVersion(), messages };
  }
  return parsedCatalog.messages;
}

/** A schema used again (a body's) keeps its preferences per language. */
const prepared = new WeakMap<Schema, Partial<Record<Lang, Schema>>>();
function withMessages(schema: Schema, lang: Lang): Schema {
  let byLang = prepared.get(schema);
  if (!byLang) prepared.set(schema, (byLang = {}));
  return (byLang[lang] ??= schema.prefs({ messages: joiCatalog(), errors: { language: lang, wrap: { label: false } } }));
}

/** Errors a 400 lists at most: enough to fix a form, never an amplified answer. */
export const MAX_REPORTED_ERRORS = 20;
/** Above this many keys in a value, validation stops at the first error (bad input should not cost CPU). */
const FULL_REPORT_MAX_KEYS = 200;

/** Validates or throws a 400 whose details name every offending field. */
export function validate<T>(schema: Schema, value: unknown, lang: Lang, context?: Record<string, unknown>): T {
  const { value: out, error } = withMessages(schema, lang).validate(value, {
    context,
    abortEarly: countKeys(value, FULL_REPORT_MAX_KEYS + 1) > FULL_REPORT_MAX_KEYS,
    convert: true,
  });
  if (error) {
    const all = error.details.map((d) => ({ path: d.path.join('.'), message: d.message }));
    const details = all.slice(0, MAX_REPORTED_ERRORS);
    const first = details[0]?.message ?? 'invalid';
    const more = all.length - 1;
    const message =
      more > 0
        ? lang === 'es'
          ? `${first} (y ${more} error${more > 1 ? 'es' : ''} más)`
          : `${first} (and ${more} more)`
        : first;
    throw new AppError(400, 'VALIDATION', message, details);
  }
  return out as T;
}

/** Keys in a JSON value, counted up to `stop` (so a huge value costs no more than `stop` steps). */
export function countKeys(value: unknown, stop: number): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length && n < stop) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      n += v.length;
      for (const item of v) stack.push(item);
    } else {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        n += 1;
        stack.push((v as Record<string, unknown>)[k]);
        if (n >= stop) break;
      }
    }
  }
  return n;
}

/**
 * C0 control characters PostgreSQL refuses (NUL) or no text field means (bell,
 * escape…). Tab, newline and carriage return are text; everything else below
 * U+0020 is refused before it reaches a query.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Keys that would reach an object's prototype when used to index a plain object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Most keys a JSON body or query value may hold, all levels together. */
export const MAX_INPUT_KEYS = 10_000;

export const tooManyKeys = () =>
  new AppError(413, 'TOO_MANY_KEYS', {
    es: `El cuerpo tiene más de ${MAX_INPUT_KEYS} campos`,
    en: `The body has more than ${MAX_INPUT_KEYS} fields`,
  });

/**
 * A lower bound of the fields a JSON text holds (its object keys: the colons outside strings),
 * read from the raw bytes before parsing, so a key flood is refused without building it.
 * `assertCleanInput` counts array items too, so nothing it accepts is refused here.
 */
export function jsonKeysExceed(raw: Buffer, max: number): boolean {
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const COLON = 0x3a;
  let inString = false;
  let keys = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === COLON && ++keys > max) return true;
  }
  return false;
}
const MAX_DEPTH = 32;

const inputError = (code: string, path: string, text: { es: string; en: string }) =>
  new AppError(400, code, text, [{ path, message: text }]);

/**
 * Checks client input before anything reads it: no control characters in any
 * string or key, no prototype-named keys (unless the reader looks keys up as own
 * properties and answers for unknown ones itself, as list filters do), bounded
 * size and depth. Throws a 400 naming the first offending field (`prefix` names
 * where the value came from).
 */
export function assertCleanInput(value: unknown, prefix = '', opts: { prototypeKeys?: 'refuse' | 'allow' } = {}): void {
  let keys = 0;
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  const walk = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (CONTROL_CHAR.test(v))
        throw inputError('CONTROL_CHARACTER', path, {
          es: `${path || 'texto'}: contiene un carácter de control no permitido`,
          en: `${path || 'text'}: contains a control character that is not allowed`,
        });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth > MAX_DEPTH)
      throw inputError('TOO_DEEP', path, { es: 'El cuerpo está demasiado anidado', en: 'The body is nested too deeply' });
    const names = Array.isArray(v) ? undefined : Object.keys(v);
    keys += names ? names.length : (v as unknown[]).length;
    // Counted before the entries are built: a flood costs one count, not 100,000 pairs.
    if (keys > MAX_INPUT_KEYS) throw tooManyKeys();
    const entries: Array<[string | number, unknown]> = names
      ? names.map((k) => [k, (v as Record<string, unknown>)[k]])
      : (v as unknown[]).map((item, i) => [i, item]);
    for (const [key, item] of entries) {
      const at = join(path, typeof key === 'string' ? key.slice(0, 60) : key);
      if (typeof key === 'string') {
        if (CONTROL_CHAR.test(key))
          throw inputError('CONTROL_CHARACTER', path || 'body', {
            es: 'Un nombre de campo contiene un carácter de control',
            en: 'A field name contains a control character',
          });
        if (opts.prototypeKeys !== 'allow' && PROTOTYPE_KEYS.has(key))
          throw inputError('FORBIDDEN_KEY', at, { es: `${at}: campo no permitido`, en: `${at}: field not allowed` });
      }
      walk(item, at, depth + 1);
    }
  };
  walk(value, prefix, 0);
}
