import type { Knex } from 'knex';

// Late-payment interest: the monthly rate in force from a date, and every stretch of days
// already charged on a debit, with the debit note (ND X) that charged it. A debit's charged
// stretches never overlap (the run locks the debit and starts after the last one; the unique
// index refuses the same start twice; ledger:verify checks the rest).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE interest_rates (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      valid_from date NOT NULL,
      monthly_pct numeric(7,4) NOT NULL,
      notes varchar(200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      CONSTRAINT interest_rates_pct_range CHECK (monthly_pct >= 0 AND monthly_pct <= 100)
    );
    CREATE UNIQUE INDEX interest_rates_from_unique ON interest_rates (company_id, valid_from);

    CREATE TABLE interest_charges (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      customer_id integer NOT NULL,
      debit_document_id bigint NOT NULL,
      document_id bigint NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL,
      days integer NOT NULL,
      base_amount numeric(15,2) NOT NULL,
      amount numeric(15,2) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
      FOREIGN KEY (company_id, debit_document_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, document_id) REFERENCES documents (company_id, id),
      CONSTRAINT interest_charges_days CHECK (to_date > from_date AND days = to_date - from_date),
      CONSTRAINT interest_charges_amounts CHECK (base_amount > 0 AND amount >= 0)
    );
    CREATE UNIQUE INDEX interest_charges_start_unique ON interest_charges (company_id, debit_document_id, from_date);
    CREATE INDEX interest_charges_document ON interest_charges (company_id, document_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE interest_charges; DROP TABLE interest_rates;');
}
