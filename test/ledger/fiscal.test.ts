import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';
import { createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice } from '../support/ledger';
import { makeCbu, makeCuit } from '../support/master-data';
import { addDays, today } from '../../server/src/lib/dates';

let company: TestCompany;
let agents: Record<Role, Agent>;
let number = 5000;
const next = () => (number += 1);

// The CBU an FCE is paid to, valid digit by digit.
const CBU = makeCbu();

beforeAll(async () => {
  company = await createTestCompany('Fiscal');
  agents = await agentsFor(company);
});

const fiscal = (customerId: number, extra: Record<string, unknown> = {}) => ({
  customerId,
  type: 'FAC',
  letter: 'A',
  pointOfSale: 7,
  number: next(),
  issueDate: '2026-10-01',
  total: '100.00',
  ...extra,
});

/** Posts and expects a refusal that writes nothing, answering the body. */
async function refused(agent: Agent, path: string, body: unknown, status: number) {
  const before = await ledgerSnapshot(company.knex, company.companyId);
  const res = await agent.post(path, body).set('Accept-Language', 'es-AR');
  expect(res.status).toBe(status);
  expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  return res.body as { code: string; message: string; details: Array<{ path: string; message: string }> };
}

describe('letters agree with the IVA conditions (RG 1415)', () => {
  let ri: { id: number };
  let mono: { id: number };
  let consumer: { id: number };
  let foreign: { id: number };
  let exempt: { id: number };

  beforeAll(async () => {
    ri = await createCustomer(agents.clerk);
    mono = await createCustomer(agents.clerk, { ivaCondition: 6, taxId: makeCuit('20') });
    consumer = await createCustomer(agents.clerk, { ivaCondition: 5, taxIdType: 'DNI', taxId: '28123456' });
    foreign = await createCustomer(agents.clerk, { ivaCondition: 9, taxIdType: 'FOREIGN', taxId: 'P-998877', country: 'UY' });
    exempt = await createCustomer(agents.clerk, { ivaCondition: 4, taxId: makeCuit('30') });
  });

  test.each([
    ['B to a Responsable Inscripto', () => ri.id, 'B', 'A o M'],
    ['C to a Responsable Inscripto', () => ri.id, 'C', 'A o M'],
    ['B to a Monotributista', () => mono.id, 'B', 'A o M'],
    ['A to a consumidor final', () => consumer.id, 'A', 'B'],
    ['E to a consumidor final', () => consumer.id, 'E', 'B'],
    ['A to an Exento', () => exempt.id, 'A', 'B'],
    ['A to a foreign customer', () => foreign.id, 'A', 'E'],
    ['B to a foreign customer', () => foreign.id, 'B', 'E'],
  ])(
    'when an RI company posts %s, then 400 LETTER_MISMATCH naming the rule, in Spanish',
    async (_, customer, letter, allowed) => {
      const body = await refused(agents.clerk, '/api/documents', fiscal(customer(), { letter }), 400);
      expect(body.code).toBe('LETTER_MISMATCH');
      expect(body.message).toContain('RG 1415');
      expect(body.message).toContain(`comprobantes ${allowed}, no ${letter}`);
      expect(body.details).toEqual([{ path: 'letter', message: `debe ser ${allowed}` }]);
    },
  );

  test.each([
    ['A to a Responsable Inscripto', () => ri.id, 'A', 1],
    ['M to a Responsable Inscripto', () => ri.id, 'M', 51],
    ['A to a Monotributista', () => mono.id, 'A', 1],
    ['B to a consumidor final', () => consumer.id, 'B', 6],
    ['B to an Exento', () => exempt.id, 'B', 6],
    ['E to a foreign customer', () => foreign.id, 'E', 19],
  ])('when an RI company posts %s, then it is posted with its ARCA code', async (_, customer, letter, code) => {
    const res = await agents.clerk.post('/api/documents', fiscal(customer(), { letter }));
    expect(res.status).toBe(201);
    expect(res.body.arcaCode).toBe(code);
  });

  test('ND and NC take the codes of their class: ND B 7, NC B 8, NC E 21', async () => {
    const nd = await agents.clerk.post('/api/documents', fiscal(consumer.id, { type: 'ND', letter: 'B' }));
    const nc = await agents.clerk.post('/api/documents', fiscal(consumer.id, { type: 'NC', letter: 'B' }));
    const ncE = await agents.clerk.post('/api/documents', fiscal(foreign.id, { type: 'NC', letter: 'E' }));
    expect([nd.body.arcaCode, nc.body.arcaCode, ncE.body.arcaCode]).toEqual([7, 8, 21]);
  });

  test('when an adjustment (letter X) is posted to a consumidor final or a foreign customer, then it is accepted', async () => {
    for (const id of [consumer.id, foreign.id]) {
      const res = await agents.supervisor.post('/api/documents', {
        customerId: id,
        type: 'AJP',
        issueDate: '2026-10-01',
        total: '5',
        reason: 'Ajuste interno',
      });
      expect([res.status, res.body.letter, res.body.arcaCode]).toEqual([201, 'X', null]);
    }
  });

  test('when an anonymous consumidor final is invoiced $ 10.000.000 or more, then 400 (RG 5700/2025); under it, posted', async () => {
    const anonymous = await createCustomer(agents.clerk, { ivaCondition: 5, taxIdType: 'DNI', taxId: null });
    const body = await refused(agents.clerk, '/api/documents', fiscal(anonymous.id, { letter: 'B', total: '10000000.00' }), 400);
    expect(body.code).toBe('CONSUMER_NOT_IDENTIFIED');
    expect(body.message).toContain('RG 5700/2025');
    const under = await agents.clerk.post('/api/documents', fiscal(anonymous.id, { letter: 'B', total: '9999999.99' }));
    expect(under.status).toBe(201);
  });

  test('when the company is a Monotributista, then it issues C and nothing else', async () => {
    const mono2 = await createTestCompany('Monotributo');
    await mono2.knex('companies').where({ id: mono2.companyId }).update({ ivaCondition: 6 });
    const a = await agentsFor(mono2);
    const customer = await createCustomer(a.clerk);
    const wrong = await a.clerk.post('/api/documents', fiscal(customer.id, { letter: 'A' })).set('Accept-Language', 'es');
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('Responsable Monotributo emite a un cliente IVA Responsable Inscripto comprobantes C');
    const right = await a.clerk.post('/api/documents', fiscal(customer.id, { letter: 'C' }));
    expect([right.status, right.body.arcaCode]).toEqual([201, 11]);
    const english = await a.clerk.post('/api/documents', fiscal(customer.id, { letter: 'B' })).set('Accept-Language', 'en');
    expect(english.body.message).toMatch(/^Letter rule \(RG 1415\)/);
  });
});

