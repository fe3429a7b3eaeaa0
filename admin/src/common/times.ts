/**
 * Times of day as the API writes them ("HH:MM", 24 h) and instants built from a
 * calendar day plus a time in the browser's zone (Buenos Aires for our users).
 */
import { todayIso } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** What a person types in a time box ("9", "930", "9:30", "09.30 hs") → "09:30"; null when empty, undefined when not a time. */
export function parseTimeInput(text: string): string | null | undefined {
  const s = text.trim().replace(/\s*h(s|rs)?\.?$/i, '');
  if (s === '') return null;
  let m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s);
  if (!m) m = /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/**
 * A time as it is being typed: digits and a colon; four digits in a row get their
 * colon ("1430" → "14:30"). "930" stays as typed and reads 09:30 when the box
 * is left.
 */
export function formatTimeWhileTyping(text: string): string {
  const cleaned = text.replace(/[^\d:]/g, '').slice(0, 5);
  return /^\d{4}$/.test(cleaned) ? `${cleaned.slice(0, 2)}:${cleaned.slice(2)}` : cleaned;
}

/** An instant → its local calendar day and time of day. */
export function splitInstant(value: string | null | undefined): { date: string | null; time: string | null } {
  if (!value) return { date: null, time: null };
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return { date: null, time: null };
  return { date: todayIso(d), time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** A local calendar day at a time of day → the instant the API stores. */
export function joinInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

/** "HH:MM" of an instant, in local time. */
export const formatTime = (value: string | null | undefined): string => splitInstant(value).time ?? '';

/** "09:00–11:30", "desde 09:00", "" */
export function formatWindow(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `${from}–${to}`;
  return from ?? to ?? '';
}
