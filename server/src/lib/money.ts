import Decimal from 'decimal.js';

// Amounts never touch JS floats: strings in, Decimal in between, strings out.
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const MONEY_RE = /^-?\d{1,13}(\.\d{1,2})?$/;

export function money(value: Dec | string | number): string {
  return new D(value).toFixed(2);
}

export function sum(values: Array<Dec | string>): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new D(0));
}

/** Rounds to cents, half up, as Argentine invoices do. */
export function round2(value: Dec | string): Dec {
  return new D(value).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** An amount as people read it: `$ 1.234.567,89` in Spanish, `$1,234,567.89` in English. */
export function formatMoney(value: Dec | string | number, lang: 'es' | 'en' = 'es'): string {
  const fixed = new D(value).toFixed(2);
  const negative = fixed.startsWith('-');
  const [int, dec] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'es' ? '.' : ',');
  const body = lang === 'es' ? `$ ${grouped},${dec}` : `$${grouped}.${dec}`;
  return negative ? `-${body}` : body;
}
