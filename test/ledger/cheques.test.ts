import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, balanceOf, doc, expectLedgerConsistent, ledgerSnapshot } from '../support/ledger';
import { makeCuit } from '../support/master-data';
import type { Role } from '../../server/src/http/permissions';

/*
 * Cheques and ECHEQs by the Ley de Cheques (24.452) and the BCRA's ECHEQ rules. Every
 * limit below is written out by hand from the law (360 days, 30 days), not read from the code.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
let customer: { id: number };
let serial = 81000000;

beforeAll(async () => {
  company = await createTestCompany('Cheques por la ley');
  agents = await agentsFor(company);
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
  customer = await createCustomer(agents.clerk);
});

const paths = (res: { body: { details?: Array<{ path: string }> } }) => (res.body.details ?? []).map((d) => d.path);

function cheque(over: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    method: 'third_party_cheque',
    amount: '1000.00',
    bankId: banks['007'],
    number: String(serial),
    issueDate: '2026-01-10',
    paymentDate: '2026-01-10',
    drawerTaxId: makeCuit('30'),
    drawerName: 'Librador S.A.',
    ...over,
  };
}

const echeq = (over: Record<string, unknown> = {}) =>
  cheque({ kind: 'echeq', echeqId: `ECQ${(serial + 1).toString(36).toUpperCase()}X`, ...over });

async function receive(issueDate: string, payments: object[]) {
  return agents.clerk.post('/api/receipts', { customerId: customer.id, issueDate, payments });
}

/** A receipt dated `issueDate` with one value; the value's id. */
async function valueOf(issueDate: string, payment: object): Promise<number> {
  const res = await receive(issueDate, [payment]);
  expect(res.status).toBe(201);
  return res.body.values[0].id;
}

const move = (id: number, body: object, as: Agent = agents.clerk) => as.post(`/api/values/${id}/transition`, body);

