import type { Knex } from 'knex';

// The collections list: one collector's customers with an overdue balance, largest first (the admin's
// collector filter with "con deuda vencida", sorted by overdue). Without this index both the page and its
// count read every overdue customer of the company from the heap (1,273 blocks for 1,343 rows on the
// 50,000-customer bench set) and sorted them. Here the page is the index in order and the count an
// index-only scan; `status` is carried so the usual "active" filter needs no heap either.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX customers_collector_overdue
      ON customers (company_id, collector_id, overdue_balance DESC NULLS LAST, id DESC) INCLUDE (status)
      WHERE overdue_balance > 0
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS customers_collector_overdue');
}
