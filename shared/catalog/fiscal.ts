/**
 * The fiscal rules of ARCA (ex AFIP) that master data and the ledger must agree with, in one place:
 * the server validates with them, the admin's forms show them as hints, and the CSV imports run
 * through the same server validation. Each rule names its source.
 */

export type TaxIdType = 'CUIT' | 'CUIL' | 'DNI' | 'FOREIGN';
export type FiscalLetter = 'A' | 'B' | 'C' | 'E' | 'M';

/** The country CUITs ARCA assigns to foreign persons and companies (prefixes 50, 51, 55). */
export const COUNTRY_CUIT_PREFIXES = ['50', '51', '55'] as const;
export const isCountryCuit = (cuit: string) => (COUNTRY_CUIT_PREFIXES as readonly string[]).includes(cuit.slice(0, 2));

/**
 * Which identification each IVA condition requires, by the receiver's IVA condition codes that
 * RG 5616/2024 (ARCA) made mandatory on every invoice (wsfev1 FEParamGetCondicionIvaReceptor):
 * - registered subjects (RI 1, Exento 4, Monotributo 6/13/16, IVA Liberado 10, No Alcanzado 15) and
 *   the Sujeto No Categorizado (7) are identified by their domestic CUIT (Ley 11.683 art. 3 bis; RG 1415
 *   art. 8 and Anexo II, receiver's data). Strict reading for 7 and 15: a CUIT, never a DNI.
 * - a Consumidor Final (5) by DNI, CUIL, a CUIT or a foreign passport, or by nothing: RG 5700/2025
 *   (ARCA) requires the consumer's id only from $ 10.000.000 per operation (see ANONYMOUS_CONSUMER_LIMIT).
 * - a Cliente del Exterior (9) by a country CUIT (prefix 50/51/55, ARCA's "CUIT país") or a foreign id,
 *   never a domestic CUIT (RG 4401 for Factura E; ARCA's table of CUIT países).
 */
export interface IdentityRule {
  /** The id types the condition accepts. */
  taxIdTypes: readonly TaxIdType[];
  /** Whether the customer may have no id at all. */
  anonymous: boolean;
  /** For CUIT: 'domestic' refuses 50/51/55, 'country' requires them. */
  cuit?: 'domestic' | 'country';
}

const CUIT_ONLY: IdentityRule = { taxIdTypes: ['CUIT'], anonymous: false, cuit: 'domestic' };

export const IDENTITY_BY_CONDITION: Record<number, IdentityRule> = {
  1: CUIT_ONLY,
  4: CUIT_ONLY,
  5: { taxIdTypes: ['DNI', 'CUIL', 'CUIT', 'FOREIGN'], anonymous: true, cuit: 'domestic' },
  6: CUIT_ONLY,
  7: CUIT_ONLY,
  9: { taxIdTypes: ['CUIT', 'FOREIGN'], anonymous: false, cuit: 'country' },
  10: CUIT_ONLY,
  13: CUIT_ONLY,
  15: CUIT_ONLY,
  16: CUIT_ONLY,
};

/** RG 5700/2025 (ARCA): a Consumidor Final may stay anonymous on operations under $ 10.000.000. */
export const ANONYMOUS_CONSUMER_LIMIT = '10000000.00';

export type IdentityProblem = 'TYPE' | 'MISSING' | 'DOMESTIC_CUIT' | 'COUNTRY_CUIT';

/** What is wrong with an identification for an IVA condition, or null when it agrees. */
export function identityProblem(ivaCondition: number, taxIdType: string | null, taxId: string | null): IdentityProblem | null {
  const rule = IDENTITY_BY_CONDITION[ivaCondition];
  if (!rule) return null;
  if (!taxId) return rule.anonymous ? null : 'MISSING';
  if (!taxIdType || !(rule.taxIdTypes as readonly string[]).includes(taxIdType)) return 'TYPE';
  if (taxIdType === 'CUIT' && rule.cuit === 'domestic' && isCountryCuit(taxId)) return 'DOMESTIC_CUIT';
  if (taxIdType === 'CUIT' && rule.cuit === 'country' && !isCountryCuit(taxId)) return 'COUNTRY_CUIT';
  return null;
}

/** Condition groups for the letter rules. */
export const REGISTERED_BUYERS = [1, 6, 13, 16] as const; // RI and the Monotributo categories
export const MONOTRIBUTO = [6, 13, 16] as const;
export const EXPORT_BUYER = 9;

