import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, postInvoice, verifyAfterTamper } from '../support/ledger';
import { verifyLedger } from '../../server/src/modules/ledger/verify';

let company: TestCompany;
let clerk: Agent;

beforeAll(async () => {
  company = await createTestCompany('Verificación');
  clerk = (await agentsFor(company)).clerk;
});

/** Runs `tamper` and the check in a transaction that is always rolled back. */
const verifyAfter = (tamper: (trx: import('knex').Knex.Transaction) => Promise<unknown>) =>
  verifyAfterTamper(company.knex, company.companyId, tamper);

describe('ledger:verify', () => {
  let customer: { id: number };
  let inv: { id: number };
  let rec: { id: number; number: number };

  beforeAll(async () => {
    customer = await createCustomer(clerk);
    inv = await postInvoice(clerk, customer.id, '100');
    rec = (
      await clerk.post('/api/receipts', {
        customerId: customer.id,
        issueDate: '2026-10-10',
        payments: [{ method: 'cash', amount: '60' }],
        applications: [{ documentId: inv.id, amount: '60' }],
      })
    ).body;
  });

  test('a consistent ledger has no discrepancies', async () => {
    expect(await verifyLedger(company.knex, company.companyId)).toEqual([]);
  });

  test('an open amount that does not match its applications breaks invariant 1', async () => {
    const found = await verifyAfter((trx) => trx('documents').where({ id: inv.id }).update({ openAmount: '50.00' }));
    expect(found.map((f) => f.invariant)).toContain(1);
  });

  test('when a fiscal invoice is marked cancelled, then invariant 9 names it; an internal adjustment cancelled does not', async () => {
    const found = await verifyAfter((trx) =>
      trx('documents').where({ id: inv.id }).update({ status: 'cancelled', cancelDate: '2026-10-20', openAmount: '0.00' }),
    );
    expect(found.filter((f) => f.invariant === 9).map((f) => f.subject)).toEqual([expect.stringContaining('FAC A')]);
    const adjustment = await verifyAfter(async (trx) => {
      const [{ id }] = await trx('documents')
        .insert({
          companyId: company.companyId,
          customerId: customer.id,
          type: 'AJP',
          letter: 'X',
          pointOfSale: 1,
          number: 99999,
          issueDate: '2026-10-01',
          dueDate: '2026-10-01',
          currency: 'ARS',
          total: '5.00',
          openAmount: '5.00',
          status: 'cancelled',
          cancelDate: '2026-10-02',
          reason: 'Prueba',
          origin: 'api',
        })
        .returning('id');
      return id;
    });
    expect(adjustment.filter((f) => f.invariant === 9)).toEqual([]);
  });

  test('a stored balance that does not match the documents breaks invariant 2', async () => {
    const found = await verifyAfter((trx) => trx('customers').where({ id: customer.id }).update({ balance: '1.00' }));
    expect(found.map((f) => f.invariant)).toEqual([2]);
  });

  test('a gap in the receipt numbers breaks invariant 3', async () => {
    const found = await verifyAfter((trx) =>
      trx('documents')
        .where({ id: rec.id })
        .update({ number: rec.number + 5 }),
    );
    expect(found.some((f) => f.invariant === 3 && /REC X/.test(f.subject))).toBe(true);
  });

  describe("the customer's other figures and the receipt's total", () => {
    beforeAll(async () => {
      // A read brings the company's overdue figures to today, which is when verify checks them.
      expect((await clerk.get('/api/customers')).status).toBe(200);
    });

    const only = (found: Awaited<ReturnType<typeof verifyLedger>>) => found.map((f) => [f.invariant, f.subject, f.detail]);

    test('when the stored overdue is not what the documents say, then invariant 4 names it', async () => {
      const found = await verifyAfter((trx) => trx('customers').where({ id: customer.id }).update({ overdueBalance: '7.00' }));
      expect(only(found)).toEqual([
        [4, expect.stringContaining(`customer ${customer.id}`), expect.stringMatching(/^overdue stored 7\.00/)],
      ]);
    });

    test('when the stored oldest due date is wrong, then invariant 4 names it', async () => {
      const found = await verifyAfter((trx) =>
        trx('customers').where({ id: customer.id }).update({ oldestOpenDueDate: '2020-01-01' }),
      );
      expect(only(found)).toEqual([[4, expect.any(String), expect.stringMatching(/^oldest open due date stored 2020-01-01/)]]);
    });

    test('when the stored last sale date is wrong, then invariant 4 names it', async () => {
      const found = await verifyAfter((trx) => trx('customers').where({ id: customer.id }).update({ lastSaleDate: null }));
      expect(only(found)).toEqual([[4, expect.any(String), expect.stringMatching(/^last sale stored none/)]]);
    });

    test('when the stored last receipt date is wrong, then invariant 4 names it', async () => {
      const found = await verifyAfter((trx) =>
        trx('customers').where({ id: customer.id }).update({ lastReceiptDate: '2026-10-11' }),
      );
      expect(only(found)).toEqual([
        [4, expect.any(String), expect.stringMatching(/^last receipt stored 2026-10-11, from the documents 2026-10-10/)],
      ]);
    });

    test("when a receipt's total is not its payments plus withholdings, then invariant 5 names it", async () => {
      const found = await verifyAfter((trx) =>
        trx('receiptPayments').where({ documentId: rec.id }).update({ accountAmount: '59.00' }),
      );
      expect(only(found)).toEqual([
        [5, expect.stringContaining(`receipt ${rec.id}`), 'total 60.00, payments 59.00 + withholdings 0'],
      ]);
    });
  });

  describe('values: each in exactly one live state', () => {
    let value: { id: number };
    let receiptId: number;

    beforeAll(async () => {
      const banks = (await clerk.get('/api/banks?filter=' + encodeURIComponent(JSON.stringify({ code: '007' })))).body;
      const res = await clerk.post('/api/receipts', {
        customerId: customer.id,
        issueDate: '2026-10-10',
        payments: [
          {
            method: 'customer_cheque',
            amount: '40',
            bankId: banks[0].id,
            number: 'V-6',
            issueDate: '2026-10-10',
            paymentDate: '2026-10-10',
          },
        ],
      });
      expect(res.status).toBe(201);
      receiptId = res.body.id;
      value = res.body.values[0];
      expect((await clerk.post(`/api/values/${value.id}/transition`, { to: 'deposited', date: '2026-10-11' })).status).toBe(200);
      expect(await verifyLedger(company.knex, company.companyId)).toEqual([]);
    });

    const only = (found: Awaited<ReturnType<typeof verifyLedger>>) => found.map((f) => [f.invariant, f.subject, f.detail]);
    const sixes = (found: Awaited<ReturnType<typeof verifyLedger>>) =>
      found.filter((f) => f.invariant === 6).map((f) => [f.subject, f.detail]);

    test('when a value is not in the state its transitions lead to, then invariant 6 names it', async () => {
      const found = await verifyAfter((trx) => trx('values').where({ id: value.id }).update({ state: 'endorsed' }));
      expect(sixes(found)).toEqual([[`value ${value.id} #V-6`, 'state endorsed, its transitions lead to deposited']]);
    });

    test('when a transition does not start where the previous one ended, then invariant 6 names it', async () => {
      const found = await verifyAfter(async (trx) => {
        await trx('value_transitions').insert({
          companyId: company.companyId,
          valueId: value.id,
          fromState: 'in_portfolio',
          toState: 'deposited',
          date: '2026-10-12',
        });
      });
      expect(sixes(found)).toEqual([
        [
          `value ${value.id} #V-6`,
          'state deposited, its transitions lead to deposited; a transition does not start where the previous one ended',
        ],
      ]);
    });

    test('when a value is rejected without its debit note, then invariant 6 names it', async () => {
      const found = await verifyAfter(async (trx) => {
        await trx('values').where({ id: value.id }).update({ state: 'rejected' });
        await trx('value_transitions').insert({
          companyId: company.companyId,
          valueId: value.id,
          fromState: 'deposited',
          toState: 'rejected',
          date: '2026-10-12',
        });
      });
      expect(sixes(found)).toEqual([
        [`value ${value.id} #V-6`, 'state rejected, its transitions lead to rejected; rejected without its debit note'],
      ]);
    });

    test('when a line is marked replaced but its value was not repudiated, then invariants 5 and 6 name the receipt and the value', async () => {
      const found = await verifyAfter((trx) =>
        trx('receiptPayments').where({ documentId: receiptId }).update({ replacedByLine: 2, replacedDate: '2026-10-12' }),
      );
      expect(only(found)).toEqual([
        [5, expect.stringContaining(`receipt ${receiptId}`), 'total 40.00, payments 0 + withholdings 0'],
        [6, `value ${value.id} #V-6`, 'state deposited, its transitions lead to deposited; its line was replaced by line 2'],
      ]);
    });
  });
});
