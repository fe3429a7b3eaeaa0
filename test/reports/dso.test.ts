import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, postAdjustment, postInvoice } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import type { Role } from '../../server/src/http/permissions';

/*
 * DSO (days sales outstanding) on the dashboard against a hand computation over a
 * small fixed set of documents, in a company of its own:
 *
 *   customer A (pesos)
 *     FAC  40.000,00  issued 89 days ago   in the 90-day window
 *     FAC  50.000,00  issued 90 days ago   outside it (the window is the last 90 days, today included)
 *     ND   21.000,00  issued  5 days ago   in the window
 *     NC   10.000,00  issued  3 days ago   in the window, subtracts
 *     FAC  70.000,00  issued 10 days ago   cancelled: neither sold nor owed
 *     REC  30.000,00  yesterday, paying part of the first invoice
 *   customer B (pesos): a receipt of 5.000,00 on account, nothing owed (a balance in credit)
 *   customer C (dollars): FAC US$ 999,00 yesterday, another currency
 *
 *   receivable (pesos) = 40.000 + 50.000 + 21.000 − 10.000 − 30.000 − 5.000 = 66.000,00
 *   net sales of the last 90 days = 40.000 + 21.000 − 10.000 = 51.000,00
 *   DSO = 66.000 ÷ 51.000 × 90 = 5.940.000 ÷ 51.000 = 116,470588… → 116,5 days (one decimal)
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
const TODAY = today();

let documentNumber = 500;
async function post(agent: Agent, body: Record<string, unknown>): Promise<{ id: number }> {
  documentNumber += 1;
  const res = await agent.post('/api/documents', { letter: 'A', pointOfSale: 7, number: documentNumber, ...body });
  if (res.status !== 201) throw new Error(`document: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function receipt(agent: Agent, body: Record<string, unknown>): Promise<void> {
  const res = await agent.post('/api/receipts', body);
  if (res.status !== 201) throw new Error(`receipt: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  company = await createTestCompany('DSO a mano');
  agents = await agentsFor(company);
  const { clerk, supervisor } = agents;
  const a = await createCustomer(clerk, { currency: 'ARS' });
  const b = await createCustomer(clerk, { currency: 'ARS' });
  const c = await createCustomer(clerk, { currency: 'USD' });
  const first = await postInvoice(clerk, a.id, '40000.00', { issueDate: addDays(TODAY, -89) });
  await postInvoice(clerk, a.id, '50000.00', { issueDate: addDays(TODAY, -90) });
  await post(clerk, { customerId: a.id, type: 'ND', issueDate: addDays(TODAY, -5), total: '21000.00' });
  await post(clerk, { customerId: a.id, type: 'NC', issueDate: addDays(TODAY, -3), total: '10000.00' });
  // An internal debit cancelled: it counts nowhere (fiscal invoices are reversed by credit notes instead).
  const cancelled = await postAdjustment(supervisor, a.id, '70000.00', { issueDate: addDays(TODAY, -10) });
  const cancel = await supervisor.post(`/api/documents/${cancelled.id}/cancel`, { reason: 'Emitida por error' });
  if (cancel.status !== 200) throw new Error(`cancel: ${cancel.status} ${JSON.stringify(cancel.body)}`);
  await receipt(clerk, {
    customerId: a.id,
    issueDate: addDays(TODAY, -1),
    payments: [{ method: 'cash', amount: '30000.00' }],
    applications: [{ documentId: first.id, amount: '30000.00' }],
  });
  await receipt(clerk, { customerId: b.id, issueDate: addDays(TODAY, -1), payments: [{ method: 'cash', amount: '5000.00' }] });
  await postInvoice(clerk, c.id, '999.00', { issueDate: addDays(TODAY, -1) });
});

describe('DSO', () => {
  test('when the dashboard is read, then DSO, receivable and net sales are the ones computed by hand from the documents', async () => {
    const res = await agents.manager.get('/api/reports/dashboard?currency=ARS');
    expect(res.status).toBe(200);
    expect({ receivable: res.body.receivable, netSales90: res.body.netSales90, dso: String(res.body.dso) }).toEqual({
      receivable: '66000.00',
      netSales90: '51000.00',
      dso: '116.5',
    });
  });
});
