import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { expectLedgerConsistent } from '../support/ledger';
import { seedDemoMasterData } from '../../seeds/demo-master-data';
import { seedDemoLedger, type DemoLedgerCounts } from '../../seeds/demo-ledger';
import { seedDemoCollections, type DemoCollectionsCounts } from '../../seeds/demo-collections';
import { addDays, today } from '../../server/src/lib/dates';
import { D } from '../../server/src/lib/money';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let ledger: DemoLedgerCounts | null;
let collections: DemoCollectionsCounts | null;
const TODAY = today();

type Row = Record<string, unknown>;

const rows = async (sql: string, bindings: Record<string, unknown> = {}) =>
  (await company.knex.raw(sql, { c: company.companyId, today: TODAY, ...bindings } as Record<string, string | number>))
    .rows as Row[];
const count = async (sql: string, bindings: Record<string, unknown> = {}) => Number((await rows(sql, bindings))[0].n);

async function seedInto(c: TestCompany) {
  await c.knex.transaction((trx) => seedDemoMasterData(trx, c.companyId, { today: TODAY }));
  return c.knex.transaction(async (trx) => ({
    ledger: await seedDemoLedger(trx, c.companyId, { today: TODAY }),
    collections: await seedDemoCollections(trx, c.companyId, { today: TODAY }),
  }));
}

beforeAll(async () => {
  company = await createTestCompany('Demo con historia');
  ({ ledger, collections } = await seedInto(company));
  agents = await agentsFor(company);
});

