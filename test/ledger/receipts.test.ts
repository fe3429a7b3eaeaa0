import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { makeCuit } from '../support/master-data';
import {
  balanceOf,
  createCustomer,
  doc,
  expectLedgerConsistent,
  ledgerSnapshot,
  postAdjustment,
  postInvoice,
} from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
let issuer: { id: number };
let plan3: { id: number };
let expiredPlan: { id: number };

beforeAll(async () => {
  company = await createTestCompany('Recibos');
  agents = await agentsFor(company);
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
  issuer = (
    await agents.clerk.post('/api/card-issuers', { code: 'VISA', legalName: 'Prisma Medios de Pago S.A.', taxId: makeCuit('30') })
  ).body;
  plan3 = (
    await agents.clerk.post('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: '3C',
      name: '3 cuotas',
      installments: 3,
      surchargeCoefficient: '1.15',
    })
  ).body;
  expiredPlan = (
    await agents.clerk.post('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: 'OLD',
      name: 'Vencido',
      installments: 6,
      surchargeCoefficient: '1.3',
      validTo: '2025-12-31',
    })
  ).body;
});

describe('a real Argentine receipt', () => {
  test('part cash, two deferred cheques, a transfer and IIBB and Ganancias certificates, applied to three invoices, the rest on account', async () => {
    const { clerk } = agents;
    const customer = await createCustomer(clerk);
    const inv = [
      await postInvoice(clerk, customer.id, '150000.00', { issueDate: '2026-09-01' }),
      await postInvoice(clerk, customer.id, '80000.00', { issueDate: '2026-09-15' }),
      await postInvoice(clerk, customer.id, '45500.50', { issueDate: '2026-10-01' }),
    ];
    const drawer = makeCuit('30');
    const res = await clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      notes: 'Entregado por el cadete',
      payments: [
        { method: 'cash', amount: '20000' },
        {
          method: 'customer_cheque',
          amount: '100000',
          bankId: banks['007'],
          number: '12345678',
          issueDate: '2026-10-15',
          paymentDate: '2026-11-15',
        },
        {
          method: 'third_party_cheque',
          amount: '60000.00',
          bankId: banks['285'],
          number: '00998877',
          issueDate: '2026-10-10',
          paymentDate: '2026-12-10',
          drawerTaxId: drawer,
          drawerName: 'Constructora del Sur S.A.',
          echeq: true,
          echeqId: 'ECQ0099887766',
        },
        { method: 'transfer', amount: '50000', bankId: banks['011'], reference: 'INTERBANKING 0099123' },
      ],
      withholdings: [
        {
          type: 'IIBB',
          jurisdiction: 'AR-B',
          certificateNumber: '0001-00012345',
          date: '2026-10-15',
          baseAmount: '150000',
          amount: '4500.00',
        },
        { type: 'GANANCIAS', certificateNumber: 'G-2026-778', date: '2026-10-15', baseAmount: '150000', amount: '3000.50' },
      ],
      applications: [
        { documentId: inv[0].id, amount: '150000' },
        { documentId: inv[1].id, amount: '80000' },
        { documentId: inv[2].id, amount: '2000' },
      ],
    });
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({
      type: 'REC',
      letter: 'X',
      pointOfSale: 1,
      total: '237500.50',
      received: '230000.00',
      withheld: '7500.50',
      applied: '232000.00',
      onAccount: '5500.50',
      openAmount: '5500.50',
    });
    expect(r.displayNumber).toMatch(/^REC X 00001-\d{8}$/);
    expect(r.payments.map((p: { method: string }) => p.method)).toEqual([
      'cash',
      'customer_cheque',
      'third_party_cheque',
      'transfer',
    ]);
    expect(r.payments[1]).toMatchObject({
      drawerTaxId: expect.stringMatching(/^\d{11}$/),
      drawerName: expect.stringContaining('Cliente de Prueba'),
      bankCode: '007',
    });
    expect(r.withholdings.map((w: { type: string; amount: string }) => `${w.type} ${w.amount}`)).toEqual([
      'IIBB 4500.00',
      'GANANCIAS 3000.50',
    ]);
    // The old `echeq` boolean still says ECHEQ; an ECHEQ waits for its acceptance.
    expect(r.values.map((v: { number: string; state: string; kind: string }) => `${v.number} ${v.kind} ${v.state}`)).toEqual([
      '12345678 cheque in_portfolio',
      '00998877 echeq pending_acceptance',
    ]);
    // Cash and the transfer land where the company's settings say; cheques in the portfolio.
    const settings = (await agents.clerk.get('/api/company')).body;
    expect(r.payments.map((p: Record<string, unknown>) => [p.destination, p.cashBoxId, p.bankAccountId])).toEqual([
      ['cash_box', settings.defaultCashBoxId, null],
      ['portfolio', null, null],
      ['portfolio', null, null],
      ['bank_account', null, settings.defaultBankAccountId],
    ]);
    expect(r.applications).toHaveLength(3);
    expect((await doc(clerk, inv[0].id)).openAmount).toBe('0.00');
    expect((await doc(clerk, inv[2].id)).openAmount).toBe('43500.50');
    expect(await balanceOf(clerk, customer.id)).toBe(String((150000 + 80000 + 45500.5 - 237500.5).toFixed(2)));
    const customerAfter = (await clerk.get(`/api/customers/${customer.id}`)).body;
    expect(customerAfter.lastReceiptDate).toBe('2026-10-15');
    expect(customerAfter.lastSaleDate).toBe('2026-10-01');
    const again = await clerk.get(`/api/receipts/${r.id}`);
    expect(again.body.payments).toHaveLength(4);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('a card payment shows the coefficient, the surcharge and the installment amount', async () => {
    const customer = await createCustomer(agents.clerk);
    const res = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [
        {
          method: 'card',
          amount: '1000',
          cardIssuerId: issuer.id,
          cardPlanId: plan3.id,
          couponNumber: '000123',
          authorization: 'A1B2',
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.payments[0]).toMatchObject({
      installments: 3,
      surchargeCoefficient: '1.150000',
      surchargeAmount: '150.00',
      installmentAmount: '383.33',
      cardIssuerCode: 'VISA',
    });
    // The surcharge is billed by a debit note the receipt pays: 1,000 + 150.
    expect(res.body.total).toBe('1150.00');
    expect(res.body.coupons[0]).toMatchObject({ amount: '1000.00', surcharge: '150.00', gross: '1150.00' });
    const expired = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [{ method: 'card', amount: '1000', cardIssuerId: issuer.id, cardPlanId: expiredPlan.id, couponNumber: '000124' }],
    });
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('CARD_PLAN_NOT_USABLE');
  });

  test('a payment in dollars on a peso account counts at its exchange rate', async () => {
    const customer = await createCustomer(agents.clerk);
    const res = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [{ method: 'cash', amount: '100.50', currency: 'USD', exchangeRate: '1450.25' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.total).toBe('145750.13');
    expect(res.body.payments[0]).toMatchObject({
      amount: '100.50',
      currency: 'USD',
      exchangeRate: '1450.250000',
      accountAmount: '145750.13',
    });
    const noRate = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [{ method: 'cash', amount: '10', currency: 'USD' }],
    });
    expect(noRate.status).toBe(400);
    expect(noRate.body.code).toBe('EXCHANGE_RATE_REQUIRED');
  });
});

