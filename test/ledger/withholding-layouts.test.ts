import {
  ARBA_RETENCION,
  ARCIBA_RETENCION,
  arbaLine,
  arcibaLine,
  LayoutProblem,
  lines,
  recordLength,
  SIFERE_JURISDICTIONS,
  SIFERE_RETENCIONES,
  sifereLine,
  type CompanyAsWithheld,
  type SufferedWithholding,
} from '../../server/src/modules/ledger/withholding-files';

/*
 * The three record layouts, field by field, without the database. Every expected record is typed
 * here from the published design (widths and formats in the comments), not built by the writer.
 */

const withholding = (over: Partial<SufferedWithholding> = {}): SufferedWithholding => ({
  id: 1,
  jurisdiction: 'AR-C',
  regimeCode: '29',
  agentTaxId: '30712345671',
  certificateNumber: '0003-00000042',
  date: '2026-11-05',
  baseAmount: '1000',
  rate: '3',
  amount: '30',
  receiptPointOfSale: 2,
  receiptNumber: 57,
  receiptDate: '2026-11-04',
  receiptTotal: '1210',
  ...over,
});

const company: CompanyAsWithheld = {
  taxId: '30500010912',
  name: 'Distribuidora Sur S.A.',
  iibbSituation: '1',
  iibbNumber: '1234567',
  ivaSituation: '1',
};

/** The field a record is refused on. */
function refusal(write: () => string): string {
  try {
    write();
  } catch (err) {
    if (err instanceof LayoutProblem) return err.field;
    throw err;
  }
  throw new Error('the record was written');
}

describe('the record lengths of the published designs', () => {
  test('when the field tables are added up, then SIFERE is 79, ARCIBA (v3.0) 226 and ARBA 47 characters', () => {
    expect([recordLength(SIFERE_RETENCIONES), recordLength(ARCIBA_RETENCION), recordLength(ARBA_RETENCION)]).toEqual([
      79, 226, 47,
    ]);
  });

  test('when records are joined into a file, then each ends in CRLF, the last one too', () => {
    expect(lines(['a', 'b'])).toBe('a\r\nb\r\n');
    expect(lines([])).toBe('');
  });
});

describe('SIFERE', () => {
  test('when a withholding is written, then jurisdiction, CUIT with dashes, date, sucursal, constancia, R, blank letter, receipt, amount', () => {
    expect(sifereLine(withholding())).toBe(
      '901' + '30-71234567-1' + '05/11/2026' + '0003' + '0000000000000042' + 'R' + ' ' + '00000000000200000057' + '00000030,00',
    );
  });

  test('when the jurisdictions are listed, then 901 Ciudad … 924 Tucumán, one code each', () => {
    const codes = Object.values(SIFERE_JURISDICTIONS).sort();
    expect(codes).toEqual(Array.from({ length: 24 }, (_, i) => String(901 + i)));
    expect([SIFERE_JURISDICTIONS['AR-C'], SIFERE_JURISDICTIONS['AR-B'], SIFERE_JURISDICTIONS['AR-T']]).toEqual([
      '901',
      '902',
      '924',
    ]);
  });

  test.each([
    ['a cent', '0.01', '00000000,01'],
    ['the widest amount', '99999999.99', '99999999,99'],
    ['a negative amount (the sign first)', '-123.45', '-0000123,45'],
    ['zero', '0', '00000000,00'],
  ])('when the amount is %s, then it is zero-filled to 11 with a decimal comma', (_what, amount, field) => {
    expect(sifereLine(withholding({ amount })).slice(68)).toBe(field);
  });

  test.each([
    ['an amount wider than 11', { amount: '100000000' }, 'amount'],
    ['a province outside the table', { jurisdiction: 'AR-XX' }, 'jurisdiction'],
    ['no agent CUIT', { agentTaxId: null }, 'agentTaxId'],
    ['a constancia over 16 digits', { certificateNumber: '1-12345678901234567' }, 'certificateNumber'],
    ['a sucursal over 4 digits', { certificateNumber: '12345-1' }, 'certificateNumber'],
    ['no digits in the certificate', { certificateNumber: 'A-B' }, 'certificateNumber'],
  ])('when it has %s, then the record is refused naming the field', (_what, over, field) => {
    expect(refusal(() => sifereLine(withholding(over)))).toBe(field);
  });

  test('when the certificate has no point of issue, then the sucursal is 0000 and the digits are the constancia', () => {
    expect(sifereLine(withholding({ certificateNumber: 'N° 987' })).slice(26, 46)).toBe('0000' + '0000000000000987');
  });
});

