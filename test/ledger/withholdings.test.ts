import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, ledgerSnapshot } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

/*
 * Withholdings suffered, as the monthly IIBB filings take them. The expected files
 * (test/ledger/fixtures/withholdings/*.txt) are written by hand, field by field, from the
 * published layouts (SIFERE 79, ARCIBA 226, ARBA 47 characters, CRLF, ASCII), not produced by
 * the code under test; each export is compared with its file byte for byte.
 */

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'withholdings', name));

/** The file's bytes as sent, not a decoded text. */
async function download(path: string): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await agents.clerk
    .get(path)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return { status: res.status, body: res.body as Buffer, type: String(res.headers['content-type']) };
}

let company: TestCompany;
let agents: Record<Role, Agent>;
let customer: { id: number };
let receipt: { id: number; withholdings: Array<{ id: number; agentTaxId: string; agentName: string; type: string }> };

beforeAll(async () => {
  company = await createTestCompany('Retenciones');
  agents = await agentsFor(company);
  await company
    .knex('companies')
    .where({ id: company.companyId })
    .update({ name: 'Distribuidora Sur S.A.', taxId: '30500010912' });
  customer = await createCustomer(agents.clerk, { taxId: '30712345671', legalName: 'Agente Retenedor S.A.' });
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: '2026-11-10',
    payments: [{ method: 'cash', amount: '10000' }],
    withholdings: [
      {
        type: 'IIBB',
        jurisdiction: 'AR-X',
        certificateNumber: '0001-00012345',
        date: '2026-11-10',
        baseAmount: '10000',
        rate: '2.5',
        amount: '250',
      },
      {
        type: 'IIBB',
        jurisdiction: 'AR-C',
        regimeCode: '29',
        certificateNumber: '555',
        date: '2026-11-12',
        baseAmount: '8000',
        rate: '2',
        amount: '160',
      },
      { type: 'IIBB', jurisdiction: 'AR-B', certificateNumber: '0012-00000077', date: '2026-11-15', amount: '150' },
      {
        type: 'IVA',
        regimeCode: '767',
        certificateNumber: 'IVA-1',
        date: '2026-11-10',
        amount: '50',
        agentTaxId: '30500010912',
        agentName: 'Otro Agente',
      },
    ],
  });
  expect(res.status).toBe(201);
  receipt = res.body;
});

describe('a withholding suffered', () => {
  test('when no agent is named, then the agent is the customer; a named one is kept', () => {
    expect(receipt.withholdings.map((w) => [w.type, w.agentTaxId, w.agentName])).toEqual([
      ['IIBB', '30712345671', 'Agente Retenedor S.A.'],
      ['IIBB', '30712345671', 'Agente Retenedor S.A.'],
      ['IIBB', '30712345671', 'Agente Retenedor S.A.'],
      ['IVA', '30500010912', 'Otro Agente'],
    ]);
  });

  test.each([
    [
      'a national withholding with a province',
      { type: 'GANANCIAS', jurisdiction: 'AR-B', regimeCode: '078' },
      'withholdings.0.jurisdiction',
    ],
    ['an ARCA regime that is not 3 digits', { type: 'IVA', regimeCode: '76' }, 'withholdings.0.regimeCode'],
    [
      'a base times rate that is not the amount',
      { type: 'SUSS', baseAmount: '1000', rate: '2', amount: '30' },
      'withholdings.0.amount',
    ],
    ['an agent CUIT with a wrong check digit', { type: 'IVA', agentTaxId: '30712345672' }, 'withholdings.0.agentTaxId'],
  ])('when it has %s, then 400 naming the field and nothing is written', async (_what, over, path) => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-11-20',
      withholdings: [{ certificateNumber: 'X-1', date: '2026-11-20', amount: '20', ...over }],
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(res.body.message).not.toMatch(/must|is required/);
    if (path.endsWith('jurisdiction')) expect(res.body.message).toMatch(/es nacional \(ARCA\): no lleva jurisdicción provincial/);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });
});