describe('demo ledger', () => {
  test('when the history is seeded into a fresh company, then every ledger invariant holds', async () => {
    await expectLedgerConsistent(company.knex, company.companyId);
    expect(ledger).not.toBeNull();
  });

  test('a year of documents of every kind, dated from a year ago up to today', async () => {
    const c = ledger!;
    expect(c.documents.FAC).toBeGreaterThan(2000);
    expect(c.documents.REC).toBeGreaterThan(1500);
    expect(c.documents.NC).toBeGreaterThan(50);
    expect(c.documents.ND).toBeGreaterThanOrEqual(1);
    expect(c.documents.AJP).toBeGreaterThanOrEqual(1);
    expect(c.documents.AJN).toBeGreaterThanOrEqual(1);
    expect(c.customersWithHistory).toBeGreaterThan(200);
    const span = (await rows(`SELECT min(issue_date) AS first, max(issue_date) AS last FROM documents WHERE company_id = :c`))[0];
    expect(String(span.first) >= addDays(TODAY, -400)).toBe(true);
    expect(String(span.first) <= addDays(TODAY, -330)).toBe(true);
    expect(span.last).toBe(TODAY);
    expect(
      await count(`SELECT count(*) AS n FROM documents WHERE company_id = :c AND (issue_date > :today OR due_date < issue_date)`),
    ).toBe(0);
    const letters = await rows(
      `SELECT DISTINCT type, letter, point_of_sale FROM documents WHERE company_id = :c AND type IN ('FAC', 'NC') ORDER BY 1, 2, 3`,
    );
    expect(new Set(letters.map((l) => l.letter))).toEqual(new Set(['A', 'B', 'E']));
    expect(new Set(letters.map((l) => l.pointOfSale)).size).toBeGreaterThanOrEqual(3);
    // Due dates follow each customer's payment term.
    expect(
      await count(
        `SELECT count(*) AS n FROM documents d JOIN customers c ON c.id = d.customer_id JOIN payment_terms t ON t.id = c.payment_term_id
          WHERE d.company_id = :c AND d.type = 'FAC' AND d.branch_id IS NULL AND d.due_date <> d.issue_date + t.days`,
      ),
    ).toBe(0);
  });

  test('receipts mix every payment method and the four withholdings; cheques went through every state', async () => {
    const methods = new Set(
      (await rows(`SELECT DISTINCT method FROM receipt_payments WHERE company_id = :c`)).map((m) => m.method),
    );
    for (const method of ['cash', 'transfer', 'customer_cheque', 'third_party_cheque', 'customer_note'])
      expect({ method, used: methods.has(method) }).toEqual({ method, used: true });
    // The demo card plans are valid from January 1st of this year: cards show up after a few weeks of it.
    if (TODAY >= `${TODAY.slice(0, 4)}-02-01`) expect(methods.has('card')).toBe(true);
    const withholdings = await rows(`SELECT DISTINCT type FROM receipt_withholdings WHERE company_id = :c`);
    expect(new Set(withholdings.map((w) => w.type))).toEqual(new Set(['IIBB', 'GANANCIAS', 'IVA', 'SUSS']));
    expect(
      await count(
        `SELECT count(*) AS n FROM receipt_withholdings WHERE company_id = :c AND type = 'IIBB' AND jurisdiction IS NULL`,
      ),
    ).toBe(0);
    const states = ledger!.values;
    for (const state of ['in_portfolio', 'deposited', 'endorsed', 'rejected']) expect(states[state]).toBeGreaterThan(0);
    // Most cheques went to the bank (and were credited), a few were endorsed.
    expect(states.deposited + states.credited).toBeGreaterThan(states.endorsed);
    // The bank has not yet reported a few deposits: stale, but a handful, not the portfolio's history.
    expect(
      await count(
        `SELECT count(*) AS n FROM "values" WHERE company_id = :c AND state = 'deposited' AND state_date < :today::date - 5`,
      ),
    ).toBeLessThan(40);
    expect(await count(`SELECT count(*) AS n FROM "values" WHERE company_id = :c AND echeq`)).toBeGreaterThan(50);
    expect(
      await count(
        `SELECT count(*) AS n FROM "values" WHERE company_id = :c AND state = 'in_portfolio' AND payment_date > :today`,
      ),
    ).toBeGreaterThan(10);
    // A rejected cheque put the debt back with a debit note.
    // A rejected cheque put the debt back with a debit note: its amount plus the bank's charges and interest.
    const rejected = await rows(
      `SELECT v.account_amount, d.type, d.origin, d.total, t.charges, t.interest
         FROM "values" v JOIN documents d ON d.id = v.rejection_document_id
         JOIN value_transitions t ON t.value_id = v.id AND t.to_state = 'rejected' AND t.from_state <> 'rejected'
        WHERE v.company_id = :c AND v.state = 'rejected'`,
    );
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    for (const r of rejected)
      expect(r).toMatchObject({
        type: 'ND',
        origin: 'rejection',
        total: new D(r.accountAmount as string)
          .plus((r.charges as string | null) ?? 0)
          .plus((r.interest as string | null) ?? 0)
          .toFixed(2),
      });
  });

  test('ECHEQs in every state, a week of deposit slips, and a rejected ECHEQ exchanged for another (canje)', async () => {
    const echeqStates = new Set(
      (await rows(`SELECT DISTINCT state FROM "values" WHERE company_id = :c AND kind = 'echeq'`)).map((r) => r.state),
    );
    for (const state of [
      'pending_acceptance',
      'accepted',
      'repudiated',
      'deposited',
      'discounted',
      'endorsed',
      'credited',
      'rejected',
    ])
      expect({ state, present: echeqStates.has(state) }).toEqual({ state, present: true });
    const slipDays = await rows(
      `SELECT DISTINCT date FROM deposit_slips WHERE company_id = :c AND date > :today::date - 7 ORDER BY date`,
    );
    expect(slipDays.length).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `SELECT count(*) AS n FROM "values" WHERE company_id = :c AND deposit_slip_id IS NOT NULL AND state = 'credited'`,
      ),
    ).toBeGreaterThan(0);
    const canje = await rows(
      `SELECT t.document_id, t.replacement_value_id, nd.open_amount FROM value_transitions t
         JOIN "values" v ON v.id = t.value_id JOIN documents nd ON nd.id = v.rejection_document_id
        WHERE t.company_id = :c AND t.from_state = 'rejected' AND t.to_state = 'rejected'`,
    );
    expect(canje).toHaveLength(1);
    expect(canje[0]).toMatchObject({ openAmount: '0.00', replacementValueId: expect.anything() });
  });

  test('applications mostly oldest first; some partial, some on account, a few undone; cancellations, reversals and voided forms', async () => {
    const c = ledger!;
    expect(c.applications).toBeGreaterThan(2000);
    expect(c.unappliedApplications).toBeGreaterThanOrEqual(3);
    // Receipts are cancelled; invoices billed by mistake are reversed by a credit note, never cancelled (RG 1415).
    expect(c.cancelled).toBeGreaterThanOrEqual(1);
    expect(
      await count(`SELECT count(*) AS n FROM documents WHERE company_id = :c AND status = 'cancelled' AND letter <> 'X'`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM documents n JOIN applications a ON a.credit_document_id = n.id AND a.reversed_at IS NULL
           JOIN documents f ON f.id = a.debit_document_id
          WHERE n.company_id = :c AND n.type = 'NC' AND n.notes LIKE 'Revierte %' AND f.type = 'FAC' AND a.amount = f.total AND n.total = f.total`,
      ),
    ).toBe(2);
    expect(c.voided).toBe(2);
    expect(
      await count(
        `SELECT count(*) AS n FROM documents WHERE company_id = :c AND type = 'FAC' AND status = 'posted' AND open_amount > 0 AND open_amount < total`,
      ),
    ).toBeGreaterThan(5);
    expect(
      await count(
        `SELECT count(*) AS n FROM documents WHERE company_id = :c AND sign = -1 AND status = 'posted' AND open_amount > 0`,
      ),
    ).toBeGreaterThan(5);
    // Corrections went through the services: audited, dated, with history kept.
    const audited = await rows(
      `SELECT action, count(*) AS n FROM audit_events WHERE company_id = :c GROUP BY action ORDER BY action`,
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cancel', 'unapply', 'value_rejected', 'void', 'import']),
    );
    expect(
      await count(
        `SELECT count(*) AS n FROM applications WHERE company_id = :c AND reversed_at IS NOT NULL AND (reversal_date < date OR reversal_date > :today)`,
      ),
    ).toBe(0);
  });

  test('the aging shows debt in every bucket, unapplied credits, a few customers over their limit, and most customers current', async () => {
    const aging = (await agents.manager.get('/api/reports/aging')).body;
    for (const bucket of ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days91to120', 'over120', 'unapplied'])
      expect({ bucket, positive: new D(aging.totals[bucket]).gt(0) }).toEqual({ bucket, positive: true });
    expect(new D(aging.totals.notDue).gt(aging.totals.over120)).toBe(true);
    const figures = (
      await rows(
        `SELECT count(*) FILTER (WHERE last_sale_date IS NOT NULL) AS with_history,
                count(*) FILTER (WHERE overdue_balance > 0) AS overdue,
                count(*) FILTER (WHERE balance > credit_limit) AS over_limit
           FROM customers WHERE company_id = :c`,
      )
    )[0];
    expect(Number(figures.overdue)).toBeLessThan(Number(figures.withHistory) / 2);
    expect(Number(figures.overLimit)).toBeGreaterThanOrEqual(3);
    expect(Number(figures.overLimit)).toBeLessThanOrEqual(15);
    const usd = (await agents.manager.get('/api/reports/aging?currency=USD')).body;
    expect(ledger!.usdCustomers).toBeGreaterThanOrEqual(3);
    expect(new D(usd.totals.total).gt(0)).toBe(true);
    expect(
      await count(
        // Only a bimonetary customer keeps documents outside its account's currency.
        `SELECT count(*) AS n FROM documents d JOIN customers c ON c.id = d.customer_id
          WHERE d.company_id = :c AND d.currency <> c.currency AND NOT c.bimonetary`,
      ),
    ).toBe(0);
  });
});

describe('demo collections', () => {
  test('calls of the last weeks with every outcome and channel', async () => {
    const c = collections!;
    expect(c.calls).toBeGreaterThan(60);
    expect(Object.keys(c.outcomes).sort()).toEqual(
      ['callback', 'dispute', 'no_answer', 'paid_claimed', 'promise', 'refused', 'wrong_contact'].sort(),
    );
    const span = (
      await rows(`SELECT min(called_at)::date AS first, max(called_at)::date AS last FROM collection_calls WHERE company_id = :c`)
    )[0];
    expect(String(span.first) >= addDays(TODAY, -70)).toBe(true);
    expect(String(span.last) <= TODAY).toBe(true);
    const channels = await rows(`SELECT DISTINCT channel FROM collection_calls WHERE company_id = :c`);
    expect(new Set(channels.map((x) => x.channel))).toEqual(new Set(['phone', 'email', 'whatsapp', 'visit']));
  });

  test('promises kept, partly kept, broken and pending, as the calls list and the debtors list tell them', async () => {
    const total = async (promiseStatus: string) =>
      Number(
        (await agents.supervisor.get(`/api/collection-calls${listQuery({ filter: { promiseStatus }, range: [0, 0] })}`)).headers[
          'content-range'
        ].split('/')[1],
      );
    expect(await total('kept')).toBeGreaterThanOrEqual(3);
    expect(await total('broken')).toBeGreaterThanOrEqual(3);
    expect(await total('pending')).toBeGreaterThanOrEqual(3);
    expect(collections!.promises.partlyKept).toBeGreaterThanOrEqual(1);
    const broken = (await agents.supervisor.get(`/api/debtors${listQuery({ filter: { brokenPromise: true }, range: [0, 99] })}`))
      .body;
    expect(broken.length).toBeGreaterThanOrEqual(3);
    expect(broken.some((d: Row) => new D(String(d.promiseReceived)).gt(0))).toBe(true);
    expect(broken.some((d: Row) => new D(String(d.promiseReceived)).eq(0))).toBe(true);
  });

  test('the clerk and the supervisor each open an agenda with contacts due today and overdue', async () => {
    for (const role of ['clerk', 'supervisor'] as const) {
      const agenda = (await agents[role].get('/api/agenda')).body;
      const days = agenda.due.map((d: Row) => String(d.nextContactAt));
      const local = (iso: string) => today(new Date(iso));
      expect({ role, today: days.filter((d: string) => local(d) === TODAY).length > 0 }).toEqual({ role, today: true });
      expect({ role, overdue: days.filter((d: string) => local(d) < TODAY).length > 0 }).toEqual({ role, overdue: true });
      expect(agenda.brokenTotal).toBeGreaterThan(0);
    }
    expect(collections!.agenda.clerkToday).toBeGreaterThan(0);
    expect(collections!.agenda.supervisorToday).toBeGreaterThan(0);
  });

  test('two collectors have visits today and tomorrow on their collection sheets, today with results recorded', async () => {
    const visits = await rows(
      `SELECT collector_id, visit_date, count(*)::int AS n, count(visit_result)::int AS results FROM collection_calls
        WHERE company_id = :c AND visit_date >= :today GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const collectors = [...new Set(visits.map((v) => v.collectorId as number))];
    expect(collectors.length).toBeGreaterThanOrEqual(2);
    for (const collectorId of collectors.slice(0, 2)) {
      for (const date of [TODAY, addDays(TODAY, 1)]) {
        const sheet = (await agents.clerk.get(`/api/collection-sheets?collectorId=${collectorId}&date=${date}`)).body;
        expect({ collectorId, date, visits: sheet.visits.length > 0 }).toEqual({ collectorId, date, visits: true });
        for (const v of sheet.visits.filter((x: Row) => !x.visitResult)) expect(v.openItems.length).toBeGreaterThan(0);
      }
    }
    const results = await rows(
      `SELECT k.visit_result, d.type, d.status, d.issue_date, d.point_of_sale FROM collection_calls k
         LEFT JOIN documents d ON d.id = k.visit_receipt_id
        WHERE k.company_id = :c AND k.visit_date = :today AND k.visit_result IS NOT NULL`,
    );
    expect(new Set(results.map((x) => x.visitResult))).toEqual(new Set(['collected', 'not_collected', 'partial']));
    for (const x of results.filter((x) => x.visitResult !== 'not_collected'))
      expect(x).toMatchObject({ type: 'REC', status: 'posted', issueDate: TODAY, pointOfSale: 2 });
    expect(collections!.visits.withResult).toBeGreaterThanOrEqual(4);
  });
});

