import { badRequest, conflict } from '../../http/errors';
import { valueLabels } from '../../../../shared/catalog';
import {
  ANONYMOUS_CONSUMER_LIMIT,
  allowedLetters,
  arcaCode,
  fceWindowDays,
  FCE_LAW_WINDOW_DAYS,
  FCE_LETTERS,
  FCE_WINDOWS,
  isFiscalDocument,
  isLetterAllowed,
} from '../../../../shared/catalog/fiscal';
import { D, formatMoney } from '../../lib/money';
import { addDays } from '../../lib/dates';
import { fmt } from './posting';

/**
 * The ledger's side of the fiscal rules of shared/catalog/fiscal.ts: what a document from billing
 * must agree with before it is posted, and what a fiscal document allows afterwards.
 */

const condition = (lang: 'es' | 'en', code: number) => valueLabels(lang, 'ivaConditions')[code] ?? String(code);

export interface FiscalIntake {
  type: string;
  letter: string;
  total: string;
  currency: string;
  fce?: boolean;
  fceCbu?: string | null;
  fceOption?: string | null;
}

/**
 * A fiscal letter agrees with the company's and the customer's IVA conditions (RG 1415 arts. 8–11,
 * RG 5003/2021, RG 4401), an FCE is of class A, B or C and never to a consumidor final or abroad
 * (Ley 27.440 art. 1; RG 4367), and an anonymous consumidor final stays under RG 5700/2025's amount.
 */
export function assertFiscalIntake(
  companyCondition: number,
  customer: { code: string; ivaCondition: number; taxId: string | null },
  input: FiscalIntake,
): void {
  if (!isLetterAllowed(companyCondition, customer.ivaCondition, input.letter)) {
    const allowed = allowedLetters(companyCondition, customer.ivaCondition).join(' o ');
    throw badRequest(
      'LETTER_MISMATCH',
      {
        es: `Regla de letras (RG 1415): una empresa ${condition('es', companyCondition)} emite a un cliente ${condition('es', customer.ivaCondition)} comprobantes ${allowed}, no ${input.letter}`,
        en: `Letter rule (RG 1415): a ${condition('en', companyCondition)} company issues ${allowed.replace(' o ', ' or ')} documents to a ${condition('en', customer.ivaCondition)} customer, not ${input.letter}`,
      },
      [{ path: 'letter', message: { es: `debe ser ${allowed}`, en: `must be ${allowed.replace(' o ', ' or ')}` } }],
    );
  }
  if (input.fce) {
    if (!(FCE_LETTERS as readonly string[]).includes(input.letter) || customer.ivaCondition === 5)
      throw badRequest(
        'FCE_NOT_ALLOWED',
        {
          es: `Regla FCE MiPyME (Ley 27.440, RG 4367): una Factura de Crédito Electrónica es de clase A, B o C y no se emite a consumidores finales ni al exterior`,
          en: `FCE MiPyME rule (Ley 27.440, RG 4367): an electronic credit invoice is of class A, B or C and is never issued to final consumers or abroad`,
        },
        [{ path: 'fce', message: { es: 'no corresponde FCE', en: 'FCE not allowed' } }],
      );
    if (input.type === 'FAC' && (!input.fceCbu || !input.fceOption))
      throw badRequest(
        'FCE_PAYMENT_DATA',
        {
          es: 'Regla FCE MiPyME (RG 4367 art. 5): la factura informa el CBU donde se le paga y la opción de transferencia (SCA o ADC)',
          en: 'FCE MiPyME rule (RG 4367 art. 5): the invoice gives the CBU it is paid to and its transfer option (SCA or ADC)',
        },
        [
          ...(!input.fceCbu ? [{ path: 'fceCbu', message: { es: 'obligatorio en una FCE', en: 'required on an FCE' } }] : []),
          ...(!input.fceOption
            ? [{ path: 'fceOption', message: { es: 'obligatoria en una FCE', en: 'required on an FCE' } }]
            : []),
        ],
      );
  }
  if (
    customer.ivaCondition === 5 &&
    !customer.taxId &&
    input.currency === 'ARS' &&
    new D(input.total).gte(ANONYMOUS_CONSUMER_LIMIT)
  )
    throw badRequest(
      'CONSUMER_NOT_IDENTIFIED',
      {
        es: `Regla de identificación (RG 5700/2025): desde ${formatMoney(ANONYMOUS_CONSUMER_LIMIT)} el consumidor final ${customer.code} debe estar identificado (DNI, CUIL o CUIT)`,
        en: `Identification rule (RG 5700/2025): from ${formatMoney(ANONYMOUS_CONSUMER_LIMIT, 'en')} the final consumer ${customer.code} must be identified (DNI, CUIL or CUIT)`,
      },
      [{ path: 'customerId', message: { es: 'cliente sin identificación', en: 'customer without an id' } }],
    );
}

