/**
 * Money arithmetic for screens that add amounts as the user types (receipt entry,
 * applications): amounts become whole cents in a BigInt, are added and compared
 * exactly, and go back to the API's decimal string. No float ever touches money.
 */
import { roundDecimal } from './money';

export type Cents = bigint;

/** "1234.5" → 123450n; empty or unparsable text → 0n (a box still being typed counts as nothing). */
export function toCents(value: string | number | null | undefined): Cents {
  if (value === null || value === undefined || value === '') return 0n;
  const rounded = roundDecimal(String(value), 2);
  return rounded === undefined ? 0n : BigInt(rounded.replace('.', ''));
}

/** Whether the text is an amount the API accepts ("1234.50", "1234"). */
export const isAmount = (value: unknown): value is string =>
  typeof value === 'string' && roundDecimal(value, 2) !== undefined && /^-?\d+(\.\d{1,2})?$/.test(value);

/** 123450n → "1234.50"; −5n → "-0.05". */
export function fromCents(cents: Cents): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export const sumCents = (values: Cents[]): Cents => values.reduce((a, b) => a + b, 0n);

export const minCents = (a: Cents, b: Cents): Cents => (a < b ? a : b);

/** Integer division rounding half away from zero, as the server's round2 does. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** A rate or coefficient ("1385.5", "1.125000") as an integer over 10^scale. */
function scaled(rate: string, scale: number): bigint | undefined {
  const rounded = roundDecimal(rate, scale);
  return rounded === undefined ? undefined : BigInt(rounded.replace('.', ''));
}

const RATE_SCALE = 6;
const RATE_ONE = 10n ** BigInt(RATE_SCALE);

/** amount × rate, rounded to the cent; undefined when the rate is not a number. */
export function timesRate(amount: Cents, rate: string): Cents | undefined {
  const r = scaled(rate, RATE_SCALE);
  return r === undefined ? undefined : divRound(amount * r, RATE_ONE);
}

/** amount ÷ rate, rounded to the cent; undefined when the rate is not a positive number. */
export function dividedByRate(amount: Cents, rate: string): Cents | undefined {
  const r = scaled(rate, RATE_SCALE);
  return r === undefined || r <= 0n ? undefined : divRound(amount * RATE_ONE, r);
}

/** amount ÷ n (installments), rounded to the cent. */
export const dividedBy = (amount: Cents, n: number): Cents => divRound(amount, BigInt(Math.max(1, Math.trunc(n))));

/**
 * Spreads `available` over `wanted` amounts in their order (oldest first): each
 * takes what it wants while something is left. Returns what each one gets.
 */
export function allocateInOrder(available: Cents, wanted: Cents[]): Cents[] {
  let left = available > 0n ? available : 0n;
  return wanted.map((w) => {
    const take = minCents(left, w > 0n ? w : 0n);
    left -= take;
    return take;
  });
}
