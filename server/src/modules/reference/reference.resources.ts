import type { ObjectSchema } from 'joi';
import { Joi, code, optionalText } from '../../http/validate';
import { registerConstraint } from '../../http/errors';
import type { ResourceDef } from '../../http/resource';
import type { FieldDef } from '../../http/list-query';

const CURRENCIES = ['ARS', 'USD'] as const;

const common = {
  id: { type: 'int', sort: true },
  createdAt: { type: 'timestamp', readOnly: true, csv: false },
  updatedAt: { type: 'timestamp', readOnly: true, csv: false },
} satisfies Record<string, FieldDef>;

/** A company reference table with a unique code and a name: admin writes, everyone reads. */
function codeNameTable(opts: {
  name: string;
  table: string;
  alias: string;
  label: { es: string; en: string };
  fields?: Record<string, FieldDef>;
  schema?: Record<string, import('joi').Schema>;
  codeMax?: number;
}): ResourceDef {
  registerConstraint(`${opts.table}_code_unique`, {
    path: 'code',
    text: { es: `Ya existe ${opts.label.es} con ese código`, en: `${opts.label.en} with that code already exists` },
  });
  return {
    name: opts.name,
    table: opts.table,
    alias: opts.alias,
    access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
    fields: {
      id: common.id,
      code: { type: 'text', filter: true, sort: true },
      name: { type: 'text', sort: true },
      ...opts.fields,
      createdAt: common.createdAt,
      updatedAt: common.updatedAt,
    },
    search: [`${opts.alias}.code`, `${opts.alias}.name`],
    defaultSort: ['code', 'ASC'],
    schema: Joi.object({
      code: code(opts.codeMax ?? 20).required(),
      name: Joi.string().trim().min(1).max(120).required(),
      ...opts.schema,
    }) as ObjectSchema,
  };
}

const person = {
  fields: {
    phone: { type: 'text' },
    email: { type: 'text' },
    zone: { type: 'text', filter: true, sort: true },
    active: { type: 'bool', filter: true },
  } satisfies Record<string, FieldDef>,
  schema: {
    phone: optionalText(40),
    email: optionalText(120).email(),
    zone: optionalText(60),
    active: Joi.boolean().default(true),
  },
};

export const paymentTermsResource = codeNameTable({
  name: 'payment-terms',
  table: 'payment_terms',
  alias: 'pt',
  label: { es: 'una condición de pago', en: 'A payment term' },
  fields: { days: { type: 'int', sort: true, filter: true, range: true } },
  schema: { days: Joi.number().integer().min(0).max(3650).required() },
});

export const salespeopleResource = codeNameTable({
  name: 'salespeople',
  table: 'salespeople',
  alias: 'sp',
  label: { es: 'un vendedor', en: 'A salesperson' },
  ...person,
});

export const collectorsResource = codeNameTable({
  name: 'collectors',
  table: 'collectors',
  alias: 'co',
  label: { es: 'un cobrador', en: 'A collector' },
  ...person,
});

export const priceListsResource = codeNameTable({
  name: 'price-lists',
  table: 'price_lists',
  alias: 'pl',
  label: { es: 'una lista de precios', en: 'A price list' },
  fields: { currency: { type: 'enum', values: CURRENCIES, filter: true, sort: true } },
  schema: {
    currency: Joi.string()
      .valid(...CURRENCIES)
      .default('ARS'),
  },
});

export const carriersResource = codeNameTable({
  name: 'carriers',
  table: 'carriers',
  alias: 'ca',
  label: { es: 'un transporte', en: 'A carrier' },
  fields: { taxId: { type: 'text' }, phone: { type: 'text' } },
  schema: { taxId: Joi.cuit().allow(null, '').empty('').default(null), phone: optionalText(40) },
});

export const segmentsResource: ResourceDef = {
  ...codeNameTable({
    name: 'segments',
    table: 'segments',
    alias: 'sg',
    label: { es: 'un segmento', en: 'A segment' },
    fields: {
      level: { type: 'int', filter: true, sort: true },
      levelName: { type: 'text', sql: 'sl.name', csv: false },
    },
    schema: { level: Joi.number().integer().min(1).max(4).required() },
  }),
  from: (qb) => {
    qb.leftJoin('segment_levels as sl', (j) => j.on('sl.company_id', 'sg.company_id').andOn('sl.level', 'sg.level'));
  },
  defaultSort: ['level', 'ASC'],
};
segmentsResource.fields.code.sort = true;

registerConstraint('segments_code_unique', {
  path: 'code',
  text: { es: 'Ya existe un segmento con ese código en ese nivel', en: 'A segment with that code already exists at that level' },
});

export const banksResource = codeNameTable({
  name: 'banks',
  table: 'banks',
  alias: 'bk',
  label: { es: 'un banco', en: 'A bank' },
  codeMax: 3,
});
banksResource.schema = Joi.object({
  code: Joi.string()
    .trim()
    .pattern(/^\d{3}$/, 'código BCRA de 3 dígitos')
    .required(),
  name: Joi.string().trim().min(1).max(120).required(),
});
