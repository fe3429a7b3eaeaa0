const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2999;
}

export const BUSINESS_TZ = 'America/Argentina/Buenos_Aires';

// Built once: constructing an Intl.DateTimeFormat costs more than a whole list query.
const ARGENTINE_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last answer, by the second it was asked for: a receipt asks several times, and formatting costs ≈ 50 µs. */
let lastToday = { second: NaN, date: '' };

/** Today's date in Argentina, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  // Keyed by the whole second: every zone's offset is whole seconds (IANA), so a date never changes inside one.
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastToday.second) lastToday = { second, date: ARGENTINE_DATE.format(now) };
  return lastToday.date;
}

export function addDays(date: string, days: number): string {
  const dt = new Date(`${date}T00:00:00Z`);
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
