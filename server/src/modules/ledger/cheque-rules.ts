import { addDays, daysBetween } from '../../lib/dates';
import { badRequest } from '../../http/errors';
import { fmt } from './posting';
import { presentableOn } from '../../../../shared/catalog/value-states';

/**
 * The dates of a cheque, by the Ley de Cheques (Ley 24.452, Anexo I; texto en
 * https://servicios.infoleg.gob.ar/infolegInternet/anexos/10000-14999/14733/norma.htm),
 * which also governs ECHEQs (BCRA Com. "A" 6578 and later, "Reglamentación de la cuenta
 * corriente bancaria" point 3.5):
 * - art. 23: a common cheque is payable at sight, so its payment date is its issue date;
 * - art. 54: a deferred cheque (pago diferido) is payable on its payment date, at most
 *   360 days after its issue date;
 * - art. 25: a cheque issued in the country is presented within 30 days of its creation;
 *   for a deferred cheque the 30 days run from its payment date (art. 54 and BCRA point
 *   4.3). Read strictly: ctacte refuses to take in a cheque past that window (the holder
 *   would lose his recourse against the endorsers and the drawer may have stopped it),
 *   and shows one still held past it as "vencido";
 * - a deferred cheque cannot be presented before its payment date, so it is neither
 *   deposited nor discounted before then (a common cheque may be, any day).
 * Notes (pagarés) are not cheques: only the last rule, their due date, applies to them.
 */
export const MAX_DEFERRED_DAYS = 360;
export const PRESENTATION_DAYS = 30;

export interface ChequeDates {
  kind: string | null;
  deferred: boolean;
  issueDate: string;
  paymentDate: string;
}

/** The last day a cheque may be presented to the bank. */
export function presentationDeadline(v: ChequeDates): string {
  return addDays(v.deferred ? v.paymentDate : v.issueDate, PRESENTATION_DAYS);
}

/** The SQL twin of `presentationDeadline`, for lists (alias of the values table). */
export const presentationDeadlineSql = (a: string) =>
  `CASE WHEN ${a}.kind IS NULL THEN NULL ELSE (CASE WHEN ${a}.deferred THEN ${a}.payment_date ELSE ${a}.issue_date END) + ${PRESENTATION_DAYS} END`;

const problem = (code: string, path: string, es: string, en: string, short: { es: string; en: string }) =>
  badRequest(code, { es, en }, [{ path, message: short }]);

/** A cheque as it comes in on a receipt dated `intakeDate`; `at` is the payment line's path. */
export function checkChequeOnIntake(v: ChequeDates, intakeDate: string, at: string): void {
  if (!v.kind) return;
  if (!v.deferred && v.paymentDate !== v.issueDate)
    throw problem(
      'CHEQUE_COMMON_DATES',
      `${at}.paymentDate`,
      `Un cheque común es pagadero a la vista (Ley 24.452, art. 23): su fecha de pago es la de emisión (${fmt(v.issueDate)}); si es de pago diferido, indíquelo`,
      `A common cheque is payable at sight (Ley 24.452, art. 23): its payment date is its issue date (${v.issueDate}); mark it deferred otherwise`,
      { es: `debe ser ${fmt(v.issueDate)} en un cheque común`, en: `must be ${v.issueDate} for a common cheque` },
    );
  if (v.deferred) {
    const limit = addDays(v.issueDate, MAX_DEFERRED_DAYS);
    if (v.paymentDate <= v.issueDate || v.paymentDate > limit)
      throw problem(
        'CHEQUE_DEFERRED_TERM',
        `${at}.paymentDate`,
        `Un cheque de pago diferido se paga después de su emisión y a más tardar ${MAX_DEFERRED_DAYS} días después (Ley 24.452, art. 54): entre el ${fmt(addDays(v.issueDate, 1))} y el ${fmt(limit)}`,
        `A deferred cheque is paid after its issue date and at most ${MAX_DEFERRED_DAYS} days later (Ley 24.452, art. 54): between ${addDays(v.issueDate, 1)} and ${limit}`,
        { es: `a más tardar el ${fmt(limit)}`, en: `${limit} at the latest` },
      );
  }
  const deadline = presentationDeadline(v);
  if (intakeDate > deadline)
    throw problem(
      'CHEQUE_PRESENTATION_EXPIRED',
      `${at}.paymentDate`,
      `El cheque está vencido: se podía presentar al cobro hasta el ${fmt(deadline)} (${PRESENTATION_DAYS} días, Ley 24.452, arts. 25 y 54) y el recibo es del ${fmt(intakeDate)}`,
      `The cheque has expired: it could be presented until ${deadline} (${PRESENTATION_DAYS} days, Ley 24.452, arts. 25 and 54) and the receipt is of ${intakeDate}`,
      { es: `plazo de presentación vencido el ${fmt(deadline)}`, en: `presentation window ended on ${deadline}` },
    );
}

/**
 * The SQL twin of `checkPresentation` for the portfolio's "deposit on" filter (alias of the values
 * table, the date bound as `?`): payable by then, or a common cheque.
 */
export const presentableOnSql = (a: string) => `((${a}.kind IS NOT NULL AND NOT ${a}.deferred) OR ${a}.payment_date <= ?::date)`;

/** A deposit or a discount on `date`: not before the payment date, unless a common cheque. */
export function checkPresentation(v: ChequeDates, date: string): void {
  if (presentableOn(v, date)) return;
  throw problem(
    'VALUE_NOT_DUE',
    'date',
    `El valor es de pago diferido al ${fmt(v.paymentDate)}: no se puede depositar ni descontar antes (faltan ${daysBetween(date, v.paymentDate)} días)`,
    `The value is payable on ${v.paymentDate}: it cannot be deposited or discounted before (${daysBetween(date, v.paymentDate)} days to go)`,
    { es: `no antes del ${fmt(v.paymentDate)}`, en: `not before ${v.paymentDate}` },
  );
}