/** The ARCA code a document gets (the database computes the same from the same table). */
export { arcaCode, isFiscalDocument };

/** fceDeadline in SQL over a date column, written from the same table of windows. */
export function fceDeadlineSql(issueDate: string): string {
  const arms = FCE_WINDOWS.map((w) => `WHEN ${issueDate} BETWEEN DATE '${w.from}' AND DATE '${w.to}' THEN ${w.days}`).join(' ');
  return `(${issueDate} + CASE ${arms} ELSE ${FCE_LAW_WINDOW_DAYS} END)`;
}

/** The acceptance state as read: pending past its window reads as accepted by silence (Ley 27.440 art. 6). */
export const FCE_ACCEPTANCE_SQL = `CASE WHEN d.fce_acceptance = 'pending' AND CURRENT_DATE > ${fceDeadlineSql('d.issue_date')} THEN 'tacitly_accepted' ELSE d.fce_acceptance END`;

/** The last day the buyer may accept or reject an FCE issued on that date (Ley 27.440 arts. 6 and 8). */
export const fceDeadline = (issueDate: string) => addDays(issueDate, fceWindowDays(issueDate));

/** An FCE's acceptance as of a day: a pending one whose window passed is accepted by silence (Ley 27.440 art. 6). */
export function fceAcceptanceOn(doc: { fce: boolean; fceAcceptance: string | null; issueDate: string }, day: string) {
  if (!doc.fce) return null;
  if (doc.fceAcceptance === 'pending' && day > fceDeadline(doc.issueDate)) return 'tacitly_accepted';
  return doc.fceAcceptance;
}

/**
 * The buyer's answer to an FCE, as billing reports it: accepted or rejected (with its reason) only
 * within the window (Ley 27.440 arts. 6 and 8: past it, the FCE is accepted by silence and can no
 * longer be rejected); tacit acceptance is never set by hand, it follows from the date.
 */
export function assertFceAnswer(
  doc: { displayNumber: string; issueDate: string; fceAcceptance: string | null },
  answer: string,
  reason: string | null | undefined,
  day: string,
): void {
  const deadline = fceDeadline(doc.issueDate);
  if (answer === 'tacitly_accepted' || answer === 'pending')
    throw badRequest(
      'FCE_ACCEPTANCE_STATE',
      {
        es: `Regla FCE MiPyME (Ley 27.440 art. 6): la aceptación tácita resulta del vencimiento del plazo (${fmt(deadline)}); informe "accepted" o "rejected"`,
        en: `FCE MiPyME rule (Ley 27.440 art. 6): tacit acceptance follows from the window's end (${deadline}); report "accepted" or "rejected"`,
      },
      [{ path: 'fceAcceptance', message: { es: 'accepted o rejected', en: 'accepted or rejected' } }],
    );
  if (doc.fceAcceptance !== 'pending' || day > deadline)
    throw conflict(
      'FCE_ANSWERED',
      {
        es: `Regla FCE MiPyME (Ley 27.440 arts. 6 y 8): la ${doc.displayNumber} ya no admite respuesta (${doc.fceAcceptance !== 'pending' ? 'ya fue respondida' : `el plazo venció el ${fmt(deadline)} y quedó aceptada tácitamente`})`,
        en: `FCE MiPyME rule (Ley 27.440 arts. 6 and 8): ${doc.displayNumber} can no longer be answered (${doc.fceAcceptance !== 'pending' ? 'already answered' : `its window ended on ${deadline} and it was accepted by silence`})`,
      },
      [{ path: 'fceAcceptance', message: { es: 'fuera de plazo', en: 'out of time' } }],
    );
  if (answer === 'rejected' && !reason)
    throw badRequest(
      'FCE_REJECTION_REASON',
      {
        es: 'Regla FCE MiPyME (Ley 27.440 art. 8): el rechazo indica su motivo (fceRejectionReason)',
        en: 'FCE MiPyME rule (Ley 27.440 art. 8): a rejection states its reason (fceRejectionReason)',
      },
      [{ path: 'fceRejectionReason', message: { es: 'obligatorio al rechazar', en: 'required to reject' } }],
    );
}