describe('ARCA codes and uniqueness per code, point of sale and number', () => {
  test('when a FAC A and an FCE A share point of sale and number, then both are posted; a second FCE A with it is 409', async () => {
    const customer = await createCustomer(agents.clerk);
    const n = next();
    const plain = await agents.clerk.post('/api/documents', fiscal(customer.id, { number: n }));
    const fce = await agents.clerk.post(
      '/api/documents',
      fiscal(customer.id, { number: n, fce: true, fceCbu: CBU, fceOption: 'SCA' }),
    );
    expect([plain.status, plain.body.arcaCode, fce.status, fce.body.arcaCode]).toEqual([201, 1, 201, 201]);
    const dup = await refused(
      agents.clerk,
      '/api/documents',
      fiscal(customer.id, { number: n, fce: true, fceCbu: CBU, fceOption: 'ADC' }),
      409,
    );
    expect(dup.code).toBe('DUPLICATE_NUMBER');
    expect(dup.message).toContain('código de comprobante ARCA');
  });
});

describe('FCE MiPyME (Ley 27.440)', () => {
  let customer: { id: number };
  beforeAll(async () => {
    customer = await createCustomer(agents.clerk);
  });

  test('when an FCE invoice lacks its CBU or its option, then 400 naming both', async () => {
    const body = await refused(agents.clerk, '/api/documents', fiscal(customer.id, { fce: true }), 400);
    expect(body.code).toBe('FCE_PAYMENT_DATA');
    expect(body.details.map((d) => d.path)).toEqual(['fceCbu', 'fceOption']);
  });

  test('when an FCE goes to a consumidor final or is of class E, then 400 FCE_NOT_ALLOWED', async () => {
    const consumer = await createCustomer(agents.clerk, { ivaCondition: 5, taxIdType: 'DNI', taxId: '30111222' });
    const foreign = await createCustomer(agents.clerk, { ivaCondition: 9, taxIdType: 'FOREIGN', taxId: 'X1' });
    for (const [id, letter] of [
      [consumer.id, 'B'],
      [foreign.id, 'E'],
    ] as const) {
      const body = await refused(
        agents.clerk,
        '/api/documents',
        fiscal(id, { letter, fce: true, fceCbu: CBU, fceOption: 'SCA' }),
        400,
      );
      expect(body.code).toBe('FCE_NOT_ALLOWED');
    }
  });

  test('when its window passes without an answer, then it reads accepted by silence and can no longer be rejected', async () => {
    // Issued 30 days ago: past the window (15 days by law, 21 under the extensions), whichever applies.
    const issueDate = addDays(today(), -30);
    const old = await postInvoice(agents.clerk, customer.id, '500', {
      issueDate,
      pointOfSale: 8,
      fce: true,
      fceCbu: CBU,
      fceOption: 'SCA',
    });
    const record = await doc(agents.clerk, old.id);
    expect(record.fceAcceptance).toBe('tacitly_accepted');
    expect(String(record.fceDeadline) < today()).toBe(true);
    const late = await agents.supervisor
      .put(`/api/documents/${old.id}`, { fceAcceptance: 'rejected', fceRejectionReason: 'Mercadería no recibida' })
      .set('Accept-Language', 'es');
    expect([late.status, late.body.code]).toEqual([409, 'FCE_ANSWERED']);
    expect(late.body.message).toContain('aceptada tácitamente');
    expect((await doc(agents.clerk, old.id)).fceRejectionReason).toBeNull();
  });

  test('when the buyer answers within the window, then a rejection needs its reason and is kept with it', async () => {
    const fresh = await postInvoice(agents.clerk, customer.id, '300', {
      issueDate: today(),
      pointOfSale: 8,
      fce: true,
      fceCbu: CBU,
      fceOption: 'ADC',
    });
    const record = await doc(agents.clerk, fresh.id);
    expect(record.fceAcceptance).toBe('pending');
    expect([15, 21].map((d) => addDays(today(), d))).toContain(record.fceDeadline);
    const noReason = await agents.supervisor.put(`/api/documents/${fresh.id}`, { fceAcceptance: 'rejected' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'FCE_REJECTION_REASON']);
    const tacit = await agents.supervisor.put(`/api/documents/${fresh.id}`, { fceAcceptance: 'tacitly_accepted' });
    expect([tacit.status, tacit.body.code]).toEqual([400, 'FCE_ACCEPTANCE_STATE']);
    const rejected = await agents.supervisor.put(`/api/documents/${fresh.id}`, {
      fceAcceptance: 'rejected',
      fceRejectionReason: 'Precio distinto del pactado',
    });
    expect(rejected.status).toBe(200);
    expect([rejected.body.fceAcceptance, rejected.body.fceRejectionReason]).toEqual(['rejected', 'Precio distinto del pactado']);
  });

  test('when a plain NC or an AJN is applied to an FCE, then 409 FCE_ADJUSTMENT; a receipt pays it', async () => {
    const fce = await postInvoice(agents.clerk, customer.id, '400', { pointOfSale: 8, fce: true, fceCbu: CBU, fceOption: 'SCA' });
    const nc = await agents.clerk.post('/api/documents', fiscal(customer.id, { type: 'NC', total: '50' }));
    const ajn = await agents.supervisor.post('/api/documents', {
      customerId: customer.id,
      type: 'AJN',
      issueDate: '2026-10-02',
      total: '10',
      reason: 'Redondeo',
    });
    for (const credit of [nc.body.id, ajn.body.id]) {
      const body = await refused(
        agents.clerk,
        '/api/applications',
        { creditDocumentId: credit, debitDocumentId: fce.id, amount: '10', date: '2026-10-05' },
        409,
      );
      expect(body.code).toBe('FCE_ADJUSTMENT');
      expect(body.message).toContain('Ley 27.440');
    }
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-10',
      payments: [{ method: 'cash', amount: '400' }],
      applications: [{ documentId: fce.id, amount: '400' }],
    });
    expect(rec.status).toBe(201);
    expect((await doc(agents.clerk, fce.id)).openAmount).toBe('0.00');
  });

  test('when debtors and aging are filtered to FCE, then only customers and documents with open FCEs count', async () => {
    const other = await createCustomer(agents.clerk);
    await postInvoice(agents.clerk, other.id, '700');
    const withFce = await createCustomer(agents.clerk);
    await postInvoice(agents.clerk, withFce.id, '250', { pointOfSale: 8, fce: true, fceCbu: CBU, fceOption: 'SCA' });
    await postInvoice(agents.clerk, withFce.id, '100');
    const debtors = await agents.clerk.get(
      `/api/debtors?filter=${encodeURIComponent(JSON.stringify({ fce: true }))}&range=[0,999]`,
    );
    expect(debtors.status).toBe(200);
    const ids = debtors.body.map((d: { id: number }) => d.id);
    expect(ids).toContain(withFce.id);
    expect(ids).not.toContain(other.id);
    const aging = await agents.clerk.get('/api/reports/aging?fce=true');
    expect(aging.status).toBe(200);
    const row = aging.body.rows.find(
      (r: { key: string | number }) => Number(r.key) === withFce.id || r.key === String(withFce.id),
    );
    expect(row).toBeDefined();
    expect(aging.body.rows.find((r: { key: string | number }) => Number(r.key) === other.id)).toBeUndefined();
  });
});

