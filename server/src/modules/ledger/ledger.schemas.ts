import type { ObjectSchema } from 'joi';
import { Joi, id, optionalText } from '../../http/validate';
import { registerJoiMessage } from '../../http/i18n';
import { PROVINCE_CODES } from '../../lib/argentina';
import { D } from '../../lib/money';
import { CHEQUE_KINDS, VALUE_MOVES } from '../../../../shared/catalog/value-states';
import { FCE_OPTIONS } from '../../../../shared/catalog/fiscal';

export const PAYMENT_METHODS = [
  'cash',
  'customer_cheque',
  'third_party_cheque',
  'customer_note',
  'third_party_note',
  'transfer',
  'card',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const VALUE_METHODS = ['customer_cheque', 'third_party_cheque', 'customer_note', 'third_party_note'] as const;
export const WITHHOLDING_TYPES = ['IVA', 'IIBB', 'SUSS', 'GANANCIAS'] as const;
export const FISCAL_LETTERS = ['A', 'B', 'C', 'E', 'M'] as const;
/**
 * States of a MiPyME FCE's acceptance by the buyer (Ley 27.440 arts. 5–7: express acceptance,
 * tacit acceptance when the term passes without rejection, or rejection with its reason).
 */
export const FCE_ACCEPTANCE = ['pending', 'accepted', 'tacitly_accepted', 'rejected'] as const;
export const CHEQUE_METHODS = ['customer_cheque', 'third_party_cheque'] as const;

const pos = () => Joi.number().integer().min(1).max(99999);
const docNumber = () => Joi.number().integer().min(1).max(99999999);
const reason = () => Joi.string().trim().min(3).max(500);

/** Intake from billing (FAC, ND, NC with their own number) and adjustments (AJP, AJN, numbered here). */
export const documentIntakeSchema: ObjectSchema = Joi.object({
  customerId: id().required(),
  branchId: id().allow(null).default(null),
  type: Joi.string().valid('FAC', 'ND', 'NC', 'AJP', 'AJN').required(),
  letter: Joi.when('type', {
    is: Joi.valid('AJP', 'AJN'),
    then: Joi.string().valid('X').default('X'),
    otherwise: Joi.string()
      .trim()
      .uppercase()
      .valid(...FISCAL_LETTERS)
      .required(),
  }),
  pointOfSale: Joi.when('type', { is: Joi.valid('AJP', 'AJN'), then: pos().optional(), otherwise: pos().required() }),
  number: Joi.when('type', { is: Joi.valid('AJP', 'AJN'), then: docNumber().optional(), otherwise: docNumber().required() }),
  issueDate: Joi.isoDate().required(),
  dueDate: Joi.isoDate().allow(null).default(null),
  currency: Joi.string().valid('ARS', 'USD'),
  // Pesos per unit of a USD document's currency, as billing sent it; else the BNA rate of its date.
  exchangeRate: Joi.decimal().scale(6).min('0.000001').max('99999999'),
  total: Joi.money().positive().required(),
  notes: optionalText(2000),
  reason: Joi.when('type', { is: Joi.valid('AJP', 'AJN'), then: reason().required(), otherwise: Joi.forbidden() }),
  // The issuing system's id: a retried post with it answers the first document (once per company).
  externalRef: Joi.string()
    .trim()
    .min(1)
    .max(100)
    .pattern(/^\P{Cc}+$/u, 'printable'),
  // ARCA's authorisation of an electronic invoice: CAE (14 digits) and its due date (RG 4291).
  cae: Joi.when('type', {
    is: Joi.valid('AJP', 'AJN'),
    then: Joi.forbidden(),
    otherwise: Joi.string()
      .pattern(/^\d{14}$/, 'CAE')
      .allow(null),
  }),
  caeDueDate: Joi.when('cae', { is: Joi.string().required(), then: Joi.isoDate().required(), otherwise: Joi.forbidden() }),
  // Factura de Crédito Electrónica MiPyME (Ley 27.440, RG 4367) and the buyer's answer to it.
  fce: Joi.when('type', { is: Joi.valid('AJP', 'AJN'), then: Joi.forbidden(), otherwise: Joi.boolean().default(false) }),
  fceAcceptance: Joi.when('fce', {
    is: true,
    then: Joi.string()
      .valid(...FCE_ACCEPTANCE)
      .default('pending'),
    otherwise: Joi.forbidden(),
  }),
  // What an FCE invoice carries for its payment (RG 4367 art. 5): the seller's CBU and the transfer option.
  fceCbu: Joi.when('fce', { is: true, then: Joi.cbu().allow(null), otherwise: Joi.forbidden() }),
  fceOption: Joi.when('fce', {
    is: true,
    then: Joi.string()
      .valid(...FCE_OPTIONS)
      .allow(null),
    otherwise: Joi.forbidden(),
  }),
  // The request to billing (GET /api/billing-requests) this ND/NC fulfils: it is linked to the request's cause.
  billingRequestId: Joi.when('type', { is: Joi.valid('ND', 'NC'), then: id(), otherwise: Joi.forbidden() }),
});

const valueFields = {
  bankId: id(),
  number: Joi.string().trim().min(1).max(30),
  issueDate: Joi.isoDate(),
  paymentDate: Joi.isoDate(),
  drawerTaxId: Joi.cuit(),
  drawerName: Joi.string().trim().max(200),
  /** `cheque` or `echeq`; the old `echeq` boolean is accepted as its alias. */
  kind: Joi.string().valid(...CHEQUE_KINDS),
  echeq: Joi.boolean(),
  deferred: Joi.boolean(),
  notToOrder: Joi.boolean().default(false),
  echeqId: Joi.string()
    .trim()
    .uppercase()
    .pattern(/^[A-Z0-9-]{1,40}$/, 'ECHEQ id'),
};

const payment = Joi.object({
  method: Joi.string()
    .valid(...PAYMENT_METHODS)
    .required(),
  amount: Joi.money().positive().required(),
  currency: Joi.string().valid('ARS', 'USD'),
  exchangeRate: Joi.decimal().scale(6).min('0.000001'),
  ...valueFields,
  reference: Joi.string().trim().max(60),
  cashBoxId: id(),
  bankAccountId: id(),
  originCbu: Joi.cbu(),
  originTaxId: Joi.cuit(),
  cardIssuerId: id(),
  cardPlanId: id(),
  couponNumber: Joi.string().trim().max(30),
  authorization: Joi.string().trim().max(30),
  /** The terminal's batch (lote) the coupon was closed in. */
  batchNumber: Joi.string().trim().max(20),
  installments: Joi.number().integer().min(1).max(60),
})
  .when(Joi.object({ method: Joi.valid('customer_cheque', 'third_party_cheque') }).unknown(), {
    then: Joi.object({ bankId: id().required(), number: Joi.required(), issueDate: Joi.required(), paymentDate: Joi.required() }),
  })
  .when(Joi.object({ method: Joi.valid('customer_note', 'third_party_note') }).unknown(), {
    then: Joi.object({ number: Joi.required(), issueDate: Joi.required(), paymentDate: Joi.required() }),
  })
  .when(Joi.object({ method: Joi.valid('third_party_cheque', 'third_party_note') }).unknown(), {
    then: Joi.object({ drawerTaxId: Joi.required(), drawerName: Joi.required() }),
  })
  .when(Joi.object({ method: 'transfer' }).unknown(), { then: Joi.object({ bankId: Joi.required(), reference: Joi.required() }) })
  .when(Joi.object({ method: 'card' }).unknown(), {
    then: Joi.object({ cardIssuerId: Joi.required(), cardPlanId: Joi.required(), couponNumber: Joi.required() }),
  })
  .when(Joi.object({ method: Joi.any().invalid(...CHEQUE_METHODS) }).unknown(), {
    then: Joi.object({ kind: Joi.forbidden(), echeqId: Joi.forbidden(), deferred: Joi.forbidden() }),
  })
  .when(Joi.object({ method: Joi.any().invalid('cash') }).unknown(), { then: Joi.object({ cashBoxId: Joi.forbidden() }) })
  .when(Joi.object({ method: Joi.any().invalid('transfer') }).unknown(), {
    then: Joi.object({ bankAccountId: Joi.forbidden(), originCbu: Joi.forbidden(), originTaxId: Joi.forbidden() }),
  })
  .when(Joi.object({ method: Joi.any().invalid('card') }).unknown(), { then: Joi.object({ batchNumber: Joi.forbidden() }) })
  .custom(
    (
      value: {
        method: string;
        issueDate?: string;
        paymentDate?: string;
        kind?: string;
        echeq?: boolean;
        echeqId?: string;
        deferred?: boolean;
      },
      helpers,
    ) => {
      const at = (field: string) => ({ ...helpers.state, path: [...(helpers.state.path ?? []), field] }) as typeof helpers.state;
      if (value.issueDate && value.paymentDate && value.paymentDate < value.issueDate)
        return helpers.error('payment.paymentBeforeIssue', {}, at('paymentDate'));
      if (!(CHEQUE_METHODS as readonly string[]).includes(value.method)) return value;
      if (value.kind && value.echeq !== undefined && (value.kind === 'echeq') !== value.echeq)
        return helpers.error('payment.kindAlias', {}, at('echeq'));
      const kind = value.kind ?? (value.echeq ? 'echeq' : 'cheque');
      // An ECHEQ named by the new `kind` carries its id (unique on its own); one sent the first release's
      // way (`echeq: true`, SPEC §5) still posts without it, so that contract keeps working.
      if (kind === 'echeq' && !value.echeqId && value.kind) return helpers.error('payment.echeqIdRequired', {}, at('echeqId'));
      if (kind !== 'echeq' && value.echeqId) return helpers.error('payment.echeqIdOnPaper', {}, at('echeqId'));
      // Deferred unless said otherwise when it is payable after its issue date.
      const deferred = value.deferred ?? (!!value.paymentDate && !!value.issueDate && value.paymentDate > value.issueDate);
      return { ...value, kind, echeq: kind === 'echeq', deferred };
    },
  );

registerJoiMessage('payment.kindAlias', {
  es: '"echeq" contradice "kind"',
  en: '"echeq" contradicts "kind"',
});
registerJoiMessage('payment.echeqIdRequired', {
  es: 'Un ECHEQ se identifica por su ID de ECHEQ',
  en: 'An ECHEQ is identified by its ECHEQ id',
});
registerJoiMessage('payment.echeqIdOnPaper', {
  es: 'Sólo un ECHEQ lleva ID de ECHEQ',
  en: 'Only an ECHEQ carries an ECHEQ id',
});

registerJoiMessage('payment.paymentBeforeIssue', {
  es: 'La fecha de pago del valor no puede ser anterior a su emisión',
  en: 'The payment date of the value cannot be before its issue date',
});

/**
 * National withholdings (IVA, SUSS, Ganancias) are ARCA's and carry no province; their régimen is
 * the 3-digit code of ARCA's table of regimes (SICORE/SIRE, RG 2233 and RG 3726, "Tabla de
 * regímenes"). IIBB withholdings are the province's, with the province's own regime code.
 */
const NATIONAL_REGIME = /^[0-9]{3}$/;
const PROVINCIAL_REGIME = /^[A-Z0-9.-]{1,10}$/;

const withholding = Joi.object({
  type: Joi.string()
    .valid(...WITHHOLDING_TYPES)
    .required(),
  jurisdiction: Joi.when('type', {
    is: 'IIBB',
    then: Joi.string()
      .valid(...PROVINCE_CODES)
      .required(),
    otherwise: Joi.string()
      .valid(...PROVINCE_CODES)
      .allow(null),
  }),
  regimeCode: Joi.when('type', {
    is: 'IIBB',
    then: Joi.string().trim().uppercase().pattern(PROVINCIAL_REGIME, 'provincial regime'),
    otherwise: Joi.string().trim().pattern(NATIONAL_REGIME, 'ARCA regime'),
  }),
  agentTaxId: Joi.cuit(),
  agentName: Joi.string().trim().min(1).max(200),
  certificateNumber: Joi.string().trim().min(1).max(40).required(),
  date: Joi.isoDate().required(),
  baseAmount: Joi.money().positive().allow(null),
  rate: Joi.decimal().scale(4).min('0.0001').max('100'),
  amount: Joi.money().positive().required(),
}).custom(
  (value: { type: string; jurisdiction?: string | null; amount: string; baseAmount?: string | null; rate?: string }, helpers) => {
    const at = (field: string) => ({ ...helpers.state, path: [...(helpers.state.path ?? []), field] }) as typeof helpers.state;
    if (value.type !== 'IIBB' && value.jurisdiction)
      return helpers.error('withholding.nationalJurisdiction', {}, at('jurisdiction'));
    if (value.baseAmount && new D(value.amount).gt(value.baseAmount))
      return helpers.error('withholding.overBase', {}, at('amount'));
    // Base × rate must give the amount, to the cent (the certificate rounds once).
    if (value.baseAmount && value.rate && new D(value.baseAmount).times(value.rate).div(100).minus(value.amount).abs().gt('0.01'))
      return helpers.error('withholding.rate', {}, at('amount'));
    return value;
  },
);

registerJoiMessage('withholding.nationalJurisdiction', {
  es: 'Una retención de IVA, Ganancias o SUSS es nacional (ARCA): no lleva jurisdicción provincial',
  en: 'An IVA, Ganancias or SUSS withholding is national (ARCA): it carries no province',
});

registerJoiMessage('withholding.rate', {
  es: 'La retención no es la base imponible por la alícuota',
  en: 'The withholding is not the taxable base times the rate',
});

registerJoiMessage('withholding.overBase', {
  es: 'La retención no puede superar su base imponible',
  en: 'The withholding cannot exceed its taxable base',
});

const application = Joi.object({ documentId: id().required(), amount: Joi.money().positive().required() });

export const receiptSchema: ObjectSchema = Joi.object({
  customerId: id().required(),
  branchId: id().allow(null).default(null),
  issueDate: Joi.isoDate().required(),
  pointOfSale: pos(),
  number: docNumber().allow(null),
  notes: optionalText(2000),
  payments: Joi.array().items(payment).max(200).default([]),
  withholdings: Joi.array().items(withholding).max(50).default([]),
  applications: Joi.array().items(application).max(500).default([]),
  // The ledger the receipt credits: the account's currency unless the customer is bimonetary.
  currency: Joi.string().valid('ARS', 'USD'),
  // Paying an FCE MiPyME: whether its cancellation was informed to ARCA's registry (Ley 27.440 art. 8).
  fceCancellationInformed: Joi.boolean(),
});

export const voidedReceiptSchema: ObjectSchema = Joi.object({
  pointOfSale: pos(),
  number: docNumber().allow(null),
  issueDate: Joi.isoDate().required(),
  reason: reason().required(),
  customerId: id().allow(null).default(null),
});

const applicationItem = Joi.object({
  creditDocumentId: id().required(),
  debitDocumentId: id().required(),
  amount: Joi.money().positive().required(),
  date: Joi.isoDate(),
});

export const applicationsSchema = Joi.alternatives(applicationItem, Joi.array().items(applicationItem).min(1).max(500));

export const unapplySchema: ObjectSchema = Joi.object({
  date: Joi.isoDate(),
  reason: Joi.string().trim().max(500),
});

export const cancelSchema: ObjectSchema = Joi.object({
  reason: reason().required(),
  date: Joi.isoDate(),
});

export const documentUpdateSchema: ObjectSchema = Joi.object({
  notes: optionalText(2000),
  dueDate: Joi.isoDate(),
  fceAcceptance: Joi.string().valid(...FCE_ACCEPTANCE),
  // Why the buyer rejected an FCE (Ley 27.440 art. 8), with fceAcceptance "rejected".
  fceRejectionReason: reason(),
  // A receipt that paid an FCE: its cancellation informed to ARCA's registry afterwards.
  fceCancellationInformed: Joi.boolean(),
});

/**
 * "Generar nota de crédito": the NC that reverses a fiscal document, with the number and CAE billing
 * gave it (RG 1415: an authorised invoice is corrected by a credit note, never deleted). Without a
 * total it reverses the whole open amount.
 */
export const creditNoteSchema: ObjectSchema = Joi.object({
  pointOfSale: pos().required(),
  number: docNumber().required(),
  issueDate: Joi.isoDate().required(),
  total: Joi.money().positive(),
  reason: reason().required(),
  cae: Joi.string()
    .pattern(/^\d{14}$/, 'CAE')
    .allow(null),
  caeDueDate: Joi.when('cae', { is: Joi.string().required(), then: Joi.isoDate().required(), otherwise: Joi.forbidden() }),
  externalRef: Joi.string()
    .trim()
    .min(1)
    .max(100)
    .pattern(/^\P{Cc}+$/u, 'printable'),
});

/** End-of-day loads from billing: up to 1,000 documents. */
export const documentBatchSchema: ObjectSchema = Joi.object({
  documents: Joi.array().items(Joi.any()).min(1).max(1000).required(),
});

export const transitionSchema: ObjectSchema = Joi.object({
  to: Joi.string()
    .valid(...VALUE_MOVES)
    .required(),
  date: Joi.isoDate(),
  reason: Joi.string().trim().max(500),
  endorsedTo: Joi.string().trim().max(200),
  depositBankId: id(),
  /** The company's account the value goes to (deposit, discount). */
  bankAccountId: id(),
  /** Rejection: the bank's charges, and interest if any, charged to the customer with the face value. */
  charges: Joi.when('to', { is: 'rejected', then: Joi.money().min(0), otherwise: Joi.forbidden() }),
  interest: Joi.when('to', { is: 'rejected', then: Joi.money().min(0), otherwise: Joi.forbidden() }),
  /** Discount: the bank's fee, an expense of the company. */
  fee: Joi.when('to', { is: 'discounted', then: Joi.money().min(0), otherwise: Joi.forbidden() }),
})
  .when(Joi.object({ to: 'rejected' }).unknown(), { then: Joi.object({ reason: Joi.required() }) })
  .when(Joi.object({ to: 'endorsed' }).unknown(), { then: Joi.object({ endorsedTo: Joi.required() }) })
  .when(Joi.object({ to: 'repudiated' }).unknown(), { then: Joi.object({ reason: Joi.required() }) });

/** Several values to the bank at once: one date and one deposit account for all. */
export const depositSchema: ObjectSchema = Joi.object({
  valueIds: Joi.array().items(id()).min(1).max(500).unique().required(),
  date: Joi.isoDate(),
  depositBankId: id(),
  bankAccountId: id(),
});

/** A repudiated ECHEQ's receipt line replaced by another payment of the same amount. */
export const replaceLineSchema: ObjectSchema = Joi.object({
  date: Joi.isoDate(),
  payment: payment.required(),
});

/**
 * Canje: a rejected value's replacement — at least one cheque or ECHEQ, with any other payment
 * (cash for the bank's charges, say) — entered as a receipt applied to the rejection's debit note.
 */
export const exchangeSchema: ObjectSchema = Joi.object({
  date: Joi.isoDate(),
  notes: optionalText(2000),
  payments: Joi.array().items(payment).min(1).max(20).required(),
});
