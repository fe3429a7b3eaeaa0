import type { Knex } from 'knex';
import { createForeignKeyIndexes, dropForeignKeyIndexes, type ForeignKeyIndex } from '../server/src/db/foreign-key-indexes';

// Every foreign key into a ledger table (documents, values, payments, calls, slips, the
// outbox, customers) gets an index its look-up can use. Without them, deleting or
// checking a referenced row scans the referencing table once per row: a cleanup of
// 19,000 invoices ran for minutes on three unindexed references to documents. The
// nullable references get partial indexes, so rows without them cost nothing.
// test/db/foreign-key-indexes.test.ts keeps this true for new keys.
const INDEXES: ForeignKeyIndex[] = [
  ['collection_calls_visit_receipt', 'collection_calls', 'visit_receipt_id', true],
  ['collection_sheet_stops_call', 'collection_sheet_stops', 'call_id', true],
  ['collection_sheet_stops_customer', 'collection_sheet_stops', 'customer_id', false],
  ['collection_sheet_stops_receipt', 'collection_sheet_stops', 'receipt_id', true],
  ['collection_sheet_stops_result_call', 'collection_sheet_stops', 'result_call_id', true],
  ['receipt_withholdings_customer', 'receipt_withholdings', 'customer_id', false],
  ['value_transitions_deposit_slip', 'value_transitions', 'deposit_slip_id', true],
  ['value_transitions_replacement_value', 'value_transitions', 'replacement_value_id', true],
  ['values_rejection_document', 'values', 'rejection_document_id', true],
  ['values_payment', 'values', 'payment_id', true],
  ['webhook_deliveries_outbox', 'webhook_deliveries', 'outbox_id', false],
];

export const up = (knex: Knex) => createForeignKeyIndexes(knex, INDEXES);
export const down = (knex: Knex) => dropForeignKeyIndexes(knex, INDEXES);
