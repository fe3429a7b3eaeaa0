import type { Validator } from 'react-admin';
import { cbuProblem } from './cbu';
import { cuitProblem } from './cuit';
import { parseDateInput } from './dates';

const MONEY_RE = /^-?\d+\.\d{2}$/;

/** A MoneyInput's value is a decimal string once it parses; anything else is what the user typed. */
export const validateMoney: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || MONEY_RE.test(String(value)) ? undefined : 'ctacte.validation.money';

/** A DateInput holds `YYYY-MM-DD` (or an instant, through a filter's parse) once the text is a real day. */
export const validateDate: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text) && parseDateInput(text.slice(0, 10))) return undefined;
  return 'ctacte.validation.date';
};

export const validateCuit: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const problem = cuitProblem(String(value));
  if (!problem) return undefined;
  switch (problem.kind) {
    case 'length':
      return 'ctacte.validation.cuitLength';
    case 'prefix':
      return { message: 'ctacte.validation.cuitPrefix', args: { prefix: problem.prefix } };
    case 'neverIssued':
      return 'ctacte.validation.cuitNeverIssued';
    case 'checkDigit':
      return { message: 'ctacte.validation.cuitCheckDigit', args: { expected: problem.expected } };
  }
};

export const validateCbu: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const problem = cbuProblem(String(value));
  if (!problem) return undefined;
  if (problem.kind === 'length') return 'ctacte.validation.cbuLength';
  return {
    message: problem.kind === 'bankCheck' ? 'ctacte.validation.cbuBankCheck' : 'ctacte.validation.cbuAccountCheck',
    args: { expected: problem.expected },
  };
};

/** A DecimalInput's value: a decimal string with at most `decimals` decimals once it parses. */
export const decimalWithin =
  (decimals: number): Validator =>
  (value: unknown) => {
    if (value === null || value === undefined || value === '') return undefined;
    return new RegExp(`^-?\\d+(\\.\\d{1,${decimals}})?$`).test(String(value))
      ? undefined
      : { message: 'ctacte.validation.decimal', args: { decimals } };
  };

/** A whole number within bounds (point of sale, days…), as the server's schema wants it. */
export const integerBetween =
  (min: number, max: number): Validator =>
  (value: unknown) => {
    if (value === null || value === undefined || value === '') return undefined;
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max
      ? undefined
      : { message: 'ctacte.validation.integerRange', args: { min, max } };
  };

export const asArray = (v: Validator | Validator[] | undefined): Validator[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
