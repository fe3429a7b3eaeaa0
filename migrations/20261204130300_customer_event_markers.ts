import type { Knex } from 'knex';

// What the webhooks last said about a customer: whether a sale on account was allowed
// (customer.credit_status_changed fires when it flips) and the promise date already
// announced as broken (promise.broken fires once per promise).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.boolean('credit_allowed');
    t.date('promise_broken_event_for');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.dropColumn('credit_allowed');
    t.dropColumn('promise_broken_event_for');
  });
}
