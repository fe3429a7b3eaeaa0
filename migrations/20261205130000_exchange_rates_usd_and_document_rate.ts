import type { Knex } from 'knex';

// Foreign currency: the only currency an account or a document can be in besides pesos is USD
// (documents, payments, price lists and bank accounts are all ARS/USD), so the rates table
// keeps USD only and says where each rate came from (typed by the admin or imported from the
// BNA's published seller rates). A document carries the rate of its own date.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM exchange_rates WHERE currency <> 'USD';
    ALTER TABLE exchange_rates DROP CONSTRAINT exchange_rates_currency_check,
      ADD CONSTRAINT exchange_rates_currency_check CHECK (currency = 'USD'),
      ADD COLUMN source varchar(10) NOT NULL DEFAULT 'manual',
      ADD CONSTRAINT exchange_rates_source_check CHECK (source IN ('manual', 'import'));
    ALTER TABLE documents ADD COLUMN exchange_rate numeric(18,6),
      ADD CONSTRAINT documents_exchange_rate_positive CHECK (exchange_rate IS NULL OR exchange_rate > 0);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE documents DROP COLUMN exchange_rate;
    ALTER TABLE exchange_rates DROP COLUMN source, DROP CONSTRAINT exchange_rates_currency_check,
      ADD CONSTRAINT exchange_rates_currency_check CHECK (currency IN ('USD','EUR','BRL'));
  `);
}
