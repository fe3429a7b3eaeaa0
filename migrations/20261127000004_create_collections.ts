import type { Knex } from 'knex';

// Collection calls (with promises and agreed collector visits) and the figures of
// the latest call kept on the customer, so the debtors list filters on plain columns.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('collection_calls', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.integer('customer_id').notNullable();
    t.integer('contact_id');
    t.timestamp('called_at', { useTz: true }).notNullable();
    t.integer('user_id').notNullable().references('users.id');
    t.string('channel', 10).notNullable();
    t.string('outcome', 16).notNullable();
    t.text('response');
    t.date('promise_date');
    t.decimal('promise_amount', 15, 2);
    t.timestamp('next_contact_at', { useTz: true });
    t.date('visit_date');
    t.time('visit_from');
    t.time('visit_to');
    t.integer('visit_branch_id');
    t.integer('collector_id');
    t.string('visit_result', 16);
    t.bigInteger('visit_receipt_id');
    t.decimal('visit_amount', 15, 2);
    t.text('visit_notes');
    t.timestamp('visit_recorded_at', { useTz: true });
    t.integer('visit_recorded_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['company_id', 'customer_id']).references(['company_id', 'id']).inTable('customers');
    t.foreign(['company_id', 'contact_id']).references(['company_id', 'id']).inTable('contacts');
    t.foreign(['company_id', 'customer_id', 'visit_branch_id'])
      .references(['company_id', 'customer_id', 'id'])
      .inTable('branches');
    t.foreign(['company_id', 'collector_id']).references(['company_id', 'id']).inTable('collectors');
    t.foreign(['company_id', 'visit_receipt_id']).references(['company_id', 'id']).inTable('documents');
  });
  await knex.raw(`
    ALTER TABLE collection_calls
      ADD CONSTRAINT collection_calls_channel_check CHECK (channel IN ('phone','email','whatsapp','visit')),
      ADD CONSTRAINT collection_calls_outcome_check CHECK (outcome IN ('no_answer','promise','refused','dispute','paid_claimed','callback','wrong_contact')),
      ADD CONSTRAINT collection_calls_promise_check CHECK ((promise_date IS NULL) = (promise_amount IS NULL) AND (promise_amount IS NULL OR promise_amount > 0)),
      ADD CONSTRAINT collection_calls_visit_window CHECK (visit_from IS NULL OR visit_to IS NULL OR visit_to > visit_from),
      ADD CONSTRAINT collection_calls_visit_fields CHECK (visit_date IS NULL OR collector_id IS NOT NULL),
      ADD CONSTRAINT collection_calls_visit_result_check CHECK (visit_result IS NULL OR visit_result IN ('collected','partial','not_collected','rescheduled'));
    CREATE INDEX collection_calls_customer ON collection_calls (customer_id, called_at DESC, id DESC);
    CREATE INDEX collection_calls_company ON collection_calls (company_id, called_at DESC, id DESC);
    CREATE INDEX collection_calls_visits ON collection_calls (company_id, collector_id, visit_date, visit_from) WHERE visit_date IS NOT NULL;
    CREATE INDEX collection_calls_user ON collection_calls (company_id, user_id, called_at DESC);
  `);
  await knex.schema.alterTable('customers', (t) => {
    t.bigInteger('last_call_id');
    t.timestamp('last_call_at', { useTz: true });
    t.timestamp('next_contact_at', { useTz: true });
    t.integer('next_contact_user_id');
    t.date('promise_date');
    t.decimal('promise_amount', 15, 2);
    t.date('promise_since');
  });
  await knex.raw(`
    CREATE INDEX customers_debtors ON customers (company_id, overdue_balance DESC, id) WHERE balance > 0;
    CREATE INDEX customers_next_contact ON customers (company_id, next_contact_at) WHERE next_contact_at IS NOT NULL;
    CREATE INDEX customers_promise ON customers (company_id, promise_date) WHERE promise_date IS NOT NULL;
    CREATE INDEX customers_oldest_due ON customers (company_id, oldest_open_due_date, id) WHERE balance > 0;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS customers_debtors, customers_next_contact, customers_promise, customers_oldest_due');
  await knex.schema.alterTable('customers', (t) => {
    for (const c of [
      'last_call_id',
      'last_call_at',
      'next_contact_at',
      'next_contact_user_id',
      'promise_date',
      'promise_amount',
      'promise_since',
    ])
      t.dropColumn(c);
  });
  await knex.schema.dropTableIfExists('collection_calls');
}
