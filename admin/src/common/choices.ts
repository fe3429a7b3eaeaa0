/**
 * The API's closed lists (SPEC §4) as select choices whose names are catalog keys,
 * so every screen shows them in the user's language.
 */

const choicesOf = <T extends string | number>(values: readonly T[], prefix: string) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));

/** ARCA's VAT conditions by code. */
export const IVA_CONDITIONS = [1, 4, 5, 6, 7, 9, 10, 13, 15, 16] as const;
export const IVA_CHOICES = choicesOf(IVA_CONDITIONS, 'ctacte.ivaConditions');
/** The same, abbreviated for narrow columns. */
export const IVA_SHORT_CHOICES = choicesOf(IVA_CONDITIONS, 'ctacte.ivaShort');

export const TAX_ID_TYPES = ['CUIT', 'CUIL', 'DNI', 'FOREIGN'] as const;
export type TaxIdType = (typeof TAX_ID_TYPES)[number];
export const TAX_ID_TYPE_CHOICES = choicesOf(TAX_ID_TYPES, 'ctacte.taxIdTypes');

export const GROSS_INCOME_REGIMES = ['local', 'multilateral', 'exempt', 'not_registered'] as const;
export const GROSS_INCOME_CHOICES = choicesOf(GROSS_INCOME_REGIMES, 'ctacte.grossIncomeRegimes');

/** Currencies of an account or a price list; the BNA rate table quotes the foreign one (USD). */
export const ACCOUNT_CURRENCIES = ['ARS', 'USD'] as const;
export const ACCOUNT_CURRENCY_CHOICES = choicesOf(ACCOUNT_CURRENCIES, 'ctacte.currencies');
export const QUOTED_CURRENCY_CHOICES = choicesOf(['USD'] as const, 'ctacte.currencies');

/** Kinds of day off in the holiday table (Ley 27.399). */
export const HOLIDAY_KIND_CHOICES = choicesOf(['fixed', 'movable', 'non_working'] as const, 'ctacte.holidayKinds');

/** Sí / No choices for a boolean filter shown as a list of two. */
export const YES_NO = [
  { value: true, label: 'ra.boolean.true' },
  { value: false, label: 'ra.boolean.false' },
] as const;