describe('fiscal documents are reversed by a credit note, not cancelled', () => {
  test('when a supervisor cancels a FAC A, then 409 FISCAL_DOCUMENT and nothing changes', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '121.00');
    const body = await refused(agents.supervisor, `/api/documents/${inv.id}/cancel`, { reason: 'Mal emitida' }, 409);
    expect(body.code).toBe('FISCAL_DOCUMENT');
    expect(body.message).toContain('se revierte con una nota de crédito');
  });

  test('when a supervisor generates the credit note, then an NC A of the same amount is applied to it and the balance is back to zero', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '121.00');
    const res = await agents.supervisor.post(`/api/documents/${inv.id}/credit-note`, {
      pointOfSale: 3,
      number: next(),
      issueDate: '2026-10-03',
      reason: 'Precio mal cargado',
      cae: '75123456789012',
      caeDueDate: '2026-10-13',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'NC',
      letter: 'A',
      arcaCode: 3,
      total: '121.00',
      openAmount: '0.00',
      status: 'posted',
    });
    const invoice = await doc(agents.clerk, inv.id);
    expect([invoice.status, invoice.openAmount]).toEqual(['posted', '0.00']);
    expect((invoice.applications as Array<{ documentId: number; amount: string }>).map((a) => [a.documentId, a.amount])).toEqual([
      [res.body.id, '121.00'],
    ]);
    expect((await agents.clerk.get(`/api/customers/${customer.id}`)).body.balance).toBe('0.00');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when an FCE is reversed, then the credit note is an FCE credit note (ARCA 203); more than it has open is 409', async () => {
    const customer = await createCustomer(agents.clerk);
    const fce = await postInvoice(agents.clerk, customer.id, '800.00', {
      pointOfSale: 8,
      fce: true,
      fceCbu: CBU,
      fceOption: 'SCA',
    });
    const over = await refused(
      agents.supervisor,
      `/api/documents/${fce.id}/credit-note`,
      { pointOfSale: 8, number: next(), issueDate: '2026-10-02', reason: 'Devolución', total: '800.01' },
      409,
    );
    expect(over.code).toBe('OVER_APPLICATION');
    const part = await agents.supervisor.post(`/api/documents/${fce.id}/credit-note`, {
      pointOfSale: 8,
      number: next(),
      issueDate: '2026-10-02',
      reason: 'Devolución parcial',
      total: '300.00',
    });
    expect(part.status).toBe(201);
    expect([part.body.arcaCode, part.body.fce, part.body.total]).toEqual([203, true, '300.00']);
    expect((await doc(agents.clerk, fce.id)).openAmount).toBe('500.00');
  });

  test('when a clerk or a manager asks for the credit note or a cancellation, then 403 (SPEC §3: supervisor and admin)', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '50.00');
    const ajp = await agents.supervisor.post('/api/documents', {
      customerId: customer.id,
      type: 'AJP',
      issueDate: '2026-10-01',
      total: '5',
      reason: 'Gastos',
    });
    for (const role of ['clerk', 'manager'] as const) {
      await refused(
        agents[role],
        `/api/documents/${inv.id}/credit-note`,
        { pointOfSale: 3, number: next(), issueDate: '2026-10-02', reason: 'No corresponde' },
        403,
      );
      await refused(agents[role], `/api/documents/${ajp.body.id}/cancel`, { reason: 'No corresponde' }, 403);
    }
    // An internal document keeps its cancellation, for a supervisor and an admin.
    expect((await agents.admin.post(`/api/documents/${ajp.body.id}/cancel`, { reason: 'Cargado dos veces' })).status).toBe(200);
  });

  test('when the credit note is asked for a receipt or an adjustment, then 409: those are internal', async () => {
    const customer = await createCustomer(agents.clerk);
    const ajp = await agents.supervisor.post('/api/documents', {
      customerId: customer.id,
      type: 'AJP',
      issueDate: '2026-10-01',
      total: '5',
      reason: 'Gastos',
    });
    const body = await refused(
      agents.supervisor,
      `/api/documents/${ajp.body.id}/credit-note`,
      { pointOfSale: 3, number: next(), issueDate: '2026-10-02', reason: 'No corresponde' },
      409,
    );
    expect(body.code).toBe('NOT_REVERSIBLE_BY_CREDIT_NOTE');
  });
});

