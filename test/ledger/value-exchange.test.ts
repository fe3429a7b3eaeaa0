import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { balanceOf, createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice } from '../support/ledger';
import { bankIds, chequeLine, errorPaths } from '../support/values';
import type { Role } from '../../server/src/http/permissions';

/*
 * Canje: a rejected cheque replaced by another one. The replacement is a receipt of the
 * customer applied to the rejection's debit note; every amount below is worked out by hand.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;

beforeAll(async () => {
  company = await createTestCompany('Canje de valores');
  agents = await agentsFor(company);
  banks = await bankIds(agents.clerk);
});

const cheque = (over: Record<string, unknown> = {}) => chequeLine(banks['007'], over);
const exchange = (id: number, body: object, as: Agent = agents.clerk) => as.post(`/api/values/${id}/exchange`, body);

/**
 * A customer whose invoice of `amount` was paid on 2026-06-01 by a cheque, rejected on 2026-06-05
 * with `charges`: the customer owes the debit note, amount + charges, and nothing else.
 */
async function rejected(amount: string, charges: string) {
  const customer = await createCustomer(agents.clerk);
  const invoice = await postInvoice(agents.clerk, customer.id, amount, { issueDate: '2026-05-20' });
  const receipt = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: '2026-06-01',
    payments: [cheque({ amount })],
    applications: [{ documentId: invoice.id, amount }],
  });
  expect(receipt.status).toBe(201);
  const id = receipt.body.values[0].id as number;
  const res = await agents.clerk.post(`/api/values/${id}/transition`, {
    to: 'rejected',
    date: '2026-06-05',
    reason: 'Sin fondos',
    charges,
  });
  expect(res.status).toBe(200);
  return { customer, id, noteId: res.body.rejectionDocumentId as number };
}

