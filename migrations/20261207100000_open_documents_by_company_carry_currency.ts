import type { Knex } from 'knex';

// The aging and the customers' figures per currency sum a company's open items of one ledger currency. Since the
// currency filter came with bimonetary customers, the open-items index could no longer answer alone:
// every open document's heap page was read and the per-customer sums were hashed (spilling to disk on
// the 1,000,000-document set) instead of summed in customer order from the index. The currency rides
// along in the index now.
const OPEN = `status = 'posted' AND open_amount > 0`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX documents_open_by_company');
  await knex.raw(`
    CREATE INDEX documents_open_by_company ON documents (company_id, customer_id, due_date)
      INCLUDE (open_amount, sign, issue_date, currency) WHERE ${OPEN}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX documents_open_by_company');
  await knex.raw(`
    CREATE INDEX documents_open_by_company ON documents (company_id, customer_id, due_date)
      INCLUDE (open_amount, sign, issue_date) WHERE ${OPEN}
  `);
}
