import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import {
  balanceOf,
  createCustomer,
  doc,
  expectLedgerConsistent,
  ledgerSnapshot,
  postInvoice,
  verifyAfterTamper,
} from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

/*
 * Late-payment interest. Every expected figure is worked out by hand below:
 * simple interest = open × monthly% / 100 × days / 30, days counted after the due date
 * plus the grace days (or after the last day already charged) up to the run's date.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Intereses');
  agents = await agentsFor(company);
  // 3% a month from January; 6% a month from 21/10/2026.
  for (const [validFrom, monthlyPct] of [
    ['2026-01-01', '3'],
    ['2026-10-21', '6'],
  ])
    expect((await agents.admin.post('/api/interest-rates', { validFrom, monthlyPct })).status).toBe(201);
});

const overdueInvoice = (customerId: number, total: string, dueDate = '2026-10-01') =>
  postInvoice(agents.clerk, customerId, total, { issueDate: '2026-09-01', dueDate });

type Proposal = {
  customerId: number;
  total: string;
  lines: Array<{ fromDate: string; toDate: string; days: number; amount: string }>;
};
const proposalOf = (body: Proposal[], customerId: number) => body.find((p) => p.customerId === customerId);

describe('the interest run', () => {
  test('when a debit is 30 days late across a rate change, then each stretch is charged at its own rate', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '1000.00');
    const res = await agents.clerk.get('/api/interest-runs/preview?date=2026-10-31');
    expect(res.status).toBe(200);
    // 2/10..20/10 = 19 days at 3%: 1000 × 0.03 × 19/30 = 19.00; 21/10..31/10 = 11 days at 6%: 1000 × 0.06 × 11/30 = 22.00.
    expect(proposalOf(res.body, c.id)).toMatchObject({
      total: '41.00',
      lines: [{ fromDate: '2026-10-01', toDate: '2026-10-31', days: 30, amount: '41.00' }],
    });
  });

  test('when grace days are given, then those days are never charged', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '600.00');
    const res = await agents.clerk.get('/api/interest-runs/preview?date=2026-10-20&graceDays=5');
    // 7/10..20/10 = 14 days at 3%: 600 × 0.03 × 14/30 = 8.40.
    expect(proposalOf(res.body, c.id)).toMatchObject({ total: '8.40', lines: [{ fromDate: '2026-10-06', days: 14 }] });
    const within = await agents.clerk.get('/api/interest-runs/preview?date=2026-10-05&graceDays=5');
    expect(proposalOf(within.body, c.id)).toBeUndefined();
  });

  test('when a customer adds up to less than the minimum, then it is not proposed', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '100.00');
    // 100 × 0.03 × 19/30 = 1.90.
    const low = await agents.clerk.get('/api/interest-runs/preview?date=2026-10-20&minimumAmount=2');
    expect(proposalOf(low.body, c.id)).toBeUndefined();
    const enough = await agents.clerk.get('/api/interest-runs/preview?date=2026-10-20&minimumAmount=1.90');
    expect(proposalOf(enough.body, c.id)?.total).toBe('1.90');
  });

  test('when the run is exported, then the CSV has one line per debit in the Argentine dialect', async () => {
    const c = await createCustomer(agents.clerk, { legalName: 'Exportada S.A.' });
    const inv = await overdueInvoice(c.id, '300.00');
    const res = await agents.clerk.get('/api/interest-runs/preview.csv?date=2026-10-11');
    expect(res.status).toBe(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('Cliente;Razón social;Moneda;Comprobante;Vencimiento;Saldo;Desde;Hasta;Días;Interés');
    // 300 × 0.03 × 10/30 = 3.00.
    expect(lines).toContain(`${c.code};Exportada S.A.;ARS;${inv.displayNumber};01/10/2026;300,00;01/10/2026;11/10/2026;10;3,00`);
  });

  test('when posted, then one ND X per customer charges it, linked to the debits, and the same days are not charged again', async () => {
    const c = await createCustomer(agents.clerk);
    const a = await overdueInvoice(c.id, '1000.00');
    const b = await overdueInvoice(c.id, '500.00', '2026-10-11');
    const posted = await agents.supervisor.post('/api/interest-runs', { date: '2026-10-31', customerIds: [c.id] });
    expect(posted.status).toBe(201);
    // a: 41.00 as above. b: 12/10..20/10 = 9 days at 3% (500 × 0.03 × 9/30 = 4.50) + 11 days at 6% (500 × 0.06 × 11/30 = 11.00) = 15.50.
    expect(posted.body.documents).toHaveLength(1);
    const nd = posted.body.documents[0];
    expect(nd).toMatchObject({ type: 'ND', total: '56.50', currency: 'ARS' });
    expect(nd.displayNumber).toMatch(/^ND X /);
    expect(await balanceOf(agents.clerk, c.id)).toBe('1556.50');
    const charges = await company.knex('interest_charges').where({ documentId: nd.id }).orderBy('debitDocumentId');
    expect(charges.map((ch) => [Number(ch.debitDocumentId), ch.amount, ch.days])).toEqual([
      [a.id, '41.00', 30],
      [b.id, '15.50', 20],
    ]);
    // Charged through 31/10: a run on 15/11 charges 1/11..15/11 only, and never the ND itself.
    const later = await agents.clerk.get('/api/interest-runs/preview?date=2026-11-15');
    // a: 1000 × 0.06 × 15/30 = 30.00; b: 500 × 0.06 × 15/30 = 15.00.
    expect(proposalOf(later.body, c.id)).toMatchObject({
      total: '45.00',
      lines: [
        { fromDate: '2026-10-31', days: 15, amount: '30.00' },
        { fromDate: '2026-10-31', days: 15, amount: '15.00' },
      ],
    });
    const again = await agents.supervisor.post('/api/interest-runs', { date: '2026-10-31', customerIds: [c.id] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOTHING_TO_CHARGE');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when two runs post at once, then the days are charged once and the loser gets 409', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '900.00');
    const results = await Promise.all(
      [agents.supervisor, agents.admin, agents.supervisor].map((agent) =>
        agent.post('/api/interest-runs', { date: '2026-10-16', customerIds: [c.id] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // 900 × 0.03 × 15/30 = 13.50, once.
    const notes = await company.knex('documents').where({ customerId: c.id, origin: 'interest' });
    expect(notes.map((n) => n.total)).toEqual(['13.50']);
    expect(await balanceOf(agents.clerk, c.id)).toBe('913.50');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the input is bad or the period is locked, then 4xx in Spanish and nothing is written', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '200.00');
    const before = await ledgerSnapshot(company.knex, company.companyId);
    const noDate = await agents.supervisor.post('/api/interest-runs', { graceDays: -1 });
    expect(noDate.status).toBe(400);
    expect(noDate.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['date', 'graceDays']);
    expect(noDate.body.message).toMatch(/obligatori|debe/);
    expect((await agents.clerk.post('/api/interest-runs', { date: '2026-10-20' })).status).toBe(403);
    const nothing = await agents.supervisor.post('/api/interest-runs', { date: '2026-10-01', customerIds: [c.id] });
    expect(nothing.status).toBe(409);
    expect(nothing.body.message).toMatch(/No hay intereses para cobrar al 01\/10\/2026/);
    await company.knex('companies').where({ id: company.companyId }).update({ lockDate: '2026-10-25' });
    try {
      const locked = await agents.supervisor.post('/api/interest-runs', { date: '2026-10-20', customerIds: [c.id] });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('PERIOD_LOCKED');
    } finally {
      await company.knex('companies').where({ id: company.companyId }).update({ lockDate: null });
    }
    const badRate = await agents.admin.post('/api/interest-rates', { validFrom: '2026-01-01', monthlyPct: '2' });
    expect(badRate.status).toBe(409);
    expect(badRate.body.message).toMatch(/Ya hay una tasa vigente desde ese día/);
    expect((await agents.admin.post('/api/interest-rates', { validFrom: '2027-01-01', monthlyPct: '101' })).status).toBe(400);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);
  });

  test('when an interest ND loses the link to its charges, then ledger:verify names it (invariant 10)', async () => {
    const c = await createCustomer(agents.clerk);
    await overdueInvoice(c.id, '300.00');
    const posted = await agents.supervisor.post('/api/interest-runs', { date: '2026-10-11', customerIds: [c.id] });
    expect(posted.status).toBe(201);
    const ndId = posted.body.documents[0].id;
    expect((await doc(agents.clerk, ndId)).letter).toBe('X');
    const found = await verifyAfterTamper(company.knex, company.companyId, (trx) =>
      trx('interest_charges').where({ documentId: ndId }).update({ amount: '1.00' }),
    );
    expect(found.filter((f) => f.invariant === 10).map((f) => f.detail)).toEqual([
      `interest total 3.00, its charges add up to 1.00`,
    ]);
  });
});
