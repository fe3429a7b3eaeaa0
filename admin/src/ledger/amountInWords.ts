/**
 * An amount in Spanish words, as Argentine receipts write it under the figure:
 * "1234.50" → "mil doscientos treinta y cuatro con 50/100". Works on the decimal
 * string (BigInt for the integer part), never through a float.
 */

const UNITS = [
  '',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

/** 0–999 in words; "uno" stays whole here (the caller shortens it before "mil" and "millones"). */
function belowThousand(n: number): string {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (h) parts.push(HUNDREDS[h]);
  if (rest < 30) {
    if (rest) parts.push(UNITS[rest]);
  } else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    parts.push(u ? `${TENS[t]} y ${UNITS[u]}` : TENS[t]);
  }
  return parts.join(' ');
}

/** "veintiuno" → "veintiún", "uno" → "un" before a noun (mil, millones). */
const apocope = (words: string) => words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un');

function integerInWords(n: bigint): string {
  if (n === 0n) return 'cero';
  const millions = n / 1_000_000n;
  const thousands = Number((n / 1000n) % 1000n);
  const units = Number(n % 1000n);
  const parts: string[] = [];
  if (millions > 0n) parts.push(millions === 1n ? 'un millón' : `${apocope(integerInWords(millions))} millones`);
  if (thousands) parts.push(thousands === 1 ? 'mil' : `${apocope(belowThousand(thousands))} mil`);
  if (units) parts.push(belowThousand(units));
  return parts.join(' ');
}

export function amountInWords(amount: string): string {
  const [int = '0', frac = ''] = amount.replace('-', '').split('.');
  const cents = (frac + '00').slice(0, 2);
  return `${integerInWords(BigInt(int || '0'))} con ${cents}/100`;
}
