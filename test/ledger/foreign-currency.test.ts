import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import {
  balanceOf,
  createCustomer,
  doc,
  expectLedgerConsistent,
  ledgerSnapshot,
  postInvoice,
  verifyAfterTamper,
} from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

/*
 * Foreign currency: the BNA seller rate table, the rate each USD document carries, and the
 * exchange difference of a USD debt paid in pesos at another rate than the day's. Figures by hand.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Moneda extranjera');
  agents = await agentsFor(company);
});

const csv = (text: string) => Buffer.from('\uFEFF' + text, 'utf8');

describe('the BNA rate table', () => {
  test('when a rate is not in USD, then 400 in Spanish: EUR and BRL are not kept', async () => {
    const res = await agents.admin.post('/api/exchange-rates', { currency: 'EUR', date: '2026-09-01', rate: '1500' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('currency');
  });

  test('when the admin imports the published series, then each day is stored or updated as imported, all or nothing', async () => {
    const first = await agents.admin
      .post('/api/imports/exchange-rates')
      .set('Content-Type', 'text/csv')
      .send(csv('date;rate\n01/10/2026;1000,00\n15/10/2026;1100,00\n'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    const again = await agents.admin
      .post('/api/imports/exchange-rates')
      .set('Content-Type', 'text/csv')
      .send(csv('date;rate\n01/10/2026;1000,00\n15/10/2026;1100,00\n'));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const before = await company.knex('exchange_rates').where({ companyId: company.companyId }).count();
    const bad = await agents.admin
      .post('/api/imports/exchange-rates')
      .set('Content-Type', 'text/csv')
      .send(csv('date;rate\n20/10/2026;1200,00\n20/10/2026;-5\n'));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    expect(await company.knex('exchange_rates').where({ companyId: company.companyId }).count()).toEqual(before);
    const rows = await company.knex('exchange_rates').where({ companyId: company.companyId }).orderBy('date');
    expect(rows.map((r) => [r.date, r.rate, r.source])).toEqual([
      ['2026-10-01', '1000.000000', 'import'],
      ['2026-10-15', '1100.000000', 'import'],
    ]);
    expect(
      (await agents.clerk.post('/api/imports/exchange-rates').set('Content-Type', 'text/csv').send(csv('date;rate\n'))).status,
    ).toBe(403);
  });

  test('when a USD document comes without a rate, then it carries the BNA rate in force on its date', async () => {
    const c = await createCustomer(agents.clerk, { currency: 'USD' });
    // 3/10 has no rate of its own: the 1/10 one is in force.
    const inv = await postInvoice(agents.clerk, c.id, '10.00', { letter: 'A', issueDate: '2026-10-03' });
    expect((await doc(agents.clerk, inv.id)).exchangeRate).toBe('1000.000000');
    const given = await postInvoice(agents.clerk, c.id, '10.00', {
      letter: 'A',
      issueDate: '2026-10-03',
      exchangeRate: '1012.5',
    });
    expect((await doc(agents.clerk, given.id)).exchangeRate).toBe('1012.500000');
  });

  test('when a peso document brings a rate, then 400 naming exchangeRate and nothing is written', async () => {
    const c = await createCustomer(agents.clerk);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/documents', {
      customerId: c.id,
      type: 'FAC',
      letter: 'B',
      pointOfSale: 9,
      number: 1,
      issueDate: '2026-10-03',
      total: '100',
      exchangeRate: '1000',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Un comprobante en pesos no lleva cotización');
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });
});

describe('the exchange difference of a USD invoice paid in pesos', () => {
  /** A USD customer with an invoice of USD 100 (1/10, rate 1000) paid on 15/10 (BNA 1100) with pesos converted at `rate`. */
  async function paidInPesos(pesos: string, rate: string) {
    const c = await createCustomer(agents.clerk, { currency: 'USD' });
    const inv = await postInvoice(agents.clerk, c.id, '100.00', { letter: 'A', issueDate: '2026-10-01' });
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: c.id,
      issueDate: '2026-10-15',
      payments: [{ method: 'cash', amount: pesos, currency: 'ARS', exchangeRate: rate }],
      applications: [{ documentId: inv.id, amount: '100.00' }],
    });
    expect(rec.status).toBe(201);
    return { customer: c, invoice: inv, receipt: rec.body };
  }

  test('when the pesos of the invoice were paid at its own rate, then an ND for the rate move is proposed and posted once', async () => {
    const { customer, invoice, receipt } = await paidInPesos('100000', '1000');
    const proposal = await agents.clerk.get(`/api/receipts/${receipt.id}/exchange-difference`);
    expect(proposal.status).toBe(200);
    // 100,000 pesos were worth 100,000 / 1,100 = USD 90.91 on the day, not 100: USD 9.09 short, $ 10.000 in pesos.
    expect(proposal.body).toMatchObject({ dayRate: '1100.000000', paymentRate: '1000.000000' });
    expect(proposal.body.lines).toEqual([
      expect.objectContaining({
        debitDocumentId: invoice.id,
        documentRate: '1000.000000',
        pesoApplied: '100.00',
        pesoDifference: '10000.00',
        amount: '9.09',
        type: 'ND',
        postedDocumentId: null,
      }),
    ]);
    expect((await agents.clerk.post(`/api/receipts/${receipt.id}/exchange-difference`, {})).status).toBe(403);
    const results = await Promise.all([
      agents.supervisor.post(`/api/receipts/${receipt.id}/exchange-difference`, {}),
      agents.admin.post(`/api/receipts/${receipt.id}/exchange-difference`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const posted = results.find((r) => r.status === 201)!.body.documents[0];
    expect(posted).toMatchObject({ type: 'ND', total: '9.09', currency: 'USD' });
    expect(posted.displayNumber).toMatch(/^ND X /);
    expect((await doc(agents.clerk, posted.id)).exchangeRate).toBe('1100.000000');
    expect(await balanceOf(agents.clerk, customer.id)).toBe('9.09');
    const after = await agents.clerk.get(`/api/receipts/${receipt.id}/exchange-difference`);
    expect(after.body.lines[0].postedDocumentId).toBe(posted.id);
    const loser = results.find((r) => r.status === 409)!.body;
    expect(loser.message).toMatch(/no tiene diferencias de cambio pendientes/);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the pesos were converted above the day rate, then an NC is proposed', async () => {
    const { receipt } = await paidInPesos('120000', '1200');
    const proposal = await agents.clerk.get(`/api/receipts/${receipt.id}/exchange-difference`);
    // 120,000 / 1,100 = USD 109.09 on the day against 100 credited: USD 9.09 in the customer's favour.
    expect(proposal.body.lines).toEqual([expect.objectContaining({ type: 'NC', amount: '9.09', pesoDifference: '10000.00' })]);
  });

  test('when the pesos were converted at the day rate, then there is nothing to post', async () => {
    const { receipt } = await paidInPesos('110000', '1100');
    expect((await agents.clerk.get(`/api/receipts/${receipt.id}/exchange-difference`)).body.lines).toEqual([]);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.supervisor.post(`/api/receipts/${receipt.id}/exchange-difference`, {});
    expect(res.status).toBe(409);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when an exchange-difference note loses its link, then ledger:verify names it (invariant 10)', async () => {
    const { receipt } = await paidInPesos('100000', '1000');
    const posted = await agents.supervisor.post(`/api/receipts/${receipt.id}/exchange-difference`, {});
    expect(posted.status).toBe(201);
    const id = posted.body.documents[0].id;
    const found = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('exchange_differences').where({ documentId: id }).delete(),
    );
    expect(found.filter((f) => f.invariant === 10).map((f) => f.detail)).toEqual([
      'fx_diff total 9.09, its difference add up to 0',
    ]);
  });
});
