import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences, customerBody, type RefIds } from '../support/master-data';
import { postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let refs: RefIds;
let otherRefs: RefIds;

beforeAll(async () => {
  company = await createTestCompany('Clientes');
  agents = await agentsFor(company);
  refs = await createReferences(agents.admin, 'A');
  const other = await agentsFor(await createTestCompany('Otra'));
  otherRefs = await createReferences(other.admin, 'B');
});

async function countCustomers(): Promise<number> {
  const row = await company.knex('customers').where({ companyId: company.companyId }).count({ n: '*' }).first();
  return Number(row!.n);
}

describe('customer records', () => {
  test('when a clerk creates a full record, then it is stored normalised with its references and derived figures at zero', async () => {
    const body = customerBody({
      code: 'abc-001',
      tradeName: 'La Ferretería de Abel',
      rating: 'b',
      street: 'Av. Rivadavia 1234',
      postalCode: 'C1033',
      province: 'AR-C',
      city: 'CABA',
      phone: '011 4444-5555',
      email: 'compras@abel.com.ar',
      taxId: '30-71234567-1',
      grossIncomeRegime: 'multilateral',
      grossIncomeNumber: '901-123456-7',
      largeTaxpayer: true,
      vatExemptionPct: '12.5',
      receivableAccount: '1.1.3.01',
      cbu: '2850590940090418135201',
      paymentTermId: refs.paymentTermId,
      currency: 'ARS',
      salespersonId: refs.salespersonId,
      collectorId: refs.collectorId,
      priceListId: refs.priceListId,
      carrierId: refs.carrierId,
      deliveryNoteCopies: 2,
      invoiceCopies: 3,
      segment1Id: refs.segmentIds[0],
      segment2Id: refs.segmentIds[1],
      segment3Id: refs.segmentIds[2],
      segment4Id: refs.segmentIds[3],
      notes: 'Atiende de 9 a 13',
    });
    const res = await agents.clerk.post('/api/customers', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'ABC-001',
      rating: 'B',
      taxId: '30712345671',
      status: 'active',
      country: 'AR',
      vatExemptionPct: '12.50',
      creditLimit: null,
      balance: '0.00',
      overdueBalance: '0.00',
      availableCredit: null,
      lastSaleDate: null,
      lastReceiptDate: null,
      paymentTermCode: 'A30',
      collectorCode: 'AC1',
      segment1Code: 'AS1',
      segment4Code: 'AS4',
    });
    const again = await agents.clerk.get(`/api/customers/${res.body.id}`);
    expect(again.body).toEqual(res.body);
  });

  test('when the code or the CUIT repeats (in any case or with dashes), then 409 naming the field', async () => {
    const first = await agents.clerk.post('/api/customers', customerBody({ code: 'DUP-1' }));
    expect(first.status).toBe(201);
    const sameCode = await agents.clerk.post('/api/customers', customerBody({ code: 'dup-1' }));
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.message).toBe('Ya existe un cliente con ese código');
    expect(sameCode.body.errors.code).toBeDefined();
    const t = first.body.taxId as string;
    const sameCuit = await agents.clerk.post(
      '/api/customers',
      customerBody({ taxId: `${t.slice(0, 2)}-${t.slice(2, 10)}-${t.slice(10)}` }),
    );
    expect(sameCuit.status).toBe(409);
    expect(sameCuit.body.errors.taxId).toBe('Ya existe un cliente con ese CUIT');
  });

  test('a DNI customer needs no CUIT, and two may share no CUIT at all', async () => {
    const a = await agents.clerk.post('/api/customers', customerBody({ ivaCondition: 5, taxIdType: 'DNI', taxId: '28.123.456' }));
    expect(a.status).toBe(201);
    expect(a.body.taxId).toBe('28123456');
    const b = await agents.clerk.post('/api/customers', customerBody({ ivaCondition: 5, taxIdType: 'DNI', taxId: null }));
    expect(b.status).toBe(201);
  });

  describe('bad input gets a clear 4xx and writes nothing', () => {
    const cases: Array<[string, () => Record<string, unknown>, number, string, RegExp?]> = [
      [
        'a CUIT with a wrong check digit',
        () => customerBody({ taxId: '30712345670' }),
        400,
        'taxId',
        /dígito verificador inválido, debería ser 1/,
      ],
      ['a CUIT whose remainder is 1', () => customerBody({ taxId: '20000000010' }), 400, 'taxId', /no es un CUIT\/CUIL emitible/],
      ['a CUIT with a bad prefix', () => customerBody({ taxId: '12345678903' }), 400, 'taxId', /prefijo 12/],
      ['a CUIT of 10 digits', () => customerBody({ taxId: '3071234567' }), 400, 'taxId', /11 dígitos/],
      [
        'an invalid CBU',
        () => customerBody({ cbu: '2850590940090418135202' }),
        400,
        'cbu',
        /verificador de la cuenta inválido, debería ser 1/,
      ],
      ['a CBU with a bad bank check', () => customerBody({ cbu: '2850591940090418135201' }), 400, 'cbu', /banco y sucursal/],
      ['an unknown IVA code', () => customerBody({ ivaCondition: 2 }), 400, 'ivaCondition'],
      ['a province not in the list', () => customerBody({ province: 'AR-ZZ' }), 400, 'province'],
      ['a VAT exemption over 100', () => customerBody({ vatExemptionPct: '100.01' }), 400, 'vatExemptionPct'],
      ['a reference of another company', () => customerBody({ collectorId: otherRefs.collectorId }), 400, 'collectorId'],
      ['a reference that does not exist', () => customerBody({ paymentTermId: 99999999 }), 400, 'paymentTermId'],
      ['a segment of the wrong level', () => customerBody({ segment1Id: refs.segmentIds[1] }), 400, 'segment1Id'],
      ['a 100 kB legal name', () => customerBody({ legalName: 'x'.repeat(100_000) }), 400, 'legalName'],
      ['an unknown field companyId', () => customerBody({ companyId: 1 }), 400, 'companyId'],
      ['a derived field balance', () => customerBody({ balance: '100.00' }), 400, 'balance'],
      ['an id', () => customerBody({ id: 5 }), 400, 'id'],
      ['a code with spaces', () => customerBody({ code: 'A B' }), 400, 'code'],
      ['a missing legal name', () => customerBody({ legalName: undefined }), 400, 'legalName'],
      ['a Responsable Inscripto with a DNI', () => customerBody({ taxIdType: 'DNI', taxId: '28123456' }), 400, 'taxIdType'],
      ['a wrong type', () => customerBody({ deliveryNoteCopies: 'dos' }), 400, 'deliveryNoteCopies'],
      ['copies over 9', () => customerBody({ invoiceCopies: 10 }), 400, 'invoiceCopies'],
      ['an unknown currency', () => customerBody({ currency: 'EUR' }), 400, 'currency'],
      ['an unknown status', () => customerBody({ status: 'vip' }), 400, 'status'],
    ];
    // Rows have four or five items: a rest parameter keeps jest from taking the last as `done`.
    test.each(cases)('when the record has %s, then %d on the field', async (...row) => {
      const [, body, status, path, message] = row;
      const before = await countCustomers();
      const res = await agents.supervisor.post('/api/customers', body());
      expect(res.status).toBe(status);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      if (message) expect(res.body.errors[path]).toMatch(message);
      expect(await countCustomers()).toBe(before);
    });

    test('a negative credit limit and one with three decimals are refused', async () => {
      const before = await countCustomers();
      for (const creditLimit of ['-1.00', '10.123', 'mucho']) {
        const res = await agents.supervisor.post('/api/customers', customerBody({ creditLimit }));
        expect(res.status).toBe(400);
        expect(res.body.errors.creditLimit).toBeDefined();
      }
      expect(await countCustomers()).toBe(before);
    });

    test('messages come in English when asked', async () => {
      const res = await agents.clerk.post('/api/customers', customerBody({ taxId: '30712345670' })).set('Accept-Language', 'en');
      expect(res.body.errors.taxId).toBe('taxId: invalid check digit, it should be 1');
    });
  });

  describe('credit limit and status need a supervisor, a manager or an admin', () => {
    test('when a clerk sets a credit limit on creation, then 403 and nothing is written', async () => {
      const before = await countCustomers();
      const res = await agents.clerk.post('/api/customers', customerBody({ creditLimit: '1000.00' }));
      expect(res.status).toBe(403);
      expect(await countCustomers()).toBe(before);
      const suspended = await agents.clerk.post('/api/customers', customerBody({ status: 'suspended' }));
      expect(suspended.status).toBe(403);
    });

    test('when a clerk changes the status together with other fields, then 403 and none of them is written', async () => {
      const created = (await agents.clerk.post('/api/customers', customerBody())).body;
      const res = await agents.clerk.put(`/api/customers/${created.id}`, { status: 'suspended', legalName: 'Otro Nombre S.A.' });
      expect(res.status).toBe(403);
      const after = (await agents.clerk.get(`/api/customers/${created.id}`)).body;
      expect(after).toMatchObject({ status: 'active', legalName: created.legalName });
      // Sending the same values back (as the admin's form does) is fine.
      const ok = await agents.clerk.put(`/api/customers/${created.id}`, { ...after, notes: 'sin cambios de crédito' });
      expect(ok.status).toBe(200);
    });

    test('a supervisor sets limit and status; a manager changes only those; available credit follows', async () => {
      const created = (await agents.supervisor.post('/api/customers', customerBody({ creditLimit: '5000.50' }))).body;
      expect(created.availableCredit).toBe('5000.50');
      const byManager = await agents.manager.put(`/api/customers/${created.id}`, { creditLimit: '7500', status: 'suspended' });
      expect(byManager.status).toBe(200);
      expect(byManager.body).toMatchObject({ creditLimit: '7500.00', status: 'suspended', availableCredit: '7500.00' });
      const managerOther = await agents.manager.put(`/api/customers/${created.id}`, { legalName: 'No puede' });
      expect(managerOther.status).toBe(403);
      expect((await agents.manager.post('/api/customers', customerBody())).status).toBe(403);
      expect((await agents.manager.delete(`/api/customers/${created.id}`)).status).toBe(403);
    });
  });

  describe('credit status', () => {
    test('answers balance, limit, available and whether a sale is allowed, with reasons', async () => {
      const c = (await agents.supervisor.post('/api/customers', customerBody({ creditLimit: '1000' }))).body;
      const ok = await agents.clerk.get(`/api/customers/${c.id}/credit-status`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        balance: '0.00',
        creditLimit: '1000.00',
        available: '1000.00',
        allowed: true,
        reasons: [],
      });
      await postInvoice(agents.clerk, c.id, '1500.00', { dueDate: '2099-12-31' });
      await agents.supervisor.put(`/api/customers/${c.id}`, { status: 'suspended' });
      const blocked = await agents.clerk.get(`/api/customers/${c.id}/credit-status`);
      expect(blocked.body.allowed).toBe(false);
      expect(blocked.body.available).toBe('-500.00');
      expect(blocked.body.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['OVER_LIMIT', 'SUSPENDED']);
    });

    test('debt overdue beyond the company tolerance blocks a sale; within it, it does not', async () => {
      const c = (await agents.clerk.post('/api/customers', customerBody())).body;
      await postInvoice(agents.clerk, c.id, '100.00', { issueDate: '2026-01-02', dueDate: '2026-01-31' });
      const late = await agents.clerk.get(`/api/customers/${c.id}/credit-status`);
      expect(late.body).toMatchObject({ allowed: false, overdue: '100.00', oldestDueDate: '2026-01-31' });
      expect(late.body.reasons.map((r: { code: string }) => r.code)).toEqual(['OVERDUE']);
      await agents.admin.put('/api/company', { overdueToleranceDays: 3650 });
      const tolerated = await agents.clerk.get(`/api/customers/${c.id}/credit-status`);
      await agents.admin.put('/api/company', { overdueToleranceDays: 0 });
      expect(tolerated.body).toMatchObject({ allowed: true, reasons: [] });
    });

    test("another company's customer is a 404", async () => {
      const other = await agentsFor(await createTestCompany('Ajena'));
      const c = (await agents.clerk.post('/api/customers', customerBody())).body;
      expect((await other.clerk.get(`/api/customers/${c.id}/credit-status`)).status).toBe(404);
      expect((await other.clerk.get(`/api/customers/${c.id}`)).status).toBe(404);
    });
  });
});

