import type { Knex } from 'knex';

// Indexes the bench's EXPLAIN ANALYZE asked for on a million documents:
// - a document number typed in the search box (`number = n OR display_number LIKE …`)
//   scanned the whole ledger; with this index it is a BitmapOr with the trigram index;
// - open documents by due date (the consulta with "open" sorted by due date) walked
//   the due-date index past every settled document; type is included so the total
//   is counted from the index alone;
// - the aging as of a past date undoes the applications reversed after that date,
//   a handful of rows that had no index of their own.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX documents_number ON documents (company_id, number);
    CREATE INDEX documents_open_due ON documents (company_id, due_date, id) INCLUDE (type, sign)
      WHERE status = 'posted' AND open_amount > 0;
    CREATE INDEX applications_reversal_date ON applications (company_id, reversal_date)
      INCLUDE (debit_document_id, credit_document_id, amount, date) WHERE reversal_date IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS documents_number, documents_open_due, applications_reversal_date');
}
