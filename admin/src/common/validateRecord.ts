import type { Validator } from 'react-admin';
import { validateCuit } from './validators';

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

/** VAT condition required; a Responsable Inscripto has a CUIT; a CUIT/CUIL is required, a DNI has 7 or 8 digits. */
export function taxIdentityErrors(values: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {};
  if (blank(values.ivaCondition)) errors.ivaCondition = 'ra.validation.required';
  const type = (values.taxIdType as string | undefined) ?? 'CUIT';
  if (Number(values.ivaCondition) === 1 && type !== 'CUIT') errors.taxIdType = 'ctacte.validation.riNeedsCuit';
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
