import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, expectLedgerConsistent, ledgerSnapshot } from '../support/ledger';
import { createToken, type TokenClient } from '../support/tokens';
import type { Role } from '../../server/src/http/permissions';
import { makeCbu } from '../support/master-data';
import { today } from '../../server/src/lib/dates';

let company: TestCompany;
let agents: Record<Role, Agent>;
let billing: TokenClient;
let customerId: number;
let number = 20000;

/**
 * An FCE issued today, with the CBU it is paid to and its option (RG 4367): within its acceptance
 * window, so the buyer's answer is still pending (Ley 27.440 art. 6).
 */
const fce = () => ({ fce: true, fceCbu: makeCbu(), fceOption: 'SCA', issueDate: today() });

const invoice = (extra: Record<string, unknown> = {}) => ({
  customerId,
  type: 'FAC',
  letter: 'A',
  pointOfSale: 12,
  number: ++number,
  issueDate: '2026-11-03',
  total: '2420.00',
  ...extra,
});

const countByRef = async (externalRef: string) =>
  Number(
    (await company.knex('documents').where({ companyId: company.companyId, externalRef }).count({ n: '*' }).first())?.n ?? 0,
  );

beforeAll(async () => {
  company = await createTestCompany('Facturación');
  agents = await agentsFor(company);
  customerId = (await createCustomer(agents.clerk)).id;
  billing = await createToken(agents.admin, { name: 'Facturación', scopes: ['documents:write'] });
});

