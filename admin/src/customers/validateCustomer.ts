import {
  blank,
  codeAndNameErrors,
  emailErrors,
  inputChecks,
  integerErrors,
  taxIdentityErrors,
  type FormErrors,
} from '../common/validateRecord';
import { decimalWithin, validateCbu, validateMoney } from '../common/validators';

const RATING_RE = /^[A-Za-z0-9+-]{1,5}$/;

/** One validation for create and edit, in translation keys. */
export function validateCustomer(values: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {
    ...codeAndNameErrors(values, 'legalName'),
    ...emailErrors(values),
    ...taxIdentityErrors(values),
    ...integerErrors(values, ['deliveryNoteCopies', 'invoiceCopies'], 0, 9),
    ...inputChecks(values, { cbu: validateCbu, creditLimit: validateMoney, vatExemptionPct: decimalWithin(2) }),
  };
  if (!blank(values.rating) && !RATING_RE.test(String(values.rating).trim())) errors.rating = 'ctacte.validation.rating';
  const pct = String(values.vatExemptionPct ?? '');
  if (/^\d+(\.\d+)?$/.test(pct) && Number(pct) > 100)
    errors.vatExemptionPct = { message: 'ctacte.validation.decimalRange', args: { min: 0, max: 100 } };
  if (String(values.creditLimit ?? '').startsWith('-'))
    errors.creditLimit = { message: 'ra.validation.minValue', args: { min: 0 } };
  return errors;
}
