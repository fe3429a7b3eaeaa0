import type { Knex } from 'knex';

// Invoices that arrive from billing: the issuing system's id (externalRef, once per company,
// with the hash of the body that posted it) and the ARCA fields of an electronic invoice:
// CAE and its due date (RG 4291), and the MiPyME FCE flag with the buyer's acceptance state
// (Ley 27.440, Título I; RG 4367).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE documents
      ADD COLUMN external_ref varchar(100),
      ADD COLUMN external_hash char(64),
      ADD COLUMN cae varchar(14),
      ADD COLUMN cae_due_date date,
      ADD COLUMN fce boolean NOT NULL DEFAULT false,
      ADD COLUMN fce_acceptance varchar(16),
      ADD CONSTRAINT documents_cae_check CHECK (cae IS NULL OR cae ~ '^[0-9]{14}$'),
      ADD CONSTRAINT documents_fce_acceptance_check CHECK (
        fce_acceptance IS NULL OR (fce AND fce_acceptance IN ('pending','accepted','tacitly_accepted','rejected'))
      );
    CREATE UNIQUE INDEX documents_external_ref_unique ON documents (company_id, external_ref) WHERE external_ref IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX documents_external_ref_unique;
    ALTER TABLE documents DROP COLUMN external_ref, DROP COLUMN external_hash, DROP COLUMN cae,
      DROP COLUMN cae_due_date, DROP COLUMN fce, DROP COLUMN fce_acceptance;
  `);
}
