import type { Knex } from 'knex';

// A streamed export is the lowest priority on a shared server (server/src/db/export-gate.ts): its COPY calls this
// about once every 256 rows, and waits here while the API process holds the export's gate (an advisory lock taken
// for another company's request). The shared lock is released at once, so the export holds nothing between calls.
// Always true: the row is never filtered out.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION export_gate(class integer, gate integer) RETURNS boolean
      LANGUAGE plpgsql VOLATILE PARALLEL RESTRICTED AS $$
    BEGIN
      PERFORM pg_advisory_lock_shared(class, gate);
      PERFORM pg_advisory_unlock_shared(class, gate);
      RETURN true;
    END
    $$
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION export_gate(integer, integer)');
}
