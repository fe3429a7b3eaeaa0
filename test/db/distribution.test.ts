import { testKnex } from '../support/db';
import { checkDistribution, citusCalls, REFERENCE_TABLES } from '../../server/src/db/distribution';

describe('Citus distribution by company_id', () => {
  it('when the migrated schema is read from the catalog, then Citus would accept every table, key, unique index and foreign key', async () => {
    const plan = await checkDistribution(await testKnex());
    expect(plan.problems).toEqual([]);
    expect([...plan.kinds].filter(([, k]) => k === 'reference').map(([t]) => t)).toEqual(
      expect.arrayContaining(Object.keys(REFERENCE_TABLES)),
    );
    for (const table of ['customers', 'documents', 'applications', 'values', 'receipt_payments', 'collection_calls'])
      expect(plan.kinds.get(table)).toBe('distributed');
  });

  it('when business tables are read, then each primary key is (company_id, id) and id is still unique through its sequence', async () => {
    const knex = await testKnex();
    const { rows } = await knex.raw<{ rows: Array<{ table: string; key: string; sequence: string | null }> }>(
      `SELECT c.relname AS table, pg_get_constraintdef(k.oid) AS key, pg_get_serial_sequence(c.relname, 'id') AS sequence
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.contype = 'p' AND c.relnamespace = 'public'::regnamespace
          AND c.relname IN ('customers', 'documents', 'applications', 'values', 'receipt_payments', 'audit_events')`,
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.key).toBe('PRIMARY KEY (company_id, id)');
      expect(r.sequence).toBe(`public.${r.table}_id_seq`);
    }
  });

  it('when a table, a unique index or a foreign key breaks the rules, then the check names each of them', async () => {
    const knex = await testKnex();
    const problems = await knex
      .transaction(async (trx) => {
        await trx.raw('CREATE TABLE zz_no_company (id serial PRIMARY KEY, name text)');
        await trx.raw('CREATE TABLE zz_keyed_by_id (id serial PRIMARY KEY, company_id integer NOT NULL, code text)');
        await trx.raw('CREATE UNIQUE INDEX zz_code_unique ON zz_keyed_by_id (code, company_id)');
        await trx.raw(
          `CREATE TABLE zz_child (company_id integer NOT NULL, id serial, parent_id integer REFERENCES zz_keyed_by_id (id),
                                  PRIMARY KEY (company_id, id))`,
        );
        await trx.raw('ALTER TABLE sessions ADD COLUMN zz_document bigint, ADD COLUMN zz_company integer');
        await trx.raw('ALTER TABLE sessions ADD FOREIGN KEY (zz_company, zz_document) REFERENCES documents (company_id, id)');
        const plan = await checkDistribution(trx);
        throw Object.assign(new Error('rollback'), { plan });
      })
      .catch((err: { plan?: Awaited<ReturnType<typeof checkDistribution>> }) => {
        if (!err.plan) throw err;
        return err.plan.problems;
      });
    const named = problems.map((p) => `${p.table} ${p.object}`).sort();
    expect(named).toEqual(
      [
        'sessions sessions_zz_company_zz_document_fkey',
        'zz_child zz_child_parent_id_fkey',
        'zz_keyed_by_id zz_code_unique',
        'zz_keyed_by_id zz_keyed_by_id_pkey',
        'zz_no_company zz_no_company',
      ].sort(),
    );
  });

  it('when the calls are written, then reference tables come first and every business table is co-located with the first one', async () => {
    const plan = await checkDistribution(await testKnex());
    const calls = citusCalls(plan);
    const firstDistributed = calls.findIndex((c) => c.includes('create_distributed_table'));
    expect(calls.slice(0, firstDistributed).filter((c) => c.includes('create_reference_table'))).toHaveLength(
      Object.keys(REFERENCE_TABLES).length,
    );
    // A table is distributed only after the tables its foreign keys point to.
    const position = (t: string) => calls.findIndex((c) => c.includes(`create_distributed_table('${t}'`));
    expect(position('customers')).toBeLessThan(position('documents'));
    expect(position('documents')).toBeLessThan(position('applications'));
    expect(position('receipt_payments')).toBeLessThan(position('values'));
    expect(calls.filter((c) => c.includes('create_distributed_table'))).toHaveLength(plan.distributedOrder.length);
  });
});
