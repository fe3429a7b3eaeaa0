import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences } from '../support/master-data';
import { balanceOf, createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Comprobantes');
  agents = await agentsFor(company);
});

describe('document intake from billing', () => {
  test('the due date comes from the payment term of the branch, else of the customer', async () => {
    const refs = await createReferences(agents.admin, 'D');
    const t60 = (await agents.admin.post('/api/payment-terms', { code: 'D60', name: '60 días', days: 60 })).body.id;
    const customer = await createCustomer(agents.clerk, { paymentTermId: refs.paymentTermId });
    const branch = (
      await agents.clerk.post('/api/branches', { customerId: customer.id, code: 'S1', name: 'Sucursal', paymentTermId: t60 })
    ).body;
    const plain = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-10-01' });
    expect(plain.dueDate).toBe('2026-10-31');
    const viaBranch = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-10-01', branchId: branch.id });
    expect(viaBranch.dueDate).toBe('2026-11-30');
    const given = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-10-01', dueDate: '2026-10-05' });
    expect(given.dueDate).toBe('2026-10-05');
    const other = await createCustomer(agents.clerk);
    const wrongBranch = await agents.clerk.post('/api/documents', {
      customerId: other.id,
      branchId: branch.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 1,
      number: 1,
      issueDate: '2026-10-01',
      total: '1',
    });
    expect(wrongBranch.status).toBe(400);
    expect(wrongBranch.body.code).toBe('BRANCH_NOT_FOUND');
  });

  test('a sale to a suspended customer or beyond its limit is posted with warnings, not refused', async () => {
    const customer = await createCustomer(agents.supervisor, { creditLimit: '1000', status: 'suspended' });
    const inv = await postInvoice(agents.clerk, customer.id, '1500');
    expect(inv.warnings.map((w) => w.code).sort()).toEqual(['CUSTOMER_SUSPENDED', 'OVER_CREDIT_LIMIT']);
    const status = await agents.clerk.get(`/api/customers/${customer.id}/credit-status`);
    expect(status.body).toMatchObject({ allowed: false, balance: '1500.00', available: '-500.00' });
  });

  test('a number already registered answers 409; the same number with another letter is another document', async () => {
    const customer = await createCustomer(agents.clerk);
    const body = {
      customerId: customer.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 5,
      number: 777,
      issueDate: '2026-10-01',
      total: '10',
    };
    expect((await agents.clerk.post('/api/documents', body)).status).toBe(201);
    const dup = await agents.clerk.post('/api/documents', body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_NUMBER');
    // A Responsable Inscripto buyer may get class A or M (RG 1415, RG 1575): another letter, another document.
    expect((await agents.clerk.post('/api/documents', { ...body, letter: 'M' })).status).toBe(201);
  });

  test.each([
    ['a receipt type', { type: 'REC' }],
    ['a wrong letter', { letter: 'X' }],
    ['a zero total', { total: '0' }],
    ['a point of sale over 99999', { pointOfSale: 100000 }],
    ['a due date before the issue date', { dueDate: '2026-09-01' }],
    ['no number', { number: undefined }],
    ['a reason on an invoice', { reason: 'no va' }],
  ])('intake with %s is refused', async (...row) => {
    const [, override] = row;
    const customer = await createCustomer(agents.clerk);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/documents', {
      customerId: customer.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 1,
      number: 42,
      issueDate: '2026-10-01',
      total: '10',
      ...override,
    });
    expect(res.status).toBe(400);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });
});

