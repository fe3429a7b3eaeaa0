import type { Knex } from 'knex';

// An exchange difference posted for one application of a receipt's pesos to a USD debit:
// the part paid in pesos, the rates compared (the invoice's, the receipt's, the BNA's of the day), the peso difference and the internal document (ND/NC X) that carries it.
// One per application while it is active.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE exchange_differences (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      customer_id integer NOT NULL,
      application_id bigint NOT NULL,
      receipt_id bigint NOT NULL,
      debit_document_id bigint NOT NULL,
      document_id bigint NOT NULL,
      applied_amount numeric(15,2) NOT NULL,
      document_rate numeric(18,6),
      payment_rate numeric(18,6) NOT NULL,
      day_rate numeric(18,6) NOT NULL,
      amount numeric(15,2) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
      FOREIGN KEY (company_id, application_id) REFERENCES applications (company_id, id),
      FOREIGN KEY (company_id, receipt_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, debit_document_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, document_id) REFERENCES documents (company_id, id),
      CONSTRAINT exchange_differences_amount_positive CHECK (amount > 0 AND applied_amount > 0)
    );
    CREATE UNIQUE INDEX exchange_differences_application_unique ON exchange_differences (company_id, application_id);
    CREATE INDEX exchange_differences_document ON exchange_differences (company_id, document_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE exchange_differences;');
}
