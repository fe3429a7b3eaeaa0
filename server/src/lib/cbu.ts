const BANK_WEIGHTS = [7, 1, 3, 9, 7, 1, 3];
const ACCOUNT_WEIGHTS = [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3];

export type CbuProblem =
  { kind: 'format' } | { kind: 'bankCheck'; expected: number } | { kind: 'accountCheck'; expected: number };

function check(digits: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return (10 - (sum % 10)) % 10;
}

/** CBU: bank (3) + branch (4) + check, then account (13) + check. */
export function cbuProblem(raw: string): CbuProblem | null {
  const digits = raw.replace(/[-\s]/g, '');
  if (!/^\d{22}$/.test(digits)) return { kind: 'format' };
  const bankExpected = check(digits.slice(0, 7), BANK_WEIGHTS);
  if (bankExpected !== Number(digits[7])) return { kind: 'bankCheck', expected: bankExpected };
  const accountExpected = check(digits.slice(8, 21), ACCOUNT_WEIGHTS);
  if (accountExpected !== Number(digits[21])) return { kind: 'accountCheck', expected: accountExpected };
  return null;
}

export function cbuCheckDigits(first7: string, account13: string): [number, number] {
  return [check(first7, BANK_WEIGHTS), check(account13, ACCOUNT_WEIGHTS)];
}
