import type { Knex } from 'knex';
import { ARCA_CODES, COMPANY_IVA_CONDITIONS, FCE_ARCA_CODES, FCE_OPTIONS } from '../shared/catalog/fiscal';

/** CASE over (type, letter, fce) giving ARCA's document code, written from the one table in shared/catalog/fiscal.ts. */
function arcaCodeSql(): string {
  const arms: string[] = [];
  for (const [fce, table] of [
    [true, FCE_ARCA_CODES],
    [false, ARCA_CODES],
  ] as const)
    for (const [letter, byType] of Object.entries(table))
      for (const [type, code] of Object.entries(byType))
        arms.push(`WHEN ${fce ? 'fce' : 'true'} AND letter = '${letter}' AND type = '${type}' THEN ${code}`);
  return `CASE ${arms.join(' ')} END`;
}

// Fiscal coherence (RG 1415, RG 5616, Ley 27.440; see shared/catalog/fiscal.ts):
// - every fiscal document stores ARCA's document code, computed from its type, letter and FCE flag
//   (a generated column, so existing rows, the intake and the bulk generator's COPY all get it), and
//   a fiscal number is unique per (company, ARCA code, point of sale, number): a FAC A and an FCE A
//   with the same number coexist. Internal documents (letter X) keep their series per type.
// - an FCE MiPyME carries the CBU it is paid to, its transfer option (SCA/ADC) and the buyer's
//   rejection reason; the receipt that pays one records whether its cancellation was informed.
// - the company's legal data for what is printed: IVA condition (existing companies, which issued
//   A and B documents, are Responsables Inscriptos), IIBB number and regime, start of activities, logo.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE documents ADD COLUMN arca_code smallint GENERATED ALWAYS AS (${arcaCodeSql()}) STORED;
    ALTER TABLE documents
      ADD COLUMN fce_cbu varchar(22),
      ADD COLUMN fce_option varchar(3),
      ADD COLUMN fce_rejection_reason varchar(500),
      ADD COLUMN fce_cancellation_informed boolean,
      ADD CONSTRAINT documents_fce_option_check CHECK (fce_option IS NULL OR (fce AND fce_option IN (${FCE_OPTIONS.map((o) => `'${o}'`).join(',')}))),
      ADD CONSTRAINT documents_fce_cbu_check CHECK (fce_cbu IS NULL OR (fce AND fce_cbu ~ '^[0-9]{22}$')),
      ADD CONSTRAINT documents_fce_rejection_check CHECK (fce_rejection_reason IS NULL OR fce_acceptance = 'rejected');
    DROP INDEX documents_number_unique;
    CREATE UNIQUE INDEX documents_number_unique ON documents (company_id, type, letter, point_of_sale, number) WHERE arca_code IS NULL;
    CREATE UNIQUE INDEX documents_arca_number_unique ON documents (company_id, arca_code, point_of_sale, number) WHERE arca_code IS NOT NULL;
    CREATE INDEX documents_fce_open ON documents (company_id, customer_id) WHERE fce AND status = 'posted' AND open_amount > 0;

    ALTER TABLE companies
      ADD COLUMN iva_condition smallint NOT NULL DEFAULT 1,
      ADD COLUMN gross_income_regime varchar(20),
      ADD COLUMN gross_income_number varchar(20),
      ADD COLUMN activity_start_date date,
      ADD COLUMN logo text,
      ADD CONSTRAINT companies_iva_condition_check CHECK (iva_condition IN (${COMPANY_IVA_CONDITIONS.join(',')})),
      ADD CONSTRAINT companies_gross_income_regime_check
        CHECK (gross_income_regime IS NULL OR gross_income_regime IN ('local','multilateral','exempt','not_registered')),
      ADD CONSTRAINT companies_logo_check CHECK (logo IS NULL OR (length(logo) <= 200000 AND logo ~ '^data:image/(png|jpeg|svg\\+xml);base64,'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE companies DROP COLUMN iva_condition, DROP COLUMN gross_income_regime, DROP COLUMN gross_income_number,
      DROP COLUMN activity_start_date, DROP COLUMN logo;
    DROP INDEX documents_fce_open;
    DROP INDEX documents_arca_number_unique;
    DROP INDEX documents_number_unique;
    CREATE UNIQUE INDEX documents_number_unique ON documents (company_id, type, letter, point_of_sale, number);
    ALTER TABLE documents DROP COLUMN arca_code, DROP COLUMN fce_cbu, DROP COLUMN fce_option,
      DROP COLUMN fce_rejection_reason, DROP COLUMN fce_cancellation_informed;
  `);
}
