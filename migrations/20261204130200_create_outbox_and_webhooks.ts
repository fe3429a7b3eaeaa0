import type { Knex } from 'knex';

// Events written in the same transaction as the change they announce (the outbox), the
// webhook subscriptions of a company, and one delivery row per (subscription, event) that
// the worker claims with FOR UPDATE SKIP LOCKED and retries with exponential back-off.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE outbox (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      event_id uuid NOT NULL DEFAULT gen_random_uuid(),
      type varchar(60) NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz,
      PRIMARY KEY (company_id, id)
    );
    CREATE UNIQUE INDEX outbox_event_unique ON outbox (company_id, event_id);
    CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;

    CREATE TABLE webhook_subscriptions (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      url varchar(500) NOT NULL,
      events text[] NOT NULL,
      secret varchar(200) NOT NULL,
      active boolean NOT NULL DEFAULT true,
      description varchar(200),
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      CONSTRAINT webhook_subscriptions_events_check CHECK (cardinality(events) > 0)
    );

    CREATE TABLE webhook_deliveries (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      subscription_id integer NOT NULL,
      outbox_id bigint NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_status_code integer,
      last_error varchar(500),
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, subscription_id) REFERENCES webhook_subscriptions (company_id, id),
      FOREIGN KEY (company_id, outbox_id) REFERENCES outbox (company_id, id),
      CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending','delivered','failed'))
    );
    CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (company_id, subscription_id, outbox_id);
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_list ON webhook_deliveries (company_id, subscription_id, id DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('webhook_deliveries');
  await knex.schema.dropTableIfExists('webhook_subscriptions');
  await knex.schema.dropTableIfExists('outbox');
}
