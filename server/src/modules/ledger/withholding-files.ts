import { D } from '../../lib/money';

/*
 * The files of the IIBB withholdings a company suffered, one layout per tax office. Each layout is
 * one field table (name, width, where the value comes from, its source) and one writer
 * (`writeRecord`) that refuses any value not exactly as wide as its field. Records end in CRLF
 * and hold printable ASCII only (names are transliterated: "Compañía" → "Compania"), so a file
 * reads the same as ISO-8859-1, Windows-1252 or UTF-8 and every record's byte length is its
 * character length.
 *
 * Which file a filing takes (read strictly; see README, "The rules, with their source"):
 * - SIFERE is the importable file of withholdings SUFFERED: a Convenio Multilateral taxpayer
 *   imports it into SIFERE WEB's DDJJ (deducciones › retenciones), every jurisdiction 901–924,
 *   Ciudad (901) and Buenos Aires (902) included.
 * - ARCIBA and ARBA are the AGENT's declaration designs (the customer that withheld files them).
 *   A local taxpayer of CABA or Buenos Aires has no suffered-withholdings import: its DDJJ takes
 *   the deductions from what the agents declared. We write them, in the agent's design with the
 *   company as the subject withheld, so the accountant can check each deduction against the
 *   agents' declarations and hand an agent the record it left out.
 *
 * Where a layout leaves a choice, the stricter reading: a field that must carry a value the
 * withholding lacks (agent CUIT, regime code, taxable base, a certificate number or amount wider
 * than its field) makes the export refuse and name the certificate, never a blank or a cut value.
 */

/**
 * COMARB jurisdiction codes (901–924) by ISO 3166-2:AR province. Source: Comisión Arbitral,
 * "Sistemas › SIFERE", table of jurisdictions and banks, https://www.ca.gob.ar (the same table
 * as SIFERE WEB's jurisdiction list).
 */
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

/** One field of a record: its width, where its value comes from, and the design it follows. */
export interface LayoutField<C> {
  name: string;
  width: number;
  /** The withholding's field a failure is reported on (defaults to `name`). */
  blame?: keyof SufferedWithholding;
  value: (w: SufferedWithholding, c: C) => string;
}

export interface Layout<C> {
  /** Document, version and URL of the design the table follows. */
  source: string;
  fields: Array<LayoutField<C>>;
}

export const recordLength = <C>(layout: Layout<C>) => layout.fields.reduce((sum, f) => sum + f.width, 0);

/** The record of `w` in `layout`; a value not exactly as wide as its field is refused. */
export function writeRecord<C>(layout: Layout<C>, w: SufferedWithholding, c: C): string {
  return layout.fields
    .map((f) => {
      const value = f.value(w, c);
      if (value.length !== f.width || !/^[\x20-\x7e]*$/.test(value))
        throw new LayoutProblem(w.certificateNumber, f.blame ?? f.name);
      return value;
    })
    .join('');
}

export const lines = (records: string[]) => records.map((r) => r + '\r\n').join('');

