/** Calendar periods for quick filters and statement ranges, as the API's `YYYY-MM-DD` days. */
import { todayIso } from '../common/dates';

const iso = (d: Date) => todayIso(d);

export function startOfMonth(now = new Date()): string {
  return iso(new Date(now.getFullYear(), now.getMonth(), 1));
}

export function previousMonth(now = new Date()): { from: string; to: string } {
  return {
    from: iso(new Date(now.getFullYear(), now.getMonth() - 1, 1)),
    to: iso(new Date(now.getFullYear(), now.getMonth(), 0)),
  };
}

export function daysAgo(days: number, now = new Date()): string {
  return iso(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
}

export function daysAhead(days: number, now = new Date()): string {
  return daysAgo(-days, now);
}

export function startOfYear(now = new Date()): string {
  return `${now.getFullYear()}-01-01`;
}
