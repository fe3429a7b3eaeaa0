/** A promise to pay, kept on the customer by the last call that made one. */

/** Received since the promise was made, against what was promised. */
export const PROMISE_RECEIVED_SQL = (c: string) =>
  `coalesce((SELECT sum(r.total) FROM documents r WHERE r.customer_id = ${c}.id AND r.type = 'REC' AND r.status = 'posted' AND r.issue_date >= ${c}.promise_since), 0)::numeric(15,2)`;
export const BROKEN_PROMISE_SQL = (c: string) =>
  `(${c}.promise_date IS NOT NULL AND ${c}.promise_date < CURRENT_DATE AND ${c}.promise_amount > ${PROMISE_RECEIVED_SQL(c)})`;