describe('ARCIBA', () => {
  test('when a withholding is written, then the 23 fields of design v3.0 in order', () => {
    expect(arcibaLine(withholding(), company)).toBe(
      '1' + // tipo de operación: retención
        '029' + // código de norma
        '05/11/2026' + // fecha de retención
        '07' + // comprobante de origen: recibo
        ' ' + // letra
        '0000000200000057' + // nro. de comprobante
        '04/11/2026' + // fecha del comprobante
        '0000000001210,00' + // monto del comprobante
        '   0003-00000042' + // certificado propio, right-aligned
        '3' + // CUIT
        '30500010912' +
        '1' + // IB local
        '00001234567' +
        '1' + // Responsable Inscripto
        'Distribuidora Sur S.A.        ' +
        '0000000000210,00' + // otros conceptos: 1.210 − 1.000 − 0
        '0000000000000,00' + // IVA
        '0000000001000,00' + // monto sujeto a retención
        '03,00' + // alícuota
        '0000000000030,00' + // retención practicada
        '0000000000030,00' + // monto total retenido
        ' ' + // aceptación (FCE only)
        '          ', // fecha de aceptación expresa
    );
  });

  test('when the name is long and has accents, then it is transliterated to ASCII and cut at 30', () => {
    const line = arcibaLine(withholding(), { ...company, name: 'Compañía Ñandú Distribuidora del Sur Sociedad Anónima' });
    expect(line.slice(100, 130)).toBe('Compania Nandu Distribuidora d');
    expect(Buffer.byteLength(line, 'utf8')).toBe(226);
  });

  test('when the certificate is written with a sign outside ASCII (N° 987), then it is left out and the rest right-aligned', () => {
    expect(arcibaLine(withholding({ certificateNumber: 'N° 987' }), company).slice(59, 75)).toBe('           N 987');
  });

  test('when no rate is stored, then it is the amount over the base, 2 integers and 2 decimals', () => {
    expect(arcibaLine(withholding({ rate: null, amount: '25', baseAmount: '1000' }), company).slice(178, 183)).toBe('02,50');
  });

  test.each([
    ['no regime code', { regimeCode: null }, 'regimeCode'],
    ['a regime code of 4 digits', { regimeCode: '1029' }, 'regimeCode'],
    ['no taxable base', { baseAmount: null }, 'baseAmount'],
    ['a base over the receipt total', { baseAmount: '2000', amount: '60', rate: '3' }, 'baseAmount'],
    ['a certificate over 16 characters', { certificateNumber: '00001-00000000042' }, 'certificateNumber'],
    ['a zero amount', { amount: '0' }, 'amount'],
    ['a negative amount', { amount: '-30' }, 'amount'],
    [
      'an amount wider than 16',
      { amount: '10000000000000', receiptTotal: '10000000000000', baseAmount: '10000000000000' },
      'receiptTotal',
    ],
  ])('when it has %s, then the record is refused naming the field', (_what, over, field) => {
    expect(refusal(() => arcibaLine(withholding(over), company))).toBe(field);
  });
});

describe('ARBA', () => {
  test('when a withholding is written, then company CUIT with dashes, date, sucursal, emisión, amount, A', () => {
    expect(arbaLine(withholding({ jurisdiction: 'AR-B' }), company)).toBe(
      '30-50001091-2' + '05/11/2026' + '0003' + '00000042' + '00000030,00' + 'A',
    );
  });

  test('when the certificate is written short (12-77), then sucursal and emisión are each zero-filled', () => {
    expect(arbaLine(withholding({ certificateNumber: '12-77' }), company).slice(23, 35)).toBe('0012' + '00000077');
  });

  test.each([
    ['an emisión over 8 digits', { certificateNumber: '0001-123456789' }, 'certificateNumber'],
    ['a zero amount', { amount: '0' }, 'amount'],
    ['a negative amount (a reversal is operation B, not a sign)', { amount: '-1' }, 'amount'],
    ['an amount wider than 11', { amount: '100000000' }, 'amount'],
  ])('when it has %s, then the record is refused naming the field', (_what, over, field) => {
    expect(refusal(() => arbaLine(withholding(over), company))).toBe(field);
  });
});
