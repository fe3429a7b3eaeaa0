import type { Knex } from 'knex';

// Deposit slips (boletas de depósito): several values taken to one of the company's bank
// accounts on one date. A slip's total is the sum of its values (ledger:verify checks it);
// each value is credited (acreditado) on its clearing date, or rejected.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE deposit_slips (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      bank_account_id integer NOT NULL,
      date date NOT NULL,
      currency varchar(3) NOT NULL,
      total numeric(15,2) NOT NULL,
      value_count integer NOT NULL,
      notes varchar(500),
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_accounts (company_id, id),
      CONSTRAINT deposit_slips_total_positive CHECK (total > 0 AND value_count > 0),
      CONSTRAINT deposit_slips_currency_check CHECK (currency IN ('ARS', 'USD'))
    );
    CREATE INDEX deposit_slips_date ON deposit_slips (company_id, date, id);
    CREATE INDEX deposit_slips_id ON deposit_slips (id);
    ALTER TABLE "values" ADD COLUMN deposit_slip_id integer,
      ADD FOREIGN KEY (company_id, deposit_slip_id) REFERENCES deposit_slips (company_id, id);
    CREATE INDEX values_deposit_slip ON "values" (company_id, deposit_slip_id) WHERE deposit_slip_id IS NOT NULL;
    ALTER TABLE value_transitions ADD COLUMN deposit_slip_id integer,
      ADD FOREIGN KEY (company_id, deposit_slip_id) REFERENCES deposit_slips (company_id, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE value_transitions DROP COLUMN deposit_slip_id;
    ALTER TABLE "values" DROP COLUMN deposit_slip_id;
    DROP TABLE deposit_slips;
  `);
}
