import { testAppKnex, testKnex } from '../support/db';
import { tablesOf, unscopedStatements } from '../support/company-guard';

describe("The guard on the app's statements (company_id for Citus)", () => {
  it('when a statement is read, then the tables after FROM, JOIN, UPDATE, INTO and DELETE FROM are named, not functions or other schemas', () => {
    expect(
      tablesOf(
        'select * from "documents" as d inner join customers c on c.id = d.customer_id, generate_series(1, 3) g ' +
          'left join pg_catalog.pg_class k on true join public."values" v on true',
      ).sort(),
    ).toEqual(['customers', 'documents', 'values']);
    expect(tablesOf('update "applications" set "amount" = $1 where "id" = $2')).toEqual(['applications']);
    expect(tablesOf('delete from "receipt_payments" where "id" = $1')).toEqual(['receipt_payments']);
    expect(tablesOf('insert into "audit_events" ("entity") values ($1)')).toEqual(['audit_events']);
    expect(tablesOf('select extract(epoch from now()), * from unnest($1::int[])')).toEqual([]);
  });

  it("when the app's knex reads a distributed table by id alone, then the guard names that statement and only that one", async () => {
    const app = await testAppKnex();
    await app('documents').where({ id: 0 }).first('id'); // planted: every shard would see it
    await app('documents').where({ id: 0, companyId: 0 }).first('id');
    await app('companies').where({ id: 0 }).first('id'); // a reference table
    await app.raw('SELECT count(*) FROM pg_catalog.pg_class');
    await (await testKnex())('documents').where({ id: 0 }).first('id'); // the tests' own SQL is not watched
    const found = await unscopedStatements(testKnex);
    expect(found).toEqual([{ sql: 'select "id" from "documents" where "id" = $1 limit $2', count: 1 }]);
    // Read once: the file's end-of-file check (test/support/after-env.ts) sees nothing left.
    expect(await unscopedStatements(testKnex)).toEqual([]);
  });
});
