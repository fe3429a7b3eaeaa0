import type { ObjectSchema } from 'joi';
import { Joi, code, id, optionalText } from '../../http/validate';
import { registerConstraint } from '../../http/errors';
import type { ResourceDef } from '../../http/resource';
import { GROSS_INCOME_REGIMES, PROVINCE_CODES, TAX_ID_TYPES } from '../../lib/argentina';
import { addressSchema, taxSchema } from '../customers';
import { onKey } from '../../db/keys';

registerConstraint('card_issuers_code_unique', {
  path: 'code',
  text: { es: 'Ya existe una tarjeta con ese código', en: 'A card issuer with that code already exists' },
});
registerConstraint('card_issuers_cuit_unique', {
  path: 'taxId',
  text: { es: 'Ya existe una tarjeta con ese CUIT', en: 'A card issuer with that CUIT already exists' },
});
registerConstraint('card_plans_code_unique', {
  path: 'code',
  text: { es: 'Esa tarjeta ya tiene un plan con ese código', en: 'That card issuer already has a plan with that code' },
});
registerConstraint('card_plans_validity', {
  path: 'validTo',
  text: { es: 'La vigencia termina antes de empezar', en: 'The validity ends before it starts' },
});

const issuerSchema: ObjectSchema = Joi.object({
  code: code(20).required(),
  legalName: Joi.string().trim().min(1).max(200).required(),
  ...addressSchema,
  ...taxSchema,
  ivaCondition: taxSchema.ivaCondition.default(1).optional(),
  payableAccount: optionalText(30),
  bankId: id().allow(null).default(null),
  // The issuer's settlement file: the header it gives each column ctacte reads (card-settlements import).
  settlementLayout: Joi.object(
    Object.fromEntries(
      ['couponNumber', 'gross', 'fee', 'feeIva', 'withholdings', 'net'].map((k) => [
        k,
        Joi.string().trim().max(60).allow('', null),
      ]),
    ),
  )
    .allow(null)
    .default(null),
  active: Joi.boolean().default(true),
});

export const cardIssuersResource: ResourceDef = {
  name: 'card-issuers',
  table: 'card_issuers',
  alias: 'ci',
  access: { read: 'read', create: 'masterdata.write', update: 'masterdata.write', delete: 'masterdata.write' },
  fields: {
    id: { type: 'int', sort: true },
    code: { type: 'text', filter: true, sort: true },
    legalName: { type: 'text', sort: true },
    street: { type: 'text' },
    city: { type: 'text' },
    province: { type: 'enum', values: PROVINCE_CODES, filter: true, labels: 'provinces' },
    postalCode: { type: 'text' },
    country: { type: 'text' },
    phone: { type: 'text' },
    email: { type: 'text' },
    ivaCondition: { type: 'int', filter: true, labels: 'ivaConditions' },
    taxIdType: { type: 'enum', values: TAX_ID_TYPES, labels: 'taxIdTypes' },
    taxId: { type: 'text', filter: true },
    grossIncomeRegime: { type: 'enum', values: GROSS_INCOME_REGIMES, labels: 'grossIncomeRegimes' },
    grossIncomeNumber: { type: 'text' },
    payableAccount: { type: 'text' },
    bankId: { type: 'int', filter: true },
    bankCode: { type: 'text', sql: 'bk.code' },
    settlementLayout: { type: 'json', csv: false },
    active: { type: 'bool', filter: true, sort: true },
    createdAt: { type: 'timestamp', readOnly: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  from: (qb) => {
    qb.leftJoin('banks as bk', onKey('bk', 'ci.bank_id'));
  },
  search: ['ci.code', 'ci.legal_name', 'ci.tax_id'],
  defaultSort: ['code', 'ASC'],
  schema: issuerSchema,
};

const planSchema: ObjectSchema = Joi.object({
  cardIssuerId: id().required(),
  code: code(20).required(),
  name: Joi.string().trim().min(1).max(80).required(),
  installments: Joi.number().integer().min(1).max(60).required(),
  surchargeCoefficient: Joi.decimal().scale(6).min(1).max(100).required(),
  feePct: Joi.decimal().scale(2).min(0).max(100).default('0'),
  settlementDays: Joi.number().integer().min(0).max(365).default(0),
  validFrom: Joi.isoDate().allow(null, '').empty('').default(null),
  validTo: Joi.isoDate().allow(null, '').empty('').default(null),
  active: Joi.boolean().default(true),
});

/** A plan may be chosen on a date when it is active and the date is within its validity. */
export const PLAN_USABLE_SQL = (alias: string, dateSql: string) =>
  `(${alias}.active AND (${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${dateSql}) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${dateSql}))`;

export const cardPlansResource: ResourceDef = {
  name: 'card-plans',
  table: 'card_plans',
  alias: 'cp',
  access: { read: 'read', create: 'masterdata.write', update: 'masterdata.write', delete: 'masterdata.write' },
  fields: {
    id: { type: 'int', sort: true },
    cardIssuerId: { type: 'int', filter: true, sort: true },
    cardIssuerCode: { type: 'text', sql: 'ci.code' },
    code: { type: 'text', filter: true, sort: true },
    name: { type: 'text', sort: true },
    installments: { type: 'int', filter: true, sort: true },
    surchargeCoefficient: { type: 'decimal', sort: true },
    feePct: { type: 'decimal' },
    settlementDays: { type: 'int' },
    validFrom: { type: 'date', range: true, sort: true },
    validTo: { type: 'date', range: true, sort: true },
    active: { type: 'bool', filter: true },
    usableToday: { type: 'bool', readOnly: true, sql: PLAN_USABLE_SQL('cp', 'CURRENT_DATE') },
    createdAt: { type: 'timestamp', readOnly: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  from: (qb) => {
    qb.join('card_issuers as ci', onKey('ci', 'cp.card_issuer_id'));
  },
  filters: {
    usableOn: {
      schema: Joi.isoDate(),
      apply: (qb, date: string) => {
        qb.whereRaw(`${PLAN_USABLE_SQL('cp', '?::date')} AND ci.active`, [date, date]);
      },
    },
  },
  search: ['cp.code', 'cp.name'],
  defaultSort: ['code', 'ASC'],
  schema: planSchema,
};
