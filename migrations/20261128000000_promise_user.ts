import type { Knex } from 'knex';

// Who took a customer's latest promise, so "my agenda" lists the broken promises the user took.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.integer('promise_user_id');
  });
  await knex.raw(`
    UPDATE customers c SET promise_user_id = p.user_id
      FROM (SELECT DISTINCT ON (customer_id) customer_id, user_id FROM collection_calls
             WHERE promise_date IS NOT NULL ORDER BY customer_id, called_at DESC, id DESC) p
     WHERE p.customer_id = c.id`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.dropColumn('promise_user_id');
  });
}
