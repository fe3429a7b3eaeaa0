/**
 * API dates are `YYYY-MM-DD` (a calendar day, no time zone); instants are ISO 8601.
 * Both show the Argentine way: dd/mm/aaaa and dd/mm/aaaa hh:mm (24 h, local time).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function asInstant(value: string | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "2026-11-27" → "27/11/2026"; an instant shows its local calendar day. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = DATE_RE.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const date = asInstant(value);
  if (!date) return String(value);
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** "2026-11-27T18:05:00Z" → "27/11/2026 15:05" in the browser's time zone (Buenos Aires for our users). */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && DATE_RE.test(value)) return formatDate(value);
  const date = asInstant(value);
  if (!date) return String(value);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${withSeconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${formatDate(date)} ${time}`;
}

/** Today's calendar day as the API writes it. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first and the last instant of a local calendar day, for `<field>_gte` / `<field>_lte` filters on timestamps. */
export function startOfDayInstant(day: string): string | null {
  return DATE_RE.test(day) ? new Date(`${day}T00:00:00`).toISOString() : null;
}

export function endOfDayInstant(day: string): string | null {
  return DATE_RE.test(day) ? new Date(`${day}T23:59:59.999`).toISOString() : null;
}

/**
 * What a person types in a date box, to the API's `YYYY-MM-DD`. Accepts
 * dd/mm/aaaa, d/m/aa (20aa), ddmmaaaa and ISO. Returns null for an empty box
 * and undefined for text that is not a real calendar day.
 */
export function parseDateInput(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  let day: number, month: number, year: number;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[3].length === 2) year += 2000;
  } else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as it is being typed: slashes appear after the day and the month, digits
 * typed past a full part flow into the next one ("05032026" → "05/03/2026"), and
 * slashes the user types are kept ("1/2/26").
 */
export function formatDateWhileTyping(text: string): string {
  const tokens = text.replace(/[^\d/]/g, '').split('/');
  const parts: string[] = [];
  let carry = '';
  for (let i = 0; parts.length < 3 && (i < tokens.length || carry); i++) {
    let part = carry + (tokens[i] ?? '');
    carry = '';
    if (parts.length < 2 && part.length > 2) {
      carry = part.slice(2);
      part = part.slice(0, 2);
    }
    parts.push(parts.length === 2 ? part.slice(0, 4) : part);
  }
  return parts.join('/');
}
