import { D } from '../../lib/money';

/*
 * The files the monthly IIBB filings take of the withholdings a company suffered, written from
 * each tax office's published record layout (fixed width, one record per line, CRLF):
 *
 * - SIFERE (Convenio Multilateral, COMARB: SIFERE WEB, "Importación de retenciones", jurisdiction
 *   codes of https://www.ca.gob.ar "Sistemas/SIFERE", 901 CABA … 924 Tucumán): 79 characters.
 * - ARCIBA (AGIP, Ciudad de Buenos Aires: e-ARCIBA, "Diseño de registro de importación de
 *   retenciones", tipo de operación 1): 215 characters, the company as the subject withheld.
 * - ARBA (Provincia de Buenos Aires: Disposición Normativa "B" 1/2004, régimen general de
 *   retención, "Diseño de registro – Retenciones"): 47 characters, the company as the subject
 *   withheld and the agent's certificate as sucursal + emisión.
 *
 * Where a layout leaves a choice, the stricter reading: a field that must carry a value the
 * withholding lacks (agent CUIT, regime code, taxable base, a certificate number longer than its
 * field) makes the export refuse and name the certificate, never a blank or a truncated number.
 */

/** COMARB jurisdiction codes (901–924) by ISO 3166-2:AR province. */
export const SIFERE_JURISDICTIONS: Record<string, string> = {
  'AR-C': '901',
  'AR-B': '902',
  'AR-K': '903',
  'AR-X': '904',
  'AR-W': '905',
  'AR-H': '906',
  'AR-U': '907',
  'AR-E': '908',
  'AR-P': '909',
  'AR-Y': '910',
  'AR-L': '911',
  'AR-F': '912',
  'AR-M': '913',
  'AR-N': '914',
  'AR-Q': '915',
  'AR-R': '916',
  'AR-A': '917',
  'AR-J': '918',
  'AR-D': '919',
  'AR-Z': '920',
  'AR-S': '921',
  'AR-G': '922',
  'AR-V': '923',
  'AR-T': '924',
};

export interface SufferedWithholding {
  id: number;
  jurisdiction: string | null;
  regimeCode: string | null;
  agentTaxId: string | null;
  certificateNumber: string;
  date: string;
  baseAmount: string | null;
  rate: string | null;
  amount: string;
  receiptPointOfSale: number;
  receiptNumber: number;
  receiptDate: string;
  receiptTotal: string;
}

/** What the company says of itself in the ARCIBA record (its IIBB and IVA standing). */
export interface CompanyAsWithheld {
  taxId: string;
  name: string;
  /** 1 local, 2 Convenio Multilateral, 4 not registered, 5 simplified regime. */
  iibbSituation: string;
  iibbNumber: string;
  /** 1 Responsable Inscripto, 3 Exento, 4 Monotributo. */
  ivaSituation: string;
}

/** A missing or oversized field, with the certificate that lacks it. */
export class LayoutProblem extends Error {
  constructor(
    readonly certificateNumber: string,
    readonly field: string,
  ) {
    super(`${certificateNumber}: ${field}`);
  }
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const cuit = (digits: string) => `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
const zeros = (value: string | number, width: number) => String(value).padStart(width, '0');
const text = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ');

/** An amount with a comma and two decimals, zero-padded to `width` (a minus sign first when negative). */
export function fixedAmount(value: string, width: number): string {
  const fixed = new D(value).toFixed(2).replace('.', ',');
  if (fixed.startsWith('-')) return '-' + fixed.slice(1).padStart(width - 1, '0');
  return fixed.padStart(width, '0');
}

/** The certificate's digits, which must fit `width`. */
function certificateDigits(w: SufferedWithholding, width: number): string {
  const digits = w.certificateNumber.replace(/\D/g, '');
  if (!digits || digits.length > width) throw new LayoutProblem(w.certificateNumber, 'certificateNumber');
  return zeros(digits, width);
}

function need<T>(w: SufferedWithholding, field: keyof SufferedWithholding, value: T | null): T {
  if (value === null || value === undefined || value === '') throw new LayoutProblem(w.certificateNumber, String(field));
  return value;
}

const receiptNumber = (w: SufferedWithholding) => zeros(w.receiptPointOfSale, 4) + zeros(w.receiptNumber, 8);

/** SIFERE: jurisdiction 3, agent CUIT 13, date 10, branch 4, certificate 16, type 1, letter 1, original number 20, amount 11. */
export function sifereLine(w: SufferedWithholding): string {
  const jurisdiction = SIFERE_JURISDICTIONS[need(w, 'jurisdiction', w.jurisdiction)];
  return [
    jurisdiction,
    cuit(need(w, 'agentTaxId', w.agentTaxId)),
    dmy(w.date),
    '0000',
    certificateDigits(w, 16),
    'R', // recibo: the receipt the withholding came with
    ' ', // an internal receipt has no fiscal letter
    zeros(receiptNumber(w), 20),
    fixedAmount(w.amount, 11),
  ].join('');
}

/** ARBA: CUIT of the subject withheld 13, date 10, branch 4, issue number 8, amount 11, operation 1 (A: new). */
export function arbaLine(w: SufferedWithholding, company: Pick<CompanyAsWithheld, 'taxId'>): string {
  const digits = certificateDigits(w, 12);
  return [cuit(company.taxId), dmy(w.date), digits.slice(0, 4), digits.slice(4), fixedAmount(w.amount, 11), 'A'].join('');
}

/**
 * ARCIBA, a withholding (tipo de operación 1): regime 3, date 10, origin type 2 (07 recibo), letter 1,
 * number 16, origin date 10, origin amount 16, certificate 16, document type 1 (3 CUIT), CUIT 11,
 * IIBB situation 1, IIBB number 11, IVA situation 1, name 30, other concepts 16, IVA 16, base 16,
 * rate 5, withheld 16, total withheld 16.
 */
export function arcibaLine(w: SufferedWithholding, company: CompanyAsWithheld): string {
  const regime = need(w, 'regimeCode', w.regimeCode);
  if (!/^\d{1,3}$/.test(regime)) throw new LayoutProblem(w.certificateNumber, 'regimeCode');
  const base = need(w, 'baseAmount', w.baseAmount);
  const rate = w.rate ?? new D(w.amount).div(base).times(100).toFixed(2);
  return [
    '1',
    zeros(regime, 3),
    dmy(w.date),
    '07',
    ' ',
    zeros(receiptNumber(w), 16),
    dmy(w.receiptDate),
    fixedAmount(w.receiptTotal, 16),
    certificateDigits(w, 16),
    '3',
    company.taxId,
    company.iibbSituation,
    zeros(company.iibbNumber, 11),
    company.ivaSituation,
    text(company.name, 30),
    fixedAmount('0', 16),
    fixedAmount('0', 16),
    fixedAmount(base, 16),
    fixedAmount(rate, 5),
    fixedAmount(w.amount, 16),
    fixedAmount(w.amount, 16),
  ].join('');
}

export const lines = (records: string[]) => records.map((r) => r + '\r\n').join('');
