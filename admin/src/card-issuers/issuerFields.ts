import { codeAndNameErrors, emailErrors, pickFields, taxIdentityErrors, type FormErrors } from '../common/validateRecord';

export const ISSUER_WRITABLE = [
  'code',
  'legalName',
  'street',
  'city',
  'province',
  'postalCode',
  'country',
  'phone',
  'email',
  'ivaCondition',
  'taxIdType',
  'taxId',
  'grossIncomeRegime',
  'grossIncomeNumber',
  'payableAccount',
  'bankId',
  'active',
] as const;

export const issuerPayload = pickFields(ISSUER_WRITABLE);

export const validateIssuer = (values: Record<string, unknown>): FormErrors => ({
  ...codeAndNameErrors(values, 'legalName'),
  ...emailErrors(values),
  ...taxIdentityErrors(values),
});
