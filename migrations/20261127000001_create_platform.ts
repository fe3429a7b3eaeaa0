import type { Knex } from 'knex';

// Companies, users, sessions, login throttling, audit and the segment level names.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('companies', (t) => {
    t.increments('id');
    t.string('name', 120).notNullable();
    t.string('tax_id', 11);
    t.string('street', 120);
    t.string('city', 80);
    t.string('province', 5);
    t.string('postal_code', 10);
    t.string('phone', 40);
    t.string('email', 120);
    t.date('lock_date');
    t.integer('default_receipt_point_of_sale').notNullable().defaultTo(1);
    t.integer('overdue_tolerance_days').notNullable().defaultTo(0);
    t.timestamps(true, true);
  });
  await knex.raw(`ALTER TABLE companies
    ADD CONSTRAINT companies_pos_range CHECK (default_receipt_point_of_sale BETWEEN 1 AND 99999),
    ADD CONSTRAINT companies_tolerance_range CHECK (overdue_tolerance_days BETWEEN 0 AND 3650)`);

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.string('username', 60).notNullable();
    t.string('full_name', 120).notNullable();
    t.string('email', 120);
    t.string('role', 20).notNullable();
    t.text('password_hash').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('last_login_at', { useTz: true });
    t.timestamps(true, true);
    t.unique(['company_id', 'id']);
  });
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('clerk','supervisor','manager','admin'))`);
  // Usernames log in without a company, so they are unique across companies.
  await knex.raw('CREATE UNIQUE INDEX users_username_unique ON users (lower(username))');
  await knex.raw('CREATE INDEX users_company_username ON users (company_id, username, id)');
  await knex.raw('CREATE INDEX users_company_role ON users (company_id, role, id)');

  await knex.schema.createTable('sessions', (t) => {
    t.string('id', 64).primary(); // HMAC of the cookie token; the token itself is never stored
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('company_id').notNullable().references('companies.id');
    t.string('csrf_token', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.string('ip', 64);
    t.string('user_agent', 300);
    t.index(['expires_at']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('login_failures', (t) => {
    t.bigIncrements('id');
    t.string('username', 200).notNullable();
    t.string('ip', 64).notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE INDEX login_failures_username_at ON login_failures (lower(username), at)');
  await knex.raw('CREATE INDEX login_failures_ip_at ON login_failures (ip, at)');

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.integer('user_id').references('users.id');
    t.string('username', 60);
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('action', 40).notNullable();
    t.string('entity', 60).notNullable();
    t.string('entity_id', 40);
    t.jsonb('before');
    t.jsonb('after');
    t.string('ip', 64);
  });
  await knex.raw('CREATE INDEX audit_events_company_at ON audit_events (company_id, at DESC, id DESC)');
  await knex.raw('CREATE INDEX audit_events_company_entity ON audit_events (company_id, entity, entity_id, id)');
  await knex.raw('CREATE INDEX audit_events_company_user ON audit_events (company_id, user_id, id)');

  await knex.schema.createTable('segment_levels', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('companies.id');
    t.smallint('level').notNullable();
    t.string('name', 40).notNullable();
    t.timestamps(true, true);
    t.unique(['company_id', 'level'], { indexName: 'segment_levels_company_level_unique' });
    t.unique(['company_id', 'id']);
  });
  await knex.raw('ALTER TABLE segment_levels ADD CONSTRAINT segment_levels_level_range CHECK (level BETWEEN 1 AND 4)');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['segment_levels', 'audit_events', 'login_failures', 'sessions', 'users', 'companies']) {
    await knex.schema.dropTableIfExists(table);
  }
}
