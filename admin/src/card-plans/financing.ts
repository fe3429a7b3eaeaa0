import { decimalUnits } from '../common/money';

/** Rounds n / d half away from zero (both positive). */
const divRound = (n: bigint, d: bigint) => (n * 2n + d) / (2n * d);

const cents = (units: bigint) => {
  const s = units.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};

/**
 * What a buyer pays for `amount` on a plan: amount × coefficient, split in equal
 * installments, all in exact decimal arithmetic (cents), as the receipt will show
 * it. Undefined while the coefficient or the installments are not valid yet.
 */
export function financedAmount(
  amount: string,
  coefficient: unknown,
  installments: unknown,
): { total: string; surcharge: string; installment: string; installments: number } | undefined {
  const n = Number(installments);
  if (!Number.isInteger(n) || n < 1 || n > 60) return undefined;
  if (typeof coefficient !== 'string' && typeof coefficient !== 'number') return undefined;
  const text = String(coefficient);
  if (!/^\d+(\.\d{1,6})?$/.test(text)) return undefined;
  const micro = decimalUnits(text, 6);
  const base = decimalUnits(amount, 2);
  if (micro === undefined || base === undefined || micro < 1_000_000n) return undefined;
  const total = divRound(base * micro, 1_000_000n);
  return { total: cents(total), surcharge: cents(total - base), installment: cents(divRound(total, BigInt(n))), installments: n };
}
