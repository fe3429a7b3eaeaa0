import { ADDRESS_FIELDS } from '../common/AddressInputs';
import { TAX_FIELDS } from '../common/TaxInputs';
import { codeAndNameErrors, emailErrors, pickFields, taxIdentityErrors, type FormErrors } from '../common/validateRecord';

export const ISSUER_WRITABLE = [
  'code',
  'legalName',
  ...ADDRESS_FIELDS,
  ...TAX_FIELDS,
  'payableAccount',
  'bankId',
  'settlementLayout',
  'active',
] as const;

export const issuerPayload = pickFields(ISSUER_WRITABLE);

export const validateIssuer = (values: Record<string, unknown>): FormErrors => ({
  ...codeAndNameErrors(values, 'legalName'),
  ...emailErrors(values),
  ...taxIdentityErrors(values),
});
