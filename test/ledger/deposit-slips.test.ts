import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, doc, expectLedgerConsistent, ledgerSnapshot } from '../support/ledger';
import { verifyLedger } from '../../server/src/modules/ledger/verify';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
let account: number;
let serial = 91000000;

beforeAll(async () => {
  company = await createTestCompany('Boletas');
  agents = await agentsFor(company);
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
  account = (await agents.clerk.get('/api/company')).body.defaultBankAccountId;
});

const paths = (res: { body: { details?: Array<{ path: string }> } }) => (res.body.details ?? []).map((d) => d.path);

/** A receipt of 2026-11-02 with cheques of the given amounts payable on `paymentDate`; their value ids. */
async function cheques(amounts: string[], paymentDate = '2026-11-20'): Promise<number[]> {
  const customer = await createCustomer(agents.clerk);
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: '2026-11-02',
    payments: amounts.map((amount) => ({
      method: 'customer_cheque',
      amount,
      bankId: banks['007'],
      number: String((serial += 1)),
      issueDate: '2026-11-02',
      paymentDate,
    })),
  });
  expect(res.status).toBe(201);
  return res.body.values.map((v: { id: number }) => v.id);
}

describe('deposit slips (boletas de depósito)', () => {
  test('when 20 values go in one slip, are credited, and one is rejected after, then the slip adds up and the rejection posts its debit note', async () => {
    const amounts = Array.from({ length: 20 }, (_, i) => `${1000 + i * 10}.50`);
    const ids = [...(await cheques(amounts.slice(0, 10))), ...(await cheques(amounts.slice(10)))];
    const res = await agents.clerk.post('/api/deposit-slips', { valueIds: ids, bankAccountId: account, date: '2026-11-20' });
    expect(res.status).toBe(201);
    // 20 × 1000.50 + 10 × (0 + 1 + … + 19) = 20010 + 1900
    expect(res.body).toMatchObject({
      total: '21910.00',
      valueCount: 20,
      pendingCount: 20,
      bankAccountId: account,
      date: '2026-11-20',
    });
    expect(res.body.values.map((v: { state: string }) => v.state)).toEqual(ids.map(() => 'deposited'));

    const credited = await agents.clerk.post(`/api/deposit-slips/${res.body.id}/credit`, { date: '2026-11-22' });
    expect(credited.status).toBe(200);
    expect(credited.body.pendingCount).toBe(0);
    expect(credited.body.values.map((v: { state: string; stateDate: string }) => `${v.state} ${v.stateDate}`)).toEqual(
      ids.map(() => 'credited 2026-11-22'),
    );

    const rejected = await agents.clerk.post(`/api/values/${ids[3]}/transition`, {
      to: 'rejected',
      date: '2026-11-24',
      reason: 'Sin fondos',
      charges: '250.00',
    });
    expect(rejected.status).toBe(200);
    expect((await doc(agents.clerk, rejected.body.rejectionDocumentId)).total).toBe('1280.50'); // 1030.50 + 250
    const after = await agents.clerk.get(`/api/deposit-slips/${res.body.id}`);
    expect(after.body).toMatchObject({ total: '21910.00', rejectedCount: 1 });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when one value is payable after the deposit date, then 400 names the date and no slip nor move is written', async () => {
    const early = await cheques(['100.00'], '2026-11-25');
    const due = await cheques(['200.00'], '2026-11-20');
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const slips = await company.knex('deposit_slips').where({ companyId: company.companyId }).count<{ n: string }[]>('* as n');
    const res = await agents.clerk.post('/api/deposit-slips', {
      valueIds: [...due, ...early],
      bankAccountId: account,
      date: '2026-11-24',
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['date']);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
    const after = await company.knex('deposit_slips').where({ companyId: company.companyId }).count<{ n: string }[]>('* as n');
    expect(after).toEqual(slips);
  });

  test('when the account is of another currency or the values of another company, then nothing is written', async () => {
    const usd = await agents.admin.post('/api/bank-accounts', {
      code: uniq('USD').slice(0, 20),
      name: 'Cuenta en dólares',
      bankId: banks['011'],
      currency: 'USD',
    });
    const ids = await cheques(['10.00']);
    const wrong = await agents.clerk.post('/api/deposit-slips', {
      valueIds: ids,
      bankAccountId: usd.body.id,
      date: '2026-11-20',
    });
    expect(wrong.status).toBe(400);
    expect(paths(wrong)).toEqual(['bankAccountId']);
    const other = await createTestCompany('Boletas ajenas');
    const theirs = await (await agentsFor(other)).clerk.post('/api/deposit-slips', { valueIds: ids, date: '2026-11-20' });
    expect(theirs.status).toBe(404);
    const clerkCredit = await agents.manager.post('/api/deposit-slips', { valueIds: ids, date: '2026-11-20' });
    expect(clerkCredit.status).toBe(403);
  });

  test('when several values are deposited through POST /api/values/deposit, then a slip is made for them too', async () => {
    const ids = await cheques(['50.00', '60.00']);
    const res = await agents.clerk.post('/api/values/deposit', { valueIds: ids, date: '2026-11-21' });
    expect(res.status).toBe(200);
    const slipIds = new Set(res.body.map((v: { depositSlipId: number }) => v.depositSlipId));
    expect(slipIds.size).toBe(1);
    const slip = await agents.clerk.get(`/api/deposit-slips/${[...slipIds][0]}`);
    expect(slip.body).toMatchObject({ total: '110.00', valueCount: 2, bankAccountId: account });
  });

  test('when a credit names a value of another slip, or nothing is left to credit, then 400 / 409', async () => {
    const a = await cheques(['1.00']);
    const b = await cheques(['2.00']);
    const slipA = (await agents.clerk.post('/api/deposit-slips', { valueIds: a, date: '2026-11-20' })).body.id;
    await agents.clerk.post('/api/deposit-slips', { valueIds: b, date: '2026-11-20' });
    const foreign = await agents.clerk.post(`/api/deposit-slips/${slipA}/credit`, { valueIds: b, date: '2026-11-21' });
    expect(foreign.status).toBe(400);
    expect(paths(foreign)).toEqual(['valueIds']);
    expect((await agents.clerk.post(`/api/deposit-slips/${slipA}/credit`, { date: '2026-11-21' })).status).toBe(200);
    expect((await agents.clerk.post(`/api/deposit-slips/${slipA}/credit`, { date: '2026-11-21' })).status).toBe(409);
  });

  test("when a slip's total or a value's slip is tampered with, then ledger:verify's invariant 7 names the slip", async () => {
    const ids = await cheques(['5.00', '6.00']);
    const slip = (await agents.clerk.post('/api/deposit-slips', { valueIds: ids, date: '2026-11-20' })).body.id;
    const check = async (tamper: (trx: import('knex').Knex.Transaction) => Promise<unknown>) => {
      let found: Awaited<ReturnType<typeof verifyLedger>> = [];
      await company.knex
        .transaction(async (trx) => {
          await tamper(trx);
          found = await verifyLedger(trx, company.companyId);
          throw new Error('rollback');
        })
        .catch((e: Error) => {
          if (e.message !== 'rollback') throw e;
        });
      return found.filter((f) => f.invariant === 7).map((f) => [f.subject, f.detail]);
    };
    expect(await check((trx) => trx('deposit_slips').where({ id: slip }).update({ total: '12.00' }))).toEqual([
      [`deposit slip ${slip}`, 'total 12.00 for 2 values, its values add up to 11.00 in 2'],
    ]);
    expect(await check((trx) => trx('values').where({ id: ids[0] }).update({ depositSlipId: null }))).toEqual([
      [`deposit slip ${slip}`, 'total 11.00 for 2 values, its values add up to 6.00 in 1'],
    ]);
  });
});
