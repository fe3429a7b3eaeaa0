import type { Knex } from 'knex';
import type { Agent } from './app';
import { customerBody } from './master-data';
import { verifyLedger } from '../../server/src/modules/ledger/verify';

let invoiceNumber = 1000;

export async function createCustomer(
  agent: Agent,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; code: string; currency: string }> {
  const res = await agent.post('/api/customers', customerBody(overrides));
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function postInvoice(
  agent: Agent,
  customerId: number,
  total: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; displayNumber: string; openAmount: string; dueDate: string; warnings: Array<{ code: string }> }> {
  invoiceNumber += 1;
  const res = await agent.post('/api/documents', {
    customerId,
    type: 'FAC',
    letter: 'A',
    pointOfSale: 3,
    number: invoiceNumber,
    issueDate: '2026-10-01',
    total,
    ...extra,
  });
  if (res.status !== 201) throw new Error(`invoice: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * An internal debit (AJP, letter X) posted by a supervisor: the document to cancel in a test, since
 * fiscal invoices are reversed by a credit note and never cancelled.
 */
export async function postAdjustment(
  supervisor: Agent,
  customerId: number,
  total: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; displayNumber: string; openAmount: string; dueDate: string }> {
  const res = await supervisor.post('/api/documents', {
    customerId,
    type: 'AJP',
    issueDate: '2026-10-01',
    total,
    reason: 'Ajuste de prueba',
    ...extra,
  });
  if (res.status !== 201) throw new Error(`adjustment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function doc(agent: Agent, id: number): Promise<Record<string, unknown> & { openAmount: string; status: string }> {
  const res = await agent.get(`/api/documents/${id}`);
  if (res.status !== 200) throw new Error(`document ${id}: ${res.status}`);
  return res.body;
}

export async function balanceOf(agent: Agent, customerId: number): Promise<string> {
  return (await agent.get(`/api/customers/${customerId}`)).body.balance;
}

/** Invariants 1–5 from the raw rows of one company. */
export async function expectLedgerConsistent(knex: Knex, companyId: number): Promise<void> {
  const found = await verifyLedger(knex, companyId);
  if (found.length)
    throw new Error(`ledger invariants broken:\n${found.map((f) => `${f.invariant} ${f.subject}: ${f.detail}`).join('\n')}`);
}

/** Row counts and sums of every ledger table of a company, to prove a refused request wrote nothing. */
export async function ledgerSnapshot(knex: Knex, companyId: number): Promise<Record<string, string>> {
  const { rows } = await knex.raw(
    `SELECT
       (SELECT count(*) || ':' || coalesce(sum(total), 0) || ':' || coalesce(sum(open_amount), 0) FROM documents WHERE company_id = :c) AS documents,
       (SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM applications WHERE company_id = :c AND reversed_at IS NULL) AS applications,
       (SELECT count(*) FROM applications WHERE company_id = :c) AS application_rows,
       (SELECT count(*) || ':' || coalesce(sum(account_amount), 0) FROM receipt_payments WHERE company_id = :c) AS payments,
       (SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM receipt_withholdings WHERE company_id = :c) AS withholdings,
       (SELECT count(*) || ':' || string_agg(state, ',' ORDER BY id) FROM "values" WHERE company_id = :c) AS "values",
       (SELECT count(*) FROM value_transitions WHERE company_id = :c) AS transitions,
       (SELECT coalesce(string_agg(type || point_of_sale || '=' || last_number, ',' ORDER BY type, point_of_sale), '') FROM document_counters WHERE company_id = :c) AS counters,
       (SELECT coalesce(sum(balance), 0) || ':' || coalesce(sum(overdue_balance), 0) FROM customers WHERE company_id = :c) AS balances,
       (SELECT count(*) || ':' || coalesce(string_agg(state || '/' || coalesce(batch_id, 0) || '/' || coalesce(settlement_id, 0), ',' ORDER BY id), '')
          FROM card_coupons WHERE company_id = :c) AS coupons,
       (SELECT count(*) FROM card_batches WHERE company_id = :c) AS card_batches,
       (SELECT count(*) || ':' || coalesce(sum(net), 0) FROM card_settlements WHERE company_id = :c) AS card_settlements`,
    { c: companyId },
  );
  return rows[0];
}

/** ledger:verify's findings after `tamper`, in a transaction that is always rolled back. */
export async function verifyAfterTamper(
  knex: Knex,
  companyId: number,
  tamper: (trx: Knex.Transaction) => Promise<unknown>,
): Promise<Awaited<ReturnType<typeof verifyLedger>>> {
  let found: Awaited<ReturnType<typeof verifyLedger>> = [];
  await knex
    .transaction(async (trx) => {
      await tamper(trx);
      found = await verifyLedger(trx, companyId);
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return found;
}
