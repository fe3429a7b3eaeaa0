import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { balanceOf, createCustomer, doc, expectLedgerConsistent, postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Ciclo');
  agents = await agentsFor(company);
});

describe.each([
  ['ARS', {}],
  ['USD', { currency: 'USD' }],
])('the life of an account in %s', (currency, customerOverrides) => {
  test('invoice → receipt with partial application → NC → application → unapply → cancel, every amount checked', async () => {
    const { clerk, supervisor } = agents;
    const customer = await createCustomer(clerk, customerOverrides);
    expect(customer.currency).toBe(currency);

    // 1. Two invoices.
    const fa = await postInvoice(clerk, customer.id, '1000.00', { issueDate: '2026-09-01', dueDate: '2026-09-30' });
    const fb = await postInvoice(clerk, customer.id, '500.50', { issueDate: '2026-09-10', dueDate: '2026-10-10' });
    expect(fa.openAmount).toBe('1000.00');
    expect(await balanceOf(clerk, customer.id)).toBe('1500.50');

    // 2. A receipt of 800: 600 to FA, 200 left on account.
    const rec = await clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-05',
      payments: [{ method: 'cash', amount: '800' }],
      applications: [{ documentId: fa.id, amount: '600' }],
    });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({
      type: 'REC',
      total: '800.00',
      openAmount: '200.00',
      applied: '600.00',
      onAccount: '200.00',
      currency,
    });
    expect((await doc(clerk, fa.id)).openAmount).toBe('400.00');
    expect(await balanceOf(clerk, customer.id)).toBe('700.50');

    // 3. A credit note of 100.50 from billing.
    const nc = await clerk.post('/api/documents', {
      customerId: customer.id,
      type: 'NC',
      letter: 'A',
      pointOfSale: 3,
      number: 9000 + (currency === 'USD' ? 1 : 0),
      issueDate: '2026-10-06',
      total: '100.50',
    });
    expect(nc.status).toBe(201);
    expect(nc.body.openAmount).toBe('100.50');
    expect(await balanceOf(clerk, customer.id)).toBe('600.00');

    // 4. Apply the NC and the receipt's remainder to FB, atomically.
    const apps = await clerk.post('/api/applications', [
      { creditDocumentId: nc.body.id, debitDocumentId: fb.id, amount: '100.50', date: '2026-10-06' },
      { creditDocumentId: rec.body.id, debitDocumentId: fb.id, amount: '200.00', date: '2026-10-06' },
    ]);
    expect(apps.status).toBe(201);
    expect(apps.body).toHaveLength(2);
    expect((await doc(clerk, fb.id)).openAmount).toBe('200.00');
    expect((await doc(clerk, nc.body.id)).openAmount).toBe('0.00');
    expect((await doc(clerk, rec.body.id)).openAmount).toBe('0.00');
    expect(await balanceOf(clerk, customer.id)).toBe('600.00');

    // 5. The supervisor unapplies the NC: both open amounts come back, history stays.
    const unapplied = await supervisor.delete(`/api/applications/${apps.body[0].id}`);
    expect(unapplied.status).toBe(200);
    expect(unapplied.body).toMatchObject({ active: false, amount: '100.50' });
    expect(unapplied.body.reversedAt).toBeTruthy();
    expect((await doc(clerk, fb.id)).openAmount).toBe('300.50');
    expect((await doc(clerk, nc.body.id)).openAmount).toBe('100.50');
    expect(await balanceOf(clerk, customer.id)).toBe('600.00');
    const fbDetail = await doc(clerk, fb.id);
    expect((fbDetail.applications as Array<{ active: boolean }>).map((a) => a.active)).toEqual([false, true]);

    // 6. The supervisor cancels the receipt: its applications are reversed, its number stays.
    const cancelled = await supervisor.post(`/api/documents/${rec.body.id}/cancel`, {
      reason: 'Cobro mal registrado',
      date: '2026-10-20',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelDate: '2026-10-20',
      openAmount: '800.00',
      displayNumber: rec.body.displayNumber,
    });
    expect(cancelled.body.reversedApplications).toHaveLength(2);
    expect((await doc(clerk, fa.id)).openAmount).toBe('1000.00');
    expect((await doc(clerk, fb.id)).openAmount).toBe('500.50');
    expect(await balanceOf(clerk, customer.id)).toBe('1400.00');

    // 7. Cancelling it again is refused; the statement still shows the whole story.
    expect((await supervisor.post(`/api/documents/${rec.body.id}/cancel`, { reason: 'Otra vez' })).status).toBe(409);
    const st = await clerk.get(`/api/customers/${customer.id}/statement?from=2026-09-01&to=2026-10-31`);
    expect(st.body.openingBalance).toBe('0.00');
    expect(st.body.closingBalance).toBe('1400.00');
    expect(st.body.movements.map((m: { type: string; kind: string }) => `${m.type}/${m.kind}`)).toEqual([
      'FAC/document',
      'FAC/document',
      'REC/document',
      'NC/document',
      'REC/cancellation',
    ]);
    const before = await clerk.get(`/api/customers/${customer.id}/statement?from=2026-10-06&to=2026-10-31`);
    expect(before.body.openingBalance).toBe('700.50');

    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

test('a customer in USD cannot get documents in pesos', async () => {
  // A foreign customer, billed with class E (RG 1415, RG 4401).
  const customer = await createCustomer(agents.clerk, {
    currency: 'USD',
    ivaCondition: 9,
    taxIdType: 'FOREIGN',
    taxId: 'EXT-77',
  });
  const res = await agents.clerk.post('/api/documents', {
    customerId: customer.id,
    type: 'FAC',
    letter: 'E',
    pointOfSale: 4,
    number: 1,
    issueDate: '2026-10-01',
    total: '10',
    currency: 'ARS',
  });
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('CURRENCY_MISMATCH');
});
