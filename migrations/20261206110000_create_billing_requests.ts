import type { Knex } from 'knex';

// A request to billing: a fiscal ND or NC ctacte asks billing to issue (a credit note reversing an
// invoice, an exchange difference on one application, a customer's late-payment interest) instead
// of posting an internal note. It is announced by a webhook and fulfilled when billing posts the
// document naming it; then the document is linked to its cause as the internal path links it.
// A pending request holds its cause: one pending request per invoice and per application, and an
// interest request's days are written to interest_charges at once (document_id set on fulfilment),
// so the same days are never charged twice.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE billing_requests (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      cause varchar(20) NOT NULL,
      state varchar(10) NOT NULL DEFAULT 'pending',
      customer_id integer NOT NULL,
      type varchar(2) NOT NULL,
      letter char(1) NOT NULL,
      fce boolean NOT NULL DEFAULT false,
      arca_code integer,
      currency char(3) NOT NULL,
      exchange_rate numeric(18,6),
      total numeric(15,2) NOT NULL,
      issue_date date NOT NULL,
      reason varchar(500) NOT NULL,
      cause_document_id bigint,
      application_id bigint,
      detail jsonb NOT NULL DEFAULT '{}',
      document_id bigint,
      requested_by integer,
      fulfilled_at timestamptz,
      cancelled_at timestamptz,
      cancelled_by integer,
      cancel_reason varchar(500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
      FOREIGN KEY (company_id, cause_document_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, application_id) REFERENCES applications (company_id, id),
      FOREIGN KEY (company_id, document_id) REFERENCES documents (company_id, id),
      CONSTRAINT billing_requests_cause_check CHECK (cause IN ('credit_note', 'exchange_difference', 'interest')),
      CONSTRAINT billing_requests_state_check CHECK (state IN ('pending', 'fulfilled', 'cancelled')),
      CONSTRAINT billing_requests_type_check CHECK (type IN ('ND', 'NC')),
      CONSTRAINT billing_requests_letter_check CHECK (letter IN ('A', 'B', 'C', 'E', 'M')),
      CONSTRAINT billing_requests_currency_check CHECK (currency IN ('ARS', 'USD')),
      CONSTRAINT billing_requests_total_positive CHECK (total > 0),
      CONSTRAINT billing_requests_fulfilled_document CHECK ((state = 'fulfilled') = (document_id IS NOT NULL)),
      CONSTRAINT billing_requests_cause_links CHECK (
        (cause = 'credit_note' AND type = 'NC' AND cause_document_id IS NOT NULL AND application_id IS NULL)
        OR (cause = 'exchange_difference' AND cause_document_id IS NOT NULL AND application_id IS NOT NULL)
        OR (cause = 'interest' AND type = 'ND' AND cause_document_id IS NULL AND application_id IS NULL))
    );
    CREATE UNIQUE INDEX billing_requests_pending_credit_note ON billing_requests (company_id, cause_document_id)
      WHERE state = 'pending' AND cause = 'credit_note';
    CREATE UNIQUE INDEX billing_requests_pending_difference ON billing_requests (company_id, application_id)
      WHERE state = 'pending' AND cause = 'exchange_difference';
    CREATE UNIQUE INDEX billing_requests_document_unique ON billing_requests (company_id, document_id);
    CREATE INDEX billing_requests_application ON billing_requests (company_id, application_id);
    CREATE INDEX billing_requests_customer ON billing_requests (company_id, customer_id);
    CREATE INDEX billing_requests_cause_document ON billing_requests (company_id, cause_document_id);
    CREATE INDEX billing_requests_state ON billing_requests (company_id, state, id);

    ALTER TABLE interest_charges
      ALTER COLUMN document_id DROP NOT NULL,
      ADD COLUMN billing_request_id bigint,
      ADD FOREIGN KEY (company_id, billing_request_id) REFERENCES billing_requests (company_id, id),
      ADD CONSTRAINT interest_charges_note_or_request CHECK (document_id IS NOT NULL OR billing_request_id IS NOT NULL);
    CREATE INDEX interest_charges_billing_request ON interest_charges (company_id, billing_request_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM interest_charges WHERE document_id IS NULL;
    DROP INDEX interest_charges_billing_request;
    ALTER TABLE interest_charges DROP CONSTRAINT interest_charges_note_or_request, DROP COLUMN billing_request_id,
      ALTER COLUMN document_id SET NOT NULL;
    DROP TABLE billing_requests;
  `);
}
