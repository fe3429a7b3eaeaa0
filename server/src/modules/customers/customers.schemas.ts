import type { CustomHelpers, ErrorReport, ObjectSchema } from 'joi';
import { Joi, code, id, optionalText } from '../../http/validate';
import { registerJoiMessage } from '../../http/i18n';
import { IDENTITY_BY_CONDITION, identityProblem } from '../../../../shared/catalog/fiscal';
import {
  ACCOUNT_CURRENCIES,
  CUSTOMER_STATUSES,
  GROSS_INCOME_REGIMES,
  IVA_CODES,
  IVA_CONDITIONS,
  PROVINCE_CODES,
  TAX_ID_TYPES,
} from '../../lib/argentina';

const optionalId = () => id().allow(null).default(null);
const copies = () => Joi.number().integer().min(0).max(9);

/** Address fields shared by customers, branches and card issuers. */
export const addressSchema = {
  street: optionalText(120),
  city: optionalText(80),
  province: Joi.string()
    .trim()
    .uppercase()
    .valid(...PROVINCE_CODES)
    .allow(null, '')
    .empty('')
    .default(null),
  postalCode: optionalText(10),
  country: Joi.string()
    .trim()
    .uppercase()
    .pattern(/^[A-Z]{2}$/, 'código ISO de país')
    .default('AR'),
  phone: optionalText(40),
  email: optionalText(120).email(),
};

/**
 * Tax identity: a CUIT/CUIL is checked digit by digit, a DNI has 7–8 digits, a
 * foreign id is free text; which of them an IVA condition requires is the table of
 * shared/catalog/fiscal.ts (RG 5616), checked by `fiscalIdentity`.
 */
export const taxSchema = {
  ivaCondition: Joi.number()
    .integer()
    .valid(...IVA_CODES)
    .required(),
  taxIdType: Joi.string()
    .valid(...TAX_ID_TYPES)
    .default('CUIT'),
  taxId: Joi.when('taxIdType', {
    switch: [
      { is: Joi.valid('CUIT', 'CUIL'), then: Joi.cuit().required() },
      {
        is: 'DNI',
        then: Joi.string()
          .trim()
          .replace(/\./g, '')
          .pattern(/^\d{7,8}$/, 'DNI (7 u 8 dígitos)')
          .allow(null, '')
          .empty('')
          .default(null),
      },
    ],
    otherwise: optionalText(20),
  }),
  grossIncomeRegime: Joi.string()
    .valid(...GROSS_INCOME_REGIMES)
    .allow(null, '')
    .empty('')
    .default(null),
  grossIncomeNumber: optionalText(20),
};

/**
 * The identification agrees with the IVA condition (shared/catalog/fiscal.ts, RG 5616 condition codes):
 * a joi custom rule for customers and card issuers, so the API and the CSV import refuse alike.
 */
export function fiscalIdentity<T extends { ivaCondition: number; taxIdType: string | null; taxId: string | null }>(
  value: T,
  helpers: CustomHelpers,
): T | ErrorReport {
  const problem = identityProblem(value.ivaCondition, value.taxIdType, value.taxId);
  if (!problem) return value;
  const rule = IDENTITY_BY_CONDITION[value.ivaCondition];
  const allowed =
    value.ivaCondition === 9
      ? 'CUIT país o documento extranjero'
      : rule.taxIdTypes.map((t) => (t === 'FOREIGN' ? 'pasaporte' : t)).join(', ');
  const path = problem === 'TYPE' ? 'taxIdType' : 'taxId';
  return helpers.error(`customer.identity.${problem}`, { condition: IVA_CONDITIONS[value.ivaCondition], allowed }, {
    ...helpers.state,
    path: [path],
  } as typeof helpers.state);
}