describe('demo seed runs', () => {
  test('two card settlements, one entered and one imported, with fee, IVA and withholdings; a few coupons still pending', async () => {
    const settlements = await rows(
      `SELECT origin, coupon_count, gross - fee - fee_iva - withholdings - net AS off, withholdings > 0 AS withheld
         FROM card_settlements WHERE company_id = :c ORDER BY id`,
    );
    expect(settlements).toEqual([
      { origin: 'manual', couponCount: 3, off: '0.00', withheld: true },
      { origin: 'import', couponCount: 3, off: '0.00', withheld: true },
    ]);
    expect(await count(`SELECT count(*) AS n FROM card_coupons WHERE company_id = :c AND state = 'pending'`)).toBe(2);
    // Every surcharge billed by a debit note the receipt paid.
    expect(
      await count(
        `SELECT count(*) AS n FROM card_coupons cc JOIN documents nd ON nd.id = cc.surcharge_document_id
          WHERE cc.company_id = :c AND (nd.total <> cc.surcharge OR nd.open_amount <> 0)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM card_coupons WHERE company_id = :c AND surcharge > 0`)).toBeGreaterThan(0);
  });

  test('one bimonetary customer with its peso history and dollar invoices, each ledger with its own balance', async () => {
    const list = await agents.clerk.get(`/api/customers${listQuery({ filter: { bimonetary: true } })}`);
    expect(list.body).toHaveLength(1);
    const [c] = list.body as Array<Record<string, string>>;
    expect(c.currency).toBe('ARS');
    // USD: 4,850 + 2,300 invoiced, 1,500 paid; the pesos: its history, what `balance` keeps counting.
    expect(c.balanceUsd).toBe('5650.00');
    expect(c.overdueBalanceUsd).toBe('3350.00');
    expect(c.balanceArs).toBe(c.balance);
    const byCurrency = await rows(
      `SELECT currency, letter, count(*)::int AS n FROM documents
        WHERE company_id = :c AND customer_id = :id AND type = 'FAC' GROUP BY currency, letter ORDER BY currency, letter`,
      { id: Number(c.id) },
    );
    expect(byCurrency).toEqual(expect.arrayContaining([{ currency: 'USD', letter: 'A', n: 2 }]));
    expect(byCurrency.some((r) => r.currency === 'ARS')).toBe(true);
  });

  test('when it runs again on the same company, then it does nothing', async () => {
    const again = await company.knex.transaction(async (trx) => ({
      ledger: await seedDemoLedger(trx, company.companyId, { today: TODAY }),
      collections: await seedDemoCollections(trx, company.companyId, { today: TODAY }),
    }));
    expect(again).toEqual({ ledger: null, collections: null });
  });

  test('the same seed gives the same history and calls in another company (only today changes it)', async () => {
    const other = await createTestCompany('Demo con historia bis');
    await seedInto(other);
    await expectLedgerConsistent(other.knex, other.companyId);
    const history = async (c: TestCompany) =>
      (
        await c.knex.raw(
          `SELECT cu.code, d.display_number, d.issue_date, d.due_date, d.total, d.open_amount, d.status
             FROM documents d LEFT JOIN customers cu ON cu.id = d.customer_id WHERE d.company_id = ? ORDER BY d.display_number`,
          [c.companyId],
        )
      ).rows;
    const calls = async (c: TestCompany) =>
      (
        await c.knex.raw(
          `SELECT cu.code, k.called_at, k.outcome, k.promise_date, k.promise_amount, k.next_contact_at, k.visit_date
             FROM collection_calls k JOIN customers cu ON cu.id = k.customer_id WHERE k.company_id = ? ORDER BY k.called_at, cu.code`,
          [c.companyId],
        )
      ).rows;
    expect(await history(other)).toEqual(await history(company));
    expect(await calls(other)).toEqual(await calls(company));
  }, 60_000);
});
