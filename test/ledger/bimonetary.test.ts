import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice, verifyAfterTamper } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import type { Role } from '../../server/src/http/permissions';

/*
 * Bimonetary customers: ARS and USD ledgers side by side on one customer. The account's currency
 * keeps `balance`/`overdueBalance`; each ledger has its own figures. Every figure below is by hand.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Bimonetaria');
  agents = await agentsFor(company);
});

const usd = { currency: 'USD', exchangeRate: '1000' };
const past = addDays(today(), -40);
const pastDue = addDays(today(), -10);
const future = addDays(today(), 20);

/** A dollar credit note from billing (NC A). */
const usdCreditNote = (customerId: number, number: number, total: string) =>
  agents.clerk.post('/api/documents', {
    customerId,
    type: 'NC',
    letter: 'A',
    pointOfSale: 3,
    number,
    issueDate: past,
    total,
    ...usd,
  });

async function customerRow(id: number) {
  const res = await agents.clerk.get(`/api/customers/${id}`);
  expect(res.status).toBe(200);
  return res.body as Record<string, string | boolean>;
}

describe('a customer that is not bimonetary', () => {
  test('when a document comes in the other currency, then 400 CURRENCY_MISMATCH in Spanish and nothing is written', async () => {
    const c = await createCustomer(agents.clerk);
    expect(c).toMatchObject({ currency: 'ARS', bimonetary: false });
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/documents', {
      customerId: c.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 3,
      number: 77001,
      issueDate: past,
      total: '10.00',
      ...usd,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CURRENCY_MISMATCH');
    expect(res.body.message).toMatch(/es en ARS y el cliente no es bimonetario/);
    expect(res.body.details).toEqual([{ path: 'currency', message: 'debe ser ARS' }]);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when a receipt asks to credit the other currency, then 400 and nothing is written', async () => {
    const c = await createCustomer(agents.clerk);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/receipts', {
      customerId: c.id,
      issueDate: today(),
      currency: 'USD',
      payments: [{ method: 'cash', amount: '5' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CURRENCY_MISMATCH');
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when its statement is asked in the other currency, then 400 naming currency', async () => {
    const c = await createCustomer(agents.clerk);
    const res = await agents.clerk.get(`/api/customers/${c.id}/statement?currency=USD`);
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('currency');
  });
});

describe('a bimonetary customer', () => {
  test('when invoices, a credit note and receipts post in both currencies, then each ledger has its figures and balance keeps the account currency', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    expect(c).toMatchObject({ currency: 'ARS', bimonetary: true });
    // ARS: 1000 overdue + 500 not due; USD: 300 overdue + 200 not due, an NC of 50 on account.
    await postInvoice(agents.clerk, c.id, '1000.00', { issueDate: past, dueDate: pastDue });
    await postInvoice(agents.clerk, c.id, '500.00', { issueDate: past, dueDate: future });
    const u1 = await postInvoice(agents.clerk, c.id, '300.00', { issueDate: past, dueDate: pastDue, ...usd });
    await postInvoice(agents.clerk, c.id, '200.00', { issueDate: past, dueDate: future, ...usd });
    const nc = await usdCreditNote(c.id, 88001, '50.00');
    expect(nc.status).toBe(201);
    expect(nc.body.currency).toBe('USD');
    let row = await customerRow(c.id);
    expect(row).toMatchObject({
      balance: '1500.00',
      overdueBalance: '1000.00',
      balanceArs: '1500.00',
      overdueBalanceArs: '1000.00',
      balanceUsd: '450.00',
      overdueBalanceUsd: '250.00',
    });

    // A USD receipt of 100 applied to the USD invoice: the USD ledger moves, the peso one does not.
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: c.id,
      issueDate: today(),
      currency: 'USD',
      payments: [{ method: 'cash', amount: '100' }],
      applications: [{ documentId: u1.id, amount: '100' }],
    });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ currency: 'USD', total: '100.00', applied: '100.00' });
    expect((await doc(agents.clerk, u1.id)).openAmount).toBe('200.00');
    // A peso receipt of 200 on account (no currency: the account's).
    const ars = await agents.clerk.post('/api/receipts', {
      customerId: c.id,
      issueDate: today(),
      payments: [{ method: 'cash', amount: '200' }],
    });
    expect(ars.status).toBe(201);
    expect(ars.body.currency).toBe('ARS');
    row = await customerRow(c.id);
    expect(row).toMatchObject({
      balance: '1300.00',
      overdueBalance: '800.00',
      balanceArs: '1300.00',
      overdueBalanceArs: '800.00',
      balanceUsd: '350.00',
      overdueBalanceUsd: '150.00',
    });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a receipt or an application joins documents of two currencies, then 409 DIFFERENT_CURRENCIES and nothing is written', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    const pesos = await postInvoice(agents.clerk, c.id, '100.00', { issueDate: past });
    const dollars = await postInvoice(agents.clerk, c.id, '100.00', { issueDate: past, ...usd });
    const nc = await usdCreditNote(c.id, 88002, '10.00');
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: c.id,
      issueDate: today(),
      currency: 'USD',
      payments: [{ method: 'cash', amount: '10' }],
      applications: [{ documentId: pesos.id, amount: '10' }],
    });
    expect(rec.status).toBe(409);
    expect(rec.body.code).toBe('DIFFERENT_CURRENCIES');
    expect(rec.body.message).toMatch(/es en ARS y el recibo acredita la cuenta en USD/);
    const app = await agents.clerk.post('/api/applications', {
      creditDocumentId: nc.body.id,
      debitDocumentId: pesos.id,
      amount: '5',
    });
    expect(app.status).toBe(409);
    expect(app.body.code).toBe('DIFFERENT_CURRENCIES');
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
    // The same NC applies to the USD invoice.
    const ok = await agents.clerk.post('/api/applications', {
      creditDocumentId: nc.body.id,
      debitDocumentId: dollars.id,
      amount: '5',
    });
    expect(ok.status).toBe(201);
  });

  test('when the statement is asked per currency, then each shows only its ledger with its own running balance', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true, currency: 'USD' });
    await postInvoice(agents.clerk, c.id, '70.00', { issueDate: past, ...usd });
    await postInvoice(agents.clerk, c.id, '1234.56', { issueDate: past, currency: 'ARS' });
    const dollars = await agents.clerk.get(`/api/customers/${c.id}/statement`);
    expect(dollars.status).toBe(200);
    expect(dollars.body).toMatchObject({ currency: 'USD', currencies: ['USD', 'ARS'], closingBalance: '70.00' });
    expect(dollars.body.movements).toHaveLength(1);
    const pesos = await agents.clerk.get(`/api/customers/${c.id}/statement?currency=ARS`);
    expect(pesos.body).toMatchObject({ currency: 'ARS', closingBalance: '1234.56' });
    expect(pesos.body.movements.map((m: { debit: string }) => m.debit)).toEqual(['1234.56']);
    const csv = await agents.clerk.get(`/api/customers/${c.id}/statement.csv?currency=ARS&dialect=rfc4180`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('1234.56');
    expect(csv.text).not.toContain('70.00');
  });

  test('when aging and debtors are filtered by currency, then the customer is in each with that ledger only', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    // Owes only dollars: its account (pesos) balance is 0, yet it is a debtor in USD.
    await postInvoice(agents.clerk, c.id, '42.00', { issueDate: past, dueDate: pastDue, ...usd });
    const agingUsd = await agents.manager.get('/api/reports/aging?currency=USD');
    const mine = agingUsd.body.rows.find((r: { key: unknown }) => Number(r.key) === c.id);
    expect(mine).toMatchObject({ days1to30: '42.00', total: '42.00' });
    const agingArs = await agents.manager.get('/api/reports/aging?currency=ARS');
    expect(agingArs.body.rows.find((r: { key: unknown }) => Number(r.key) === c.id)).toBeUndefined();
    const inUsd = await agents.supervisor.get(
      `/api/debtors?filter=${encodeURIComponent(JSON.stringify({ currency: 'USD', q: c.code }))}`,
    );
    expect(inUsd.status).toBe(200);
    expect(inUsd.body).toEqual([
      expect.objectContaining({ id: c.id, balance: '0.00', balanceUsd: '42.00', overdueUsd: '42.00' }),
    ]);
    const inArs = await agents.supervisor.get(
      `/api/debtors?filter=${encodeURIComponent(JSON.stringify({ currency: 'ARS', q: c.code }))}`,
    );
    expect(inArs.body).toEqual([]);
  });

  test('when the flag is turned off while it has documents in the other currency, then 409 and the customer is unchanged', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    await postInvoice(agents.clerk, c.id, '10.00', { issueDate: past, ...usd });
    const res = await agents.clerk.put(`/api/customers/${c.id}`, { bimonetary: false });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEDGER_IN_OTHER_CURRENCY');
    expect(res.body.message).toMatch(/tiene comprobantes en USD/);
    expect((await customerRow(c.id)).bimonetary).toBe(true);
    // Without other-currency documents the flag goes off freely.
    const plain = await createCustomer(agents.clerk, { bimonetary: true });
    expect((await agents.clerk.put(`/api/customers/${plain.id}`, { bimonetary: false })).status).toBe(200);
  });

  test('when the account currency of a bimonetary customer changes, then balance follows the new account ledger', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    await postInvoice(agents.clerk, c.id, '10.00', { issueDate: past, ...usd });
    await postInvoice(agents.clerk, c.id, '20.00', { issueDate: past });
    expect(await agents.clerk.put(`/api/customers/${c.id}`, { currency: 'USD' })).toMatchObject({ status: 200 });
    expect(await customerRow(c.id)).toMatchObject({
      currency: 'USD',
      balance: '10.00',
      balanceArs: '20.00',
      balanceUsd: '10.00',
    });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when invoices and receipts post in both currencies at once, then every figure is the sum of its ledger', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    const posts = [];
    for (let i = 0; i < 4; i++) {
      posts.push(postInvoice(agents.clerk, c.id, '100.00', { issueDate: past, dueDate: pastDue }));
      posts.push(postInvoice(agents.clerk, c.id, '10.00', { issueDate: past, dueDate: pastDue, ...usd }));
      posts.push(
        agents.clerk.post('/api/receipts', { customerId: c.id, issueDate: today(), payments: [{ method: 'cash', amount: '7' }] }),
      );
      posts.push(
        agents.clerk.post('/api/receipts', {
          customerId: c.id,
          issueDate: today(),
          currency: 'USD',
          payments: [{ method: 'cash', amount: '1' }],
        }),
      );
    }
    await Promise.all(posts);
    // ARS: 4 × 100 − 4 × 7 = 372, all overdue less the credits; USD: 4 × 10 − 4 × 1 = 36.
    expect(await customerRow(c.id)).toMatchObject({
      balance: '372.00',
      balanceArs: '372.00',
      overdueBalanceArs: '372.00',
      balanceUsd: '36.00',
      overdueBalanceUsd: '36.00',
    });
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('ledger:verify on the ledgers per currency', () => {
  test('when a ledger figure, a document outside the account or an application across currencies is tampered in, then each is found', async () => {
    const c = await createCustomer(agents.clerk, { bimonetary: true });
    const dollars = await postInvoice(agents.clerk, c.id, '10.00', { issueDate: past, ...usd });
    await postInvoice(agents.clerk, c.id, '10.00', { issueDate: past });
    await expectLedgerConsistent(company.knex, company.companyId);
    const mine = (found: Array<{ invariant: number; subject: string; detail: string }>) =>
      found.filter((f) => f.subject.includes(c.code) || /application/.test(f.subject));

    const figure = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('customers').where({ id: c.id }).update({ balanceUsd: '11.00' }),
    );
    expect(mine(figure)).toEqual([
      expect.objectContaining({ invariant: 2, detail: expect.stringContaining('USD: stored 11.00') }),
    ]);

    const flag = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('customers').where({ id: c.id }).update({ bimonetary: false }),
    );
    expect(mine(flag)).toEqual([
      expect.objectContaining({ invariant: 2, detail: expect.stringContaining('1 documents outside ARS and not bimonetary') }),
    ]);

    const nc = await usdCreditNote(c.id, 88003, '1.00');
    const applied = await agents.clerk.post('/api/applications', {
      creditDocumentId: nc.body.id,
      debitDocumentId: dollars.id,
      amount: '1',
    });
    expect(applied.status).toBe(201);
    await expectLedgerConsistent(company.knex, company.companyId);
    const across = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('documents').where({ id: dollars.id }).update({ currency: 'ARS' }),
    );
    expect(across.filter((f) => f.invariant === 1 && /different customers or currencies/.test(f.detail))).toHaveLength(1);
  });
});