describe('numbering', () => {
  test('receipts take the next number of their point of sale; a pre-printed book number must be the next one', async () => {
    const customer = await createCustomer(agents.clerk);
    const post = (extra: object) =>
      agents.clerk.post('/api/receipts', {
        customerId: customer.id,
        issueDate: '2026-10-15',
        pointOfSale: 77,
        payments: [{ method: 'cash', amount: '1' }],
        ...extra,
      });
    const first = await post({ number: 501 });
    expect(first.status).toBe(201);
    expect(first.body.number).toBe(501);
    expect((await post({})).body.number).toBe(502);
    const used = await post({ number: 502 });
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('DUPLICATE_NUMBER');
    const gap = await post({ number: 510 });
    expect(gap.status).toBe(409);
    expect(gap.body.code).toBe('NUMBER_GAP');
    expect(gap.body.message).toMatch(/próximo número del punto de venta 77 es 503/);
    // A spoiled form is registered as a voided receipt and keeps the series gapless.
    const voided = await agents.clerk.post('/api/receipts/voided', {
      pointOfSale: 77,
      issueDate: '2026-10-16',
      reason: 'Formulario roto',
    });
    expect(voided.status).toBe(201);
    expect(voided.body).toMatchObject({ number: 503, status: 'voided', total: '0.00', reason: 'Formulario roto' });
    expect((await post({ number: 504 })).body.number).toBe(504);
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('bad receipts get a 4xx naming the problem and write nothing', () => {
  let customer: { id: number; code: string };
  let other: { id: number };
  let inv: { id: number; displayNumber: string };
  let cancelledInv: { id: number };
  let otherInv: { id: number };
  const drawer = makeCuit('30');

  beforeAll(async () => {
    customer = await createCustomer(agents.clerk);
    other = await createCustomer(agents.clerk);
    inv = await postInvoice(agents.clerk, customer.id, '1000.00');
    // An internal debit cancelled (fiscal invoices are reversed by credit notes, not cancelled).
    cancelledInv = await postAdjustment(agents.supervisor, customer.id, '300.00');
    await agents.supervisor.post(`/api/documents/${cancelledInv.id}/cancel`, { reason: 'Ajuste duplicado' });
    otherInv = await postInvoice(agents.clerk, other.id, '500.00');
    const first = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [
        {
          method: 'third_party_cheque',
          amount: '10',
          bankId: banks['007'],
          number: 'DUP-1',
          issueDate: '2026-10-01',
          paymentDate: '2026-11-01',
          drawerTaxId: drawer,
          drawerName: 'X',
        },
      ],
      withholdings: [{ type: 'IIBB', jurisdiction: 'AR-X', certificateNumber: 'C-1', date: '2026-10-15', amount: '5' }],
    });
    expect(first.status).toBe(201);
    await agents.admin.put('/api/company', { lockDate: '2026-06-30' });
  });

  const base = () => ({ customerId: customer.id, issueDate: '2026-10-15', payments: [{ method: 'cash', amount: '100' }] });
  const cases: Array<[string, () => Record<string, unknown>, number, string]> = [
    [
      'an over-application',
      () => ({ ...base(), applications: [{ documentId: inv.id, amount: '100.01' }] }),
      409,
      'OVER_APPLICATION',
    ],
    [
      'an application beyond the open amount',
      () => ({
        ...base(),
        payments: [{ method: 'cash', amount: '5000' }],
        applications: [{ documentId: inv.id, amount: '1000.01' }],
      }),
      409,
      'OVER_APPLICATION',
    ],
    [
      "an application to another customer's document",
      () => ({ ...base(), applications: [{ documentId: otherInv.id, amount: '10' }] }),
      409,
      'APPLICATION_TARGET',
    ],
    [
      'an application to a cancelled document',
      () => ({ ...base(), applications: [{ documentId: cancelledInv.id, amount: '10' }] }),
      409,
      'DOCUMENT_CANCELLED',
    ],
    [
      'an application to a document that does not exist',
      () => ({ ...base(), applications: [{ documentId: 99999999, amount: '10' }] }),
      409,
      'APPLICATION_TARGET',
    ],
    ['no payments nor withholdings', () => ({ ...base(), payments: [] }), 409, 'EMPTY_RECEIPT'],
    ['a negative amount', () => ({ ...base(), payments: [{ method: 'cash', amount: '-100' }] }), 400, 'VALIDATION'],
    ['a three-decimal amount', () => ({ ...base(), payments: [{ method: 'cash', amount: '100.005' }] }), 400, 'VALIDATION'],
    [
      'a cheque without payment date',
      () => ({
        ...base(),
        payments: [{ method: 'customer_cheque', amount: '10', bankId: banks['007'], number: '1', issueDate: '2026-10-01' }],
      }),
      400,
      'VALIDATION',
    ],
    [
      'a duplicate cheque',
      () => ({
        ...base(),
        payments: [
          {
            method: 'third_party_cheque',
            amount: '10',
            bankId: banks['007'],
            number: 'DUP-1',
            issueDate: '2026-10-01',
            paymentDate: '2026-11-01',
            drawerTaxId: drawer,
            drawerName: 'X',
          },
        ],
      }),
      409,
      'DUPLICATE_CHEQUE',
    ],
    [
      'a duplicate certificate',
      () => ({
        ...base(),
        withholdings: [{ type: 'IIBB', jurisdiction: 'AR-X', certificateNumber: 'C-1', date: '2026-10-15', amount: '5' }],
      }),
      409,
      'DUPLICATE_CERTIFICATE',
    ],
    [
      'an IIBB withholding without jurisdiction',
      () => ({ ...base(), withholdings: [{ type: 'IIBB', certificateNumber: 'C-2', date: '2026-10-15', amount: '5' }] }),
      400,
      'VALIDATION',
    ],
    [
      'a withholding over its base',
      () => ({
        ...base(),
        withholdings: [{ type: 'IVA', certificateNumber: 'C-3', date: '2026-10-15', baseAmount: '10', amount: '11' }],
      }),
      400,
      'VALIDATION',
    ],
    ['a date on the lock date', () => ({ ...base(), issueDate: '2026-06-30' }), 409, 'PERIOD_LOCKED'],
    ['a date before the lock date', () => ({ ...base(), issueDate: '2026-01-15' }), 409, 'PERIOD_LOCKED'],
    ['an unknown payment method', () => ({ ...base(), payments: [{ method: 'bitcoin', amount: '10' }] }), 400, 'VALIDATION'],
    [
      'a card without coupon',
      () => ({ ...base(), payments: [{ method: 'card', amount: '10', cardIssuerId: issuer.id, cardPlanId: plan3.id }] }),
      400,
      'VALIDATION',
    ],
    ["another company's customer", () => ({ ...base(), customerId: 99999999 }), 400, 'CUSTOMER_NOT_FOUND'],
    [
      'a bank that does not exist',
      () => ({ ...base(), payments: [{ method: 'transfer', amount: '10', bankId: 99999999, reference: 'x' }] }),
      400,
      'REFERENCE_NOT_FOUND',
    ],
    ['an unknown field', () => ({ ...base(), total: '100' }), 400, 'VALIDATION'],
  ];

  test.each(cases)('%s', async (...row) => {
    const [, body, status, code] = row;
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/receipts', body());
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toEqual(expect.any(String));
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('the messages name the document and the amounts', async () => {
    const res = await agents.clerk.post('/api/receipts', {
      ...base(),
      payments: [{ method: 'cash', amount: '5000' }],
      applications: [{ documentId: inv.id, amount: '1000.01' }],
    });
    expect(res.body.message).toBe(`Se imputan $ 1.000,01 a ${inv.displayNumber}, cuyo saldo pendiente es $ 1.000,00`);
  });

  test('a manager cannot post receipts; a clerk cannot cancel', async () => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    expect((await agents.manager.post('/api/receipts', base())).status).toBe(403);
    expect((await agents.clerk.post(`/api/documents/${inv.id}/cancel`, { reason: 'No corresponde' })).status).toBe(403);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  afterAll(async () => {
    await agents.admin.put('/api/company', { lockDate: null });
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});
