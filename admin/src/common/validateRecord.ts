import type { Validator } from 'react-admin';
import { validateCuit } from './validators';
import { IDENTITY_BY_CONDITION, identityProblem } from '../../../shared/catalog/fiscal';

/**
 * Checks several forms share, in translation keys: what the server would refuse,
 * said before saving.
 *
 * A form-level `validate` becomes react-hook-form's resolver, and with a resolver
 * the inputs' own validators never run: a form that has one must call the
 * checks of its CUIT, CBU, amount, decimal and date inputs itself
 * (`inputChecks`).
 */

export type FormErrors = Record<string, string | { message: string; args: Record<string, unknown> }>;

/** Runs the given inputs' validators over the form's values. */
export function inputChecks(values: Record<string, unknown>, checks: Record<string, Validator>): FormErrors {
  const errors: FormErrors = {};
  for (const [field, check] of Object.entries(checks)) {
    const error = check(values[field], values, {}) as FormErrors[string] | undefined | Promise<unknown>;
    if (error && !(error instanceof Promise)) errors[field] = error;
  }
  return errors;
}

const CODE_RE = /^[A-Za-z0-9._-]{1,20}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** A required code of A–Z, 0–9, point, dash and underscore, and a required name. */
export function codeAndNameErrors(values: Record<string, unknown>, nameField = 'name'): FormErrors {
  const errors: FormErrors = {};
  if (blank(values.code)) errors.code = 'ra.validation.required';
  else if (!CODE_RE.test(String(values.code).trim())) errors.code = 'ctacte.validation.code';
  if (blank(values[nameField])) errors[nameField] = 'ra.validation.required';
  return errors;
}

export function emailErrors(values: Record<string, unknown>, field = 'email'): FormErrors {
  return !blank(values[field]) && !EMAIL_RE.test(String(values[field]).trim()) ? { [field]: 'ra.validation.email' } : {};
}

/** Whole numbers within bounds, empty allowed. */
export function integerErrors(values: Record<string, unknown>, fields: string[], min: number, max: number): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const v = values[field];
    if (!blank(v) && !(Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max))
      errors[field] = { message: 'ctacte.validation.integerRange', args: { min, max } };
  }
  return errors;
}

/** The id types an IVA condition accepts, as people read them ("CUIT, DNI"), from the one table of the rule. */
export const allowedIdentities = (ivaCondition: number): string =>
  (IDENTITY_BY_CONDITION[ivaCondition]?.taxIdTypes ?? [])
    .map((t) => (t === 'FOREIGN' ? 'pasaporte / doc. extranjero' : t))
    .join(', ');

/**
 * VAT condition required; the identification agrees with it (shared/catalog/fiscal.ts, RG 5616,
 * as the server checks it); a CUIT/CUIL is required, a DNI has 7 or 8 digits.
 */
export function taxIdentityErrors(values: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {};
  if (blank(values.ivaCondition)) errors.ivaCondition = 'ra.validation.required';
  const type = (values.taxIdType as string | undefined) ?? 'CUIT';
  const condition = Number(values.ivaCondition);
  const problem = blank(values.ivaCondition)
    ? null
    : identityProblem(
        condition,
        type,
        blank(values.taxId) ? null : String(values.taxId).replace(/\D/g, '') || String(values.taxId),
      );
  const allowed = { allowed: allowedIdentities(condition) };
  if (problem === 'TYPE') errors.taxIdType = { message: 'ctacte.validation.identityType', args: allowed };
  if (problem === 'MISSING') errors.taxId = { message: 'ctacte.validation.identityMissing', args: allowed };
  if (problem === 'DOMESTIC_CUIT') errors.taxId = 'ctacte.validation.identityDomesticCuit';
  if (problem === 'COUNTRY_CUIT') errors.taxId = 'ctacte.validation.identityCountryCuit';
  if (type === 'CUIT' || type === 'CUIL') {
    if (blank(values.taxId)) errors.taxId = 'ra.validation.required';
    else Object.assign(errors, inputChecks(values, { taxId: validateCuit }));
  } else if (type === 'DNI' && !blank(values.taxId) && !/^\d{7,8}$/.test(String(values.taxId).replace(/\./g, '')))
    errors.taxId = 'ctacte.validation.dni';
  return errors;
}

/** Only the listed fields: what a save sends, so derived and read-only figures never go back. */
export const pickFields =
  (fields: readonly string[]) =>
  (data: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]]));
