import { createTestCompany, agentsFor } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences, customerBody, type RefIds } from '../support/master-data';
import type { Role } from '../../server/src/http/permissions';

let agents: Record<Role, Agent>;
let other: Record<Role, Agent>;
let refs: RefIds;
let customer: { id: number };
let secondCustomer: { id: number };
let foreignCustomer: { id: number };

beforeAll(async () => {
  agents = await agentsFor(await createTestCompany('Sucursales'));
  other = await agentsFor(await createTestCompany('Ajena'));
  refs = await createReferences(agents.admin, 'S');
  await createReferences(other.admin, 'O');
  customer = (
    await agents.clerk.post(
      '/api/customers',
      customerBody({ salespersonId: refs.salespersonId, paymentTermId: refs.paymentTermId, invoiceCopies: 2 }),
    )
  ).body;
  secondCustomer = (await agents.clerk.post('/api/customers', customerBody())).body;
  foreignCustomer = (await other.clerk.post('/api/customers', customerBody())).body;
});

describe('branches', () => {
  test('when a branch leaves its commercial fields empty, then it inherits the customer values; its own values win', async () => {
    const inherit = await agents.clerk.post('/api/branches', {
      customerId: customer.id,
      code: 'suc-1',
      name: 'Depósito Avellaneda',
      province: 'AR-B',
      city: 'Avellaneda',
    });
    expect(inherit.status).toBe(201);
    expect(inherit.body).toMatchObject({
      code: 'SUC-1',
      salespersonId: null,
      effectiveSalespersonId: refs.salespersonId,
      paymentTermId: null,
      effectivePaymentTermId: refs.paymentTermId,
      invoiceCopies: null,
      effectiveInvoiceCopies: 2,
      effectiveCollectorId: null,
    });
    const own = await agents.clerk.post('/api/branches', {
      customerId: customer.id,
      code: 'SUC-2',
      name: 'Local Centro',
      collectorId: refs.collectorId,
      invoiceCopies: 0,
    });
    expect(own.body).toMatchObject({
      collectorId: refs.collectorId,
      effectiveCollectorId: refs.collectorId,
      effectiveInvoiceCopies: 0,
    });
    const list = await agents.clerk.get(
      `/api/branches${listQuery({ filter: { customerId: customer.id }, sort: ['code', 'ASC'] })}`,
    );
    expect(list.body.map((b: { code: string }) => b.code)).toEqual(['SUC-1', 'SUC-2']);
  });

  test('branch codes are unique per customer, not per company', async () => {
    expect((await agents.clerk.post('/api/branches', { customerId: customer.id, code: 'SUC-1', name: 'Otra' })).status).toBe(409);
    expect(
      (await agents.clerk.post('/api/branches', { customerId: secondCustomer.id, code: 'SUC-1', name: 'Otra' })).status,
    ).toBe(201);
  });

  test('a branch never moves to another customer', async () => {
    const b = (await agents.clerk.post('/api/branches', { customerId: customer.id, code: 'MOV', name: 'Mueble' })).body;
    const res = await agents.clerk.put(`/api/branches/${b.id}`, { customerId: secondCustomer.id });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BRANCH_CUSTOMER_FIXED');
    expect((await agents.clerk.get(`/api/branches/${b.id}`)).body.customerId).toBe(customer.id);
  });

  test("a branch for another company's customer, or with another company's references, is refused", async () => {
    const res = await agents.clerk.post('/api/branches', { customerId: foreignCustomer.id, code: 'X', name: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.errors.customerId).toBeDefined();
    const ref = await other.clerk.post('/api/branches', {
      customerId: foreignCustomer.id,
      code: 'X',
      name: 'X',
      collectorId: refs.collectorId,
    });
    expect(ref.status).toBe(400);
    expect(ref.body.errors.collectorId).toBeDefined();
  });

  test('a manager reads branches but does not write them', async () => {
    expect((await agents.manager.get('/api/branches')).status).toBe(200);
    expect((await agents.manager.post('/api/branches', { customerId: customer.id, code: 'MGR', name: 'X' })).status).toBe(403);
  });
});

describe('contacts', () => {
  let issuer: { id: number };
  beforeAll(async () => {
    issuer = (
      await agents.clerk.post('/api/card-issuers', {
        code: 'VISA',
        legalName: 'Prisma Medios de Pago S.A.',
        taxId: '30598910045',
      })
    ).body;
  });

  test('a contact belongs to a customer or to a card issuer', async () => {
    const c = await agents.clerk.post('/api/contacts', {
      customerId: customer.id,
      name: 'Marta Cobranzas',
      isCollectionsContact: true,
      phone: '11 4000-1000',
    });
    expect(c.status).toBe(201);
    const i = await agents.clerk.post('/api/contacts', { cardIssuerId: issuer.id, name: 'Ejecutivo de cuenta' });
    expect(i.status).toBe(201);
    const list = await agents.clerk.get(`/api/contacts${listQuery({ filter: { customerId: customer.id } })}`);
    expect(list.body.map((x: { name: string }) => x.name)).toEqual(['Marta Cobranzas']);
  });

  test('both owners or neither is a 400 that writes nothing', async () => {
    const both = await agents.clerk.post('/api/contacts', { customerId: customer.id, cardIssuerId: issuer.id, name: 'Ambos' });
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/exactamente uno/);
    const none = await agents.clerk.post('/api/contacts', { name: 'Nadie' });
    expect(none.status).toBe(400);
    const q = await agents.clerk.get(`/api/contacts${listQuery({ filter: { q: 'Ambos' } })}`);
    expect(q.body).toEqual([]);
  });

  test("a contact of another company's customer is refused", async () => {
    const res = await agents.clerk.post('/api/contacts', { customerId: foreignCustomer.id, name: 'Intruso' });
    expect(res.status).toBe(400);
  });

  test('deleting a customer removes its contacts and branches with it', async () => {
    const c = (await agents.clerk.post('/api/customers', customerBody())).body;
    await agents.clerk.post('/api/contacts', { customerId: c.id, name: 'Efímero' });
    await agents.clerk.post('/api/branches', { customerId: c.id, code: 'EF', name: 'Efímera' });
    const del = await agents.clerk.delete(`/api/customers/${c.id}`);
    expect(del.status).toBe(200);
    expect((await agents.clerk.get(`/api/contacts${listQuery({ filter: { customerId: c.id } })}`)).body).toEqual([]);
  });
});