describe('adjustments', () => {
  test('a supervisor posts AJP and AJN numbered here with a reason; a clerk cannot', async () => {
    const customer = await createCustomer(agents.clerk);
    expect(
      (
        await agents.clerk.post('/api/adjustments', {
          customerId: customer.id,
          type: 'AJP',
          issueDate: '2026-10-01',
          total: '10',
          reason: 'Intereses',
        })
      ).status,
    ).toBe(403);
    const ajp = await agents.supervisor.post('/api/adjustments', {
      customerId: customer.id,
      type: 'AJP',
      issueDate: '2026-10-01',
      total: '250.75',
      reason: 'Intereses por mora',
    });
    expect(ajp.status).toBe(201);
    expect(ajp.body).toMatchObject({ type: 'AJP', letter: 'X', number: expect.any(Number), reason: 'Intereses por mora' });
    const ajn = await agents.supervisor.post('/api/documents', {
      customerId: customer.id,
      type: 'AJN',
      issueDate: '2026-10-02',
      total: '50.75',
      reason: 'Redondeo',
    });
    expect(ajn.status).toBe(201);
    expect(await balanceOf(agents.clerk, customer.id)).toBe('200.00');
    const noReason = await agents.supervisor.post('/api/adjustments', {
      customerId: customer.id,
      type: 'AJN',
      issueDate: '2026-10-02',
      total: '5',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.reason).toBeDefined();
    const list = await agents.manager.get(`/api/adjustments${listQuery({ filter: { customerId: customer.id } })}`);
    expect(list.body.map((d: { type: string }) => d.type).sort()).toEqual(['AJN', 'AJP']);
  });
});

describe('posted documents are immutable', () => {
  test('PUT changes only notes and the due date, and only for a supervisor; DELETE is 405', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-10-01', dueDate: '2026-10-10' });
    expect((await agents.clerk.put(`/api/documents/${inv.id}`, { notes: 'x' })).status).toBe(403);
    const ok = await agents.supervisor.put(`/api/documents/${inv.id}`, { notes: 'Prorrogada', dueDate: '2026-11-10' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ notes: 'Prorrogada', dueDate: '2026-11-10', total: '100.00' });
    const whole = await agents.supervisor.put(`/api/documents/${inv.id}`, { ...ok.body, notes: 'Con todo el registro' });
    expect(whole.status).toBe(200);
    const total = await agents.supervisor.put(`/api/documents/${inv.id}`, { total: '90' });
    expect(total.status).toBe(400);
    expect(total.body.code).toBe('IMMUTABLE');
    const del = await agents.admin.delete(`/api/documents/${inv.id}`);
    expect(del.status).toBe(405);
    expect(del.body.message).toMatch(/cancel/);
    expect((await doc(agents.clerk, inv.id)).total).toBe('100.00');
  });
});

