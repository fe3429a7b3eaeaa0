import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences } from '../support/master-data';
import { createCustomer, postAdjustment, postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let customer: { id: number; code: string };
let invoices: Array<{ id: number }>;

/** The total a list's Content-Range header announces. */
async function totalOf(path: string, filter?: Record<string, unknown>): Promise<number> {
  const res = await agents.clerk.get(`/api/${path}${listQuery({ range: [0, 0], filter })}`);
  expect(res.status).toBe(200);
  return Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
}

beforeAll(async () => {
  company = await createTestCompany('Totales de listas');
  agents = await agentsFor(company);
  const refs = await createReferences(agents.admin, 'T');
  customer = await createCustomer(agents.clerk);
  invoices = [];
  for (let i = 0; i < 3; i++) invoices.push(await postInvoice(agents.clerk, customer.id, '100.00'));
  await postAdjustment(agents.supervisor, customer.id, '5.00');
  await postAdjustment(agents.supervisor, customer.id, '6.00');
  const receipt = await agents.clerk
    .post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-20',
      payments: [{ method: 'transfer', amount: '100.00', bankId: refs.bankId, reference: 'TRF 1' }],
      applications: [{ documentId: invoices[0].id, amount: '100.00' }],
    })
    .set('Idempotency-Key', uniq('key'));
  expect(receipt.status).toBe(201);
});

describe('list totals (Content-Range)', () => {
  test('when documents, receipts and adjustments are listed, then each total counts the documents of its list', async () => {
    // Posted above: 3 invoices, 2 adjustments, 1 receipt.
    expect(await totalOf('documents')).toBe(6);
    expect(await totalOf('receipts')).toBe(1);
    expect(await totalOf('adjustments')).toBe(2);
  });

  test('when the documents list is filtered, then its total counts the documents the filter keeps', async () => {
    // Open: the two unpaid invoices and both adjustments; the paid invoice and the receipt are not.
    expect(await totalOf('documents', { open: true })).toBe(4);
    expect(await totalOf('documents', { type: 'FAC', open: true })).toBe(2);
    expect(await totalOf('documents', { customerId: customer.id, type: 'FAC' })).toBe(3);
    expect(await totalOf('documents', { q: customer.code })).toBe(6);
    expect(await totalOf('receipts', { customerId: customer.id })).toBe(1);
  });

  test('when a later page is asked for, then it holds the rows the whole list has at those positions', async () => {
    const ids = async (sort: [string, 'ASC' | 'DESC'], range: [number, number], filter?: Record<string, unknown>) => {
      const res = await agents.clerk.get(`/api/documents${listQuery({ sort, range, filter })}`);
      expect(res.status).toBe(200);
      return (res.body as Array<{ id: number }>).map((d) => d.id);
    };
    for (const sort of [
      ['issueDate', 'DESC'],
      ['total', 'ASC'],
      ['displayNumber', 'DESC'],
    ] as Array<[string, 'ASC' | 'DESC']>) {
      const all = await ids(sort, [0, 99]);
      expect(all.length).toBe(6);
      expect(await ids(sort, [2, 4])).toEqual(all.slice(2, 5));
      expect(await ids(sort, [5, 5])).toEqual(all.slice(5, 6));
      const invoicesOnly = await ids(sort, [0, 99], { type: 'FAC', q: customer.code });
      expect(invoicesOnly.length).toBe(3);
      expect(await ids(sort, [1, 2], { type: 'FAC', q: customer.code })).toEqual(invoicesOnly.slice(1, 3));
    }
  });
});