describe('card issuers and plans', () => {
  let issuer: { id: number };
  beforeAll(async () => {
    issuer = (
      await agents.clerk.post('/api/card-issuers', {
        code: 'MC',
        legalName: 'Mastercard Argentina S.R.L.',
        taxId: '30-51763749-8',
        bankId: refs.bankId,
        province: 'AR-C',
      })
    ).body;
  });

  test('an issuer CUIT is validated like a customer CUIT', async () => {
    expect(issuer).toMatchObject({ code: 'MC', taxId: '30517637498', bankId: refs.bankId, bankCode: '011' });
    const bad = await agents.clerk.post('/api/card-issuers', { code: 'BAD', legalName: 'Mala', taxId: '30517637490' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.taxId).toMatch(/debería ser 8/);
    const dup = await agents.clerk.post('/api/card-issuers', { code: 'MC2', legalName: 'Otra', taxId: '30517637498' });
    expect(dup.status).toBe(409);
  });

  test('plans carry installments, coefficient, fee, settlement days and validity', async () => {
    const res = await agents.clerk.post('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: '3C',
      name: '3 cuotas',
      installments: 3,
      surchargeCoefficient: '1.1250',
      feePct: '1.8',
      settlementDays: 18,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      installments: 3,
      surchargeCoefficient: '1.125000',
      feePct: '1.80',
      settlementDays: 18,
      cardIssuerCode: 'MC',
    });
    const edit = await agents.clerk.put(`/api/card-plans/${res.body.id}`, { surchargeCoefficient: '1.13' });
    expect(edit.body.surchargeCoefficient).toBe('1.130000');
  });

  test.each([
    ['61 installments', { installments: 61 }, 'installments'],
    ['a coefficient below 1', { surchargeCoefficient: '0.99' }, 'surchargeCoefficient'],
    ['a fee over 100%', { feePct: '101' }, 'feePct'],
    ['an unknown issuer', { cardIssuerId: 99999999 }, 'cardIssuerId'],
  ])('a plan with %s is refused', async (...row) => {
    const [, override, path] = row;
    const res = await agents.clerk.post('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: 'BAD',
      name: 'Malo',
      installments: 1,
      surchargeCoefficient: '1',
      ...override,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[path]).toBeDefined();
  });

  test('a validity that ends before it starts is refused', async () => {
    const res = await agents.clerk.post('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: 'INV',
      name: 'Inválido',
      installments: 1,
      surchargeCoefficient: '1',
      validFrom: '2026-05-01',
      validTo: '2026-04-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.validTo).toBe('La vigencia termina antes de empezar');
  });

  test('only active plans within their validity are offered for a date', async () => {
    const mk = (code: string, extra: object) =>
      agents.clerk.post('/api/card-plans', {
        cardIssuerId: issuer.id,
        code,
        name: code,
        installments: 1,
        surchargeCoefficient: '1',
        ...extra,
      });
    await mk('OLD', { validFrom: '2024-01-01', validTo: '2024-12-31' });
    await mk('OFF', { active: false });
    await mk('OPEN', {});
    const res = await agents.clerk.get(
      `/api/card-plans${listQuery({ filter: { cardIssuerId: issuer.id, usableOn: '2026-06-15' }, sort: ['code', 'ASC'] })}`,
    );
    expect(res.body.map((p: { code: string }) => p.code)).toEqual(['3C', 'OPEN']);
    const old = await agents.clerk.get(
      `/api/card-plans${listQuery({ filter: { cardIssuerId: issuer.id, usableOn: '2024-06-15' }, sort: ['code', 'ASC'] })}`,
    );
    expect(old.body.map((p: { code: string }) => p.code)).toEqual(['OLD', 'OPEN']);
  });
});

describe('reference tables', () => {
  test('admin writes, others read; codes unique per company; a used row cannot be deleted', async () => {
    expect((await agents.clerk.post('/api/collectors', { code: 'X', name: 'X' })).status).toBe(403);
    expect((await agents.clerk.get('/api/collectors')).status).toBe(200);
    const dup = await agents.admin.post('/api/collectors', { code: 'sc1', name: 'Repetido' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('Ya existe un cobrador con ese código');
    expect((await other.admin.post('/api/collectors', { code: 'SC1', name: 'En otra empresa' })).status).toBe(201);
    const used = await agents.admin.delete(`/api/salespeople/${refs.salespersonId}`);
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('IN_USE');
  });

  test('banks come seeded with BCRA codes; exchange rates are unique per day', async () => {
    const banks = await agents.clerk.get(
      `/api/banks${listQuery({ filter: { code: ['011', '007', '285'] }, sort: ['code', 'ASC'] })}`,
    );
    expect(banks.body.map((b: { code: string; name: string }) => `${b.code} ${b.name}`)).toEqual([
      '007 Banco de Galicia y Buenos Aires',
      '011 Banco de la Nación Argentina',
      '285 Banco Macro',
    ]);
    expect((await agents.admin.post('/api/banks', { code: '12', name: 'Corto' })).status).toBe(400);
    const rate = await agents.admin.post('/api/exchange-rates', { currency: 'USD', date: '2026-11-02', rate: '1455.5' });
    expect(rate.status).toBe(201);
    expect(rate.body.rate).toBe('1455.500000');
    expect((await agents.admin.post('/api/exchange-rates', { currency: 'USD', date: '2026-11-02', rate: '1460' })).status).toBe(
      409,
    );
    expect((await agents.admin.post('/api/exchange-rates', { currency: 'USD', date: '2026-11-03', rate: '-1' })).status).toBe(
      400,
    );
  });

  test('segments show the level name the company gave', async () => {
    const res = await agents.clerk.get(`/api/segments${listQuery({ filter: { level: 1 } })}`);
    expect(res.body[0]).toMatchObject({ level: 1, levelName: 'Zona' });
  });
});