/**
 * The letters a company may issue to a customer (RG 1415 arts. 8–11 and Anexo II; RG 5003/2021 made
 * invoices to Monotributistas class A; RG 1575 class M for RIs under that regime; RG 4401 class E for
 * exports, issued by every issuer):
 * - from a Responsable Inscripto: A or M to an RI or a Monotributista, B to everybody else;
 * - from a Monotributista or an Exento: C;
 * - to a Cliente del Exterior: E, whatever the issuer.
 * Internal documents (letter X: receipts, adjustments, internal debit notes) are valid for every customer.
 */
export function allowedLetters(companyCondition: number, customerCondition: number): FiscalLetter[] {
  if (customerCondition === EXPORT_BUYER) return ['E'];
  if (companyCondition === 1) return (REGISTERED_BUYERS as readonly number[]).includes(customerCondition) ? ['A', 'M'] : ['B'];
  return ['C'];
}

export const isLetterAllowed = (companyCondition: number, customerCondition: number, letter: string) =>
  letter === 'X' || (allowedLetters(companyCondition, customerCondition) as string[]).includes(letter);

/** The IVA conditions a company may have to issue fiscal documents (RG 1415: RI, Exento, Monotributo). */
export const COMPANY_IVA_CONDITIONS = [1, 4, 6, 13, 16] as const;

/**
 * ARCA's document codes (tabla de comprobantes of wsfev1, "CbteTipo"): FAC/ND/NC of classes A (1/2/3),
 * B (6/7/8), C (11/12/13), E (19/20/21) and M (51/52/53), and the Facturas de Crédito Electrónicas
 * MiPyMEs of Ley 27.440 and RG 4367 (A 201/202/203, B 206/207/208, C 211/212/213).
 */
export const ARCA_CODES: Record<string, Record<string, number>> = {
  A: { FAC: 1, ND: 2, NC: 3 },
  B: { FAC: 6, ND: 7, NC: 8 },
  C: { FAC: 11, ND: 12, NC: 13 },
  E: { FAC: 19, ND: 20, NC: 21 },
  M: { FAC: 51, ND: 52, NC: 53 },
};
export const FCE_ARCA_CODES: Record<string, Record<string, number>> = {
  A: { FAC: 201, ND: 202, NC: 203 },
  B: { FAC: 206, ND: 207, NC: 208 },
  C: { FAC: 211, ND: 212, NC: 213 },
};

/** The ARCA code of a fiscal document, null for internal ones (letter X) and for FCE letters that do not exist. */
export function arcaCode(type: string, letter: string, fce = false): number | null {
  return (fce ? FCE_ARCA_CODES : ARCA_CODES)[letter]?.[type] ?? null;
}

/** A document ARCA knows of: a fiscal letter, or a CAE. Those are reversed by a credit note, never cancelled. */
export const isFiscalDocument = (doc: { letter: string; cae?: string | null }) => doc.letter !== 'X' || !!doc.cae;

/**
 * FCE MiPyME (Ley 27.440 Título I; RG 4367): the buyer accepts or rejects within the legal window,
 * counted in calendar days from the invoice; when it passes without an answer the FCE is accepted
 * by silence (art. 6, aceptación tácita), and it can no longer be rejected (art. 8).
 * Law: 15 days. Res. SIyDP 670/2023 and its extensions (Res. 9/2024, 480/2024, SPyMEyEC 219/2025)
 * gave 21 calendar days to invoices from 2023-12-01 to 2026-10-31.
 */
export const FCE_WINDOWS: ReadonlyArray<{ from: string; to: string; days: number }> = [
  { from: '2023-12-01', to: '2026-10-31', days: 21 },
];
export const FCE_LAW_WINDOW_DAYS = 15;

/** Calendar days the buyer has to answer an FCE issued on that date. */
export function fceWindowDays(issueDate: string): number {
  return FCE_WINDOWS.find((w) => issueDate >= w.from && issueDate <= w.to)?.days ?? FCE_LAW_WINDOW_DAYS;
}

/** The FCE's transfer options (RG 4367 art. 5): Sistema de Circulación Abierta or Agente de Depósito Colectivo. */
export const FCE_OPTIONS = ['SCA', 'ADC'] as const;

/** FCE letters: classes A, B, C (RG 4367; class M issuers are excluded from the regime) and never to a consumidor final. */
export const FCE_LETTERS = ['A', 'B', 'C'] as const;
