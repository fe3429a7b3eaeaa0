import type { Agent } from '../support/app';
import { askCreditNote, askInterest, createBillingWorld, fulfilment, nextNumber } from '../support/billing-requests';
import type { TestCompany } from '../support/factories';
import type { TokenClient } from '../support/tokens';
import { createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice, verifyAfterTamper } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

/*
 * Requests to billing: a fiscal NC reversing an invoice, an exchange-difference ND, a customer's
 * interest ND, asked of billing through the webhook and fulfilled when billing posts the document
 * naming the request. Figures worked out by hand next to each expectation.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let billing: TokenClient;

beforeAll(async () => {
  ({ company, agents, billing } = await createBillingWorld('Pedidos a facturación'));
  expect((await agents.admin.post('/api/interest-rates', { validFrom: '2026-01-01', monthlyPct: '3' })).status).toBe(201);
  for (const [date, rate] of [
    ['2026-10-01', '1000'],
    ['2026-10-15', '1100'],
  ])
    expect((await agents.admin.post('/api/exchange-rates', { currency: 'USD', date, rate })).status).toBe(201);
});

/** Everything a fulfilment or a refusal could write, beyond the ledger's own tables. */
async function snapshot() {
  const c = company.companyId;
  const [requests, charges, differences] = await Promise.all([
    company.knex('billing_requests').where({ companyId: c }).orderBy('id').select('id', 'state', 'documentId'),
    company.knex('interest_charges').where({ companyId: c }).orderBy('id').select('id', 'documentId', 'billingRequestId'),
    company.knex('exchange_differences').where({ companyId: c }).orderBy('id').select('id', 'documentId'),
  ]);
  return { ledger: await ledgerSnapshot(company.knex, c), requests, charges, differences };
}

async function eventsOf(requestId: number) {
  const rows = await company
    .knex('outbox')
    .where({ companyId: company.companyId })
    .whereIn('type', ['billing_request.created', 'billing_request.cancelled']);
  return rows.filter((r) => Number((r.data as { id: number }).id) === requestId);
}

