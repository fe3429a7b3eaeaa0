import { testKnex } from '../support/db';
import { unindexedForeignKeys } from '../../server/src/db/foreign-key-indexes';

describe('Foreign keys and their indexes', () => {
  it('when the migrated schema is read, then every foreign key leads an index of its table', async () => {
    const missing = await unindexedForeignKeys(await testKnex());
    expect(missing.map((fk) => `${fk.table} (${fk.columns.join(', ')}) → ${fk.refTable}`)).toEqual([]);
  });

  it('when a foreign key has no index, or one its columns do not lead, then the check names it', async () => {
    const knex = await testKnex();
    const named = await knex
      .transaction(async (trx) => {
        await trx.raw(
          `CREATE TABLE zz_child (company_id integer NOT NULL, id serial, document_id bigint, other_id bigint,
                                  PRIMARY KEY (company_id, id),
                                  FOREIGN KEY (company_id, document_id) REFERENCES documents (company_id, id),
                                  FOREIGN KEY (company_id, other_id) REFERENCES documents (company_id, id))`,
        );
        // Serves the first key (same columns, another order); the second key's columns do not lead it.
        await trx.raw('CREATE INDEX zz_child_document ON zz_child (document_id, company_id, other_id)');
        const missing = await unindexedForeignKeys(trx);
        throw Object.assign(new Error('rollback'), { missing });
      })
      .catch((err: { missing?: Awaited<ReturnType<typeof unindexedForeignKeys>> }) => {
        if (!err.missing) throw err;
        return err.missing.filter((fk) => fk.table === 'zz_child').map((fk) => fk.columns.join(', '));
      });
    expect(named).toEqual(['company_id, other_id']);
  });
});