describe('a receipt that pays an FCE', () => {
  test('when it pays one, then it records whether the cancellation was informed, and it can be informed later', async () => {
    const customer = await createCustomer(agents.clerk);
    const fce = await postInvoice(agents.clerk, customer.id, '900.00', {
      pointOfSale: 8,
      fce: true,
      fceCbu: CBU,
      fceOption: 'ADC',
    });
    const plain = await postInvoice(agents.clerk, customer.id, '100.00');
    const paysFce = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-10',
      payments: [{ method: 'cash', amount: '880.00' }],
      withholdings: [{ type: 'GANANCIAS', certificateNumber: `G-${next()}`, date: '2026-10-10', amount: '20.00' }],
      applications: [{ documentId: fce.id, amount: '900.00' }],
    });
    expect(paysFce.status).toBe(201);
    expect(paysFce.body.fceCancellationInformed).toBe(false);
    expect(paysFce.body.withholdings).toHaveLength(1);
    const other = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-10',
      payments: [{ method: 'cash', amount: '100.00' }],
      applications: [{ documentId: plain.id, amount: '100.00' }],
      fceCancellationInformed: true,
    });
    expect(other.body.fceCancellationInformed).toBeNull();
    const informed = await agents.supervisor.put(`/api/documents/${paysFce.body.id}`, { fceCancellationInformed: true });
    expect([informed.status, informed.body.fceCancellationInformed]).toEqual([200, true]);
    const notFce = await agents.supervisor.put(`/api/documents/${other.body.id}`, { fceCancellationInformed: true });
    expect([notFce.status, notFce.body.code]).toEqual([400, 'NOT_FCE']);
  });
});

