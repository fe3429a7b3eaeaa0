import type { Knex } from 'knex';
import { ARGENTINE_HOLIDAYS } from '../server/src/modules/reference/holidays.data';

// The company's holiday table (national holidays and non-working days, Ley 27.399), which the
// collection sheet skips when it proposes the next working day, and the collection sheet a
// supervisor builds: one sheet per collector and day, its stops in route order, each stop's
// result after the round. Existing companies get the 2026–2027 calendar.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE holidays (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      date date NOT NULL,
      kind varchar(12) NOT NULL,
      name varchar(120) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      CONSTRAINT holidays_kind_check CHECK (kind IN ('fixed','movable','non_working'))
    );
    CREATE UNIQUE INDEX holidays_date_unique ON holidays (company_id, date);

    CREATE TABLE collection_sheets (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      collector_id integer NOT NULL,
      sheet_date date NOT NULL,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, collector_id) REFERENCES collectors (company_id, id)
    );
    CREATE UNIQUE INDEX collection_sheets_day_unique ON collection_sheets (company_id, collector_id, sheet_date);

    CREATE TABLE collection_sheet_stops (
      company_id integer NOT NULL REFERENCES companies(id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      sheet_id integer NOT NULL,
      position integer NOT NULL,
      customer_id integer NOT NULL,
      call_id bigint,
      result varchar(12),
      receipt_id bigint,
      result_amount numeric(18,2),
      promise_date date,
      promise_amount numeric(18,2),
      reason varchar(500),
      result_call_id bigint,
      result_recorded_at timestamptz,
      result_recorded_by integer REFERENCES users(id),
      removed_at timestamptz,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      FOREIGN KEY (company_id, sheet_id) REFERENCES collection_sheets (company_id, id),
      FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
      FOREIGN KEY (company_id, call_id) REFERENCES collection_calls (company_id, id),
      FOREIGN KEY (company_id, receipt_id) REFERENCES documents (company_id, id),
      FOREIGN KEY (company_id, result_call_id) REFERENCES collection_calls (company_id, id),
      CONSTRAINT collection_sheet_stops_result_check
        CHECK (result IS NULL OR result IN ('collected','not_home','promise','refused')),
      CONSTRAINT collection_sheet_stops_collected_receipt
        CHECK ((result = 'collected') = (receipt_id IS NOT NULL) OR result IS NULL AND receipt_id IS NULL),
      CONSTRAINT collection_sheet_stops_promise
        CHECK (result IS DISTINCT FROM 'promise' OR (promise_date IS NOT NULL AND promise_amount > 0)),
      CONSTRAINT collection_sheet_stops_position_check CHECK (position > 0)
    );
    CREATE INDEX collection_sheet_stops_sheet ON collection_sheet_stops (company_id, sheet_id, position);
    CREATE UNIQUE INDEX collection_sheet_stops_call_unique ON collection_sheet_stops (company_id, sheet_id, call_id)
      WHERE call_id IS NOT NULL;
  `);
  const companies = (await knex('companies').select('id')) as Array<{ id: number }>;
  for (const { id } of companies)
    await knex('holidays').insert(ARGENTINE_HOLIDAYS.map(([date, kind, name]) => ({ company_id: id, date, kind, name })));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('collection_sheet_stops');
  await knex.schema.dropTableIfExists('collection_sheets');
  await knex.schema.dropTableIfExists('holidays');
}
