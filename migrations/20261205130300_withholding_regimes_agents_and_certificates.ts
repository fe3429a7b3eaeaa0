import type { Knex } from 'knex';

// What the monthly filings need of each withholding suffered: its regime (ARCA régimen code
// for Ganancias/IVA/SUSS, the province's regime for IIBB), the agent who withheld (CUIT and
// name; the customer unless told otherwise), the rate, and the certificate's PDF.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE receipt_withholdings
      ADD COLUMN regime_code varchar(10),
      ADD COLUMN agent_tax_id varchar(11),
      ADD COLUMN agent_name varchar(200),
      ADD COLUMN rate numeric(7,4),
      ADD CONSTRAINT receipt_withholdings_agent_tax_id_digits CHECK (agent_tax_id IS NULL OR agent_tax_id ~ '^[0-9]{11}$'),
      ADD CONSTRAINT receipt_withholdings_rate_range CHECK (rate IS NULL OR (rate > 0 AND rate <= 100));

    CREATE TABLE withholding_certificates (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      withholding_id bigint NOT NULL,
      file_name varchar(200) NOT NULL,
      content_type varchar(40) NOT NULL,
      size integer NOT NULL,
      content bytea NOT NULL,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, withholding_id) REFERENCES receipt_withholdings (company_id, id),
      CONSTRAINT withholding_certificates_type CHECK (content_type = 'application/pdf'),
      CONSTRAINT withholding_certificates_size CHECK (size > 0 AND size <= 2097152 AND size = octet_length(content))
    );
    CREATE UNIQUE INDEX withholding_certificates_one ON withholding_certificates (company_id, withholding_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE withholding_certificates;
    ALTER TABLE receipt_withholdings DROP COLUMN regime_code, DROP COLUMN agent_tax_id, DROP COLUMN agent_name, DROP COLUMN rate;
  `);
}
