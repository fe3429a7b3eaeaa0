/**
 * CBU: 22 digits, bank (3) + branch (4) + check digit (weights 7,1,3,9,7,1,3), then
 * account (13) + check digit (weights 3,9,7,1,3,9,7,1,3,9,7,1,3); each check is
 * (10 − sum mod 10) mod 10. Kept in step with server/src/lib/cbu.ts.
 */

const BANK_WEIGHTS = [7, 1, 3, 9, 7, 1, 3];
const ACCOUNT_WEIGHTS = [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3];

export type CbuProblem =
  { kind: 'length' } | { kind: 'bankCheck'; expected: number } | { kind: 'accountCheck'; expected: number };

const checkDigit = (digits: string, weights: number[]) =>
  (10 - (weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0) % 10)) % 10;

/** Digits only, at most 22: what the API stores. */
export const cbuDigits = (text: string | null | undefined): string => (text ?? '').replace(/\D/g, '').slice(0, 22);

/** "2850590940090418135201" → "28505909 40090418135201": the bank block and the account block. */
export function formatCbu(value: string | null | undefined): string {
  const d = cbuDigits(value);
  return d.length <= 8 ? d : `${d.slice(0, 8)} ${d.slice(8)}`;
}

export function cbuProblem(value: string | null | undefined): CbuProblem | undefined {
  const d = (value ?? '').replace(/[\s-]/g, '');
  if (!/^\d{22}$/.test(d)) return { kind: 'length' };
  const bank = checkDigit(d.slice(0, 7), BANK_WEIGHTS);
  if (bank !== Number(d[7])) return { kind: 'bankCheck', expected: bank };
  const account = checkDigit(d.slice(8, 21), ACCOUNT_WEIGHTS);
  if (account !== Number(d[21])) return { kind: 'accountCheck', expected: account };
  return undefined;
}