describe('invoices from billing, exactly once', () => {
  test('when the same externalRef comes again with the same body, then the first document answers with 200', async () => {
    const body = invoice({ externalRef: 'FAC-A-0012-1' });
    const first = await billing.post('/api/documents', body);
    expect(first.status).toBe(201);
    expect(first.body.externalRef).toBe('FAC-A-0012-1');
    const again = await billing.post('/api/documents', { ...body, total: 2420 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await countByRef('FAC-A-0012-1')).toBe(1);
  });

  test('when the same externalRef comes with another body, then 409 and nothing is written', async () => {
    const body = invoice({ externalRef: 'FAC-A-0012-2' });
    expect((await billing.post('/api/documents', body)).status).toBe(201);
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const other = await billing.post('/api/documents', { ...body, total: '9999.00' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'EXTERNAL_REF_CONFLICT', details: [{ path: 'externalRef' }] });
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when billing retries one invoice 10 times in parallel, then one document is posted and all answer it', async () => {
    const body = invoice({ externalRef: 'FAC-A-0012-PAR' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => billing.post('/api/documents', body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await countByRef('FAC-A-0012-PAR')).toBe(1);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when 10 parallel posts share an Idempotency-Key, then one document is posted and the others replay it', async () => {
    const body = invoice();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => billing.post('/api/documents', body).set('Idempotency-Key', `key-${body.number}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await company.knex('documents').where({ companyId: company.companyId, number: body.number, pointOfSale: 12 });
    expect(rows).toHaveLength(1);
    const reused = await billing.post('/api/documents', { ...body, total: '1.00' }).set('Idempotency-Key', `key-${body.number}`);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  test('when an electronic invoice carries its CAE and MiPyME FCE data, then they are kept and shown', async () => {
    const res = await billing.post(
      '/api/documents',
      invoice({ externalRef: 'FCE-1', cae: '74123456789012', caeDueDate: '2026-11-13', ...fce() }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cae: '74123456789012', caeDueDate: '2026-11-13', fce: true, fceAcceptance: 'pending' });
    const shown = await agents.clerk.get(`/api/documents/${res.body.id}`);
    expect(shown.body).toMatchObject({ cae: '74123456789012', fce: true, fceAcceptance: 'pending' });
    for (const bad of [{ cae: '123' }, { cae: '74123456789012' }, { fceAcceptance: 'accepted' }]) {
      const refused = await billing.post('/api/documents', invoice(bad));
      expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
    }
  });

  test('when billing corrects a document by its externalRef, then only the fields the ledger allows change', async () => {
    const supervisorToken = await createToken(agents.admin, { name: 'Facturación correcciones', role: 'supervisor' });
    const posted = await billing.post(
      '/api/documents',
      invoice({ externalRef: 'FCE-2', cae: '74123456789013', caeDueDate: '2026-11-13', ...fce() }),
    );
    expect(posted.status).toBe(201);
    const accepted = await supervisorToken.put('/api/documents/by-ref/FCE-2', {
      fceAcceptance: 'accepted',
      dueDate: '2026-12-31',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: posted.body.id, fceAcceptance: 'accepted', dueDate: '2026-12-31' });
    const amount = await supervisorToken.put('/api/documents/by-ref/FCE-2', { total: '1.00' });
    expect(amount.status).toBe(400);
    expect(amount.body.code).toBe('IMMUTABLE');
    expect((await supervisorToken.put('/api/documents/by-ref/NO-SUCH-REF', { notes: 'x' })).status).toBe(404);
    expect((await billing.get('/api/documents/by-ref/FCE-2')).body.id).toBe(posted.body.id);
    // Corrections are the supervisor's (SPEC §5): the clerk-level billing token may not.
    expect((await billing.put('/api/documents/by-ref/FCE-2', { notes: 'x' })).status).toBe(403);
  });

  test('when one document of a batch is refused, then nothing of the batch is written', async () => {
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const res = await billing.post('/api/documents/batch', {
      documents: [invoice({ externalRef: 'B-1' }), invoice({ externalRef: 'B-2' }), invoice({ externalRef: 'B-3', total: '-5' })],
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('documents[2].total');
    const duplicate = invoice({ externalRef: 'B-4' });
    const dupNumber = await billing.post('/api/documents/batch', {
      documents: [invoice({ externalRef: 'B-5' }), duplicate, { ...duplicate, externalRef: 'B-6' }],
    });
    expect(dupNumber.status).toBe(409);
    expect(dupNumber.body.details[0].path).toMatch(/^documents\[2\]/);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when a batch is whole, then every document is posted; a replayed batch answers the same documents', async () => {
    const documents = Array.from({ length: 25 }, (_, i) => invoice({ externalRef: `EOD-${i}`, total: `${100 + i}.50` }));
    const res = await billing.post('/api/documents/batch', { documents });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(Array(25).fill(201));
    const again = await billing.post('/api/documents/batch', { documents });
    expect(again.body.results.map((r: { status: number }) => r.status)).toEqual(Array(25).fill(200));
    expect(again.body.results.map((r: { id: number }) => r.id)).toEqual(res.body.results.map((r: { id: number }) => r.id));
    const sum = await company
      .knex('documents')
      .where({ companyId: company.companyId })
      .whereLike('externalRef', 'EOD-%')
      .sum({ s: 'total' })
      .first();
    // 25 × 100.50 + (0 + … + 24) = 2512.50 + 300
    expect(sum?.s).toBe('2812.50');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a batch is sent with ?partial=true, then good documents post and each refusal is reported by index', async () => {
    const res = await billing.post('/api/documents/batch?partial=true', {
      documents: [
        invoice({ externalRef: 'P-1' }),
        invoice({ externalRef: 'P-2', letter: 'Z' }),
        invoice({ externalRef: 'P-3', customerId: 999999 }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 400]);
    expect(res.body.results[1].error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'documents[1].letter' }] });
    expect(res.body.results[2].error.details[0].path).toBe('documents[2].customerId');
    expect(await countByRef('P-1')).toBe(1);
    expect(await countByRef('P-2')).toBe(0);
  });

  test('when a batch has more than 1,000 documents, then 400', async () => {
    const res = await billing.post('/api/documents/batch', { documents: Array.from({ length: 1001 }, () => ({})) });
    expect(res.status).toBe(400);
  });
});
