export const CUIT_PREFIXES = ['20', '23', '24', '27', '30', '33', '34', '50', '51', '55'] as const;
const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export type CuitProblem =
  { kind: 'format' } | { kind: 'prefix'; prefix: string } | { kind: 'neverIssued' } | { kind: 'checkDigit'; expected: number };

export function normalizeCuit(raw: string): string {
  return raw.replace(/[-\s.]/g, '');
}

/** The check digit for the first ten digits, or null when the remainder is 1 (never issued). */
export function cuitCheckDigit(first10: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first10[i]), 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

export function cuitProblem(raw: string): CuitProblem | null {
  const digits = normalizeCuit(raw);
  if (!/^\d{11}$/.test(digits)) return { kind: 'format' };
  const prefix = digits.slice(0, 2);
  if (!(CUIT_PREFIXES as readonly string[]).includes(prefix)) return { kind: 'prefix', prefix };
  const expected = cuitCheckDigit(digits.slice(0, 10));
  if (expected === null) return { kind: 'neverIssued' };
  if (expected !== Number(digits[10])) return { kind: 'checkDigit', expected };
  return null;
}

export function formatCuit(digits: string): string {
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}` : digits;
}
