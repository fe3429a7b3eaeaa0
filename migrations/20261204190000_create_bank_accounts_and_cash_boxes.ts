import type { Knex } from 'knex';

// Treasury: the company's own bank accounts and cash boxes (cajas), and where each
// receipt payment line lands: cash in a caja, a transfer in a bank account (with the
// payer's CBU or CUIT as origin, optional), cheques and notes in the values portfolio,
// card payments in the coupon portfolio. Existing companies get a default caja and a
// default bank account (to be completed by their admin), their payment lines point
// there, and the company settings name them as the defaults per method.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE cash_boxes (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      code varchar(20) NOT NULL,
      name varchar(120) NOT NULL,
      ledger_account varchar(30),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id)
    );
    CREATE UNIQUE INDEX cash_boxes_code_unique ON cash_boxes (company_id, code);
    CREATE INDEX cash_boxes_id ON cash_boxes (id);

    CREATE TABLE bank_accounts (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      code varchar(20) NOT NULL,
      name varchar(120) NOT NULL,
      bank_id integer NOT NULL,
      type varchar(2) NOT NULL DEFAULT 'CC',
      currency varchar(3) NOT NULL DEFAULT 'ARS',
      number varchar(30),
      cbu char(22),
      alias varchar(20),
      ledger_account varchar(30),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, bank_id) REFERENCES banks (company_id, id),
      CONSTRAINT bank_accounts_type_check CHECK (type IN ('CC', 'CA')),
      CONSTRAINT bank_accounts_currency_check CHECK (currency IN ('ARS', 'USD')),
      CONSTRAINT bank_accounts_cbu_digits CHECK (cbu IS NULL OR cbu ~ '^[0-9]{22}$'),
      CONSTRAINT bank_accounts_alias_format CHECK (alias IS NULL OR alias ~ '^[A-Za-z0-9.-]{6,20}$')
    );
    CREATE UNIQUE INDEX bank_accounts_code_unique ON bank_accounts (company_id, code);
    CREATE UNIQUE INDEX bank_accounts_cbu_unique ON bank_accounts (company_id, cbu) WHERE cbu IS NOT NULL;
    CREATE UNIQUE INDEX bank_accounts_alias_unique ON bank_accounts (company_id, lower(alias)) WHERE alias IS NOT NULL;
    CREATE INDEX bank_accounts_id ON bank_accounts (id);

    -- companies is a reference table (see server/src/db/distribution.ts): no key from it into a
    -- distributed table, so the company settings check these two ids when they are written.
    ALTER TABLE companies ADD COLUMN default_cash_box_id integer, ADD COLUMN default_bank_account_id integer;

    ALTER TABLE receipt_payments
      ADD COLUMN destination varchar(12),
      ADD COLUMN cash_box_id integer,
      ADD COLUMN bank_account_id integer,
      ADD COLUMN origin_cbu char(22),
      ADD COLUMN origin_tax_id varchar(11),
      ADD FOREIGN KEY (company_id, cash_box_id) REFERENCES cash_boxes (company_id, id),
      ADD FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_accounts (company_id, id);
  `);

  // One default caja and one default bank account per existing company; the account's bank is the
  // one its customers' transfers named most (else the Banco de la Nación, else its first bank).
  await knex.raw(`
    INSERT INTO cash_boxes (company_id, code, name) SELECT id, 'CAJA', 'Caja principal' FROM companies;
    INSERT INTO bank_accounts (company_id, code, name, bank_id)
    SELECT c.id, 'BANCO', 'Cuenta principal', b.bank_id
      FROM companies c
      CROSS JOIN LATERAL (
        SELECT bk.id AS bank_id FROM banks bk
         WHERE bk.company_id = c.id
         ORDER BY (SELECT count(*) FROM receipt_payments p WHERE p.company_id = c.id AND p.method = 'transfer' AND p.bank_id = bk.id) DESC,
                  (bk.code = '011') DESC, bk.id
         LIMIT 1) b;
    UPDATE companies c SET default_cash_box_id = (SELECT id FROM cash_boxes x WHERE x.company_id = c.id AND x.code = 'CAJA'),
                           default_bank_account_id = (SELECT id FROM bank_accounts x WHERE x.company_id = c.id AND x.code = 'BANCO');
    UPDATE receipt_payments p SET
      destination = CASE p.method WHEN 'cash' THEN 'cash_box' WHEN 'transfer' THEN 'bank_account'
                                  WHEN 'card' THEN 'card_coupons' ELSE 'portfolio' END,
      cash_box_id = CASE WHEN p.method = 'cash' THEN c.default_cash_box_id END,
      bank_account_id = CASE WHEN p.method = 'transfer' THEN c.default_bank_account_id END
      FROM companies c WHERE c.id = p.company_id;
  `);

  await knex.raw(`
    ALTER TABLE receipt_payments
      ALTER COLUMN destination SET NOT NULL,
      ADD CONSTRAINT receipt_payments_destination_check CHECK (
        destination = CASE method WHEN 'cash' THEN 'cash_box' WHEN 'transfer' THEN 'bank_account'
                                  WHEN 'card' THEN 'card_coupons' ELSE 'portfolio' END
        AND (cash_box_id IS NOT NULL) = (destination = 'cash_box')
        AND (bank_account_id IS NOT NULL) = (destination = 'bank_account')),
      ADD CONSTRAINT receipt_payments_origin_cbu_digits CHECK (origin_cbu IS NULL OR origin_cbu ~ '^[0-9]{22}$');
    CREATE INDEX receipt_payments_cash_box ON receipt_payments (company_id, cash_box_id) WHERE cash_box_id IS NOT NULL;
    CREATE INDEX receipt_payments_bank_account ON receipt_payments (company_id, bank_account_id) WHERE bank_account_id IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE receipt_payments DROP COLUMN destination, DROP COLUMN cash_box_id, DROP COLUMN bank_account_id,
      DROP COLUMN origin_cbu, DROP COLUMN origin_tax_id;
    ALTER TABLE companies DROP COLUMN default_cash_box_id, DROP COLUMN default_bank_account_id;
    DROP TABLE bank_accounts;
    DROP TABLE cash_boxes;
  `);
}
