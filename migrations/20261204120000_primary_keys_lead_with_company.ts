import type { Knex } from 'knex';

// Citus distributes a table by one column and refuses primary keys, unique
// indexes and foreign keys between distributed tables that leave that column
// out. Every business table is to be distributed by company_id, so its primary
// key becomes (company_id, id): `id` still comes from its sequence, so it stays
// unique by construction, and a plain index on `id` keeps the lookups by id alone
// as fast as before. The unique (company_id, id) constraint the composite foreign
// keys pointed at becomes the primary key itself (the keys are re-created on it,
// with their names and DEFERRABLE flags).
//
// Tables already in that shape — the ones created after this migration are born
// so — are left alone. The platform tables read before a company is known
// (companies, users, sessions, login_failures) stay keyed by id: they are Citus
// reference tables (see server/src/db/distribution.ts; this list is a copy frozen
// with the migration).
const REFERENCE_TABLES = ['companies', 'users', 'sessions', 'login_failures'];

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Business tables (company_id and id columns) whose primary key is not (company_id, id) yet. */
async function tablesToReshape(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: Array<{ table: string }> }>(
    `SELECT c.relname AS table
       FROM pg_class c
       JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND NOT (c.relname = ANY (?))
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped)
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
        AND (SELECT array_agg(a.attname::text ORDER BY k.ord)
               FROM unnest(pk.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) <> ARRAY['company_id', 'id']
      ORDER BY c.relname`,
    [REFERENCE_TABLES],
  );
  return rows.map((r) => r.table);
}

/** Foreign keys that rest on the primary key or the (company_id, id) unique key of these tables. */
async function keysPointingAt(knex: Knex, tables: string[]): Promise<ForeignKey[]> {
  const { rows } = await knex.raw<{ rows: ForeignKey[] }>(
    `SELECT fk.conrelid::regclass::text AS table, fk.conname AS name, pg_get_constraintdef(fk.oid) AS definition
       FROM pg_constraint fk
       JOIN pg_class ref ON ref.oid = fk.confrelid
      WHERE fk.contype = 'f' AND ref.relnamespace = 'public'::regnamespace AND ref.relname = ANY (?)
        AND (SELECT array_agg(a.attname::text ORDER BY k.ord)
               FROM unnest(fk.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = fk.confrelid AND a.attnum = k.attnum) IN (ARRAY['id'], ARRAY['company_id', 'id'])
      ORDER BY 1, 2`,
    [tables],
  );
  return rows;
}

/** A key by id alone between two business tables leads with company_id too. */
function withCompany(fk: ForeignKey, reshaped: Set<string>): string {
  const m = /^FOREIGN KEY \(([^)]+)\) REFERENCES ("?[a-z_]+"?)\(id\)(.*)$/.exec(fk.definition);
  if (!m || !reshaped.has(m[2].replace(/"/g, ''))) return fk.definition;
  return `FOREIGN KEY (company_id, ${m[1]}) REFERENCES ${m[2]}(company_id, id)${m[3]}`;
}

export async function up(knex: Knex): Promise<void> {
  const tables = await tablesToReshape(knex);
  if (!tables.length) return;
  const reshaped = new Set(tables);
  const keys = await keysPointingAt(knex, tables);
  for (const fk of keys) await knex.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const table of tables) {
    await knex.raw(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${table}_company_id_id_unique"`);
    await knex.raw(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_pkey"`);
    await knex.raw(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_pkey" PRIMARY KEY (company_id, id)`);
    await knex.raw(`CREATE INDEX "${table}_id" ON "${table}" (id)`);
    // A plain (company_id, id) index was there for lists while the key was id alone; the key covers it now.
    const { rows } = await knex.raw<{ rows: Array<{ name: string }> }>(
      `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = ?::regclass AND NOT x.indisunique AND x.indpred IS NULL AND x.indexprs IS NULL
          AND pg_get_indexdef(x.indexrelid) LIKE '%USING btree (company_id, id)'`,
      [`"${table}"`],
    );
    for (const { name } of rows) await knex.raw(`DROP INDEX "${name}"`);
  }
  for (const fk of keys) await knex.raw(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${withCompany(fk, reshaped)}`);

  // The one unique index of a business table that did not lead with company_id.
  if (reshaped.has('receipt_payments')) {
    await knex.raw(
      `ALTER TABLE receipt_payments DROP CONSTRAINT receipt_payments_document_id_line_unique,
         ADD CONSTRAINT receipt_payments_document_id_line_unique UNIQUE (company_id, document_id, line)`,
    );
  }
}

/** The tables as they were when this migration landed. */
const RESHAPED_AT_LANDING = [
  'applications',
  'audit_events',
  'banks',
  'branches',
  'card_issuers',
  'card_plans',
  'carriers',
  'collection_calls',
  'collectors',
  'contacts',
  'customers',
  'documents',
  'exchange_rates',
  'payment_terms',
  'price_lists',
  'receipt_payments',
  'receipt_withholdings',
  'salespeople',
  'segment_levels',
  'segments',
  'value_transitions',
  'values',
];

export async function down(knex: Knex): Promise<void> {
  const keys = await keysPointingAt(knex, RESHAPED_AT_LANDING);
  for (const fk of keys) await knex.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  await knex.raw(
    `ALTER TABLE receipt_payments DROP CONSTRAINT receipt_payments_document_id_line_unique,
       ADD CONSTRAINT receipt_payments_document_id_line_unique UNIQUE (document_id, line)`,
  );
  for (const table of RESHAPED_AT_LANDING) {
    await knex.raw(`DROP INDEX "${table}_id"`);
    await knex.raw(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_pkey"`);
    await knex.raw(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_pkey" PRIMARY KEY (id)`);
    await knex.raw(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_company_id_id_unique" UNIQUE (company_id, id)`);
  }
  for (const fk of keys) {
    const definition =
      fk.table === '"values"' && fk.name === 'values_payment_id_foreign'
        ? 'FOREIGN KEY (payment_id) REFERENCES receipt_payments(id)'
        : fk.definition;
    await knex.raw(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${definition}`);
  }
}
