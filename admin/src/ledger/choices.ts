/** The ledger's closed lists as select choices whose names are catalog keys (translated by react-admin). */
import {
  ADJUSTMENT_TYPES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  FISCAL_LETTERS,
  INTAKE_TYPES,
  PAYMENT_METHODS,
  VALUE_KINDS,
  VALUE_STATES,
  WITHHOLDING_TYPES,
} from './types';

const choicesOf = <T extends string>(values: readonly T[], prefix: string) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const DOCUMENT_TYPE_CHOICES = choicesOf(DOCUMENT_TYPES, 'ledger.types');
export const INTAKE_TYPE_CHOICES = choicesOf(INTAKE_TYPES, 'ledger.types');
export const ADJUSTMENT_TYPE_CHOICES = choicesOf(ADJUSTMENT_TYPES, 'ledger.types');
export const DOCUMENT_STATUS_CHOICES = choicesOf(DOCUMENT_STATUSES, 'ledger.statuses');
export const PAYMENT_METHOD_CHOICES = choicesOf(PAYMENT_METHODS, 'ledger.methods');
export const VALUE_KIND_CHOICES = choicesOf(VALUE_KINDS, 'ledger.methods');
export const VALUE_STATE_CHOICES = choicesOf(VALUE_STATES, 'ledger.valueStates');
export const WITHHOLDING_TYPE_CHOICES = choicesOf(WITHHOLDING_TYPES, 'ledger.withholdingTypes');
export const CURRENCY_CHOICES = choicesOf(['ARS', 'USD'] as const, 'ledger.currencies');
/** Fiscal letters are themselves: no translation. */
export const LETTER_CHOICES = FISCAL_LETTERS.map((id) => ({ id, name: id }));
