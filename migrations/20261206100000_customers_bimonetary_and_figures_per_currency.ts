import type { Knex } from 'knex';

// A bimonetary customer keeps a peso and a dollar ledger side by side. Its figures per currency sit on the
// customer row next to `balance`/`overdue_balance` (which keep meaning the account's currency): the two
// currencies are a closed list (ARS and USD, see 20261205130000), so four columns written by the same
// UPDATE that keeps the account's figures cost no extra row, lock or statement per posting.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE customers
      ADD COLUMN bimonetary boolean NOT NULL DEFAULT false,
      ADD COLUMN balance_ars numeric(15,2) NOT NULL DEFAULT 0,
      ADD COLUMN overdue_balance_ars numeric(15,2) NOT NULL DEFAULT 0,
      ADD COLUMN balance_usd numeric(15,2) NOT NULL DEFAULT 0,
      ADD COLUMN overdue_balance_usd numeric(15,2) NOT NULL DEFAULT 0;
    UPDATE customers c SET
        balance_ars = CASE WHEN c.currency = 'ARS' THEN c.balance ELSE 0 END,
        overdue_balance_ars = CASE WHEN c.currency = 'ARS' THEN c.overdue_balance ELSE 0 END,
        balance_usd = CASE WHEN c.currency = 'USD' THEN c.balance ELSE 0 END,
        overdue_balance_usd = CASE WHEN c.currency = 'USD' THEN c.overdue_balance ELSE 0 END
      WHERE c.balance <> 0 OR c.overdue_balance <> 0;
    -- The debtors list adds the few bimonetary customers owing in a ledger other than the account's.
    CREATE INDEX customers_bimonetary_owing ON customers (company_id, id) WHERE bimonetary AND (balance_ars > 0 OR balance_usd > 0);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX customers_bimonetary_owing;
    ALTER TABLE customers DROP COLUMN bimonetary, DROP COLUMN balance_ars, DROP COLUMN overdue_balance_ars,
      DROP COLUMN balance_usd, DROP COLUMN overdue_balance_usd;
  `);
}