describe("the company's legal data", () => {
  test('when the admin sets IVA condition, IIBB, start of activities and logo, then they are kept; bad values are 400 and change nothing', async () => {
    const logo = `data:image/png;base64,${Buffer.from('not really a png, but base64').toString('base64')}`;
    const before = (await agents.admin.get('/api/company')).body;
    for (const [field, value] of [
      ['ivaCondition', 5],
      ['grossIncomeRegime', 'provincial'],
      ['activityStartDate', '02/03/2009'],
      ['logo', 'https://example.com/logo.png'],
      ['logo', `data:image/png;base64,${'A'.repeat(200_001)}`],
    ] as const) {
      const res = await agents.admin.put('/api/company', { [field]: value }).set('Accept-Language', 'es');
      expect([field, res.status, res.body.details?.[0]?.path]).toEqual([field, 400, field]);
    }
    expect((await agents.admin.get('/api/company')).body).toEqual(before);
    const res = await agents.admin.put('/api/company', {
      ivaCondition: 1,
      grossIncomeRegime: 'multilateral',
      grossIncomeNumber: '901-123456-7',
      activityStartDate: '2009-03-02',
      logo,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ivaCondition: 1,
      grossIncomeRegime: 'multilateral',
      grossIncomeNumber: '901-123456-7',
      activityStartDate: '2009-03-02',
      logo,
    });
    expect((await agents.clerk.get('/api/company')).body.logo).toBe(logo);
    expect((await agents.supervisor.put('/api/company', { ivaCondition: 6 })).status).toBe(403);
  });
});
