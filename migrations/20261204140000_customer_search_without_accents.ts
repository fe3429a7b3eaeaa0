import type { Knex } from 'knex';

// Customer search ignores accents: "ferreteria" finds "Ferretería". The stored
// search text (code, legal and trade name, tax id) is folded the way
// server/src/lib/search.ts folds what is typed; translate() is immutable, so the
// column stays generated and trigram-indexed (without the GIN pending list, as
// 20261127230000 set).
const FOLDED = (expr: string) => `translate(lower(${expr}), 'áàäâãéèëêíìïîóòöôõúùüûñç', 'aaaaaeeeeiiiiooooouuuunc')`;

async function rebuild(knex: Knex, expression: string): Promise<void> {
  await knex.raw('ALTER TABLE customers DROP COLUMN search_text');
  await knex.raw(`ALTER TABLE customers ADD COLUMN search_text text GENERATED ALWAYS AS (${expression}) STORED`);
  await knex.raw('CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops) WITH (fastupdate = off)');
}

export async function up(knex: Knex): Promise<void> {
  await rebuild(knex, FOLDED(`code || ' ' || legal_name || ' ' || coalesce(trade_name, '') || ' ' || coalesce(tax_id, '')`));
}

export async function down(knex: Knex): Promise<void> {
  await rebuild(knex, `lower(code || ' ' || legal_name || ' ' || coalesce(trade_name, '') || ' ' || coalesce(tax_id, ''))`);
}
