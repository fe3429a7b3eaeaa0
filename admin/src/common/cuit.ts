/**
 * CUIT/CUIL: 11 digits, a known prefix and a check digit (weights 5,4,3,2,7,6,5,4,3,2,
 * r = sum mod 11, digit 0 when r = 0, else 11 − r; r = 1 is never issued). Kept in
 * step with server/src/lib/cuit.ts so the form says what the server would say.
 */

export const CUIT_PREFIXES = ['20', '23', '24', '27', '30', '33', '34', '50', '51', '55'] as const;

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export type CuitProblem =
  { kind: 'length' } | { kind: 'prefix'; prefix: string } | { kind: 'neverIssued' } | { kind: 'checkDigit'; expected: number };

/** Digits only, at most 11: what the API stores. */
export const cuitDigits = (text: string | null | undefined): string => (text ?? '').replace(/\D/g, '').slice(0, 11);

/** "30712345671" → "30-71234567-1"; partial input is dashed as far as it goes. */
export function formatCuit(value: string | null | undefined): string {
  const d = cuitDigits(value);
  if (d.length <= 2) return d;
  if (d.length <= 10) return `${d.slice(0, 2)}-${d.slice(2)}`;
  return `${d.slice(0, 2)}-${d.slice(2, 10)}-${d.slice(10)}`;
}

export function cuitCheckDigit(firstTen: string): number | 'neverIssued' {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstTen[i]), 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return 'neverIssued';
  return 11 - r;
}

export function cuitProblem(value: string | null | undefined): CuitProblem | undefined {
  const d = (value ?? '').replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(d)) return { kind: 'length' };
  const prefix = d.slice(0, 2);
  if (!(CUIT_PREFIXES as readonly string[]).includes(prefix)) return { kind: 'prefix', prefix };
  const expected = cuitCheckDigit(d.slice(0, 10));
  if (expected === 'neverIssued') return { kind: 'neverIssued' };
  if (expected !== Number(d[10])) return { kind: 'checkDigit', expected };
  return undefined;
}