describe('the files for the IIBB filings', () => {
  const period = 'from=2026-11-01&to=2026-11-30';

  test('when SIFERE is exported, then every IIBB withholding of the period is one 79-character record', async () => {
    const res = await download(`/api/withholdings/sifere.txt?${period}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain; charset=utf-8');
    // Córdoba's certificate 0001-00012345 goes as sucursal 0001 + constancia 12345; CABA's 555 has no sucursal (0000).
    expect(res.body.equals(fixture('sifere.txt'))).toBe(true);
  });

  test("when ARBA is exported, then Buenos Aires' withholding is one 47-character record", async () => {
    const res = await download(`/api/withholdings/arba.txt?${period}`);
    expect(res.status).toBe(200);
    // CUIT of the company withheld, date, the certificate 0012-00000077 as sucursal + emisión, amount, A (alta).
    expect(res.body.equals(fixture('arba.txt'))).toBe(true);
    // One agent's records only (what that agent declares): this agent's, then another's (none).
    const mine = await download(`/api/withholdings/arba.txt?${period}&agentTaxId=30712345671`);
    expect(mine.body.equals(fixture('arba.txt'))).toBe(true);
    const other = await download(`/api/withholdings/arba.txt?${period}&agentTaxId=30500010912`);
    expect([other.status, other.body.length]).toEqual([200, 0]);
  });

  test("when ARCIBA is exported, then CABA's withholding is one 226-character record with the company as withheld", async () => {
    const res = await download(`/api/withholdings/arciba.txt?${period}&iibbSituation=2&iibbNumber=9012345678&ivaSituation=1`);
    expect(res.status).toBe(200);
    // Receipt 0001-00000001 of $ 10.610 (cash 10.000 + 610 withheld): base 8.000, other concepts 2.610, IVA 0.
    const expected = fixture('arciba.txt');
    expect(res.body.equals(expected)).toBe(true);
    // Without Ingresos Brutos data in Empresa (the company is a Responsable Inscripto), the query must name it.
    const missing = await agents.clerk.get(`/api/withholdings/arciba.txt?${period}`);
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['iibbSituation', 'iibbNumber']);
    // With it, the same file comes from Empresa's data alone.
    await company
      .knex('companies')
      .where({ id: company.companyId })
      .update({ grossIncomeRegime: 'multilateral', grossIncomeNumber: '901-234567-8' });
    const fromCompany = await download(`/api/withholdings/arciba.txt?${period}`);
    expect(fromCompany.status).toBe(200);
    expect(fromCompany.body.equals(expected)).toBe(true);
  });

  test('when a withholding lacks what the layout needs, then 409 naming its certificate, no file', async () => {
    const res = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-12-02',
      withholdings: [{ type: 'IIBB', jurisdiction: 'AR-C', certificateNumber: '777', date: '2026-12-02', amount: '10' }],
    });
    expect(res.status).toBe(201);
    const file = await agents.clerk.get(
      '/api/withholdings/arciba.txt?from=2026-12-01&to=2026-12-31&iibbSituation=2&iibbNumber=1&ivaSituation=1',
    );
    expect(file.status).toBe(409);
    expect(file.body.message).toMatch(/certificado 777: falta código de régimen/);
    const reversed = await agents.clerk.get('/api/withholdings/sifere.txt?from=2026-12-31&to=2026-12-01');
    expect(reversed.status).toBe(400);
  });
});

describe("the certificate's PDF", () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

  test('when a PDF is attached, then it is kept and read back byte for byte', async () => {
    const id = receipt.withholdings[0].id;
    const put = await agents.clerk
      .post(`/api/withholdings/${id}/certificate`)
      .set('Content-Type', 'application/pdf')
      .set('X-File-Name', 'cert-12345.pdf')
      .send(pdf);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ withholdingId: id, fileName: 'cert-12345.pdf', size: pdf.length, contentType: 'application/pdf' });
    const got = await agents.manager.get(`/api/withholdings/${id}/certificate`).buffer(true);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
  });

  test('when it is not a PDF, too large, or sent by a manager, then refused and nothing is stored', async () => {
    const id = receipt.withholdings[1].id;
    const png = await agents.clerk
      .post(`/api/withholdings/${id}/certificate`)
      .set('Content-Type', 'image/png')
      .send(Buffer.from('\x89PNG'));
    expect(png.status).toBe(415);
    expect(png.body.message).toBe('El certificado debe ser un PDF (Content-Type: application/pdf)');
    const disguised = await agents.clerk
      .post(`/api/withholdings/${id}/certificate`)
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('MZ not a pdf'));
    expect(disguised.status).toBe(415);
    const big = Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await agents.clerk
      .post(`/api/withholdings/${id}/certificate`)
      .set('Content-Type', 'application/pdf')
      .send(big);
    expect(tooLarge.status).toBe(413);
    expect(
      (await agents.manager.post(`/api/withholdings/${id}/certificate`).set('Content-Type', 'application/pdf').send(pdf)).status,
    ).toBe(403);
    expect(Number((await company.knex('withholding_certificates').where({ withholdingId: id }).count())[0].count)).toBe(0);
    expect((await agents.clerk.get(`/api/withholdings/${id}/certificate`)).status).toBe(404);
  });
});
