import { HELD_STATES } from './value-states';
import { presentationDeadlineSql } from './cheque-rules';
import { DEFAULT_DUE_DAYS, STALE_DAYS } from '../../../../shared/catalog/value-states';

/**
 * The portfolio's two alerts, one definition each (the list's filters, its markers and the
 * dashboard's cards all read these):
 * - due for deposit: a value still held whose payment date falls within the next N days (or
 *   has already come) and whose presentation window is still open — take it to the bank;
 * - stale (estancado): a value that should have moved and did not. Still held more than
 *   STALE_DAYS days after its payment date (a cheque must be presented within 30 days of it,
 *   Ley 24.452 arts. 25 and 54: after STALE_DAYS the window is running out, and past it the
 *   value is also "vencido"), or deposited or discounted more than STALE_DAYS days ago with
 *   no credit or rejection (clearing takes 24 to 72 hours in the country's clearing house,
 *   BCRA "Reglamentación de la cuenta corriente bancaria" and COELSA's sessions: five days is
 *   a stricter, earlier warning than the week people usually wait, of a value lost between
 *   the slip and the bank).
 */
export { DEFAULT_DUE_DAYS, STALE_DAYS };
export const MAX_DUE_DAYS = 90;

const held = (a: string) => `${a}.state IN (${HELD_STATES.map((s) => `'${s}'`).join(', ')})`;

/** Held, the window still open, payable within `days` days (a number, or bound as `?`). */
export const dueForDepositSql = (a: string, days: number | '?' = '?') =>
  `(${held(a)} AND ${a}.payment_date <= CURRENT_DATE + ${days === '?' ? '?::int' : Math.trunc(days)} AND CURRENT_DATE <= coalesce(${presentationDeadlineSql(a)}, ${a}.payment_date + ${STALE_DAYS}))`;

/** Held past the payment date, or at the bank without news, for more than STALE_DAYS days. */
export const staleSql = (a: string) =>
  `((${held(a)} AND CURRENT_DATE > ${a}.payment_date + ${STALE_DAYS}) OR (${a}.state IN ('deposited', 'discounted') AND CURRENT_DATE > ${a}.state_date + ${STALE_DAYS}))`;
