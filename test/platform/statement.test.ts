import { createTestCompany, type TestCompany } from '../support/factories';
import { runSql, statement } from '../../server/src/db/statement';
import { withTransaction } from '../../server/src/db/tx';

let company: TestCompany;

beforeAll(async () => {
  company = await createTestCompany('Sentencias');
});

const auditCount = async (entity: string) =>
  Number((await company.knex('audit_events').where({ companyId: company.companyId, entity }).count({ n: '*' }).first())!.n);

const insertAudit = (trx: Parameters<typeof runSql>[0], entity: string) =>
  runSql(trx, `INSERT INTO audit_events (company_id, action, entity) VALUES ($1, 'create', $2) RETURNING entity`, [
    company.companyId,
    entity,
  ]);

describe('statements written together (db/statement.ts)', () => {
  test('when a transaction calls statements without awaiting each, then each answers its own rows, in order, and they commit', async () => {
    const answers = await withTransaction(company.knex, (trx) =>
      Promise.all([insertAudit(trx, 'st-ok-1'), runSql(trx, 'SELECT $1::int * 2 AS twice', [21]), insertAudit(trx, 'st-ok-2')]),
    );
    expect(answers).toEqual([[{ entity: 'st-ok-1' }], [{ twice: 42 }], [{ entity: 'st-ok-2' }]]);
    expect(await auditCount('st-ok-1')).toBe(1);
    expect(await auditCount('st-ok-2')).toBe(1);
    // The pool's connections are back to one statement at a time: a plain knex query works.
    expect(Number((await company.knex.raw('SELECT 1 AS one')).rows[0].one)).toBe(1);
  });

  test('when a statement fails, then the statements written behind it answer its error, not "transaction aborted"', async () => {
    let answers: string[] = [];
    const outcome = await withTransaction(
      company.knex,
      async (trx) => {
        const all = await Promise.allSettled([
          insertAudit(trx, 'st-fail-1'),
          runSql(trx, 'SELECT 1 / 0'),
          insertAudit(trx, 'st-fail-2'),
        ]);
        answers = all.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
      },
      { retries: 0 },
    ).catch((err: { code: string }) => err.code);
    expect(answers).toEqual(['ok', '22012', '22012']);
    // The division's error (22012) is what the transaction fails with: nothing of it commits.
    expect(outcome).toBe('22012');
    expect(await auditCount('st-fail-1')).toBe(0);
    expect(await auditCount('st-fail-2')).toBe(0);
  });

  test('when a failed statement is never awaited, then the transaction still does not commit', async () => {
    const outcome = await withTransaction(company.knex, async (trx) => {
      void insertAudit(trx, 'st-unread-1');
      void runSql(trx, 'SELECT 1 / 0');
      await insertAudit(trx, 'st-unread-2').catch(() => undefined);
      return 'handler finished';
    }).catch((err: { code: string }) => err.code);
    expect(outcome).toBe('22012');
    expect(await auditCount('st-unread-1')).toBe(0);
  });

  test('when a built statement holds a value that is not a parameter, then it is refused before it runs', async () => {
    const wrong = statement<'id'>((db, p) =>
      db('companies')
        .where({ id: p('id'), name: 'a constant name' })
        .first('id'),
    );
    await expect(wrong(company.knex, { id: company.companyId })).rejects.toThrow(/not a parameter/);
    const right = statement<'id'>((db, p) =>
      db('companies')
        .where({ id: p('id') })
        .first('id'),
    );
    expect(await right(company.knex, { id: company.companyId })).toEqual([{ id: company.companyId }]);
  });
});
