import type { Knex } from 'knex';

// Card coupons and their trail to the bank: each card payment line of a receipt becomes a
// coupon; coupons go to the issuer in a presentation batch (lote); the issuer's settlement
// (liquidación) credits their gross less the fee (arancel), the IVA on the fee and the
// withholdings suffered to one of the company's bank accounts. The plan's financing
// surcharge is billed to the customer by a debit note posted with the receipt.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- IVA on the card financing surcharge billed to the customer: 21 % (general rate), 10.5 % or 0 for
    -- a company that does not charge IVA (exempt or monotributo).
    ALTER TABLE companies ADD COLUMN card_surcharge_iva_rate numeric(5,2) NOT NULL DEFAULT 21,
      ADD CONSTRAINT companies_card_surcharge_iva_rate_check CHECK (card_surcharge_iva_rate IN (0, 10.5, 21, 27));
    -- How the issuer's settlement file names its columns: {"couponNumber": "Nro. cupón", "gross": "Bruto", …}.
    ALTER TABLE card_issuers ADD COLUMN settlement_layout jsonb;

    CREATE TABLE card_batches (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      card_issuer_id integer NOT NULL,
      number varchar(20),
      date date NOT NULL,
      currency varchar(3) NOT NULL,
      total numeric(15,2) NOT NULL,
      coupon_count integer NOT NULL,
      notes varchar(500),
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, card_issuer_id) REFERENCES card_issuers (company_id, id),
      CONSTRAINT card_batches_total_positive CHECK (total > 0 AND coupon_count > 0),
      CONSTRAINT card_batches_currency_check CHECK (currency IN ('ARS', 'USD'))
    );
    CREATE INDEX card_batches_date ON card_batches (company_id, date, id);
    CREATE INDEX card_batches_id ON card_batches (id);

    CREATE TABLE card_settlements (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      card_issuer_id integer NOT NULL,
      bank_account_id integer NOT NULL,
      number varchar(30) NOT NULL,
      date date NOT NULL,
      currency varchar(3) NOT NULL,
      gross numeric(15,2) NOT NULL,
      fee numeric(15,2) NOT NULL,
      fee_iva numeric(15,2) NOT NULL,
      withholdings numeric(15,2) NOT NULL,
      net numeric(15,2) NOT NULL,
      coupon_count integer NOT NULL,
      origin varchar(10) NOT NULL DEFAULT 'manual',
      notes varchar(500),
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, card_issuer_id) REFERENCES card_issuers (company_id, id),
      FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_accounts (company_id, id),
      CONSTRAINT card_settlements_number_unique UNIQUE (company_id, card_issuer_id, number),
      CONSTRAINT card_settlements_amounts CHECK (gross > 0 AND fee >= 0 AND fee_iva >= 0 AND withholdings >= 0 AND net >= 0
                                                 AND coupon_count > 0),
      CONSTRAINT card_settlements_net CHECK (net = gross - fee - fee_iva - withholdings),
      CONSTRAINT card_settlements_origin_check CHECK (origin IN ('manual', 'import')),
      CONSTRAINT card_settlements_currency_check CHECK (currency IN ('ARS', 'USD'))
    );
    CREATE INDEX card_settlements_date ON card_settlements (company_id, date, id);
    CREATE INDEX card_settlements_id ON card_settlements (id);

    CREATE TABLE card_coupons (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      customer_id integer NOT NULL,
      receipt_id bigint NOT NULL,
      payment_id bigint NOT NULL,
      card_issuer_id integer NOT NULL,
      card_plan_id integer NOT NULL,
      installments smallint NOT NULL,
      coupon_number varchar(30),
      batch_number varchar(20),
      authorization_code varchar(30),
      date date NOT NULL,
      currency varchar(3) NOT NULL,
      amount numeric(15,2) NOT NULL,
      surcharge numeric(15,2) NOT NULL,
      surcharge_net numeric(15,2) NOT NULL,
      surcharge_iva numeric(15,2) NOT NULL,
      gross numeric(15,2) NOT NULL,
      surcharge_document_id bigint,
      fee_pct numeric(5,2) NOT NULL,
      settlement_days smallint NOT NULL,
      expected_fee numeric(15,2) NOT NULL,
      expected_fee_iva numeric(15,2) NOT NULL,
      expected_net numeric(15,2) NOT NULL,
      expected_date date NOT NULL,
      state varchar(12) NOT NULL DEFAULT 'pending',
      batch_id integer,
      settlement_id integer,
      settled_gross numeric(15,2),
      settled_fee numeric(15,2),
      settled_fee_iva numeric(15,2),
      settled_withholdings numeric(15,2),
      settled_net numeric(15,2),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
      CONSTRAINT card_coupons_company_id_receipt_id_foreign FOREIGN KEY (company_id, receipt_id)
        REFERENCES documents (company_id, id) DEFERRABLE INITIALLY IMMEDIATE,
      FOREIGN KEY (company_id, payment_id) REFERENCES receipt_payments (company_id, id),
      FOREIGN KEY (company_id, card_issuer_id) REFERENCES card_issuers (company_id, id),
      FOREIGN KEY (company_id, card_plan_id) REFERENCES card_plans (company_id, id),
      FOREIGN KEY (company_id, surcharge_document_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, batch_id) REFERENCES card_batches (company_id, id),
      FOREIGN KEY (company_id, settlement_id) REFERENCES card_settlements (company_id, id),
      CONSTRAINT card_coupons_payment_unique UNIQUE (company_id, payment_id),
      CONSTRAINT card_coupons_state_check CHECK (state IN ('pending', 'presented', 'settled', 'cancelled')),
      CONSTRAINT card_coupons_amounts CHECK (amount > 0 AND surcharge >= 0 AND gross = amount + surcharge
                                             AND surcharge = surcharge_net + surcharge_iva),
      CONSTRAINT card_coupons_settled CHECK ((state = 'settled') = (settlement_id IS NOT NULL)
                                             AND (settlement_id IS NULL) = (settled_net IS NULL)),
      CONSTRAINT card_coupons_currency_check CHECK (currency IN ('ARS', 'USD'))
    );
    CREATE INDEX card_coupons_id ON card_coupons (id);
    CREATE INDEX card_coupons_issuer_state ON card_coupons (company_id, card_issuer_id, state, date);
    CREATE INDEX card_coupons_receipt ON card_coupons (company_id, receipt_id);
    CREATE INDEX card_coupons_batch ON card_coupons (company_id, batch_id) WHERE batch_id IS NOT NULL;
    CREATE INDEX card_coupons_settlement ON card_coupons (company_id, settlement_id) WHERE settlement_id IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE card_coupons;
    DROP TABLE card_settlements;
    DROP TABLE card_batches;
    ALTER TABLE card_issuers DROP COLUMN settlement_layout;
    ALTER TABLE companies DROP COLUMN card_surcharge_iva_rate;
  `);
}
