import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, expectLedgerConsistent, ledgerSnapshot } from '../support/ledger';
import { makeCbu, makeCuit } from '../support/master-data';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let other: TestCompany;
let agents: Record<Role, Agent>;
let otherAdmin: Agent;
let banks: Record<string, number>;

beforeAll(async () => {
  company = await createTestCompany('Tesorería');
  other = await createTestCompany('Tesorería ajena');
  agents = await agentsFor(company);
  otherAdmin = (await agentsFor(other)).admin;
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
});

const paths = (res: { body: { details?: Array<{ path: string }> } }) => (res.body.details ?? []).map((d) => d.path);

async function account(admin: Agent, body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/bank-accounts', {
    code: uniq('CTA').slice(0, 20),
    name: 'Banco Galicia cuenta corriente',
    bankId: banks['007'],
    type: 'CC',
    currency: 'ARS',
    cbu: makeCbu('007'),
    alias: `ctacte.${Math.floor(Math.random() * 1e6)}`,
    ...body,
  });
  return res;
}

describe('the company bank accounts and cash boxes', () => {
  test('when a new company is created, then it has a default caja and bank account named in its settings', async () => {
    const settings = (await agents.clerk.get('/api/company')).body;
    const box = await agents.clerk.get(`/api/cash-boxes/${settings.defaultCashBoxId}`);
    const acct = await agents.clerk.get(`/api/bank-accounts/${settings.defaultBankAccountId}`);
    expect(box.body).toMatchObject({ code: 'CAJA', active: true });
    expect(acct.body).toMatchObject({ code: 'BANCO', bankCode: '011', type: 'CC', currency: 'ARS', cbu: null });
  });

  test('when an admin registers a bank account with a valid CBU of its bank, then it is listed with its bank', async () => {
    const cbu = makeCbu('007');
    const res = await account(agents.admin, { cbu, type: 'CA', currency: 'USD' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cbu, bankCode: '007', type: 'CA', currency: 'USD', active: true });
    const list = await agents.clerk.get(`/api/bank-accounts${listQuery({ filter: { cbu } })}`);
    expect(list.body.map((a: { id: number }) => a.id)).toEqual([res.body.id]);
  });

  test('when a CBU has a wrong check digit, belongs to another bank, or is taken, then 400/409 names the cbu and nothing is written', async () => {
    const good = makeCbu('007');
    const bad = good.slice(0, 21) + String((Number(good[21]) + 1) % 10);
    expect(paths(await account(agents.admin, { cbu: bad }))).toEqual(['cbu']);
    const wrongBank = await account(agents.admin, { cbu: makeCbu('011') });
    expect(wrongBank.status).toBe(400);
    expect(paths(wrongBank)).toEqual(['cbu']);
    expect((await account(agents.admin, { cbu: good })).status).toBe(201);
    const taken = await account(agents.admin, { cbu: good });
    expect(taken.status).toBe(409);
    expect(paths(taken)).toEqual(['cbu']);
    const rows = await company.knex('bank_accounts').where({ companyId: company.companyId, cbu: good }).select('id');
    expect(rows).toHaveLength(1);
  });

  test('when the type, currency, alias or bank is wrong, or a clerk tries, then it is refused', async () => {
    expect(paths(await account(agents.admin, { type: 'XX' }))).toEqual(['type']);
    expect(paths(await account(agents.admin, { currency: 'EUR' }))).toEqual(['currency']);
    expect(paths(await account(agents.admin, { alias: 'ab' }))).toEqual(['alias']);
    const otherBank = (await otherAdmin.get(`/api/banks${listQuery({ filter: { code: '007' } })}`)).body[0].id;
    expect(paths(await account(agents.admin, { bankId: otherBank }))).toEqual(['bankId']);
    expect((await account(agents.clerk)).status).toBe(403);
  });

  test("when the company's default caja or account would be removed or deactivated, then 409", async () => {
    const settings = (await agents.clerk.get('/api/company')).body;
    expect((await agents.admin.delete(`/api/cash-boxes/${settings.defaultCashBoxId}`)).status).toBe(409);
    expect((await agents.admin.put(`/api/bank-accounts/${settings.defaultBankAccountId}`, { active: false })).status).toBe(409);
    const spare = await agents.admin.post('/api/cash-boxes', { code: uniq('CJ').slice(0, 20), name: 'Caja chica' });
    expect(spare.status).toBe(201);
    expect((await agents.admin.delete(`/api/cash-boxes/${spare.body.id}`)).status).toBe(200);
  });

  test("when the company settings name another company's caja, then 400 names the field", async () => {
    const theirs = (await otherAdmin.get('/api/company')).body.defaultCashBoxId;
    const res = await agents.admin.put('/api/company', { defaultCashBoxId: theirs });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['defaultCashBoxId']);
  });
});