describe('the dates of a cheque (Ley 24.452, arts. 23, 25 and 54)', () => {
  test.each([
    // 2026 has 365 days: 2026-01-01 + 360 days is 2026-12-27.
    ['2026-12-26', 359, 201],
    ['2026-12-27', 360, 201],
    ['2026-12-28', 361, 400],
  ])('when a deferred cheque issued 2026-01-01 is payable on %s (%i days), then %i', async (paymentDate, _days, status) => {
    const res = await receive('2026-01-05', [cheque({ issueDate: '2026-01-01', paymentDate })]);
    expect(res.status).toBe(status);
    if (status === 400) {
      expect(paths(res)).toEqual(['payments.0.paymentDate']);
      expect(res.body.message).toContain('27/12/2026');
      expect(res.body.code).toBe('CHEQUE_DEFERRED_TERM');
    }
  });

  test.each([
    ['a common cheque issued 2026-03-01', { issueDate: '2026-03-01', paymentDate: '2026-03-01' }, '2026-03-31', 201],
    ['a common cheque issued 2026-03-01', { issueDate: '2026-03-01', paymentDate: '2026-03-01' }, '2026-04-01', 400],
    ['a deferred cheque payable 2026-05-10', { issueDate: '2026-03-01', paymentDate: '2026-05-10' }, '2026-06-09', 201],
    ['a deferred cheque payable 2026-05-10', { issueDate: '2026-03-01', paymentDate: '2026-05-10' }, '2026-06-10', 400],
  ])('when %s comes in on %s (day 30 or 31 of its presentation), then %i', async (_, dates, receiptDate, status) => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await receive(receiptDate, [cheque(dates)]);
    expect(res.status).toBe(status);
    if (status === 400) {
      expect(res.body.code).toBe('CHEQUE_PRESENTATION_EXPIRED');
      expect(paths(res)).toEqual(['payments.0.paymentDate']);
      // The last day it could be presented: day 30.
      expect(res.body.message).toContain(receiptDate === '2026-04-01' ? '31/03/2026' : '09/06/2026');
      expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
    }
  });

  test('when a cheque says it is common but is payable later, or deferred but payable at issue, then 400 names the payment date', async () => {
    const common = await receive('2026-03-02', [cheque({ issueDate: '2026-03-01', paymentDate: '2026-04-01', deferred: false })]);
    expect(common.body.code).toBe('CHEQUE_COMMON_DATES');
    expect(paths(common)).toEqual(['payments.0.paymentDate']);
    const deferred = await receive('2026-03-02', [
      cheque({ issueDate: '2026-03-01', paymentDate: '2026-03-01', deferred: true }),
    ]);
    expect(deferred.body.code).toBe('CHEQUE_DEFERRED_TERM');
  });

  test('when a deferred value is deposited the day before its payment date, then 400 names the date and its limit; on the day, it is', async () => {
    const id = await valueOf('2026-02-01', cheque({ issueDate: '2026-02-01', paymentDate: '2026-02-20' }));
    const early = await move(id, { to: 'deposited', date: '2026-02-19' });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('VALUE_NOT_DUE');
    expect(paths(early)).toEqual(['date']);
    expect(early.body.message).toContain('20/02/2026');
    const early2 = await agents.clerk.post('/api/values/deposit', { valueIds: [id], date: '2026-02-19' });
    expect(early2.status).toBe(400);
    expect((await move(id, { to: 'deposited', date: '2026-02-20' })).status).toBe(200);
  });

  test('when a common cheque is deposited or a deferred one discounted before its date, then the first is and the second is not', async () => {
    const common = await valueOf('2026-02-01', cheque({ issueDate: '2026-02-01', paymentDate: '2026-02-01' }));
    expect((await move(common, { to: 'deposited', date: '2026-02-01' })).status).toBe(200);
    const deferred = await valueOf('2026-02-01', cheque({ issueDate: '2026-02-01', paymentDate: '2026-03-01' }));
    const res = await move(deferred, { to: 'discounted', date: '2026-02-28', fee: '12.50' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['date']);
  });

  test('when a value is held past its presentation window, then the portfolio shows it "vencido"; not before', async () => {
    // Today is past 2026-03-01 + 30 days; 2027-12-20 + 30 days is not.
    const old = await valueOf('2026-03-01', cheque({ issueDate: '2026-03-01', paymentDate: '2026-03-01' }));
    const fresh = await valueOf('2026-12-01', cheque({ issueDate: '2026-12-01', paymentDate: '2027-11-20' }));
    const list = await agents.clerk.get(`/api/values${listQuery({ filter: { id: [old, fresh] } })}`);
    const byId = Object.fromEntries(list.body.map((v: { id: number }) => [v.id, v]));
    expect(byId[old]).toMatchObject({ expired: true, presentationDeadline: '2026-03-31' });
    expect(byId[fresh]).toMatchObject({ expired: false, presentationDeadline: '2027-12-20', deferred: true });
    const expired = await agents.clerk.get(`/api/values${listQuery({ filter: { expired: true, customerId: customer.id } })}`);
    expect(expired.body.map((v: { id: number }) => v.id)).toContain(old);
    expect(expired.body.map((v: { id: number }) => v.id)).not.toContain(fresh);
  });

  test('when a "no a la orden" cheque is endorsed, then 400 (Ley 24.452, art. 12)', async () => {
    const id = await valueOf('2026-02-01', cheque({ issueDate: '2026-02-01', paymentDate: '2026-02-01', notToOrder: true }));
    const res = await move(id, { to: 'endorsed', endorsedTo: 'Proveedor S.A.', date: '2026-02-02' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['to']);
  });
});

describe('ECHEQ', () => {
  test('when an ECHEQ comes in, then it waits for acceptance; kind and the old echeq boolean agree', async () => {
    const res = await receive('2026-04-01', [echeq({ issueDate: '2026-04-01', paymentDate: '2026-05-01' })]);
    expect(res.status).toBe(201);
    expect(res.body.values[0]).toMatchObject({ kind: 'echeq', state: 'pending_acceptance', method: 'third_party_cheque' });
    const value = (await agents.clerk.get(`/api/values${listQuery({ filter: { id: [res.body.values[0].id] } })}`)).body[0];
    expect(value).toMatchObject({ echeq: true, kind: 'echeq', deferred: true });
  });

  test("when an ECHEQ comes the first release's way (echeq: true, no id), then it still posts (SPEC §5 keeps working)", async () => {
    const res = await receive('2026-04-01', [cheque({ echeq: true, issueDate: '2026-04-01', paymentDate: '2026-05-01' })]);
    expect(res.status).toBe(201);
    expect(res.body.values[0]).toMatchObject({ kind: 'echeq', echeqId: null, state: 'pending_acceptance' });
  });

  test.each([
    ['an ECHEQ without its id', () => cheque({ kind: 'echeq' }), 'payments.0.echeqId'],
    ['"echeq" contradicting "kind"', () => cheque({ kind: 'cheque', echeq: true }), 'payments.0.echeq'],
    ['an ECHEQ id on a paper cheque', () => cheque({ echeqId: 'ABC123' }), 'payments.0.echeqId'],
    ['a kind on a cash line', () => ({ method: 'cash', amount: '10', kind: 'cheque' }), 'payments.0.kind'],
  ])('when a line has %s, then 400 names the field and nothing is written', async (_, line, path) => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await receive('2026-04-01', [line()]);
    expect(res.status).toBe(400);
    expect(paths(res)).toContain(path);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when the same ECHEQ id comes in twice, then 409, even from another bank and drawer; a paper cheque with its number is not confused', async () => {
    const first = echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-01' });
    expect((await receive('2026-04-02', [first])).status).toBe(201);
    const again = await receive('2026-04-02', [
      echeq({
        echeqId: first.echeqId,
        bankId: banks['011'],
        drawerTaxId: makeCuit('30'),
        issueDate: '2026-04-01',
        paymentDate: '2026-04-01',
      }),
    ]);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE_ECHEQ');
    const paper = await receive('2026-04-02', [
      cheque({
        number: first.number,
        bankId: first.bankId,
        drawerTaxId: first.drawerTaxId,
        issueDate: '2026-04-01',
        paymentDate: '2026-04-01',
      }),
    ]);
    expect(paper.status).toBe(201);
  });

  test('when an ECHEQ is accepted, deposited and credited, then each step is in its history', async () => {
    const id = await valueOf('2026-04-01', echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-20' }));
    const early = await move(id, { to: 'deposited', date: '2026-04-20' });
    expect(early.status).toBe(409); // not accepted yet
    expect((await move(id, { to: 'accepted', date: '2026-04-02' })).status).toBe(200);
    const account = (await agents.clerk.get('/api/company')).body.defaultBankAccountId;
    const dep = await move(id, { to: 'deposited', date: '2026-04-20', bankAccountId: account });
    expect(dep.status).toBe(200);
    expect(dep.body).toMatchObject({ state: 'deposited', bankAccountId: account });
    expect((await move(id, { to: 'credited', date: '2026-04-22' })).body.state).toBe('credited');
    const history = (await agents.clerk.get(`/api/values/${id}/history`)).body;
    expect(history.map((h: { fromState: string; toState: string }) => `${h.fromState}>${h.toState}`)).toEqual([
      'pending_acceptance>accepted',
      'accepted>deposited',
      'deposited>credited',
    ]);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when an accepted ECHEQ is endorsed, or discounted with its fee and credited, then so it is', async () => {
    const a = await valueOf('2026-04-01', echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-01' }));
    await move(a, { to: 'accepted', date: '2026-04-01' });
    expect((await move(a, { to: 'endorsed', date: '2026-04-03', endorsedTo: 'Proveedor SRL' })).body.state).toBe('endorsed');
    const b = await valueOf('2026-04-01', echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-10' }));
    await move(b, { to: 'accepted', date: '2026-04-01' });
    const disc = await move(b, { to: 'discounted', date: '2026-04-10', fee: '35.40' });
    expect(disc.body).toMatchObject({ state: 'discounted', discountFee: '35.40' });
    expect((await move(b, { to: 'credited', date: '2026-04-11' })).body.state).toBe('credited');
  });

  test('when a credited ECHEQ is rejected with bank charges and interest, then a debit note for all three is posted and linked in its history', async () => {
    const id = await valueOf('2026-04-01', echeq({ amount: '5000.00', issueDate: '2026-04-01', paymentDate: '2026-04-01' }));
    await move(id, { to: 'accepted', date: '2026-04-01' });
    await move(id, { to: 'deposited', date: '2026-04-02' });
    await move(id, { to: 'credited', date: '2026-04-03' });
    const balance = await balanceOf(agents.clerk, customer.id);
    const res = await move(id, {
      to: 'rejected',
      date: '2026-04-05',
      reason: 'Sin fondos suficientes',
      charges: '450.00',
      interest: '120.35',
    });
    expect(res.status).toBe(200);
    const nd = await doc(agents.clerk, res.body.rejectionDocumentId);
    expect(nd).toMatchObject({ type: 'ND', total: '5570.35', openAmount: '5570.35' });
    expect(await balanceOf(agents.clerk, customer.id)).toBe((Number(balance) + 5570.35).toFixed(2));
    const history = (await agents.clerk.get(`/api/values/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ toState: 'rejected', documentId: nd.id, charges: '450.00', interest: '120.35' });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a paper cheque is "accepted" or an ECHEQ pending acceptance is discounted, then 409', async () => {
    const paper = await valueOf('2026-04-01', cheque({ issueDate: '2026-04-01', paymentDate: '2026-04-01' }));
    expect((await move(paper, { to: 'accepted', date: '2026-04-01' })).status).toBe(409);
    const e = await valueOf('2026-04-01', echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-01' }));
    expect((await move(e, { to: 'discounted', date: '2026-04-01' })).status).toBe(409);
  });

  test('when two transitions of one ECHEQ race, then exactly one wins and the other gets 409', async () => {
    const id = await valueOf('2026-04-01', echeq({ issueDate: '2026-04-01', paymentDate: '2026-04-01' }));
    const results = await Promise.all([
      move(id, { to: 'accepted', date: '2026-04-02' }),
      move(id, { to: 'repudiated', date: '2026-04-02', reason: 'Librador desconocido' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const moves = await company.knex('value_transitions').where({ valueId: id });
    expect(moves).toHaveLength(1);
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

describe('a repudiated ECHEQ replaced on its receipt', () => {
  test('when its line is replaced by a paper cheque of the same amount, then the receipt keeps its total and the ledger adds up', async () => {
    const res = await receive('2026-05-01', [
      { method: 'cash', amount: '300.00' },
      echeq({ amount: '700.00', issueDate: '2026-05-01', paymentDate: '2026-05-15' }),
    ]);
    expect(res.status).toBe(201);
    const receipt = res.body;
    const id = receipt.values[0].id;
    expect((await move(id, { to: 'repudiated', date: '2026-05-02', reason: 'No corresponde' })).status).toBe(200);
    const balance = await balanceOf(agents.clerk, customer.id);

    // Wrong amount, wrong field: 400 and nothing written.
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const wrong = await agents.clerk.post(`/api/values/${id}/replace-line`, {
      date: '2026-05-03',
      payment: cheque({ amount: '699.99', issueDate: '2026-05-03', paymentDate: '2026-05-03' }),
    });
    expect(wrong.status).toBe(400);
    expect(paths(wrong)).toEqual(['payment.amount']);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);

    const ok = await agents.clerk.post(`/api/values/${id}/replace-line`, {
      date: '2026-05-03',
      payment: cheque({ amount: '700.00', issueDate: '2026-05-03', paymentDate: '2026-05-03' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.total).toBe(receipt.total);
    const lines = ok.body.payments.map((p: Record<string, unknown>) => [p.line, p.method, p.replacedByLine, p.replacesLine]);
    expect(lines).toEqual([
      [1, 'cash', null, null],
      [2, 'third_party_cheque', 3, null],
      [3, 'third_party_cheque', null, 2],
    ]);
    expect(ok.body.values.map((v: { state: string }) => v.state)).toEqual(['repudiated', 'in_portfolio']);
    expect(await balanceOf(agents.clerk, customer.id)).toBe(balance);
    const history = (await agents.clerk.get(`/api/values/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ replacementValueId: ok.body.values[1].id });

    const twice = await agents.clerk.post(`/api/values/${id}/replace-line`, {
      payment: cheque({ amount: '700.00', issueDate: '2026-05-03', paymentDate: '2026-05-03' }),
      date: '2026-05-03',
    });
    expect(twice.status).toBe(409);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the line of a value that was not repudiated is replaced, then 409', async () => {
    const id = await valueOf('2026-05-01', cheque({ issueDate: '2026-05-01', paymentDate: '2026-05-01' }));
    const res = await agents.clerk.post(`/api/values/${id}/replace-line`, {
      date: '2026-05-02',
      payment: { method: 'cash', amount: '1000.00' },
    });
    expect(res.status).toBe(409);
  });
});
