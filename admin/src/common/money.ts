/**
 * Amounts travel as decimal strings ("1234.50"). They are formatted and parsed
 * as text, never through a float, so no cent is ever lost on the way.
 */

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

export type Currency = 'ARS' | 'USD';

const SYMBOL: Record<Currency, string> = { ARS: '$', USD: 'US$' };

/** Rounds a decimal string half away from zero to `decimals` places, exactly (BigInt). */
export function roundDecimal(text: string, decimals = 2): string | undefined {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  const [, sign, intPart = '', fracPart = ''] = m;
  const digits = BigInt((intPart || '0') + fracPart || '0');
  const scale = fracPart.length;
  let units: bigint;
  if (scale <= decimals) {
    units = digits * 10n ** BigInt(decimals - scale);
  } else {
    const divisor = 10n ** BigInt(scale - decimals);
    units = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) units += 1n;
  }
  const raw = units.toString().padStart(decimals + 1, '0');
  const int = raw.slice(0, raw.length - decimals);
  const frac = raw.slice(raw.length - decimals);
  const negative = sign === '-' && units !== 0n;
  return `${negative ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** Exact value of a decimal string in units of 10^-scale. */
export function decimalUnits(text: string, scale: number): bigint | undefined {
  const rounded = roundDecimal(text, scale);
  return rounded === undefined ? undefined : BigInt(rounded.replace('.', ''));
}

/** −1, 0 or 1 as a < b, a = b, a > b, for decimal strings, exactly. */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const x = decimalUnits(a, scale) ?? 0n;
  const y = decimalUnits(b, scale) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

const group = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** "1234567.891" → "1.234.567,89" (es-AR grouping, no symbol). */
export function formatDecimal(value: string | number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (/e/i.test(text)) return text;
  const rounded = roundDecimal(text, decimals);
  if (rounded === undefined) return text;
  const negative = rounded.startsWith('-');
  const [int, frac] = (negative ? rounded.slice(1) : rounded).split('.');
  return `${negative ? '-' : ''}${group(int)}${frac ? `,${frac}` : ''}`;
}

/**
 * A rate or coefficient kept to `max` decimals, shown with at least `min`:
 * "1.125000" → "1,125" (min 2), "1.2" → "1,20".
 */
export function formatDecimalTrimmed(value: string | number | null | undefined, max: number, min: number): string {
  const full = formatDecimal(value, max);
  const m = /^(-?[\d.]+),(\d+)$/.exec(full);
  if (!m) return full;
  let frac = m[2];
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac ? `${m[1]},${frac}` : m[1];
}

/** "1234567.89" → "$ 1.234.567,89"; "-5" → "-$ 5,00". The space does not break. */
export function formatMoney(value: string | number | null | undefined, currency: Currency = 'ARS'): string {
  const formatted = formatDecimal(value, 2);
  if (!formatted || !/\d/.test(formatted) || /[^\d.,-]/.test(formatted)) return formatted;
  const negative = formatted.startsWith('-');
  return `${negative ? '-' : ''}${SYMBOL[currency]}\u00a0${negative ? formatted.slice(1) : formatted}`;
}

/**
 * What a person types in an amount box, to the API's decimal string.
 * Accepts "1.234,50", "1234,5", "1234.50", "$ 1.234". A dot followed by exactly
 * three digits is a thousands separator, as an Argentine reader would take it.
 * Returns null for an empty box and undefined for text that is not an amount.
 */
export function parseMoneyInput(text: string): string | null | undefined {
  let s = text.replace(/US\$|\$|\s|\u00a0/g, '');
  if (s === '') return null;
  if (s.includes(',')) {
    s = s.replace(/\./g, '').replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1 || /^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
  const [, frac = ''] = s.split('.');
  if (frac.length > 2) return undefined;
  return roundDecimal(s, 2);
}

/**
 * A rate, coefficient or percentage as typed: a comma is the decimal separator
 * (dots before it group thousands); without a comma a single point is the decimal
 * point, as a coefficient "1.125" is written. At most `decimals` decimals.
 * Returns null for an empty box and undefined for text that is not a number.
 */
export function parseDecimalInput(text: string, decimals: number): string | null | undefined {
  let s = text.replace(/\s|\u00a0/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if ((s.match(/\./g) ?? []).length > 1) s = s.replace(/\./g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
  const [, frac = ''] = s.split('.');
  if (frac.length > decimals) return undefined;
  return roundDecimal(s, frac.length);
}

/** The same amount as the user is typing it: grouping on the integer part, their decimals kept. */
export function formatMoneyWhileTyping(text: string): string {
  const cleaned = text.replace(/[^\d,.-]/g, '');
  const commaAt = cleaned.indexOf(',');
  if (commaAt >= 0) {
    const int = cleaned.slice(0, commaAt).replace(/\D/g, '');
    const frac = cleaned
      .slice(commaAt + 1)
      .replace(/\D/g, '')
      .slice(0, 2);
    return `${cleaned.startsWith('-') ? '-' : ''}${group(int.replace(/^0+(?=\d)/, ''))},${frac}`;
  }
  return cleaned;
}
