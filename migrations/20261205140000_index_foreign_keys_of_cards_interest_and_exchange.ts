import type { Knex } from 'knex';
import { createForeignKeyIndexes, dropForeignKeyIndexes, type ForeignKeyIndex } from '../server/src/db/foreign-key-indexes';

// The foreign keys of card coupons, interest charges and exchange differences into customers and
// documents, each with an index its look-up can use (test/db/foreign-key-indexes.test.ts).
const INDEXES: ForeignKeyIndex[] = [
  ['card_coupons_customer', 'card_coupons', 'customer_id', false],
  ['card_coupons_surcharge_document', 'card_coupons', 'surcharge_document_id', true],
  ['exchange_differences_customer', 'exchange_differences', 'customer_id', false],
  ['exchange_differences_debit_document', 'exchange_differences', 'debit_document_id', false],
  ['exchange_differences_receipt', 'exchange_differences', 'receipt_id', false],
  ['interest_charges_customer', 'interest_charges', 'customer_id', false],
];

export const up = (knex: Knex) => createForeignKeyIndexes(knex, INDEXES);
export const down = (knex: Knex) => dropForeignKeyIndexes(knex, INDEXES);