// ---- field formats shared by the designs ----

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const cuitWithDashes = (digits: string) => `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
const zeros = (value: string | number, width: number) => String(value).padStart(width, '0');

/** Printable ASCII: accents dropped (á → a, ñ → n), any other character outside it (°, º, tab) left out. */
export const ascii = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '');

/** Text left-aligned, space-filled, cut at `width` (names only: never a number). */
const text = (value: string, width: number) => ascii(value).slice(0, width).padEnd(width, ' ');

/**
 * An amount with a decimal comma and two decimals, zero-filled to `width`; a negative one has its
 * minus sign in the first position ("-0000123,45"). Too wide comes out wider, and is refused.
 */
export function fixedAmount(value: string, width: number): string {
  const fixed = new D(value).toFixed(2).replace('.', ',');
  if (fixed.startsWith('-')) return '-' + fixed.slice(1).padStart(width - 1, '0');
  return fixed.padStart(width, '0');
}

/** A positive amount (ARCIBA and ARBA have no sign: a reversal is another operation). */
const positiveAmount = (value: string, width: number) => (new D(value).gt(0) ? fixedAmount(value, width) : '');

/**
 * The certificate as point of issue and number: "0012-00000077" → ["0012", "00000077"]; without a
 * dash there is no point of issue (""). Digits only, as the designs ask.
 */
export function certificateParts(certificate: string): [string, string] {
  const dash = certificate.indexOf('-');
  if (dash < 0) return ['', certificate.replace(/\D/g, '')];
  return [certificate.slice(0, dash).replace(/\D/g, ''), certificate.slice(dash + 1).replace(/\D/g, '')];
}

/** Digits zero-filled to `width`; none at all is not a value. */
const digitsIn = (digits: string, width: number) => (digits ? zeros(digits, width) : '');

function need<T>(w: SufferedWithholding, field: keyof SufferedWithholding, value: T | null): T {
  if (value === null || value === undefined || value === '') throw new LayoutProblem(w.certificateNumber, String(field));
  return value;
}

/** Our receipt's number, point of sale 4 + number 8. */
const receiptNumber = (w: SufferedWithholding) => zeros(w.receiptPointOfSale, 4) + zeros(w.receiptNumber, 8);

// ---- SIFERE ----

/**
 * SIFERE WEB, importación de deducciones, "Retenciones" record: 79 characters.
 * Source: Comisión Arbitral del Convenio Multilateral, "¿Cómo armar los archivos en formato txt
 * para cargar los conceptos de retenciones, percepciones comunes y aduaneras y recaudaciones
 * bancarias en el aplicativo SIFERE?" (FAQ SIFERE, https://www.ca.gob.ar, "Preguntas frecuentes ›
 * SIFERE"; sample sheet importaciones_sifere.xls). Read against ingadhoc/odoo-argentina-ee
 * (l10n_ar_account_tax_settlement, iibb_sufrido) and Hamekoz.Argentina.Sifere
 * (RegistroImportacionRetencionPercepcion), which agree on every field.
 */
export const SIFERE_RETENCIONES: Layout<unknown> = {
  source: 'COMARB, SIFERE WEB, importación de retenciones (FAQ SIFERE, https://www.ca.gob.ar)',
  fields: [
    // 901 … 924, the COMARB code of the jurisdiction that withheld.
    { name: 'jurisdiction', width: 3, value: (w) => SIFERE_JURISDICTIONS[need(w, 'jurisdiction', w.jurisdiction)] ?? '' },
    // The agent's CUIT as printed, with its dashes: 30-71234567-1.
    { name: 'agentTaxId', width: 13, value: (w) => cuitWithDashes(need(w, 'agentTaxId', w.agentTaxId)) },
    { name: 'date', width: 10, value: (w) => dmy(w.date) },
    // The certificate's point of issue (sucursal), 0000 when it has none.
    {
      name: 'certificateBranch',
      width: 4,
      blame: 'certificateNumber',
      value: (w) => zeros(certificateParts(w.certificateNumber)[0] || '0', 4),
    },
    {
      name: 'certificateNumber',
      width: 16,
      value: (w) => digitsIn(certificateParts(w.certificateNumber)[1], 16),
    },
    // Tipo de comprobante: F factura, R recibo, D nota de débito, C nota de crédito, O otro. Ours: the receipt.
    { name: 'voucherType', width: 1, value: () => 'R' },
    // Letra A, B, C, E, M or blank: a receipt has no fiscal letter.
    { name: 'voucherLetter', width: 1, value: () => ' ' },
    // Número de comprobante original: the receipt's point of sale and number, zero-filled.
    { name: 'voucherNumber', width: 20, value: (w) => zeros(receiptNumber(w), 20) },
    // Importe retenido: 11 with a decimal comma, minus sign first when negative.
    { name: 'amount', width: 11, value: (w) => fixedAmount(w.amount, 11) },
  ],
};

// ---- ARCIBA ----

/**
 * e-ARCIBA (AGIP, Ciudad de Buenos Aires), importación de retenciones y percepciones, record of a
 * withholding (tipo de operación 1): 226 characters, design version 3.0 in force since 07/05/2024
 * (fields 22–23, acceptance of an FCE MiPyME, added to the 215 of version 2).
 * Source: AGIP, "Diseño de registro – Retenciones/Percepciones" (RP.PDF),
 * https://www.agip.gob.ar/filemanager/source/Agentes/De%20Recaudacion/Ingresos%20brutos/RP.PDF and
 * "Aclaraciones sobre las adecuaciones al aplicativo e-ARCIBA", https://www.agip.gob.ar/agentes/
 * agentes-de-recaudacion/ib-agentes-recaudacion/aplicativo-arciba. Read against
 * ingadhoc/odoo-argentina-ee (iibb_aplicado_agip, v3.0) and its 2019 sample files (215 characters).
 */
export const ARCIBA_RETENCION: Layout<CompanyAsWithheld> = {
  source: 'AGIP, e-ARCIBA, diseño de registro retenciones/percepciones v3.0 (RP.PDF, https://www.agip.gob.ar)',
  fields: [
    // 1 Tipo de operación: 1 retención, 2 percepción.
    { name: 'operation', width: 1, value: () => '1' },
    // 2 Código de norma (e.g. 029 régimen general), 3 digits.
    {
      name: 'regimeCode',
      width: 3,
      value: (w) => {
        const regime = need(w, 'regimeCode', w.regimeCode);
        return /^\d{1,3}$/.test(regime) ? zeros(regime, 3) : '';
      },
    },
    // 3 Fecha de retención dd/mm/aaaa.
    { name: 'date', width: 10, value: (w) => dmy(w.date) },
    // 4 Tipo de comprobante de origen: 01 factura, 02 ND, 03 orden de pago, … 07 recibo, … Ours: 07.
    { name: 'originType', width: 2, value: () => '07' },
    // 5 Letra: blank for a receipt.
    { name: 'originLetter', width: 1, value: () => ' ' },
    // 6 Nro. de comprobante, 16 zero-filled.
    { name: 'originNumber', width: 16, value: (w) => zeros(receiptNumber(w), 16) },
    // 7 Fecha del comprobante.
    { name: 'originDate', width: 10, value: (w) => dmy(w.receiptDate) },
    // 8 Monto del comprobante, 16 with a decimal comma (13 integers).
    { name: 'originAmount', width: 16, blame: 'receiptTotal', value: (w) => positiveAmount(w.receiptTotal, 16) },
    // 9 Nro. de certificado propio: the agent's certificate as printed, right-aligned, space-filled.
    {
      name: 'certificateNumber',
      width: 16,
      value: (w) => (w.certificateNumber.length <= 16 ? ascii(w.certificateNumber).padStart(16, ' ') : ''),
    },
    // 10 Tipo de documento del retenido: 3 CUIT (2 CUIL, 1 CDI).
    { name: 'subjectIdType', width: 1, value: () => '3' },
    // 11 Nro. de documento del retenido: the company's CUIT, 11 digits.
    { name: 'subjectTaxId', width: 11, value: (_w, c) => c.taxId },
    // 12 Situación IB del retenido: 1 local, 2 Convenio Multilateral, 4 no inscripto, 5 régimen simplificado.
    { name: 'subjectIibbSituation', width: 1, value: (_w, c) => c.iibbSituation },
    // 13 Nro. de inscripción IB del retenido, 11 zero-filled.
    { name: 'subjectIibbNumber', width: 11, value: (_w, c) => zeros(c.iibbNumber, 11) },
    // 14 Situación frente al IVA: 1 Responsable Inscripto, 3 Exento, 4 Monotributo.
    { name: 'subjectIvaSituation', width: 1, value: (_w, c) => c.ivaSituation },
    // 15 Razón social del retenido, 30, left-aligned, cut.
    { name: 'subjectName', width: 30, value: (_w, c) => text(c.name, 30) },
    // 16 Importe otros conceptos: the voucher's amount less the base and the IVA (the design's
    // check: monto del comprobante = sujeto a retención + IVA + otros conceptos).
    {
      name: 'otherConcepts',
      width: 16,
      blame: 'baseAmount',
      value: (w) => {
        const other = new D(w.receiptTotal).minus(need(w, 'baseAmount', w.baseAmount));
        return other.gte(0) ? fixedAmount(other.toFixed(2), 16) : '';
      },
    },
    // 17 Importe IVA: only for vouchers A and M; a receipt has none.
    { name: 'vat', width: 16, value: () => fixedAmount('0', 16) },
    // 18 Monto sujeto a retención.
    { name: 'baseAmount', width: 16, value: (w) => positiveAmount(need(w, 'baseAmount', w.baseAmount), 16) },
    // 19 Alícuota, 5: two integers, comma, two decimals (02,50).
    {
      name: 'rate',
      width: 5,
      value: (w) =>
        fixedAmount(
          w.rate ??
            new D(w.amount)
              .div(need(w, 'baseAmount', w.baseAmount))
              .times(100)
              .toFixed(2),
          5,
        ),
    },
    // 20 Retención practicada; 21 Monto total retenido (the same: one withholding per record).
    { name: 'amount', width: 16, value: (w) => positiveAmount(w.amount, 16) },
    { name: 'totalAmount', width: 16, blame: 'amount', value: (w) => positiveAmount(w.amount, 16) },
    // 22 Aceptación (E expresa, T tácita) and 23 Fecha de aceptación expresa: FCE MiPyME only, blank otherwise.
    { name: 'acceptance', width: 1, value: () => ' ' },
    { name: 'acceptanceDate', width: 10, value: () => ' '.repeat(10) },
  ],
};

// ---- ARBA ----

/**
 * ARBA (Provincia de Buenos Aires), agentes de recaudación, régimen general de retención:
 * "Diseño de registro – Retenciones" of the DDJJ file (Disposición Normativa "B" 1/2004 and its
 * agents' application), 47 characters. Source: ARBA, "Agentes › Presentación de DDJJ › Diseños de
 * registro", https://www.arba.gov.ar/Apartados/Agentes/PresentacionDDJJ.asp. Read against the
 * percepciones records of ingadhoc/odoo-argentina-ee (iibb_aplicado and its sample files
 * AR-30707963111-2019010-7-LOTE1.txt), which share every field but the voucher type and base.
 * From 01/12/2025 ARBA's RN 22/2025 has agents issue each withholding on the web (form A-122R);
 * this record stays the check list the company reconciles against.
 */
export const ARBA_RETENCION: Layout<Pick<CompanyAsWithheld, 'taxId'>> = {
  source: 'ARBA, DN "B" 1/2004, diseño de registro retenciones (https://www.arba.gov.ar)',
  fields: [
    // CUIT del contribuyente retenido, with dashes: the company.
    { name: 'subjectTaxId', width: 13, value: (_w, c) => cuitWithDashes(c.taxId) },
    { name: 'date', width: 10, value: (w) => dmy(w.date) },
    // Número de sucursal (4) and número de emisión (8): the certificate's point of issue and number.
    {
      name: 'certificateBranch',
      width: 4,
      blame: 'certificateNumber',
      value: (w) => zeros(certificateParts(w.certificateNumber)[0] || '0', 4),
    },
    { name: 'certificateNumber', width: 8, value: (w) => digitsIn(certificateParts(w.certificateNumber)[1], 8) },
    // Importe de la retención: 11 with a decimal comma, no sign.
    { name: 'amount', width: 11, value: (w) => positiveAmount(w.amount, 11) },
    // Tipo de operación: A alta (B baja, M modificación).
    { name: 'operation', width: 1, value: () => 'A' },
  ],
};

export const sifereLine = (w: SufferedWithholding) => writeRecord(SIFERE_RETENCIONES, w, undefined);
export const arcibaLine = (w: SufferedWithholding, company: CompanyAsWithheld) => writeRecord(ARCIBA_RETENCION, w, company);
export const arbaLine = (w: SufferedWithholding, company: Pick<CompanyAsWithheld, 'taxId'>) =>
  writeRecord(ARBA_RETENCION, w, company);