export const customerSchema: ObjectSchema = Joi.object({
  code: code(20).required(),
  legalName: Joi.string().trim().min(1).max(200).required(),
  tradeName: optionalText(200),
  rating: Joi.string()
    .trim()
    .uppercase()
    .max(5)
    .pattern(/^[A-Z0-9+-]+$/, 'calificación')
    .allow(null, '')
    .empty('')
    .default(null),
  status: Joi.string()
    .valid(...CUSTOMER_STATUSES)
    .default('active'),
  ...addressSchema,
  ...taxSchema,
  largeTaxpayer: Joi.boolean().default(false),
  vatExemptionPct: Joi.decimal().scale(2).min(0).max(100).default('0'),
  receivableAccount: optionalText(30),
  cbu: Joi.cbu().allow(null, '').empty('').default(null),
  paymentTermId: optionalId(),
  currency: Joi.string()
    .valid(...ACCOUNT_CURRENCIES)
    .default('ARS'),
  // ARS and USD ledgers side by side; `currency` stays the one `balance` counts.
  bimonetary: Joi.boolean().default(false),
  creditLimit: Joi.money().min(0).allow(null, '').empty('').default(null),
  salespersonId: optionalId(),
  collectorId: optionalId(),
  priceListId: optionalId(),
  carrierId: optionalId(),
  deliveryNoteCopies: copies().default(1),
  invoiceCopies: copies().default(1),
  segment1Id: optionalId(),
  segment2Id: optionalId(),
  segment3Id: optionalId(),
  segment4Id: optionalId(),
  notes: optionalText(4000),
}).custom(fiscalIdentity);

registerJoiMessage('customer.identity.TYPE', {
  es: 'taxIdType: un cliente {#condition} se identifica con {#allowed} (RG 5616)',
  en: 'taxIdType: a {#condition} customer is identified by {#allowed} (RG 5616)',
});
registerJoiMessage('customer.identity.MISSING', {
  es: 'taxId: un cliente {#condition} debe tener {#allowed} (RG 5616)',
  en: 'taxId: a {#condition} customer must have a {#allowed} (RG 5616)',
});
registerJoiMessage('customer.identity.DOMESTIC_CUIT', {
  es: 'taxId: un CUIT país (50, 51 o 55) es de un sujeto del exterior; un cliente {#condition} tiene CUIT argentino',
  en: 'taxId: a country CUIT (50, 51 or 55) belongs to a foreign subject; a {#condition} customer has an Argentine CUIT',
});
registerJoiMessage('customer.identity.COUNTRY_CUIT', {
  es: 'taxId: un Cliente del Exterior se identifica con un CUIT país (50, 51 o 55) o un documento extranjero, no con un CUIT argentino',
  en: 'taxId: a foreign customer is identified by a country CUIT (50, 51 or 55) or a foreign id, not by an Argentine CUIT',
});

export const branchSchema: ObjectSchema = Joi.object({
  customerId: id().required(),
  code: code(20).required(),
  name: Joi.string().trim().min(1).max(120).required(),
  ...addressSchema,
  salespersonId: optionalId(),
  collectorId: optionalId(),
  priceListId: optionalId(),
  carrierId: optionalId(),
  paymentTermId: optionalId(),
  deliveryNoteCopies: copies().allow(null).default(null),
  invoiceCopies: copies().allow(null).default(null),
  active: Joi.boolean().default(true),
});

export const contactSchema: ObjectSchema = Joi.object({
  customerId: id().allow(null).default(null),
  cardIssuerId: id().allow(null).default(null),
  name: Joi.string().trim().min(1).max(120).required(),
  position: optionalText(80),
  phone: optionalText(40),
  mobile: optionalText(40),
  email: optionalText(120).email(),
  isCollectionsContact: Joi.boolean().default(false),
  notes: optionalText(2000),
}).custom((value: { customerId: number | null; cardIssuerId: number | null }, helpers) => {
  if ((value.customerId === null) === (value.cardIssuerId === null)) return helpers.error('contact.owner');
  return value;
});

registerJoiMessage('contact.owner', {
  es: 'Un contacto pertenece a un cliente o a una tarjeta: indique exactamente uno de customerId y cardIssuerId',
  en: 'A contact belongs to a customer or to a card issuer: give exactly one of customerId and cardIssuerId',
});
