import type { Knex } from 'knex';

// Reference tables, customers with contacts and branches, card issuers and plans.
// Every reference between business rows carries company_id in its foreign key, so
// the database itself refuses a row that points into another company.

const PROVINCES = [
  'AR-C',
  'AR-B',
  'AR-K',
  'AR-H',
  'AR-U',
  'AR-X',
  'AR-W',
  'AR-E',
  'AR-P',
  'AR-Y',
  'AR-L',
  'AR-F',
  'AR-M',
  'AR-N',
  'AR-Q',
  'AR-R',
  'AR-A',
  'AR-J',
  'AR-D',
  'AR-Z',
  'AR-S',
  'AR-G',
  'AR-V',
  'AR-T',
];
const IVA_CODES = [1, 4, 5, 6, 7, 9, 10, 13, 15, 16];
const list = (values: Array<string | number>) => values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(',');

function base(t: Knex.CreateTableBuilder, knex: Knex): void {
  t.increments('id');
  t.integer('company_id').notNullable().references('companies.id');
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.unique(['company_id', 'id']);
}

function tenantFk(
  t: Knex.CreateTableBuilder,
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT',
): void {
  t.foreign(['company_id', column]).references(['company_id', 'id']).inTable(table).onDelete(onDelete);
}

function address(t: Knex.CreateTableBuilder): void {
  t.string('street', 120);
  t.string('city', 80);
  t.string('province', 5);
  t.string('postal_code', 10);
  t.string('country', 2).notNullable().defaultTo('AR');
  t.string('phone', 40);
  t.string('email', 120);
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');

  await knex.schema.createTable('payment_terms', (t) => {
    base(t, knex);
    t.string('code', 20).notNullable();
    t.string('name', 80).notNullable();
    t.integer('days').notNullable().defaultTo(0);
    t.unique(['company_id', 'code'], { indexName: 'payment_terms_code_unique' });
  });
  for (const table of ['salespeople', 'collectors']) {
    await knex.schema.createTable(table, (t) => {
      base(t, knex);
      t.string('code', 20).notNullable();
      t.string('name', 120).notNullable();
      t.string('phone', 40);
      t.string('email', 120);
      t.string('zone', 60);
      t.boolean('active').notNullable().defaultTo(true);
      t.unique(['company_id', 'code'], { indexName: `${table}_code_unique` });
    });
  }
  await knex.schema.createTable('price_lists', (t) => {
    base(t, knex);
    t.string('code', 20).notNullable();
    t.string('name', 80).notNullable();
    t.string('currency', 3).notNullable().defaultTo('ARS');
    t.unique(['company_id', 'code'], { indexName: 'price_lists_code_unique' });
  });
  await knex.schema.createTable('carriers', (t) => {
    base(t, knex);
    t.string('code', 20).notNullable();
    t.string('name', 120).notNullable();
    t.string('tax_id', 11);
    t.string('phone', 40);
    t.unique(['company_id', 'code'], { indexName: 'carriers_code_unique' });
  });
  await knex.schema.createTable('segments', (t) => {
    base(t, knex);
    t.smallint('level').notNullable();
    t.string('code', 20).notNullable();
    t.string('name', 80).notNullable();
    t.unique(['company_id', 'level', 'code'], { indexName: 'segments_code_unique' });
    t.unique(['company_id', 'id', 'level']);
  });
  await knex.schema.createTable('banks', (t) => {
    base(t, knex);
    t.string('code', 3).notNullable();
    t.string('name', 120).notNullable();
    t.unique(['company_id', 'code'], { indexName: 'banks_code_unique' });
  });
  await knex.schema.createTable('exchange_rates', (t) => {
    base(t, knex);
    t.string('currency', 3).notNullable();
    t.date('date').notNullable();
    t.decimal('rate', 18, 6).notNullable();
    t.unique(['company_id', 'currency', 'date'], { indexName: 'exchange_rates_day_unique' });
  });
  await knex.raw(`
    ALTER TABLE payment_terms ADD CONSTRAINT payment_terms_days_range CHECK (days BETWEEN 0 AND 3650);
    ALTER TABLE price_lists ADD CONSTRAINT price_lists_currency_check CHECK (currency IN ('ARS','USD'));
    ALTER TABLE segments ADD CONSTRAINT segments_level_range CHECK (level BETWEEN 1 AND 4);
    ALTER TABLE banks ADD CONSTRAINT banks_code_digits CHECK (code ~ '^[0-9]{3}$');
    ALTER TABLE exchange_rates ADD CONSTRAINT exchange_rates_currency_check CHECK (currency IN ('USD','EUR','BRL')),
      ADD CONSTRAINT exchange_rates_rate_positive CHECK (rate > 0);
  `);

  await knex.schema.createTable('customers', (t) => {
    base(t, knex);
    t.string('code', 20).notNullable();
    t.string('legal_name', 200).notNullable();
    t.string('trade_name', 200);
    t.string('rating', 5);
    t.string('status', 12).notNullable().defaultTo('active');
    address(t);
    t.smallint('iva_condition').notNullable();
    t.string('tax_id_type', 8).notNullable();
    t.string('tax_id', 20);
    t.string('gross_income_regime', 16);
    t.string('gross_income_number', 20);
    t.boolean('large_taxpayer').notNullable().defaultTo(false);
    t.decimal('vat_exemption_pct', 5, 2).notNullable().defaultTo(0);
    t.string('receivable_account', 30);
    t.string('cbu', 22);
    t.integer('payment_term_id');
    t.string('currency', 3).notNullable().defaultTo('ARS');
    t.decimal('credit_limit', 15, 2);
    t.integer('salesperson_id');
    t.integer('collector_id');
    t.integer('price_list_id');
    t.integer('carrier_id');
    t.smallint('delivery_note_copies').notNullable().defaultTo(1);
    t.smallint('invoice_copies').notNullable().defaultTo(1);
    for (const n of [1, 2, 3, 4]) {
      t.integer(`segment${n}_id`);
      t.smallint(`segment${n}_level`).notNullable().defaultTo(n);
    }
    t.text('notes');
    // Derived from the ledger, maintained by it in the same transaction as each posting.
    t.date('last_sale_date');
    t.date('last_receipt_date');
    t.decimal('balance', 15, 2).notNullable().defaultTo(0);
    t.decimal('overdue_balance', 15, 2).notNullable().defaultTo(0);
    t.date('oldest_open_due_date');
    tenantFk(t, 'payment_term_id', 'payment_terms');
    tenantFk(t, 'salesperson_id', 'salespeople');
    tenantFk(t, 'collector_id', 'collectors');
    tenantFk(t, 'price_list_id', 'price_lists');
    tenantFk(t, 'carrier_id', 'carriers');
    for (const n of [1, 2, 3, 4]) {
      t.foreign(['company_id', `segment${n}_id`, `segment${n}_level`])
        .references(['company_id', 'id', 'level'])
        .inTable('segments');
    }
  });
  await knex.raw(`
    ALTER TABLE customers
      ADD CONSTRAINT customers_status_check CHECK (status IN ('active','suspended','prospect','cash_only','inactive')),
      ADD CONSTRAINT customers_province_check CHECK (province IS NULL OR province IN (${list(PROVINCES)})),
      ADD CONSTRAINT customers_iva_check CHECK (iva_condition IN (${list(IVA_CODES)})),
      ADD CONSTRAINT customers_tax_id_type_check CHECK (tax_id_type IN ('CUIT','CUIL','DNI','FOREIGN')),
      ADD CONSTRAINT customers_gross_income_check CHECK (gross_income_regime IS NULL OR gross_income_regime IN ('local','multilateral','exempt','not_registered')),
      ADD CONSTRAINT customers_vat_exemption_range CHECK (vat_exemption_pct BETWEEN 0 AND 100),
      ADD CONSTRAINT customers_currency_check CHECK (currency IN ('ARS','USD')),
      ADD CONSTRAINT customers_credit_limit_check CHECK (credit_limit IS NULL OR credit_limit >= 0),
      ADD CONSTRAINT customers_copies_check CHECK (delivery_note_copies BETWEEN 0 AND 9 AND invoice_copies BETWEEN 0 AND 9),
      ADD CONSTRAINT customers_segment_levels_check CHECK (segment1_level = 1 AND segment2_level = 2 AND segment3_level = 3 AND segment4_level = 4),
      ADD CONSTRAINT customers_code_format CHECK (code ~ '^[A-Z0-9._-]{1,20}$'),
      ADD CONSTRAINT customers_cbu_format CHECK (cbu IS NULL OR cbu ~ '^[0-9]{22}$');
    ALTER TABLE customers ADD COLUMN search_text text GENERATED ALWAYS AS (
      lower(code || ' ' || legal_name || ' ' || coalesce(trade_name, '') || ' ' || coalesce(tax_id, ''))
    ) STORED;
    CREATE UNIQUE INDEX customers_code_unique ON customers (company_id, code);
    CREATE UNIQUE INDEX customers_cuit_unique ON customers (company_id, tax_id) WHERE tax_id_type = 'CUIT';
    CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops);
    CREATE INDEX customers_legal_name ON customers (company_id, legal_name, id);
    CREATE INDEX customers_balance ON customers (company_id, balance, id);
    CREATE INDEX customers_overdue ON customers (company_id, overdue_balance, id);
    CREATE INDEX customers_last_sale ON customers (company_id, last_sale_date, id);
    CREATE INDEX customers_last_receipt ON customers (company_id, last_receipt_date, id);
    CREATE INDEX customers_status ON customers (company_id, status, id);
    CREATE INDEX customers_rating ON customers (company_id, rating, id);
    CREATE INDEX customers_province ON customers (company_id, province, id);
    CREATE INDEX customers_currency ON customers (company_id, currency, id);
    CREATE INDEX customers_payment_term ON customers (company_id, payment_term_id, id);
    CREATE INDEX customers_salesperson ON customers (company_id, salesperson_id, id);
    CREATE INDEX customers_collector ON customers (company_id, collector_id, id);
    CREATE INDEX customers_price_list ON customers (company_id, price_list_id, id);
    CREATE INDEX customers_carrier ON customers (company_id, carrier_id, id);
    CREATE INDEX customers_segment1 ON customers (company_id, segment1_id, id);
    CREATE INDEX customers_segment2 ON customers (company_id, segment2_id, id);
    CREATE INDEX customers_segment3 ON customers (company_id, segment3_id, id);
    CREATE INDEX customers_segment4 ON customers (company_id, segment4_id, id);
    CREATE INDEX customers_over_limit ON customers (company_id, id) WHERE credit_limit IS NOT NULL AND balance > credit_limit;
    CREATE INDEX customers_has_overdue ON customers (company_id, id) WHERE overdue_balance > 0;
  `);

  await knex.schema.createTable('branches', (t) => {
    base(t, knex);
    t.integer('customer_id').notNullable();
    t.string('code', 20).notNullable();
    t.string('name', 120).notNullable();
    address(t);
    t.integer('salesperson_id');
    t.integer('collector_id');
    t.integer('price_list_id');
    t.integer('carrier_id');
    t.integer('payment_term_id');
    t.smallint('delivery_note_copies');
    t.smallint('invoice_copies');
    t.boolean('active').notNullable().defaultTo(true);
    t.unique(['company_id', 'customer_id', 'code'], { indexName: 'branches_code_unique' });
    t.unique(['company_id', 'customer_id', 'id']);
    tenantFk(t, 'customer_id', 'customers', 'CASCADE');
    tenantFk(t, 'salesperson_id', 'salespeople');
    tenantFk(t, 'collector_id', 'collectors');
    tenantFk(t, 'price_list_id', 'price_lists');
    tenantFk(t, 'carrier_id', 'carriers');
    tenantFk(t, 'payment_term_id', 'payment_terms');
  });
  await knex.raw(`
    ALTER TABLE branches
      ADD CONSTRAINT branches_province_check CHECK (province IS NULL OR province IN (${list(PROVINCES)})),
      ADD CONSTRAINT branches_copies_check CHECK ((delivery_note_copies IS NULL OR delivery_note_copies BETWEEN 0 AND 9) AND (invoice_copies IS NULL OR invoice_copies BETWEEN 0 AND 9)),
      ADD CONSTRAINT branches_code_format CHECK (code ~ '^[A-Z0-9._-]{1,20}$');
    CREATE INDEX branches_collector ON branches (company_id, collector_id);
  `);

  await knex.schema.createTable('card_issuers', (t) => {
    base(t, knex);
    t.string('code', 20).notNullable();
    t.string('legal_name', 200).notNullable();
    address(t);
    t.smallint('iva_condition').notNullable().defaultTo(1);
    t.string('tax_id_type', 8).notNullable().defaultTo('CUIT');
    t.string('tax_id', 20);
    t.string('gross_income_regime', 16);
    t.string('gross_income_number', 20);
    t.string('payable_account', 30);
    t.integer('bank_id');
    t.boolean('active').notNullable().defaultTo(true);
    t.unique(['company_id', 'code'], { indexName: 'card_issuers_code_unique' });
    tenantFk(t, 'bank_id', 'banks');
  });
  await knex.raw(`
    ALTER TABLE card_issuers
      ADD CONSTRAINT card_issuers_province_check CHECK (province IS NULL OR province IN (${list(PROVINCES)})),
      ADD CONSTRAINT card_issuers_iva_check CHECK (iva_condition IN (${list(IVA_CODES)})),
      ADD CONSTRAINT card_issuers_tax_id_type_check CHECK (tax_id_type IN ('CUIT','CUIL','DNI','FOREIGN')),
      ADD CONSTRAINT card_issuers_gross_income_check CHECK (gross_income_regime IS NULL OR gross_income_regime IN ('local','multilateral','exempt','not_registered')),
      ADD CONSTRAINT card_issuers_code_format CHECK (code ~ '^[A-Z0-9._-]{1,20}$');
    CREATE UNIQUE INDEX card_issuers_cuit_unique ON card_issuers (company_id, tax_id) WHERE tax_id_type = 'CUIT';
  `);

  await knex.schema.createTable('card_plans', (t) => {
    base(t, knex);
    t.integer('card_issuer_id').notNullable();
    t.string('code', 20).notNullable();
    t.string('name', 80).notNullable();
    t.smallint('installments').notNullable().defaultTo(1);
    t.decimal('surcharge_coefficient', 10, 6).notNullable().defaultTo(1);
    t.decimal('fee_pct', 5, 2).notNullable().defaultTo(0);
    t.smallint('settlement_days').notNullable().defaultTo(0);
    t.date('valid_from');
    t.date('valid_to');
    t.boolean('active').notNullable().defaultTo(true);
    t.unique(['company_id', 'card_issuer_id', 'code'], { indexName: 'card_plans_code_unique' });
    t.unique(['company_id', 'card_issuer_id', 'id']);
    tenantFk(t, 'card_issuer_id', 'card_issuers', 'CASCADE');
  });
  await knex.raw(`
    ALTER TABLE card_plans
      ADD CONSTRAINT card_plans_installments_range CHECK (installments BETWEEN 1 AND 60),
      ADD CONSTRAINT card_plans_coefficient_min CHECK (surcharge_coefficient >= 1),
      ADD CONSTRAINT card_plans_fee_range CHECK (fee_pct BETWEEN 0 AND 100),
      ADD CONSTRAINT card_plans_settlement_range CHECK (settlement_days BETWEEN 0 AND 365),
      ADD CONSTRAINT card_plans_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from);
  `);

  await knex.schema.createTable('contacts', (t) => {
    base(t, knex);
    t.integer('customer_id');
    t.integer('card_issuer_id');
    t.string('name', 120).notNullable();
    t.string('position', 80);
    t.string('phone', 40);
    t.string('mobile', 40);
    t.string('email', 120);
    t.boolean('is_collections_contact').notNullable().defaultTo(false);
    t.text('notes');
    tenantFk(t, 'customer_id', 'customers', 'CASCADE');
    tenantFk(t, 'card_issuer_id', 'card_issuers', 'CASCADE');
  });
  await knex.raw(`
    ALTER TABLE contacts ADD CONSTRAINT contacts_one_owner CHECK ((customer_id IS NULL) <> (card_issuer_id IS NULL));
    CREATE INDEX contacts_customer ON contacts (company_id, customer_id, is_collections_contact DESC, id);
    CREATE INDEX contacts_card_issuer ON contacts (company_id, card_issuer_id, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'contacts',
    'card_plans',
    'card_issuers',
    'branches',
    'customers',
    'exchange_rates',
    'banks',
    'segments',
    'carriers',
    'price_lists',
    'collectors',
    'salespeople',
    'payment_terms',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