describe('where each receipt payment line lands', () => {
  let customer: { id: number };
  let usdAccount: number;
  let box: number;

  beforeAll(async () => {
    customer = await createCustomer(agents.clerk);
    usdAccount = (await account(agents.admin, { currency: 'USD' })).body.id;
    box = (await agents.admin.post('/api/cash-boxes', { code: uniq('CJ').slice(0, 20), name: 'Caja cobranzas' })).body.id;
  });

  const receipt = (payments: object[]) =>
    agents.clerk.post('/api/receipts', { customerId: customer.id, issueDate: '2026-11-10', payments });

  test('when a line names its caja or account, then it lands there, with the transfer origin kept', async () => {
    const ars = (await account(agents.admin)).body.id;
    const originCbu = makeCbu('017');
    const originTaxId = makeCuit('30');
    const res = await receipt([
      { method: 'cash', amount: '100', cashBoxId: box },
      { method: 'transfer', amount: '200', bankId: banks['017'], reference: 'TRF 1', bankAccountId: ars, originCbu, originTaxId },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.payments.map((p: Record<string, unknown>) => [p.destination, p.cashBoxId, p.bankAccountId])).toEqual([
      ['cash_box', box, null],
      ['bank_account', null, ars],
    ]);
    expect(res.body.payments[1]).toMatchObject({ originCbu, originTaxId });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test.each([
    [
      'a transfer in pesos to a dollar account',
      () => [{ method: 'transfer', amount: '1', bankId: banks['011'], reference: 'x', bankAccountId: usdAccount }],
      'payments.0.bankAccountId',
    ],
    [
      'a caja on a transfer line',
      () => [{ method: 'transfer', amount: '1', bankId: banks['011'], reference: 'x', cashBoxId: box }],
      'payments.0.cashBoxId',
    ],
    [
      'a bank account on a cash line',
      () => [{ method: 'cash', amount: '1', bankAccountId: usdAccount }],
      'payments.0.bankAccountId',
    ],
    ['a caja that does not exist', () => [{ method: 'cash', amount: '1', cashBoxId: 99999999 }], 'payments.0.cashBoxId'],
    [
      'an origin CBU with a wrong check digit',
      () => [{ method: 'transfer', amount: '1', bankId: banks['011'], reference: 'x', originCbu: '0110599520000001234568' }],
      'payments.0.originCbu',
    ],
  ])('when a line has %s, then 400 names the field and nothing is written', async (_, payments, path) => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await receipt(payments());
    expect(res.status).toBe(400);
    expect(paths(res)).toContain(path);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test("when a line names another company's caja or an inactive one, then 400 names the field", async () => {
    const theirs = (await otherAdmin.get('/api/company')).body.defaultCashBoxId;
    const theirsRes = await receipt([{ method: 'cash', amount: '1', cashBoxId: theirs }]);
    expect(theirsRes.status).toBe(400);
    expect(paths(theirsRes)).toEqual(['payments.0.cashBoxId']);
    const idle = (
      await agents.admin.post('/api/cash-boxes', { code: uniq('CJ').slice(0, 20), name: 'Caja cerrada', active: false })
    ).body.id;
    const idleRes = await receipt([{ method: 'cash', amount: '1', cashBoxId: idle }]);
    expect(idleRes.status).toBe(400);
    expect(paths(idleRes)).toEqual(['payments.0.cashBoxId']);
  });

  test('when the settings name another default caja, then cash without a caja lands there', async () => {
    const settings = (await agents.admin.get('/api/company')).body;
    expect((await agents.admin.put('/api/company', { defaultCashBoxId: box })).status).toBe(200);
    try {
      const res = await receipt([{ method: 'cash', amount: '5' }]);
      expect(res.status).toBe(201);
      expect(res.body.payments[0].cashBoxId).toBe(box);
    } finally {
      await agents.admin.put('/api/company', { defaultCashBoxId: settings.defaultCashBoxId });
    }
  });
});
