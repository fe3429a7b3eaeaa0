import type { Knex } from 'knex';

// A customer's statement shows each cancelled document a second time, on its cancellation date. Those
// are found by customer here; without this index the statement walked every cancelled document of the
// company (documents_status) twice, for the opening balance and for the lines.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX documents_cancelled_by_customer ON documents (company_id, customer_id, cancel_date)
      WHERE status = 'cancelled'
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS documents_cancelled_by_customer');
}
