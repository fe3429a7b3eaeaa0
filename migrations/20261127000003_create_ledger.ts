import type { Knex } from 'knex';

// The receivables ledger: documents, receipt payments and withholdings, applications,
// the values portfolio, gapless counters and idempotency keys. Amounts are NUMERIC;
// the rules that keep the numbers honest are CHECKs and unique indexes here too.

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
]
  .map((p) => `'${p}'`)
  .join(',');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('companies', (t) => {
    // The day the customers' overdue figures were last brought up to date.
    t.date('figures_as_of');
  });

  await knex.schema.createTable('documents', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.integer('customer_id'); // null only for a voided (spoiled) receipt form
    t.integer('branch_id');
    t.string('type', 3).notNullable();
    t.string('letter', 1).notNullable();
    t.integer('point_of_sale').notNullable();
    t.integer('number').notNullable();
    t.date('issue_date').notNullable();
    t.date('due_date').notNullable();
    t.string('currency', 3).notNullable();
    t.decimal('total', 15, 2).notNullable();
    t.decimal('open_amount', 15, 2).notNullable();
    t.string('status', 10).notNullable().defaultTo('posted');
    t.text('notes');
    t.string('reason', 500);
    t.jsonb('warnings');
    t.string('origin', 12).notNullable().defaultTo('api');
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.date('cancel_date');
    t.string('cancel_reason', 500);
    t.integer('cancelled_by').references('users.id');
    t.timestamp('cancelled_at', { useTz: true });
    t.unique(['company_id', 'id']);
    t.foreign(['company_id', 'customer_id']).references(['company_id', 'id']).inTable('customers');
    t.foreign(['company_id', 'customer_id', 'branch_id']).references(['company_id', 'customer_id', 'id']).inTable('branches');
  });
  await knex.raw(`
    ALTER TABLE documents
      ADD COLUMN sign smallint GENERATED ALWAYS AS (CASE WHEN type IN ('FAC','ND','AJP') THEN 1 ELSE -1 END) STORED,
      ADD COLUMN display_number varchar(30) GENERATED ALWAYS AS (
        type || ' ' || letter || ' ' || lpad(point_of_sale::text, 5, '0') || '-' || lpad(number::text, 8, '0')
      ) STORED,
      ADD CONSTRAINT documents_type_check CHECK (type IN ('FAC','ND','NC','AJP','AJN','REC')),
      ADD CONSTRAINT documents_letter_check CHECK (letter IN ('A','B','C','E','M','X')),
      ADD CONSTRAINT documents_internal_letter CHECK (type NOT IN ('AJP','AJN','REC') OR letter = 'X'),
      ADD CONSTRAINT documents_pos_range CHECK (point_of_sale BETWEEN 1 AND 99999),
      ADD CONSTRAINT documents_number_range CHECK (number BETWEEN 1 AND 99999999),
      ADD CONSTRAINT documents_currency_check CHECK (currency IN ('ARS','USD')),
      ADD CONSTRAINT documents_status_check CHECK (status IN ('posted','cancelled','voided')),
      ADD CONSTRAINT documents_total_positive CHECK (total > 0 OR (status = 'voided' AND total = 0)),
      ADD CONSTRAINT documents_open_range CHECK (open_amount >= 0 AND open_amount <= total),
      ADD CONSTRAINT documents_voided_receipts CHECK (status <> 'voided' OR (type = 'REC' AND total = 0 AND open_amount = 0)),
      ADD CONSTRAINT documents_due_after_issue CHECK (due_date >= issue_date),
      ADD CONSTRAINT documents_cancel_fields CHECK ((status = 'cancelled') = (cancel_date IS NOT NULL)),
      ADD CONSTRAINT documents_adjustment_reason CHECK (type NOT IN ('AJP','AJN') OR reason IS NOT NULL),
      ADD CONSTRAINT documents_customer_required CHECK (customer_id IS NOT NULL OR status = 'voided');
    CREATE UNIQUE INDEX documents_number_unique ON documents (company_id, type, letter, point_of_sale, number);
    CREATE INDEX documents_company_id ON documents (company_id, id);
    CREATE INDEX documents_customer ON documents (company_id, customer_id, issue_date, id);
    CREATE INDEX documents_issue_date ON documents (company_id, issue_date, id);
    CREATE INDEX documents_due_date ON documents (company_id, due_date, id);
    CREATE INDEX documents_type_status ON documents (company_id, type, status, id);
    CREATE INDEX documents_status ON documents (company_id, status, id);
    CREATE INDEX documents_total ON documents (company_id, total, id);
    CREATE INDEX documents_display_number_trgm ON documents USING gin (display_number gin_trgm_ops);
    -- Open items: a short list even when the ledger is long.
    CREATE INDEX documents_open_by_customer ON documents (customer_id, due_date, id) INCLUDE (open_amount, sign, currency)
      WHERE status = 'posted' AND open_amount > 0;
    CREATE INDEX documents_open_by_company ON documents (company_id, customer_id, due_date) INCLUDE (open_amount, sign, issue_date)
      WHERE status = 'posted' AND open_amount > 0;
    CREATE INDEX documents_open_id ON documents (company_id, id) WHERE status = 'posted' AND open_amount > 0;
    CREATE INDEX documents_last_sale ON documents (customer_id, issue_date) WHERE type = 'FAC' AND status = 'posted';
    CREATE INDEX documents_last_receipt ON documents (customer_id, issue_date) WHERE type = 'REC' AND status = 'posted';
  `);

  await knex.schema.createTable('applications', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.integer('customer_id').notNullable();
    t.bigInteger('credit_document_id').notNullable();
    t.bigInteger('debit_document_id').notNullable();
    t.decimal('amount', 15, 2).notNullable();
    t.date('date').notNullable();
    t.string('origin', 12).notNullable().defaultTo('manual');
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('reversed_at', { useTz: true });
    t.integer('reversed_by').references('users.id');
    t.date('reversal_date');
    t.string('reversal_reason', 500);
    t.foreign(['company_id', 'credit_document_id']).references(['company_id', 'id']).inTable('documents');
    t.foreign(['company_id', 'debit_document_id']).references(['company_id', 'id']).inTable('documents');
    t.foreign(['company_id', 'customer_id']).references(['company_id', 'id']).inTable('customers');
  });
  await knex.raw(`
    ALTER TABLE applications
      ADD CONSTRAINT applications_amount_positive CHECK (amount > 0),
      ADD CONSTRAINT applications_distinct_documents CHECK (credit_document_id <> debit_document_id),
      ADD CONSTRAINT applications_reversal_fields CHECK ((reversed_at IS NULL) = (reversal_date IS NULL)),
      ADD CONSTRAINT applications_origin_check CHECK (origin IN ('receipt','manual','import'));
    CREATE INDEX applications_credit ON applications (credit_document_id) INCLUDE (amount, date, reversal_date);
    CREATE INDEX applications_debit ON applications (debit_document_id) INCLUDE (amount, date, reversal_date);
    CREATE INDEX applications_company ON applications (company_id, id);
    CREATE INDEX applications_customer ON applications (company_id, customer_id, id);
    CREATE INDEX applications_company_date ON applications (company_id, date) INCLUDE (debit_document_id, credit_document_id, amount, reversal_date);
  `);

  await knex.schema.createTable('receipt_payments', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.bigInteger('document_id').notNullable();
    t.smallint('line').notNullable();
    t.string('method', 20).notNullable();
    t.decimal('amount', 15, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.decimal('exchange_rate', 18, 6);
    t.decimal('account_amount', 15, 2).notNullable();
    t.integer('bank_id');
    t.string('number', 30);
    t.date('issue_date');
    t.date('payment_date');
    t.string('drawer_tax_id', 11);
    t.string('drawer_name', 200);
    t.boolean('echeq').notNullable().defaultTo(false);
    t.string('reference', 60);
    t.integer('card_issuer_id');
    t.integer('card_plan_id');
    t.string('coupon_number', 30);
    t.string('authorization', 30);
    t.smallint('installments');
    t.decimal('surcharge_coefficient', 10, 6);
    t.decimal('surcharge_amount', 15, 2);
    t.decimal('installment_amount', 15, 2);
    t.foreign(['company_id', 'document_id']).references(['company_id', 'id']).inTable('documents');
    t.foreign(['company_id', 'bank_id']).references(['company_id', 'id']).inTable('banks');
    t.foreign(['company_id', 'card_issuer_id']).references(['company_id', 'id']).inTable('card_issuers');
    t.foreign(['company_id', 'card_issuer_id', 'card_plan_id'])
      .references(['company_id', 'card_issuer_id', 'id'])
      .inTable('card_plans');
    t.unique(['document_id', 'line']);
  });
  await knex.raw(`
    ALTER TABLE receipt_payments
      ADD CONSTRAINT receipt_payments_method_check CHECK (method IN ('cash','customer_cheque','third_party_cheque','customer_note','third_party_note','transfer','card')),
      ADD CONSTRAINT receipt_payments_amount_positive CHECK (amount > 0 AND account_amount > 0),
      ADD CONSTRAINT receipt_payments_currency_check CHECK (currency IN ('ARS','USD')),
      ADD CONSTRAINT receipt_payments_rate_positive CHECK (exchange_rate IS NULL OR exchange_rate > 0);
  `);

  await knex.schema.createTable('receipt_withholdings', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.bigInteger('document_id').notNullable();
    t.integer('customer_id').notNullable();
    t.smallint('line').notNullable();
    t.string('type', 10).notNullable();
    t.string('jurisdiction', 5);
    t.string('certificate_number', 40).notNullable();
    t.date('date').notNullable();
    t.decimal('base_amount', 15, 2);
    t.decimal('amount', 15, 2).notNullable();
    // False once the receipt is cancelled, so the certificate can be entered again.
    t.boolean('active').notNullable().defaultTo(true);
    t.foreign(['company_id', 'document_id']).references(['company_id', 'id']).inTable('documents');
    t.foreign(['company_id', 'customer_id']).references(['company_id', 'id']).inTable('customers');
  });
  await knex.raw(`
    ALTER TABLE receipt_withholdings
      ADD CONSTRAINT receipt_withholdings_type_check CHECK (type IN ('IVA','IIBB','SUSS','GANANCIAS')),
      ADD CONSTRAINT receipt_withholdings_jurisdiction_check CHECK (jurisdiction IS NULL OR jurisdiction IN (${PROVINCES})),
      ADD CONSTRAINT receipt_withholdings_iibb_jurisdiction CHECK (type <> 'IIBB' OR jurisdiction IS NOT NULL),
      ADD CONSTRAINT receipt_withholdings_amount_positive CHECK (amount > 0),
      ADD CONSTRAINT receipt_withholdings_base CHECK (base_amount IS NULL OR amount <= base_amount);
    CREATE UNIQUE INDEX receipt_withholdings_certificate_unique
      ON receipt_withholdings (company_id, customer_id, type, coalesce(jurisdiction, ''), certificate_number) WHERE active;
    CREATE INDEX receipt_withholdings_document ON receipt_withholdings (document_id);
    CREATE INDEX receipt_withholdings_company_date ON receipt_withholdings (company_id, date, id);
  `);

  await knex.schema.createTable('values', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.integer('customer_id').notNullable();
    t.bigInteger('receipt_id').notNullable();
    t.bigInteger('payment_id').notNullable().references('receipt_payments.id');
    t.string('kind', 20).notNullable();
    t.integer('bank_id');
    t.string('number', 30).notNullable();
    t.date('issue_date').notNullable();
    t.date('payment_date').notNullable();
    t.string('drawer_tax_id', 11);
    t.string('drawer_name', 200);
    t.boolean('echeq').notNullable().defaultTo(false);
    t.decimal('amount', 15, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.decimal('account_amount', 15, 2).notNullable();
    t.string('state', 14).notNullable().defaultTo('in_portfolio');
    t.date('state_date').notNullable();
    t.string('endorsed_to', 200);
    t.integer('deposit_bank_id');
    t.string('state_reason', 500);
    t.bigInteger('rejection_document_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['company_id', 'customer_id']).references(['company_id', 'id']).inTable('customers');
    t.foreign(['company_id', 'receipt_id']).references(['company_id', 'id']).inTable('documents');
    t.foreign(['company_id', 'bank_id']).references(['company_id', 'id']).inTable('banks');
    t.foreign(['company_id', 'deposit_bank_id']).references(['company_id', 'id']).inTable('banks');
    t.foreign(['company_id', 'rejection_document_id']).references(['company_id', 'id']).inTable('documents');
    t.unique(['company_id', 'id']);
  });
  await knex.raw(`
    ALTER TABLE "values"
      ADD CONSTRAINT values_kind_check CHECK (kind IN ('customer_cheque','third_party_cheque','customer_note','third_party_note')),
      ADD CONSTRAINT values_state_check CHECK (state IN ('in_portfolio','deposited','endorsed','rejected','cancelled')),
      ADD CONSTRAINT values_amount_positive CHECK (amount > 0 AND account_amount > 0),
      ADD CONSTRAINT values_cheque_bank CHECK (kind NOT IN ('customer_cheque','third_party_cheque') OR bank_id IS NOT NULL);
    -- A cheque is one piece of paper: unique per bank, number and drawer while it is alive.
    CREATE UNIQUE INDEX values_cheque_unique ON "values" (company_id, coalesce(bank_id, 0), number, coalesce(drawer_tax_id, ''))
      WHERE state <> 'cancelled';
    CREATE INDEX values_state ON "values" (company_id, state, payment_date, id);
    CREATE INDEX values_payment_date ON "values" (company_id, payment_date, id);
    CREATE INDEX values_customer ON "values" (company_id, customer_id, id);
    CREATE INDEX values_receipt ON "values" (receipt_id);
    CREATE INDEX values_bank ON "values" (company_id, bank_id, id);
  `);

  await knex.schema.createTable('value_transitions', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.bigInteger('value_id').notNullable();
    t.string('from_state', 14).notNullable();
    t.string('to_state', 14).notNullable();
    t.date('date').notNullable();
    t.string('reason', 500);
    t.bigInteger('document_id');
    t.integer('user_id').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['company_id', 'value_id']).references(['company_id', 'id']).inTable('values');
    t.index(['value_id', 'id']);
  });

  await knex.schema.createTable('document_counters', (t) => {
    t.integer('company_id').notNullable().references('companies.id');
    t.string('type', 3).notNullable();
    t.integer('point_of_sale').notNullable();
    t.integer('last_number').notNullable();
    t.primary(['company_id', 'type', 'point_of_sale']);
  });

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.integer('company_id').notNullable().references('companies.id');
    t.string('key', 200).notNullable();
    t.string('request_hash', 64).notNullable();
    t.smallint('status_code');
    t.jsonb('response');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['company_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'document_counters',
    'value_transitions',
    'values',
    'receipt_withholdings',
    'receipt_payments',
    'applications',
    'documents',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.schema.alterTable('companies', (t) => t.dropColumn('figures_as_of'));
}
