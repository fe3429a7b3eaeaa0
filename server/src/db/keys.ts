import type { Knex } from 'knex';

/**
 * The ON of a join to a business table by its key `(company_id, id)`: `alias` is
 * the joined table, `foreignKey` the referring column (`alias.column` of the row
 * that refers). Both sides' `company_id` are joined too, so PostgreSQL uses the
 * composite keys and a distribution by company_id (Citus) keeps the join on one
 * node. Reference tables keyed by `id` alone (users, companies) join by id.
 */
export function onKey(alias: string, foreignKey: string): Knex.JoinCallback {
  const referrer = foreignKey.slice(0, foreignKey.indexOf('.'));
  return (j) => {
    j.on(`${alias}.company_id`, `${referrer}.company_id`).andOn(`${alias}.id`, foreignKey);
  };
}
