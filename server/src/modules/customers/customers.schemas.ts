import type { ObjectSchema } from 'joi';
import { Joi, code, id, optionalText } from '../../http/validate';
import { registerJoiMessage } from '../../http/i18n';
import {
  ACCOUNT_CURRENCIES,
  CUSTOMER_STATUSES,
  GROSS_INCOME_REGIMES,
  IVA_CODES,
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
 * foreign id is free text. A Responsable Inscripto always has a CUIT.
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
}).custom((value: { ivaCondition: number; taxIdType: string }, helpers) => {
  if (value.ivaCondition === 1 && value.taxIdType !== 'CUIT')
    return helpers.error('customer.riNeedsCuit', {}, { ...helpers.state, path: ['taxIdType'] } as typeof helpers.state);
  return value;
});

registerJoiMessage('customer.riNeedsCuit', {
  es: 'taxIdType: un Responsable Inscripto debe identificarse con CUIT',
  en: 'taxIdType: a Responsable Inscripto must be identified by a CUIT',
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