describe('customer list filters and sorts', () => {
  let ids: number[] = [];
  beforeAll(async () => {
    const mk = async (o: Record<string, unknown>) =>
      (await agents.supervisor.post('/api/customers', customerBody(o))).body.id as number;
    ids = [
      await mk({
        code: 'F-1',
        legalName: 'Zeta Filtros S.A.',
        collectorId: refs.collectorId,
        segment2Id: refs.segmentIds[1],
        province: 'AR-X',
        rating: 'A',
        creditLimit: '100',
      }),
      await mk({
        code: 'F-2',
        legalName: 'Alfa Filtros S.R.L.',
        collectorId: refs.collectorId,
        province: 'AR-S',
        rating: 'C',
        status: 'suspended',
      }),
      await mk({
        code: 'F-3',
        legalName: 'Beta Filtros S.A.',
        segment2Id: refs.segmentIds[1],
        salespersonId: refs.salespersonId,
        currency: 'USD',
      }),
    ];
    await postInvoice(agents.clerk, ids[0], '200.00', { issueDate: '2026-10-01', dueDate: '2099-12-31' });
    await postInvoice(agents.clerk, ids[0], '50.00', { issueDate: '2026-01-02', dueDate: '2026-01-31' });
    await postInvoice(agents.clerk, ids[1], '90.00', { issueDate: '2026-10-01', dueDate: '2099-12-31' });
    await postInvoice(agents.clerk, ids[2], '10.00', { issueDate: '2026-10-01', dueDate: '2099-12-31' });
  });

  const codes = (body: Array<{ code: string }>) => body.map((c) => c.code);
  const get = (params: Parameters<typeof listQuery>[0]) => agents.clerk.get(`/api/customers${listQuery(params)}`);

  test('q finds by code, by legal name and by CUIT with or without dashes', async () => {
    expect(codes((await get({ filter: { q: 'f-2' } })).body)).toEqual(['F-2']);
    expect(codes((await get({ filter: { q: 'beta filtros' } })).body)).toEqual(['F-3']);
    const cuit = (await agents.clerk.get(`/api/customers/${ids[0]}`)).body.taxId as string;
    expect(codes((await get({ filter: { q: cuit } })).body)).toEqual(['F-1']);
    expect(codes((await get({ filter: { q: `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}` } })).body)).toEqual([
      'F-1',
    ]);
  });

  test('each filter alone and combined', async () => {
    const f = { q: 'filtros' };
    expect(codes((await get({ filter: { ...f, collectorId: refs.collectorId }, sort: ['code', 'ASC'] })).body)).toEqual([
      'F-1',
      'F-2',
    ]);
    expect(codes((await get({ filter: { ...f, segment2Id: refs.segmentIds[1] }, sort: ['code', 'ASC'] })).body)).toEqual([
      'F-1',
      'F-3',
    ]);
    expect(codes((await get({ filter: { ...f, collectorId: refs.collectorId, segment2Id: refs.segmentIds[1] } })).body)).toEqual([
      'F-1',
    ]);
    expect(codes((await get({ filter: { ...f, status: 'suspended' } })).body)).toEqual(['F-2']);
    expect(codes((await get({ filter: { ...f, province: ['AR-X', 'AR-S'] }, sort: ['code', 'ASC'] })).body)).toEqual([
      'F-1',
      'F-2',
    ]);
    expect(codes((await get({ filter: { ...f, rating: 'C' } })).body)).toEqual(['F-2']);
    expect(codes((await get({ filter: { ...f, salespersonId: refs.salespersonId } })).body)).toEqual(['F-3']);
    expect(codes((await get({ filter: { ...f, currency: 'USD' } })).body)).toEqual(['F-3']);
    expect(codes((await get({ filter: { ...f, overCreditLimit: true } })).body)).toEqual(['F-1']);
    expect(codes((await get({ filter: { ...f, hasOverdue: true } })).body)).toEqual(['F-1']);
    expect(codes((await get({ filter: { ...f, balance_gte: '50' }, sort: ['balance', 'DESC'] })).body)).toEqual(['F-1', 'F-2']);
  });

  test('sorts by legal name, balance and overdue both ways', async () => {
    const f = { q: 'filtros' };
    expect(codes((await get({ filter: f, sort: ['legalName', 'ASC'] })).body)).toEqual(['F-2', 'F-3', 'F-1']);
    expect(codes((await get({ filter: f, sort: ['balance', 'ASC'] })).body)).toEqual(['F-3', 'F-2', 'F-1']);
    expect(codes((await get({ filter: f, sort: ['overdueBalance', 'DESC'] })).body)[0]).toBe('F-1');
    for (const field of ['lastSaleDate', 'lastReceiptDate', 'code'])
      expect((await get({ filter: f, sort: [field, 'DESC'] })).status).toBe(200);
    expect((await get({ sort: ['taxId', 'ASC'] })).status).toBe(400);
    expect((await get({ filter: { hasOverdue: 'quizás' } })).status).toBe(400);
  });

  test('when exported for Excel, then reference codes and their names sit in columns of their own, never ids, with the same filter', async () => {
    const res = await agents.manager.get(
      `/api/customers/export.csv${listQuery({ filter: { q: 'filtros', collectorId: refs.collectorId }, sort: ['code', 'ASC'] })}`,
    );
    expect(res.status).toBe(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const header = lines[0].split(';');
    expect(header).toEqual(expect.arrayContaining(['Código', 'Cobrador', 'Cobrador (nombre)', 'Saldo', 'Vencido']));
    expect(header).not.toContain('collectorId');
    expect(header).not.toContain('N.º');
    expect(lines).toHaveLength(3);
    const collector = await company.knex('collectors').where({ id: refs.collectorId }).first('name');
    expect(lines[1].split(';')[header.indexOf('Cobrador')]).toBe('AC1');
    expect(lines[1].split(';')[header.indexOf('Cobrador (nombre)')]).toBe(collector.name);
    expect(lines[1].split(';')[header.indexOf('Saldo')]).toBe('250,00');
  });

  test('when exported as rfc4180, then the columns keep their keys and codes', async () => {
    const res = await agents.manager.get(
      `/api/customers/export.csv${listQuery({ filter: { q: 'filtros', collectorId: refs.collectorId }, sort: ['code', 'ASC'] })}&dialect=rfc4180`,
    );
    const lines = res.text.trim().split('\n');
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['code', 'collectorCode', 'balance', 'status', 'province']));
    expect(header).not.toContain('collectorName');
    expect(lines[1].split(',')[header.indexOf('collectorCode')]).toBe('AC1');
    expect(lines[1].split(',')[header.indexOf('status')]).toBe('active');
  });
});