describe('the lock date', () => {
  test('nothing is posted, applied, unapplied or cancelled on or before it', async () => {
    const customer = await createCustomer(agents.clerk);
    const inv = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-05-01' });
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-05-02',
      payments: [{ method: 'cash', amount: '40' }],
    });
    const app = await agents.clerk.post('/api/applications', {
      creditDocumentId: rec.body.id,
      debitDocumentId: inv.id,
      amount: '20',
      date: '2026-05-03',
    });
    expect(app.status).toBe(201);
    await agents.admin.put('/api/company', { lockDate: '2026-05-31' });
    try {
      const before = await ledgerSnapshot(company.knex, company.companyId);
      const tries = await Promise.all([
        postInvoice(agents.clerk, customer.id, '1', { issueDate: '2026-05-31' }).catch((e: Error) => e.message),
        agents.clerk.post('/api/applications', {
          creditDocumentId: rec.body.id,
          debitDocumentId: inv.id,
          amount: '10',
          date: '2026-05-20',
        }),
        agents.supervisor.delete(`/api/applications/${app.body.id}?date=2026-05-15`),
        agents.supervisor.post(`/api/documents/${rec.body.id}/cancel`, { reason: 'Cierre', date: '2026-05-30' }),
        agents.clerk.post('/api/receipts/voided', { issueDate: '2026-05-10', reason: 'roto' }),
      ]);
      expect(tries[0]).toMatch(/409/);
      for (const r of tries.slice(1) as Array<{ status: number; body: { code: string } }>)
        expect([r.status, r.body.code]).toEqual([409, 'PERIOD_LOCKED']);
      expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
      // After the lock date everything works again.
      expect((await agents.supervisor.delete(`/api/applications/${app.body.id}`)).status).toBe(200);
    } finally {
      await agents.admin.put('/api/company', { lockDate: null });
    }
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('values portfolio', () => {
  test('cheques move along their transitions; a rejected one posts a debit note so the debt is back', async () => {
    const customer = await createCustomer(agents.clerk);
    const banks = (await agents.clerk.get(`/api/banks${listQuery({ filter: { code: ['007', '011'] }, sort: ['code', 'ASC'] })}`))
      .body;
    const inv = await postInvoice(agents.clerk, customer.id, '3000');
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-10',
      payments: [
        {
          method: 'customer_cheque',
          amount: '1000',
          bankId: banks[0].id,
          number: 'A-1',
          issueDate: '2026-10-10',
          paymentDate: '2026-11-10',
        },
        {
          method: 'customer_cheque',
          amount: '1200',
          bankId: banks[0].id,
          number: 'A-2',
          issueDate: '2026-10-10',
          paymentDate: '2026-12-10',
        },
        { method: 'customer_note', amount: '800', number: 'P-9', issueDate: '2026-10-10', paymentDate: '2027-01-10' },
      ],
      applications: [{ documentId: inv.id, amount: '3000' }],
    });
    expect(rec.status).toBe(201);
    expect(await balanceOf(agents.clerk, customer.id)).toBe('0.00');
    const values = (
      await agents.clerk.get(`/api/values${listQuery({ filter: { customerId: customer.id }, sort: ['number', 'ASC'] })}`)
    ).body;
    expect(values.map((v: { number: string; state: string }) => `${v.number}:${v.state}`)).toEqual([
      'A-1:in_portfolio',
      'A-2:in_portfolio',
      'P-9:in_portfolio',
    ]);
    const [a1, a2] = values;

    const deposited = await agents.clerk.post(`/api/values/${a1.id}/transition`, {
      to: 'deposited',
      date: '2026-11-10',
      depositBankId: banks[1].id,
    });
    expect(deposited.body.state).toBe('deposited');
    const endorsed = await agents.clerk.post(`/api/values/${a2.id}/transition`, {
      to: 'endorsed',
      date: '2026-10-20',
      endorsedTo: 'Proveedor S.A.',
    });
    expect(endorsed.body).toMatchObject({ state: 'endorsed', endorsedTo: 'Proveedor S.A.' });
    expect((await agents.clerk.post(`/api/values/${a2.id}/transition`, { to: 'deposited' })).status).toBe(409);
    expect((await agents.clerk.post(`/api/values/${a1.id}/transition`, { to: 'rejected' })).status).toBe(400);

    const rejected = await agents.clerk.post(`/api/values/${a1.id}/transition`, {
      to: 'rejected',
      date: '2026-11-12',
      reason: 'Sin fondos',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.rejectionDocumentId).toEqual(expect.any(Number));
    const nd = await doc(agents.clerk, rejected.body.rejectionDocumentId);
    expect(nd).toMatchObject({ type: 'ND', letter: 'X', total: '1000.00', openAmount: '1000.00', issueDate: '2026-11-12' });
    expect(nd.notes).toMatch(/Cheque propio Nº A-1 rechazado: Sin fondos/);
    expect(await balanceOf(agents.clerk, customer.id)).toBe('1000.00');
    const history = await agents.clerk.get(`/api/values/${a1.id}/history`);
    expect(history.body.map((h: { toState: string }) => h.toState)).toEqual(['deposited', 'rejected']);

    // The receipt can no longer be cancelled: its values left the portfolio.
    const cancel = await agents.supervisor.post(`/api/documents/${rec.body.id}/cancel`, { reason: 'Error' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('VALUES_OUT_OF_PORTFOLIO');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('cancelling a receipt whose values are all in the portfolio takes them out and frees its cheques and certificates', async () => {
    const customer = await createCustomer(agents.clerk);
    const bank = (await agents.clerk.get(`/api/banks${listQuery({ filter: { code: '007' } })}`)).body[0];
    const body = {
      customerId: customer.id,
      issueDate: '2026-10-10',
      payments: [
        {
          method: 'customer_cheque',
          amount: '500',
          bankId: bank.id,
          number: 'Z-1',
          issueDate: '2026-10-10',
          paymentDate: '2026-11-10',
        },
      ],
      withholdings: [{ type: 'IVA', certificateNumber: 'IVA-1', date: '2026-10-10', amount: '21' }],
    };
    const rec = await agents.clerk.post('/api/receipts', body);
    expect((await agents.supervisor.post(`/api/documents/${rec.body.id}/cancel`, { reason: 'Cheque equivocado' })).status).toBe(
      200,
    );
    const v = (await agents.clerk.get(`/api/values${listQuery({ filter: { receiptId: rec.body.id } })}`)).body[0];
    expect(v.state).toBe('cancelled');
    // The same cheque and certificate go on the corrected receipt.
    expect((await agents.clerk.post('/api/receipts', body)).status).toBe(201);
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('queries', () => {
  test('consulta de comprobantes filters by customer, type, status, dates, open and q', async () => {
    const customer = await createCustomer(agents.clerk, { legalName: 'Consulta Única S.R.L.' });
    const a = await postInvoice(agents.clerk, customer.id, '100', { issueDate: '2026-08-01', dueDate: '2026-08-31' });
    const b = await postInvoice(agents.clerk, customer.id, '200', { issueDate: '2026-09-01', dueDate: '2026-09-30' });
    await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-09-05',
      payments: [{ method: 'cash', amount: '100' }],
      applications: [{ documentId: a.id, amount: '100' }],
    });
    const get = async (filter: Record<string, unknown>) =>
      (
        await agents.clerk.get(
          `/api/documents${listQuery({ filter: { customerId: customer.id, ...filter }, sort: ['issueDate', 'ASC'] })}`,
        )
      ).body.map((d: { type: string; total: string }) => `${d.type} ${d.total}`);
    expect(await get({})).toEqual(['FAC 100.00', 'FAC 200.00', 'REC 100.00']);
    expect(await get({ type: 'REC' })).toEqual(['REC 100.00']);
    expect(await get({ open: true })).toEqual(['FAC 200.00']);
    expect(await get({ issueDate_gte: '2026-09-01', issueDate_lte: '2026-09-03' })).toEqual(['FAC 200.00']);
    expect(await get({ dueDate_lte: '2026-09-01', type: ['FAC'] })).toEqual(['FAC 100.00']);
    expect(await get({ status: 'cancelled' })).toEqual([]);
    const byName = await agents.clerk.get(`/api/documents${listQuery({ filter: { q: 'consulta única' } })}`);
    expect(byName.body).toHaveLength(3);
    const byNumber = await agents.clerk.get(`/api/documents${listQuery({ filter: { q: b.displayNumber } })}`);
    expect(byNumber.body.map((d: { id: number }) => d.id)).toEqual([b.id]);
    expect((await agents.clerk.get(`/api/documents${listQuery({ filter: { nope: 1 } })}`)).status).toBe(400);
    const detail = await doc(agents.clerk, a.id);
    expect(
      (detail.applications as Array<{ documentType: string; amount: string }>).map((x) => `${x.documentType} ${x.amount}`),
    ).toEqual(['REC 100.00']);
    const openItems = await agents.clerk.get(`/api/customers/${customer.id}/open-items`);
    expect(openItems.body.map((d: { id: number; side: string }) => [d.id, d.side])).toEqual([[b.id, 'debit']]);
    expect(openItems.body[0].daysOverdue).toBeGreaterThan(0);
  });

  test('statement: opening, running and closing balance, also as CSV', async () => {
    const customer = await createCustomer(agents.clerk);
    await postInvoice(agents.clerk, customer.id, '1000', { issueDate: '2026-07-10' });
    await postInvoice(agents.clerk, customer.id, '500', { issueDate: '2026-08-10' });
    await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-08-20',
      payments: [{ method: 'cash', amount: '300' }],
    });
    const st = await agents.clerk.get(`/api/customers/${customer.id}/statement?from=2026-08-01&to=2026-08-31`);
    expect(st.body).toMatchObject({
      openingBalance: '1000.00',
      totalDebits: '500.00',
      totalCredits: '300.00',
      closingBalance: '1200.00',
    });
    expect(st.body.movements.map((m: { balance: string }) => m.balance)).toEqual(['1500.00', '1200.00']);
    const csv = await agents.manager.get(`/api/customers/${customer.id}/statement.csv?from=2026-08-01&to=2026-08-31`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('Fecha;Tipo;Comprobante;Detalle;Vencimiento;Debe;Haber;Saldo');
    expect(lines[1]).toBe('01/08/2026;;;Saldo anterior;;;;1000,00');
    expect(lines[2].split(';')[1]).toBe('Factura');
    expect(lines[3].split(';').slice(-3)).toEqual(['0,00', '300,00', '1200,00']);
    expect((await agents.clerk.get(`/api/customers/${customer.id}/statement?from=ayer`)).status).toBe(400);
  });
});
