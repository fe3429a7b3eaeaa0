import type { Knex } from 'knex';

/**
 * The ON of a join to a business table by its key `(company_id, id)`: `alias` is
 * the joined table, `foreignKey` the referring column (`alias.column` of the row
 * that refers). Both sides' `company_id` are joined too, so PostgreSQL uses the
 * composite keys and a distribution by company_id (Citus) keeps the join on one
 * node. Reference tables keyed by `id` alone (users, companies) join by id.
 *
 * `companyId`: the joined table's company as the request's value instead of the referrer's column
 * (the query already filters the referrer by it, so the rows are the same). A join that reaches one
 * row per key is only cached by PostgreSQL (Memoize: each customer looked up once, not once per
 * document) when every clause of the join goes into the looked-up index; `c.company_id = d.company_id`
 * does not, `c.company_id = 1` does. On the export of 1,000,000 documents that takes about a quarter
 * of PostgreSQL's CPU off (bench/RESULTS.md). Citus routes it to one node as well: both tables are
 * filtered by the same company.
 */
export function onKey(alias: string, foreignKey: string, companyId?: number): Knex.JoinCallback {
  const referrer = foreignKey.slice(0, foreignKey.indexOf('.'));
  return (j) => {
    if (companyId === undefined) j.on(`${alias}.company_id`, `${referrer}.company_id`);
    else j.onVal(`${alias}.company_id`, companyId);
    j.andOn(`${alias}.id`, foreignKey);
  };
}
