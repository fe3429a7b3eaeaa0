import type { Knex } from 'knex';
import { BROKEN_PROMISE_SQL, PROMISE_RECEIVED_SQL } from './promises';

/**
 * promise.broken: a promise breaks with the calendar, not with a posting, so the webhook
 * worker asks now and then. Each broken promise is marked and announced in one statement,
 * once per promise date, however many workers ask at the same time.
 */
export async function emitBrokenPromises(knex: Knex): Promise<number> {
  const { rowCount } = await knex.raw(`
    WITH broken AS (
      UPDATE customers c SET promise_broken_event_for = c.promise_date
       WHERE ${BROKEN_PROMISE_SQL('c')} AND c.promise_broken_event_for IS DISTINCT FROM c.promise_date
       RETURNING c.company_id, c.id, c.code, c.legal_name, c.promise_date, c.promise_amount, c.promise_user_id,
                 ${PROMISE_RECEIVED_SQL('c')} AS received
    )
    INSERT INTO outbox (company_id, type, data)
    SELECT company_id, 'promise.broken', jsonb_build_object(
             'customerId', id, 'customerCode', code, 'legalName', legal_name, 'promiseDate', promise_date,
             'promiseAmount', promise_amount::text, 'received', received::text, 'promiseUserId', promise_user_id)
      FROM broken`);
  return rowCount ?? 0;
}
