import type { Knex } from 'knex';

// Cheques by the law (Ley 24.452) and ECHEQs by the BCRA's rules (Com. "A" 6578 and later):
// - a value's payment method moves to `method`; `kind` is now `cheque` | `echeq` (null for notes),
//   and the old `echeq` boolean is derived from it, so readers of it keep working;
// - common or deferred (pago diferido), "no a la orden", the ECHEQ's own id (unique on its own);
// - the ECHEQ states (pending_acceptance, accepted, repudiated) and discounted, credited;
// - a payment line whose value was repudiated is replaced by another line: the old one stays,
//   marked with the line that replaced it, and only live lines count in the receipt's total.
const PAPER_METHODS = `('customer_cheque','third_party_cheque')`;
const STATES = `('pending_acceptance','accepted','repudiated','in_portfolio','deposited','endorsed','discounted','credited','rejected','cancelled')`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE "values" RENAME COLUMN kind TO method;
    ALTER TABLE "values" RENAME CONSTRAINT values_kind_check TO values_method_check;
    ALTER TABLE "values"
      ALTER COLUMN state TYPE varchar(20),
      ADD COLUMN kind varchar(6),
      ADD COLUMN deferred boolean NOT NULL DEFAULT false,
      ADD COLUMN not_to_order boolean NOT NULL DEFAULT false,
      ADD COLUMN echeq_id varchar(40),
      ADD COLUMN bank_account_id integer,
      ADD COLUMN discount_fee numeric(15,2),
      ADD FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_accounts (company_id, id);
    UPDATE "values" SET kind = CASE WHEN method IN ${PAPER_METHODS} THEN CASE WHEN echeq THEN 'echeq' ELSE 'cheque' END END,
                        deferred = payment_date > issue_date;
    ALTER TABLE "values" DROP COLUMN echeq;
    ALTER TABLE "values" ADD COLUMN echeq boolean GENERATED ALWAYS AS (kind IS NOT DISTINCT FROM 'echeq') STORED;
    ALTER TABLE "values"
      DROP CONSTRAINT values_state_check,
      ADD CONSTRAINT values_state_check CHECK (state IN ${STATES}),
      ADD CONSTRAINT values_kind_check CHECK ((kind IN ('cheque','echeq')) = (method IN ${PAPER_METHODS})
                                              AND (kind IS NULL) = (method NOT IN ${PAPER_METHODS})),
      ADD CONSTRAINT values_echeq_id_kind CHECK (echeq_id IS NULL OR kind = 'echeq'),
      ADD CONSTRAINT values_echeq_states CHECK (kind = 'echeq' OR state NOT IN ('pending_acceptance','accepted','repudiated')),
      ADD CONSTRAINT values_discount_fee CHECK (discount_fee IS NULL OR discount_fee >= 0);
    -- A paper cheque is unique per bank, number and drawer; an ECHEQ by its id alone (while alive).
    DROP INDEX values_cheque_unique;
    CREATE UNIQUE INDEX values_cheque_unique ON "values" (company_id, coalesce(bank_id, 0), number, coalesce(drawer_tax_id, ''))
      WHERE state <> 'cancelled' AND kind IS DISTINCT FROM 'echeq';
    CREATE UNIQUE INDEX values_echeq_unique ON "values" (company_id, echeq_id) WHERE state <> 'cancelled' AND echeq_id IS NOT NULL;

    ALTER TABLE value_transitions
      ALTER COLUMN from_state TYPE varchar(20),
      ALTER COLUMN to_state TYPE varchar(20),
      ADD COLUMN bank_account_id integer,
      ADD COLUMN charges numeric(15,2),
      ADD COLUMN interest numeric(15,2),
      ADD COLUMN fee numeric(15,2),
      ADD COLUMN replacement_value_id bigint,
      ADD FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_accounts (company_id, id),
      ADD FOREIGN KEY (company_id, replacement_value_id) REFERENCES "values" (company_id, id),
      ADD CONSTRAINT value_transitions_amounts CHECK (coalesce(charges, 0) >= 0 AND coalesce(interest, 0) >= 0 AND coalesce(fee, 0) >= 0);

    ALTER TABLE receipt_payments
      ADD COLUMN kind varchar(6),
      ADD COLUMN deferred boolean NOT NULL DEFAULT false,
      ADD COLUMN not_to_order boolean NOT NULL DEFAULT false,
      ADD COLUMN echeq_id varchar(40),
      ADD COLUMN replaces_line smallint,
      ADD COLUMN replaced_by_line smallint,
      ADD COLUMN replaced_date date;
    UPDATE receipt_payments SET kind = CASE WHEN echeq THEN 'echeq' ELSE 'cheque' END, deferred = payment_date > issue_date
     WHERE method IN ${PAPER_METHODS};
    ALTER TABLE receipt_payments DROP COLUMN echeq;
    ALTER TABLE receipt_payments ADD COLUMN echeq boolean GENERATED ALWAYS AS (kind IS NOT DISTINCT FROM 'echeq') STORED;
    ALTER TABLE receipt_payments
      ADD CONSTRAINT receipt_payments_kind_check CHECK ((kind IN ('cheque','echeq')) = (method IN ${PAPER_METHODS})
                                                        AND (kind IS NULL) = (method NOT IN ${PAPER_METHODS})),
      ADD CONSTRAINT receipt_payments_echeq_id_kind CHECK (echeq_id IS NULL OR kind = 'echeq'),
      ADD CONSTRAINT receipt_payments_replaced CHECK ((replaced_by_line IS NULL) = (replaced_date IS NULL));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE receipt_payments DROP COLUMN echeq;
    ALTER TABLE receipt_payments ADD COLUMN echeq boolean NOT NULL DEFAULT false;
    UPDATE receipt_payments SET echeq = (kind = 'echeq') WHERE kind IS NOT NULL;
    ALTER TABLE receipt_payments DROP COLUMN kind, DROP COLUMN deferred, DROP COLUMN not_to_order, DROP COLUMN echeq_id,
      DROP COLUMN replaces_line, DROP COLUMN replaced_by_line, DROP COLUMN replaced_date;
    ALTER TABLE value_transitions DROP COLUMN bank_account_id, DROP COLUMN charges, DROP COLUMN interest, DROP COLUMN fee,
      DROP COLUMN replacement_value_id;
    DROP INDEX values_echeq_unique;
    ALTER TABLE "values" DROP CONSTRAINT values_state_check, DROP CONSTRAINT values_kind_check,
      DROP CONSTRAINT values_echeq_id_kind, DROP CONSTRAINT values_echeq_states;
    ALTER TABLE "values" DROP COLUMN echeq;
    ALTER TABLE "values" ADD COLUMN echeq boolean NOT NULL DEFAULT false;
    UPDATE "values" SET echeq = (kind = 'echeq');
    ALTER TABLE "values" DROP COLUMN kind, DROP COLUMN deferred, DROP COLUMN not_to_order, DROP COLUMN echeq_id,
      DROP COLUMN bank_account_id, DROP COLUMN discount_fee;
    ALTER TABLE "values" RENAME COLUMN method TO kind;
    ALTER TABLE "values" RENAME CONSTRAINT values_method_check TO values_kind_check;
    ALTER TABLE "values" ADD CONSTRAINT values_state_check CHECK (state IN ('in_portfolio','deposited','endorsed','rejected','cancelled'));
  `);
}
