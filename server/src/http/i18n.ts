import type { Request } from 'express';

export type Lang = 'es' | 'en';

/** Spanish unless the client prefers English over Spanish. */
export function langOf(req: Pick<Request, 'headers'>): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  if (!header) return 'es';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((p) => p.tag)
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('es')) return 'es';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'es';
}

export type Translated = { es: string; en: string };

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

/**
 * Joi messages in both languages. Labels are the JSON paths of the fields, which is
 * what the admin maps back to its inputs.
 */
export const joiMessages: Record<Lang, Record<string, string>> = {
  es: {
    'any.required': '{{#label}} es obligatorio',
    'any.unknown': '{{#label}} no está permitido',
    'any.invalid': '{{#label}} tiene un valor no válido',
    'any.only': '{{#label}} debe ser uno de: {{#valids}}',
    'any.custom': '{{#label}} no es válido: {{#error.message}}',
    'object.unknown': '{{#label}} no es un campo conocido',
    'object.base': '{{#label}} debe ser un objeto',
    'object.missing': 'falta uno de: {{#peersWithLabels}}',
    'object.xor': 'solo uno de {{#peersWithLabels}} puede indicarse',
    'object.and': '{{#label}}: {{#presentWithLabels}} requiere {{#missingWithLabels}}',
    'object.with': '{{#mainWithLabel}} requiere {{#peerWithLabel}}',
    'object.without': '{{#mainWithLabel}} no puede indicarse junto con {{#peerWithLabel}}',
    'array.base': '{{#label}} debe ser una lista',
    'array.min': '{{#label}} debe tener al menos {{#limit}} elementos',
    'array.max': '{{#label}} admite como máximo {{#limit}} elementos',
    'array.includesRequiredUnknowns': '{{#label}} no incluye los valores obligatorios',
    'array.unique': '{{#label}} tiene un elemento repetido',
    'array.sparse': '{{#label}} no puede tener elementos vacíos',
    'string.base': '{{#label}} debe ser un texto',
    'string.empty': '{{#label}} no puede estar vacío',
    'string.min': '{{#label}} debe tener al menos {{#limit}} caracteres',
    'string.max': '{{#label}} admite como máximo {{#limit}} caracteres',
    'string.length': '{{#label}} debe tener exactamente {{#limit}} caracteres',
    'string.pattern.base': '{{#label}} tiene un formato no válido',
    'string.pattern.name': '{{#label}} no tiene el formato de {{#name}}',
    'string.email': '{{#label}} debe ser un correo electrónico válido',
    'string.alphanum': '{{#label}} solo admite letras y números',
    'string.isoDate': '{{#label}} debe ser una fecha ISO 8601',
    'string.trim': '{{#label}} no puede empezar ni terminar con espacios',
    'string.uppercase': '{{#label}} debe estar en mayúsculas',
    'number.base': '{{#label}} debe ser un número',
    'number.integer': '{{#label}} debe ser un número entero',
    'number.min': '{{#label}} debe ser mayor o igual a {{#limit}}',
    'number.max': '{{#label}} debe ser menor o igual a {{#limit}}',
    'number.greater': '{{#label}} debe ser mayor que {{#limit}}',
    'number.less': '{{#label}} debe ser menor que {{#limit}}',
    'number.positive': '{{#label}} debe ser positivo',
    'number.unsafe': '{{#label}} está fuera de rango',
    'number.precision': '{{#label}} admite como máximo {{#limit}} decimales',
    'boolean.base': '{{#label}} debe ser verdadero o falso',
    'date.base': '{{#label}} debe ser una fecha válida (AAAA-MM-DD)',
    'date.format': '{{#label}} debe ser una fecha válida (AAAA-MM-DD)',
    'date.min': '{{#label}} no puede ser anterior a {{#limit}}',
    'date.max': '{{#label}} no puede ser posterior a {{#limit}}',
    'money.base': '{{#label}} debe ser un importe con hasta 2 decimales',
    'money.min': '{{#label}} debe ser mayor o igual a {{#limit}}',
    'money.positive': '{{#label}} debe ser mayor que cero',
    'money.range': '{{#label}} está fuera de rango',
    'decimal.base': '{{#label}} debe ser un número decimal con hasta {{#scale}} decimales',
    'decimal.min': '{{#label}} debe ser mayor o igual a {{#limit}}',
    'decimal.max': '{{#label}} debe ser menor o igual a {{#limit}}',
    'isoDate.base': '{{#label}} debe ser una fecha válida (AAAA-MM-DD)',
    'cuit.format': '{{#label}}: un CUIT/CUIL tiene 11 dígitos',
    'cuit.prefix':
      '{{#label}}: el prefijo {{#prefix}} no corresponde a un CUIT/CUIL (válidos: 20, 23, 24, 27, 30, 33, 34, 50, 51, 55)',
    'cuit.checkDigit': '{{#label}}: dígito verificador inválido, debería ser {{#expected}}',
    'cuit.neverIssued': '{{#label}}: no es un CUIT/CUIL emitible (el resto da 1; esas personas reciben prefijo 23 o 33)',
    'cbu.format': '{{#label}}: un CBU tiene 22 dígitos',
    'cbu.bankCheck': '{{#label}}: dígito verificador del bloque de banco y sucursal inválido, debería ser {{#expected}}',
    'cbu.accountCheck': '{{#label}}: dígito verificador de la cuenta inválido, debería ser {{#expected}}',
  },
  en: {
    'any.required': '{{#label}} is required',
    'any.unknown': '{{#label}} is not allowed',
    'any.invalid': '{{#label}} contains an invalid value',
    'any.only': '{{#label}} must be one of: {{#valids}}',
    'any.custom': '{{#label}} is not valid: {{#error.message}}',
    'object.unknown': '{{#label}} is not a known field',
    'object.base': '{{#label}} must be an object',
    'object.missing': 'one of {{#peersWithLabels}} is required',
    'object.xor': 'only one of {{#peersWithLabels}} may be given',
    'object.and': '{{#label}}: {{#presentWithLabels}} requires {{#missingWithLabels}}',
    'object.with': '{{#mainWithLabel}} requires {{#peerWithLabel}}',
    'object.without': '{{#mainWithLabel}} cannot be given together with {{#peerWithLabel}}',
    'array.base': '{{#label}} must be a list',
    'array.min': '{{#label}} must have at least {{#limit}} items',
    'array.max': '{{#label}} accepts at most {{#limit}} items',
    'array.includesRequiredUnknowns': '{{#label}} lacks required values',
    'array.unique': '{{#label}} has a duplicate item',
    'array.sparse': '{{#label}} must not have empty items',
    'string.base': '{{#label}} must be a string',
    'string.empty': '{{#label}} must not be empty',
    'string.min': '{{#label}} must have at least {{#limit}} characters',
    'string.max': '{{#label}} accepts at most {{#limit}} characters',
    'string.length': '{{#label}} must have exactly {{#limit}} characters',
    'string.pattern.base': '{{#label}} has an invalid format',
    'string.pattern.name': '{{#label}} is not a valid {{#name}}',
    'string.email': '{{#label}} must be a valid email address',
    'string.alphanum': '{{#label}} accepts only letters and digits',
    'string.isoDate': '{{#label}} must be an ISO 8601 date',
    'string.trim': '{{#label}} must not start or end with spaces',
    'string.uppercase': '{{#label}} must be upper case',
    'number.base': '{{#label}} must be a number',
    'number.integer': '{{#label}} must be an integer',
    'number.min': '{{#label}} must be greater than or equal to {{#limit}}',
    'number.max': '{{#label}} must be less than or equal to {{#limit}}',
    'number.greater': '{{#label}} must be greater than {{#limit}}',
    'number.less': '{{#label}} must be less than {{#limit}}',
    'number.positive': '{{#label}} must be positive',
    'number.unsafe': '{{#label}} is out of range',
    'number.precision': '{{#label}} accepts at most {{#limit}} decimals',
    'boolean.base': '{{#label}} must be true or false',
    'date.base': '{{#label}} must be a valid date (YYYY-MM-DD)',
    'date.format': '{{#label}} must be a valid date (YYYY-MM-DD)',
    'date.min': '{{#label}} cannot be before {{#limit}}',
    'date.max': '{{#label}} cannot be after {{#limit}}',
    'money.base': '{{#label}} must be an amount with at most 2 decimals',
    'money.min': '{{#label}} must be greater than or equal to {{#limit}}',
    'money.positive': '{{#label}} must be greater than zero',
    'money.range': '{{#label}} is out of range',
    'decimal.base': '{{#label}} must be a decimal number with at most {{#scale}} decimals',
    'decimal.min': '{{#label}} must be greater than or equal to {{#limit}}',
    'decimal.max': '{{#label}} must be less than or equal to {{#limit}}',
    'isoDate.base': '{{#label}} must be a valid date (YYYY-MM-DD)',
    'cuit.format': '{{#label}}: a CUIT/CUIL has 11 digits',
    'cuit.prefix': '{{#label}}: prefix {{#prefix}} is not a CUIT/CUIL prefix (valid: 20, 23, 24, 27, 30, 33, 34, 50, 51, 55)',
    'cuit.checkDigit': '{{#label}}: invalid check digit, it should be {{#expected}}',
    'cuit.neverIssued': '{{#label}}: not an issuable CUIT/CUIL (remainder 1; those people get prefix 23 or 33)',
    'cbu.format': '{{#label}}: a CBU has 22 digits',
    'cbu.bankCheck': '{{#label}}: invalid check digit of the bank and branch block, it should be {{#expected}}',
    'cbu.accountCheck': '{{#label}}: invalid check digit of the account block, it should be {{#expected}}',
  },
};

/** Adds a domain rule's message in both languages. */
export function registerJoiMessage(code: string, text: Translated): void {
  joiMessages.es[code] = text.es;
  joiMessages.en[code] = text.en;
  catalogVersion += 1;
}

let catalogVersion = 0;
/** Changes whenever a message is registered: what holds the catalog in another form rebuilds it. */
export const joiMessagesVersion = (): number => catalogVersion;