describe('canje of a rejected cheque', () => {
  test('when a cheque for the whole debit note replaces it, then a receipt pays the note off, the new cheque is in the portfolio and the history links both', async () => {
    const { customer, id, noteId } = await rejected('1000.00', '250.00');
    const owed = await balanceOf(agents.clerk, customer.id);
    expect(owed).toBe('1250.00');
    const res = await exchange(id, {
      date: '2026-06-08',
      payments: [cheque({ amount: '1250.00', issueDate: '2026-06-08', paymentDate: '2026-06-08' })],
    });
    expect(res.status).toBe(201);
    expect(res.body.receipt).toMatchObject({ type: 'REC', total: '1250.00', applied: '1250.00', onAccount: '0.00' });
    expect(res.body.receipt.applications).toEqual([expect.objectContaining({ debitDocumentId: noteId, amount: '1250.00' })]);
    const newValue = res.body.receipt.values[0];
    expect(newValue).toMatchObject({ state: 'in_portfolio', amount: '1250.00' });
    expect(res.body.value).toMatchObject({ id, state: 'rejected', rejectionOpenAmount: '0.00' });
    expect((await doc(agents.clerk, noteId)).openAmount).toBe('0.00');
    expect(await balanceOf(agents.clerk, customer.id)).toBe('0.00');
    const history = (await agents.clerk.get(`/api/values/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({
      fromState: 'rejected',
      toState: 'rejected',
      documentId: res.body.receipt.id,
      displayNumber: res.body.receipt.displayNumber,
      replacementValueId: newValue.id,
    });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the replacement covers only the face value, then the charges stay open; a second canje for more than the rest leaves the excess on account', async () => {
    const { customer, id, noteId } = await rejected('800.00', '120.00');
    const first = await exchange(id, {
      date: '2026-06-06',
      payments: [cheque({ amount: '800.00', issueDate: '2026-06-06', paymentDate: '2026-06-06' })],
    });
    expect(first.status).toBe(201);
    expect((await doc(agents.clerk, noteId)).openAmount).toBe('120.00');
    expect(await balanceOf(agents.clerk, customer.id)).toBe('120.00');
    // 120.00 owed, 100.00 by cheque + 20.01 cash: 120.00 applied, 0.01 on account.
    const second = await exchange(id, {
      date: '2026-06-07',
      payments: [
        cheque({ amount: '100.00', issueDate: '2026-06-07', paymentDate: '2026-06-07' }),
        { method: 'cash', amount: '20.01' },
      ],
    });
    expect(second.status).toBe(201);
    expect(second.body.receipt).toMatchObject({ total: '120.01', applied: '120.00', onAccount: '0.01' });
    expect((await doc(agents.clerk, noteId)).openAmount).toBe('0.00');
    expect(await balanceOf(agents.clerk, customer.id)).toBe('-0.01');
    const exchanges = (await agents.clerk.get(`/api/values/${id}/history`)).body.filter(
      (h: { fromState: string; toState: string }) => h.fromState === 'rejected' && h.toState === 'rejected',
    );
    expect(exchanges).toHaveLength(2);
    // Nothing left to replace.
    const third = await exchange(id, {
      date: '2026-06-08',
      payments: [cheque({ amount: '1.00', issueDate: '2026-06-08', paymentDate: '2026-06-08' })],
    });
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('NOT_EXCHANGEABLE');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the replacement is exactly the open amount, then nothing is left on account; one cent more, and that cent is', async () => {
    const a = await rejected('500.00', '0');
    const exact = await exchange(a.id, {
      date: '2026-06-06',
      payments: [cheque({ amount: '500.00', issueDate: '2026-06-06', paymentDate: '2026-06-06' })],
    });
    expect(exact.body.receipt).toMatchObject({ applied: '500.00', onAccount: '0.00' });
    const b = await rejected('500.00', '0');
    const over = await exchange(b.id, {
      date: '2026-06-06',
      payments: [cheque({ amount: '500.01', issueDate: '2026-06-06', paymentDate: '2026-06-06' })],
    });
    expect(over.body.receipt).toMatchObject({ applied: '500.00', onAccount: '0.01' });
  });

  test('when two canjes of one rejected cheque race for the whole note, then one is posted and the other gets 409', async () => {
    const { id, noteId } = await rejected('600.00', '0');
    const results = await Promise.all(
      [1, 2].map(() =>
        exchange(id, {
          date: '2026-06-06',
          payments: [cheque({ amount: '600.00', issueDate: '2026-06-06', paymentDate: '2026-06-06' })],
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await doc(agents.clerk, noteId)).openAmount).toBe('0.00');
    const rows = await company.knex('value_transitions').where({ valueId: id, fromState: 'rejected', toState: 'rejected' });
    expect(rows).toHaveLength(1);
    await expectLedgerConsistent(company.knex, company.companyId);
  });
});

/** A valid replacement of the rejected cheque below (dated 2026-06-06). */
const replacement = () => cheque({ amount: '750.00', issueDate: '2026-06-06', paymentDate: '2026-06-06' });

describe('canje refused, nothing written', () => {
  let target: { id: number; noteId: number };
  beforeAll(async () => {
    target = await rejected('700.00', '50.00');
  });

  type Line = Record<string, unknown>;
  test.each<[string, (line: Line) => object, number, string[]]>([
    ['no cheque among the payments', () => ({ payments: [{ method: 'cash', amount: '750.00' }] }), 400, ['payments']],
    ['no payments', () => ({ payments: [] }), 400, ['payments']],
    ['a cheque without its bank', (line) => ({ payments: [{ ...line, bankId: undefined }] }), 400, ['payments.0.bankId']],
    [
      'a cheque past its presentation window (31 days after its payment date)',
      (line) => ({ date: '2026-06-10', payments: [{ ...line, issueDate: '2026-05-10', paymentDate: '2026-05-10' }] }),
      400,
      ['payments.0.paymentDate'],
    ],
    ['a date that is not a date', (line) => ({ date: '2026-02-30', payments: [line] }), 400, ['date']],
    ['an unknown field', (line) => ({ payments: [line], customerId: 1 }), 400, ['customerId']],
  ])('when the canje has %s, then a 4xx naming the field', async (_what, body, status, paths) => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await exchange(target.id, body(replacement()));
    expect(res.status).toBe(status);
    expect(errorPaths(res)).toEqual(paths);
    expect(res.body.message).toEqual(expect.any(String));
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when the canje is dated before the rejection, then 409 and nothing written', async () => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await exchange(target.id, {
      date: '2026-06-04',
      payments: [{ ...replacement(), issueDate: '2026-06-04', paymentDate: '2026-06-04' }],
    });
    expect(res.status).toBe(409);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test("when the value is still in the portfolio, or unknown, or another company's, then 409 / 404 and nothing written", async () => {
    const customer = await createCustomer(agents.clerk);
    const held = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-06-01',
      payments: [cheque()],
    });
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await exchange(held.body.values[0].id, { date: '2026-06-06', payments: [replacement()] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_EXCHANGEABLE');
    expect((await exchange(987654321, { payments: [replacement()] })).status).toBe(404);
    const other = await createTestCompany('Otra empresa');
    const otherAgents = await agentsFor(other);
    expect((await exchange(target.id, { date: '2026-06-06', payments: [replacement()] }, otherAgents.clerk)).status).toBe(404);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when a manager (who does not post) asks for a canje, then 403 and nothing written', async () => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await exchange(target.id, { date: '2026-06-06', payments: [replacement()] }, agents.manager);
    expect(res.status).toBe(403);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });
});
