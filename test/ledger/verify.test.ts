import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, postInvoice } from '../support/ledger';
import { verifyLedger } from '../../server/src/modules/ledger/verify';

let company: TestCompany;
let clerk: Agent;

beforeAll(async () => {
  company = await createTestCompany('Verificación');
  clerk = (await agentsFor(company)).clerk;
});

/** Runs `tamper` and the check in a transaction that is always rolled back. */
async function verifyAfter(tamper: (trx: import('knex').Knex.Transaction) => Promise<unknown>) {
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
  return found;
}

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
});