describe('a credit note asked of billing', () => {
  async function requested(total = '121.00') {
    const customer = await createCustomer(agents.clerk);
    const invoice = await postInvoice(agents.clerk, customer.id, total, { cae: '74123456789012', caeDueDate: '2026-10-11' });
    const res = await askCreditNote(agents.supervisor, invoice.id);
    expect(res.status).toBe(201);
    return { customer, invoice, request: res.body.requests[0] as Record<string, unknown> & { id: number } };
  }
  const ncFor = (customerId: number, requestId: number, extra: Record<string, unknown> = {}) =>
    fulfilment(requestId, {
      customerId,
      type: 'NC',
      letter: 'A',
      issueDate: '2026-10-05',
      total: '121.00',
      cae: '75123456789012',
      caeDueDate: '2026-10-15',
      ...extra,
    });

  test('when a supervisor asks for it, then a pending NC A request for the open amount is announced by webhook, and a clerk may not', async () => {
    const customer = await createCustomer(agents.clerk);
    const invoice = await postInvoice(agents.clerk, customer.id, '121.00');
    expect((await askCreditNote(agents.clerk, invoice.id, 'Error')).status).toBe(403);
    const res = await askCreditNote(agents.supervisor, invoice.id);
    expect(res.status).toBe(201);
    const request = res.body.requests[0];
    // The invoice is a FAC A (ARCA 1): it is reversed by an NC A, ARCA code 3, for its whole open amount.
    expect(request).toMatchObject({
      cause: 'credit_note',
      state: 'pending',
      customerId: customer.id,
      type: 'NC',
      letter: 'A',
      arcaCode: 3,
      fce: false,
      currency: 'ARS',
      total: '121.00',
      causeDocumentId: invoice.id,
      causeDisplayNumber: invoice.displayNumber,
      documentId: null,
    });
    const events = await eventsOf(request.id);
    expect(events.map((e) => e.type)).toEqual(['billing_request.created']);
    expect(events[0].data).toMatchObject({
      id: request.id,
      type: 'NC',
      letter: 'A',
      total: '121.00',
      customerCode: customer.code,
    });
  });

  test('when a request is pending, then a second request or a credit note outside it is 409 and writes nothing', async () => {
    const { invoice } = await requested();
    const before = await snapshot();
    const again = await askCreditNote(agents.supervisor, invoice.id, 'Otra vez');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BILLING_REQUEST_PENDING');
    expect(again.body.message).toContain('Ya se pidió a facturación una nota de crédito');
    const direct = await agents.supervisor.post(`/api/documents/${invoice.id}/credit-note`, {
      pointOfSale: 3,
      number: nextNumber(),
      issueDate: '2026-10-05',
      reason: 'Directa',
    });
    expect(direct.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  test('when billing posts the NC naming the request, then it is applied to the invoice and the request is fulfilled; a retry answers it again', async () => {
    const { customer, invoice, request } = await requested();
    const body = ncFor(customer.id, request.id, { externalRef: `NC-${request.id}` });
    const res = await billing.post('/api/documents', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'NC', letter: 'A', arcaCode: 3, total: '121.00', openAmount: '0.00' });
    const inv = await doc(agents.clerk, invoice.id);
    expect(inv.openAmount).toBe('0.00');
    expect((inv.applications as Array<{ documentId: number; amount: string }>).map((a) => [a.documentId, a.amount])).toEqual([
      [res.body.id, '121.00'],
    ]);
    const after = await agents.clerk.get(`/api/billing-requests/${request.id}`);
    expect(after.body).toMatchObject({
      state: 'fulfilled',
      documentId: res.body.id,
      documentDisplayNumber: res.body.displayNumber,
    });
    // Billing retrying the same post gets the same document, not a second one.
    const retry = await billing.post('/api/documents', body);
    expect([retry.status, retry.body.id]).toEqual([200, res.body.id]);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when billing posts another amount, customer or type, then 400 in Spanish naming the field and nothing is written', async () => {
    const { customer, request } = await requested();
    const other = await createCustomer(agents.clerk);
    const before = await snapshot();
    for (const [extra, path] of [
      [{ total: '100.00' }, 'total'],
      [{ customerId: other.id }, 'customerId'],
      [{ type: 'ND' }, 'type'],
      [{ letter: 'B' }, 'letter'],
    ] as const) {
      const res = await billing.post('/api/documents', ncFor(customer.id, request.id, extra)).set('Accept-Language', 'es');
      expect([res.status, res.body.code]).toEqual([400, 'BILLING_REQUEST_MISMATCH']);
      expect(res.body.message).toContain(`no es el que pidió el pedido a facturación ${request.id}`);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('when two fulfilments arrive at once, then one posts and the other is 409 and writes nothing', async () => {
    const { customer, invoice, request } = await requested();
    const results = await Promise.all([
      billing.post('/api/documents', ncFor(customer.id, request.id, { externalRef: `A-${request.id}` })),
      billing.post('/api/documents', ncFor(customer.id, request.id, { externalRef: `B-${request.id}` })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('BILLING_REQUEST_FULFILLED');
    const notes = await company.knex('documents').where({ companyId: company.companyId, customerId: customer.id, type: 'NC' });
    expect(notes).toHaveLength(1);
    expect((await doc(agents.clerk, invoice.id)).openAmount).toBe('0.00');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a request is cancelled, then billing cannot fulfil it and the invoice may be reversed again', async () => {
    const { customer, invoice, request } = await requested();
    expect((await agents.clerk.post(`/api/billing-requests/${request.id}/cancel`, { reason: 'No corresponde' })).status).toBe(
      403,
    );
    const cancelled = await agents.supervisor.post(`/api/billing-requests/${request.id}/cancel`, { reason: 'No corresponde' });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'No corresponde' });
    expect((await eventsOf(request.id)).map((e) => e.type).sort()).toEqual([
      'billing_request.cancelled',
      'billing_request.created',
    ]);
    const late = await billing.post('/api/documents', ncFor(customer.id, request.id));
    expect([late.status, late.body.code]).toEqual([409, 'BILLING_REQUEST_CANCELLED']);
    const again = await askCreditNote(agents.supervisor, invoice.id, 'Ahora sí');
    expect(again.status).toBe(201);
  });
});

describe('an exchange difference asked of billing', () => {
  test('when the line is requested, then it cannot be posted internally, and billing’s ND A is linked to its application', async () => {
    const customer = await createCustomer(agents.clerk, { currency: 'USD' });
    const invoice = await postInvoice(agents.clerk, customer.id, '100.00', { issueDate: '2026-10-01' });
    const rec = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [{ method: 'cash', amount: '100000', currency: 'ARS', exchangeRate: '1000' }],
      applications: [{ documentId: invoice.id, amount: '100.00' }],
    });
    expect(rec.status).toBe(201);
    const res = await agents.supervisor.post('/api/billing-requests/exchange-difference', { receiptId: rec.body.id });
    expect(res.status).toBe(201);
    // 100,000 pesos at 1,100 (BNA on 15/10) are USD 90.91: USD 9.09 short, an ND A (ARCA 2) at the day's rate.
    const [request] = res.body.requests;
    expect(request).toMatchObject({
      cause: 'exchange_difference',
      type: 'ND',
      letter: 'A',
      arcaCode: 2,
      currency: 'USD',
      total: '9.09',
    });
    expect(request.exchangeRate).toBe('1100.000000');
    const proposal = await agents.clerk.get(`/api/receipts/${rec.body.id}/exchange-difference`);
    expect(proposal.body.lines[0]).toMatchObject({ billingRequestId: request.id, postedDocumentId: null });
    const internal = await agents.supervisor.post(`/api/receipts/${rec.body.id}/exchange-difference`, {});
    expect([internal.status, internal.body.code]).toEqual([409, 'NOTHING_TO_POST']);
    const nd = await billing.post(
      '/api/documents',
      fulfilment(request.id, { customerId: customer.id, type: 'ND', letter: 'A', issueDate: '2026-10-15', total: '9.09' }),
    );
    expect(nd.status).toBe(201);
    const link = await company
      .knex('exchange_differences')
      .where({ companyId: company.companyId, applicationId: request.applicationId });
    expect(link.map((x) => [Number(x.documentId), x.amount])).toEqual([[nd.body.id, '9.09']]);
    expect((await agents.clerk.get(`/api/receipts/${rec.body.id}/exchange-difference`)).body.lines[0].postedDocumentId).toBe(
      nd.body.id,
    );
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('interest asked of billing', () => {
  test('when the run is requested, then its days are held; cancelled, they are free; fulfilled, the ND is linked to its charges', async () => {
    const customer = await createCustomer(agents.clerk);
    await postInvoice(agents.clerk, customer.id, '1000.00', { issueDate: '2026-09-01', dueDate: '2026-10-01' });
    const run = { date: '2026-10-31', customerIds: [customer.id] };
    const res = await askInterest(agents.supervisor, run.date, run.customerIds);
    expect(res.status).toBe(201);
    // 1000 × 3% × 30/30 = 30.00, in an ND A (ARCA 2) to a Responsable Inscripto.
    const [request] = res.body.requests;
    expect(request).toMatchObject({ cause: 'interest', type: 'ND', letter: 'A', arcaCode: 2, total: '30.00' });
    // The same days cannot be charged by an internal ND or by a second request.
    const preview = await agents.clerk.get(`/api/interest-runs/preview?date=2026-10-31&customerId=${customer.id}`);
    expect(preview.body).toEqual([]);
    expect((await agents.supervisor.post('/api/interest-runs', run)).body.code).toBe('NOTHING_TO_CHARGE');
    expect((await askInterest(agents.supervisor, run.date, run.customerIds)).body.code).toBe('NOTHING_TO_CHARGE');
    // Cancelled: the days are free again.
    expect((await agents.supervisor.post(`/api/billing-requests/${request.id}/cancel`, { reason: 'Se condonan' })).status).toBe(
      200,
    );
    const again = await askInterest(agents.supervisor, run.date, run.customerIds);
    expect(again.body.requests[0].total).toBe('30.00');
    const nd = await billing.post(
      '/api/documents',
      fulfilment(again.body.requests[0].id, {
        customerId: customer.id,
        type: 'ND',
        letter: 'A',
        issueDate: '2026-10-31',
        total: '30.00',
      }),
    );
    expect(nd.status).toBe(201);
    const charges = await company.knex('interest_charges').where({ companyId: company.companyId, customerId: customer.id });
    expect(charges.map((c) => [Number(c.documentId), c.fromDate, c.toDate, c.amount])).toEqual([
      [nd.body.id, '2026-10-01', '2026-10-31', '30.00'],
    ]);
    expect((await doc(agents.clerk, nd.body.id)).origin).toBe('interest');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a consumidor final is charged, then billing is asked for an ND B', async () => {
    const customer = await createCustomer(agents.clerk, { ivaCondition: 5, taxIdType: 'DNI', taxId: '30111222' });
    await postInvoice(agents.clerk, customer.id, '600.00', { letter: 'B', issueDate: '2026-09-01', dueDate: '2026-10-01' });
    const res = await askInterest(agents.supervisor, '2026-10-16', [customer.id]);
    // 600 × 3% × 15/30 = 9.00; RG 1415: from an RI to a consumidor final, class B (ARCA 7).
    expect(res.body.requests[0]).toMatchObject({ letter: 'B', arcaCode: 7, total: '9.00' });
  });

  test('when a request loses what it holds or links, then ledger:verify names it (invariant 10)', async () => {
    const customer = await createCustomer(agents.clerk);
    const invoice = await postInvoice(agents.clerk, customer.id, '900.00', { issueDate: '2026-09-01', dueDate: '2026-10-01' });
    const res = await askInterest(agents.supervisor, '2026-10-11', [customer.id]);
    // 900 × 3% × 10/30 = 9.00 held for the request.
    const [request] = res.body.requests;
    expect(request.total).toBe('9.00');
    const released = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('interest_charges').where({ companyId: company.companyId, billingRequestId: request.id }).delete(),
    );
    expect(released.map((f) => [f.invariant, f.subject, f.detail])).toEqual([
      [10, `billing request ${request.id} (interest)`, 'pending with 0.00 of interest charges held for a total of 9.00'],
    ]);
    const credit = await askCreditNote(agents.supervisor, invoice.id, 'Devolución');
    const nc = await billing.post(
      '/api/documents',
      fulfilment(credit.body.requests[0].id, {
        customerId: customer.id,
        type: 'NC',
        letter: 'A',
        issueDate: '2026-10-12',
        total: '900.00',
      }),
    );
    expect(nc.status).toBe(201);
    await expectLedgerConsistent(company.knex, company.companyId);
    const unlinked = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('billing_requests')
        .where({ companyId: company.companyId, id: credit.body.requests[0].id })
        .update({ documentId: invoice.id }),
    );
    expect(unlinked.map((f) => f.subject)).toContain(`billing request ${credit.body.requests[0].id} (credit_note)`);
  });
});
