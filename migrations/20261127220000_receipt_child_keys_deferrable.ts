import type { Knex } from 'knex';

// A receipt's payments, values, withholdings and applications may be written
// before the receipt row itself when the posting asks for it (SET CONSTRAINTS …
// DEFERRED): the receipt then takes its gapless number last, and the counter row
// that every receipt of the series waits on stays locked for one statement and the
// commit instead of the whole posting. Everything else still checks them at once.
const KEYS = [
  ['receipt_payments', 'receipt_payments_company_id_document_id_foreign'],
  ['values', 'values_company_id_receipt_id_foreign'],
  ['receipt_withholdings', 'receipt_withholdings_company_id_document_id_foreign'],
  ['applications', 'applications_company_id_credit_document_id_foreign'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [table, key] of KEYS)
    await knex.raw(`ALTER TABLE "${table}" ALTER CONSTRAINT ${key} DEFERRABLE INITIALLY IMMEDIATE`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, key] of KEYS) await knex.raw(`ALTER TABLE "${table}" ALTER CONSTRAINT ${key} NOT DEFERRABLE`);
}
