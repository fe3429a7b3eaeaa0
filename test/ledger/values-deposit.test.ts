import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, expectLedgerConsistent, ledgerSnapshot } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
let chequeNumber = 70000000;

beforeAll(async () => {
  company = await createTestCompany('Depósitos');
  agents = await agentsFor(company);
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
});

/** A receipt on account paid with `n` cheques; their value ids. */
async function cheques(n: number, customerId?: number): Promise<number[]> {
  const customer = customerId ?? (await createCustomer(agents.clerk)).id;
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer,
    issueDate: '2026-11-02',
    payments: Array.from({ length: n }, () => ({
      method: 'customer_cheque',
      amount: '1000',
      bankId: banks['007'],
      number: String((chequeNumber += 1)),
      issueDate: '2026-11-02',
      paymentDate: '2026-11-20',
    })),
  });
  expect(res.status).toBe(201);
  const values = await agents.clerk.get(`/api/values${listQuery({ filter: { receiptId: res.body.id }, sort: ['id', 'ASC'] })}`);
  return values.body.map((v: { id: number }) => v.id);
}

describe('depositing several cheques at once', () => {
  test('when three cheques of two customers are deposited together, then each is deposited on the date and bank, with its own audit event', async () => {
    const ids = [...(await cheques(2)), ...(await cheques(1))];
    const res = await agents.clerk.post('/api/values/deposit', {
      valueIds: ids,
      date: '2026-11-25',
      depositBankId: banks['011'],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((v: { id: number }) => v.id)).toEqual([...ids].sort((a, b) => a - b));
    const rows = await company.knex('values').whereIn('id', ids).select('state', 'stateDate', 'depositBankId');
    expect(rows).toEqual(ids.map(() => ({ state: 'deposited', stateDate: '2026-11-25', depositBankId: banks['011'] })));
    const events = await company
      .knex('audit_events')
      .where({ entity: 'values', action: 'value_deposited' })
      .whereIn('entityId', ids);
    expect(events).toHaveLength(3);
    const moves = await company.knex('value_transitions').whereIn('valueId', ids).where({ toState: 'deposited' });
    expect(moves).toHaveLength(3);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when one of them cannot be deposited, then none is', async () => {
    const ids = await cheques(3);
    expect(
      (await agents.clerk.post(`/api/values/${ids[1]}/transition`, { to: 'endorsed', endorsedTo: 'Proveedor S.A.' })).status,
    ).toBe(200);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await agents.clerk.post('/api/values/deposit', { valueIds: ids, date: '2026-11-25' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when the list is empty, repeated, of another company or the user may not post, then nothing is written', async () => {
    const ids = await cheques(1);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    expect((await agents.clerk.post('/api/values/deposit', { valueIds: [] })).status).toBe(400);
    expect((await agents.clerk.post('/api/values/deposit', { valueIds: [ids[0], ids[0]] })).status).toBe(400);
    expect((await agents.clerk.post('/api/values/deposit', { valueIds: ids, date: 'mañana' })).status).toBe(400);
    expect((await agents.manager.post('/api/values/deposit', { valueIds: ids })).status).toBe(403);
    const other = await agentsFor(await createTestCompany('Otra'));
    const res = await other.clerk.post('/api/values/deposit', { valueIds: ids });
    expect(res.status).toBe(404);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when two deposits of overlapping cheques race, then exactly one wins and each cheque is deposited once', async () => {
    const customer = (await createCustomer(agents.clerk)).id;
    const ids = await cheques(4, customer);
    const [a, b] = await Promise.all([
      agents.clerk.post('/api/values/deposit', { valueIds: ids.slice(0, 3) }),
      agents.supervisor.post('/api/values/deposit', { valueIds: [...ids.slice(1)].reverse() }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const moves = await company.knex('value_transitions').whereIn('valueId', ids).where({ toState: 'deposited' });
    const winner = a.status === 200 ? ids.slice(0, 3) : ids.slice(1);
    expect(moves.map((m: { valueId: number }) => m.valueId).sort((x: number, y: number) => x - y)).toEqual(winner);
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});
