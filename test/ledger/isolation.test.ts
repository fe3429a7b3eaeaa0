import { createTestCompany, agentsFor } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, postInvoice } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import type { Role } from '../../server/src/http/permissions';

let a: Record<Role, Agent>;
let b: Record<Role, Agent>;
const ofA: Record<string, number> = {};

beforeAll(async () => {
  a = await agentsFor(await createTestCompany('Libro A'));
  b = await agentsFor(await createTestCompany('Libro B'));
  const customer = await createCustomer(a.clerk);
  const bank = (await a.clerk.get(`/api/banks${listQuery({ filter: { code: '007' } })}`)).body[0];
  const inv = await postInvoice(a.clerk, customer.id, '1000');
  const rec = await a.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: today(),
    payments: [
      {
        method: 'customer_cheque',
        amount: '400',
        bankId: bank.id,
        number: 'ISO-1',
        issueDate: today(),
        paymentDate: addDays(today(), 30),
      },
    ],
    withholdings: [{ type: 'IVA', certificateNumber: 'ISO-C', date: today(), amount: '10' }],
    applications: [{ documentId: inv.id, amount: '300' }],
  });
  const collector = (await a.admin.post('/api/collectors', { code: 'ISO', name: 'Cobrador A' })).body;
  const call = await a.clerk.post('/api/collection-calls', {
    customerId: customer.id,
    channel: 'phone',
    outcome: 'callback',
    visitDate: addDays(today(), 1),
    collectorId: collector.id,
  });
  Object.assign(ofA, {
    customer: customer.id,
    invoice: inv.id,
    receipt: rec.body.id,
    application: rec.body.applications[0].id,
    value: rec.body.values[0].id,
    collector: collector.id,
    call: call.body.id,
  });
});

describe("company B never reaches company A's ledger", () => {
  test('direct ids answer 404', async () => {
    const gets = [
      `/api/documents/${ofA.invoice}`,
      `/api/receipts/${ofA.receipt}`,
      `/api/applications/${ofA.application}`,
      `/api/values/${ofA.value}`,
      `/api/values/${ofA.value}/history`,
      `/api/collection-calls/${ofA.call}`,
      `/api/customers/${ofA.customer}/open-items`,
      `/api/customers/${ofA.customer}/statement`,
      `/api/customers/${ofA.customer}/statement.csv`,
      `/api/reports/aging/customers/${ofA.customer}/open-items`,
      `/api/collection-sheets?collectorId=${ofA.collector}&date=${addDays(today(), 1)}`,
    ];
    for (const url of gets) expect({ url, status: (await b.admin.get(url)).status }).toEqual({ url, status: 404 });
  });

  test('mutations on its ids answer 4xx and change nothing', async () => {
    const before = (await a.clerk.get(`/api/documents/${ofA.invoice}`)).body;
    const tries = [
      await b.supervisor.post(`/api/documents/${ofA.invoice}/cancel`, { reason: 'Intrusión' }),
      await b.supervisor.put(`/api/documents/${ofA.invoice}`, { notes: 'Intrusión' }),
      await b.supervisor.delete(`/api/applications/${ofA.application}`),
      await b.clerk.post(`/api/values/${ofA.value}/transition`, { to: 'deposited' }),
      await b.clerk.put(`/api/collection-calls/${ofA.call}/visit-result`, { visitResult: 'collected' }),
      await b.clerk.post('/api/receipts', {
        customerId: ofA.customer,
        issueDate: today(),
        payments: [{ method: 'cash', amount: '1' }],
      }),
      await b.clerk.post('/api/documents', {
        customerId: ofA.customer,
        type: 'FAC',
        letter: 'A',
        pointOfSale: 1,
        number: 1,
        issueDate: today(),
        total: '1',
      }),
      await b.clerk.post('/api/collection-calls', { customerId: ofA.customer, channel: 'phone', outcome: 'no_answer' }),
    ];
    for (const r of tries) expect([400, 404, 409]).toContain(r.status);
    const applyAcross = await b.clerk.post('/api/applications', {
      creditDocumentId: ofA.receipt,
      debitDocumentId: ofA.invoice,
      amount: '1',
    });
    expect(applyAcross.status).toBe(404);
    expect((await a.clerk.get(`/api/documents/${ofA.invoice}`)).body).toEqual(before);
  });

  test('lists, getMany, exports and reports never show them', async () => {
    for (const resource of ['documents', 'receipts', 'applications', 'values', 'withholdings', 'collection-calls', 'debtors']) {
      const list = await b.admin.get(`/api/${resource}${listQuery({ range: [0, 999] })}`);
      expect({ resource, rows: list.body.length }).toEqual({ resource, rows: 0 });
    }
    const many = await b.admin.get(`/api/documents${listQuery({ filter: { id: [ofA.invoice, ofA.receipt] } })}`);
    expect(many.body).toEqual([]);
    const csv = await b.admin.get('/api/documents/export.csv');
    expect(
      csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
    const aging = await b.manager.get('/api/reports/aging');
    expect(aging.body.rows).toEqual([]);
    const dash = await b.manager.get('/api/reports/dashboard');
    expect(dash.body.receivable).toBe('0.00');
    const agenda = await b.supervisor.get('/api/agenda?scope=team');
    expect(agenda.body.due).toEqual([]);
  });
});
