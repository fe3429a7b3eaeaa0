import BaseJoi from 'joi';
import type { CustomHelpers, Schema } from 'joi';
import { AppError } from './errors';
import { joiMessages, type Lang } from './i18n';
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

/** Validates or throws a 400 whose details name every offending field. */
// Joi compiles the message catalog each time it is passed in; compile it once per schema and language.
const prepared = new WeakMap<Schema, Partial<Record<Lang, Schema>>>();
function withMessages(schema: Schema, lang: Lang): Schema {
  let byLang = prepared.get(schema);
  if (!byLang) prepared.set(schema, (byLang = {}));
  return (byLang[lang] ??= schema.prefs({ messages: joiMessages, errors: { language: lang, wrap: { label: false } } }));
}

export function validate<T>(schema: Schema, value: unknown, lang: Lang, context?: Record<string, unknown>): T {
  const { value: out, error } = withMessages(schema, lang).validate(value, {
    context,
    abortEarly: false,
    convert: true,
  });
  if (error) {
    const details = error.details.map((d) => ({ path: d.path.join('.'), message: d.message }));
    const first = details[0]?.message ?? 'invalid';
    const more = details.length - 1;
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
