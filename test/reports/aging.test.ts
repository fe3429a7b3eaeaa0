import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createReferences, type RefIds } from '../support/master-data';
import { createCustomer, postAdjustment, postInvoice } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import { D } from '../../server/src/lib/money';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let refs: RefIds;
const customers: Array<{ id: number; code: string }> = [];

/** Independent computation, straight from the raw rows, of what each customer owed by bucket at `asOf`. */
async function expectedAging(asOf: string, basis: 'due' | 'issue' = 'due') {
  const docs = (await company
    .knex('documents')
    .where({ companyId: company.companyId })
    .select('id', 'customerId', 'sign', 'total', 'issueDate', 'dueDate', 'status', 'cancelDate')) as Array<{
    id: number;
    customerId: number;
    sign: number;
    total: string;
    issueDate: string;
    dueDate: string;
    status: string;
    cancelDate: string | null;
  }>;
  const apps = (await company
    .knex('applications')
    .where({ companyId: company.companyId })
    .select('creditDocumentId', 'debitDocumentId', 'amount', 'date', 'reversalDate')) as Array<{
    creditDocumentId: number;
    debitDocumentId: number;
    amount: string;
    date: string;
    reversalDate: string | null;
  }>;
  const out = new Map<number, Record<string, InstanceType<typeof D>>>();
  for (const d of docs) {
    if (d.issueDate > asOf || d.status === 'voided') continue;
    if (d.status === 'cancelled' && d.cancelDate! <= asOf) continue;
    let open = new D(d.total);
    for (const a of apps) {
      if (
        (a.creditDocumentId === d.id || a.debitDocumentId === d.id) &&
        a.date <= asOf &&
        (!a.reversalDate || a.reversalDate > asOf)
      )
        open = open.minus(a.amount);
    }
    if (open.lte(0)) continue;
    const row = out.get(d.customerId) ?? {
      notDue: new D(0),
      days1to30: new D(0),
      days31to60: new D(0),
      days61to90: new D(0),
      days91to120: new D(0),
      over120: new D(0),
      unapplied: new D(0),
    };
    if (d.sign === -1) row.unapplied = row.unapplied.plus(open);
    else {
      const ref = basis === 'due' ? d.dueDate : d.issueDate;
      const days = Math.round((Date.parse(asOf) - Date.parse(ref)) / 86_400_000);
      const key =
        days <= 0
          ? 'notDue'
          : days <= 30
            ? 'days1to30'
            : days <= 60
              ? 'days31to60'
              : days <= 90
                ? 'days61to90'
                : days <= 120
                  ? 'days91to120'
                  : 'over120';
      row[key] = row[key].plus(open);
    }
    out.set(d.customerId, row);
  }
  return out;
}

beforeAll(async () => {
  company = await createTestCompany('Antigüedad');
  agents = await agentsFor(company);
  refs = await createReferences(agents.admin, 'G');
  const { clerk, supervisor } = agents;
  const t = today();
  const d = (n: number) => addDays(t, n);
  // Customer 1: invoices spread over every bucket, a receipt applied in two steps, one later unapplied.
  const c1 = await createCustomer(clerk, { collectorId: refs.collectorId, rating: 'A', legalName: 'Antigüedad Uno S.A.' });
  const i1 = await postInvoice(clerk, c1.id, '1000', { issueDate: d(-200), dueDate: d(-170) });
  const i2 = await postInvoice(clerk, c1.id, '2000', { issueDate: d(-100), dueDate: d(-95) });
  const i3 = await postInvoice(clerk, c1.id, '3000', { issueDate: d(-60), dueDate: d(-45) });
  const i4 = await postInvoice(clerk, c1.id, '4000', { issueDate: d(-20), dueDate: d(-5) });
  await postInvoice(clerk, c1.id, '5000', { issueDate: d(-3), dueDate: d(27) });
  const r1 = await clerk.post('/api/receipts', {
    customerId: c1.id,
    issueDate: d(-80),
    payments: [{ method: 'cash', amount: '2500' }],
    applications: [{ documentId: i1.id, amount: '1000' }],
  });
  const a2 = await clerk.post('/api/applications', {
    creditDocumentId: r1.body.id,
    debitDocumentId: i2.id,
    amount: '1200',
    date: d(-50),
  });
  await supervisor.delete(`/api/applications/${a2.body.id}?date=${d(-10)}`);
  await clerk.post('/api/applications', { creditDocumentId: r1.body.id, debitDocumentId: i3.id, amount: '700', date: d(-8) });
  // Customer 2: an internal debit cancelled recently (it counted before), a credit note on account.
  // (Fiscal invoices are reversed by credit notes; only letter X documents are cancelled.)
  const c2 = await createCustomer(clerk, { collectorId: refs.collectorId, rating: 'B', legalName: 'Antigüedad Dos S.R.L.' });
  const j1 = await postAdjustment(supervisor, c2.id, '800', { issueDate: d(-70), dueDate: d(-40) });
  await postInvoice(clerk, c2.id, '650.55', { issueDate: d(-35), dueDate: d(-35) });
  await supervisor.post(`/api/documents/${j1.id}/cancel`, { reason: 'Mal emitida', date: d(-15) });
  await clerk.post('/api/documents', {
    customerId: c2.id,
    type: 'NC',
    letter: 'A',
    pointOfSale: 3,
    number: 555,
    issueDate: d(-30),
    total: '100.25',
  });
  // Customer 3: another collector, fully paid long ago.
  const c3 = await createCustomer(clerk, { rating: 'C', legalName: 'Antigüedad Tres S.A.' });
  const k1 = await postInvoice(clerk, c3.id, '999', { issueDate: d(-150), dueDate: d(-120) });
  await clerk.post('/api/receipts', {
    customerId: c3.id,
    issueDate: d(-110),
    payments: [{ method: 'cash', amount: '999' }],
    applications: [{ documentId: k1.id, amount: '999' }],
  });
  customers.push(c1, c2, c3);
  void i4;
});

const FIELDS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days91to120', 'over120', 'unapplied'] as const;

describe('aging as of any date', () => {
  test.each([0, -12, -45, -90, -160])(
    'as of today%i days, every bucket of every customer equals the independent computation',
    async (offset) => {
      const asOf = addDays(today(), offset);
      const expected = await expectedAging(asOf);
      const res = await agents.manager.get(`/api/reports/aging?asOf=${asOf}`);
      expect(res.status).toBe(200);
      const ours = customers.filter((c) => expected.has(c.id) || res.body.rows.some((r: { key: number }) => r.key === c.id));
      for (const c of ours) {
        const row = res.body.rows.find((r: { key: number }) => r.key === c.id);
        const exp = expected.get(c.id);
        expect(row).toBeDefined();
        for (const f of FIELDS)
          expect({ customer: c.code, asOf, field: f, value: row[f] }).toEqual({
            customer: c.code,
            asOf,
            field: f,
            value: (exp?.[f] ?? new D(0)).toFixed(2),
          });
        // Σ buckets − unapplied = the balance as of that date.
        const sumBuckets = FIELDS.filter((f) => f !== 'unapplied')
          .reduce((acc, f) => acc.plus(row[f]), new D(0))
          .minus(row.unapplied);
        expect(sumBuckets.toFixed(2)).toBe(row.total);
      }
    },
  );

  test('today, Σ buckets − unapplied equals the stored balance of every customer', async () => {
    const res = await agents.manager.get('/api/reports/aging');
    for (const c of customers) {
      const row = res.body.rows.find((r: { key: number }) => r.key === c.id);
      const balance = (await agents.clerk.get(`/api/customers/${c.id}`)).body.balance;
      expect(row?.total ?? '0.00').toBe(balance);
    }
    expect(res.body.totals.total).toBe(
      res.body.rows.reduce((acc: InstanceType<typeof D>, r: { total: string }) => acc.plus(r.total), new D(0)).toFixed(2),
    );
  });

  test('a cancellation after asOf is ignored: the invoice still counts then', async () => {
    const c2 = customers[1];
    const before = await agents.manager.get(`/api/reports/aging?asOf=${addDays(today(), -20)}`);
    const after = await agents.manager.get(`/api/reports/aging?asOf=${addDays(today(), -10)}`);
    const row = (r: typeof before) => r.body.rows.find((x: { key: number }) => x.key === c2.id);
    expect(row(before).total).toBe('1350.30');
    expect(row(after).total).toBe('550.30');
  });

  test('basis issue ages from the issue date', async () => {
    const asOf = today();
    const expected = await expectedAging(asOf, 'issue');
    const res = await agents.manager.get(`/api/reports/aging?basis=issue`);
    const row = res.body.rows.find((r: { key: number }) => r.key === customers[0].id);
    for (const f of FIELDS) expect(row[f]).toBe(expected.get(customers[0].id)![f].toFixed(2));
  });

  test('group by collector and rating; filters; CSV; drill-down to open items as of the date', async () => {
    const byCollector = await agents.manager.get(`/api/reports/aging?groupBy=collector&collectorId=${refs.collectorId}`);
    expect(byCollector.body.rows).toHaveLength(1);
    expect(byCollector.body.rows[0]).toMatchObject({ key: refs.collectorId, label: 'Cobrador Uno', customers: 2 });
    const byRating = await agents.manager.get('/api/reports/aging?groupBy=rating');
    expect(byRating.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(['A', 'B']);
    const asOf = addDays(today(), -45);
    const csv = await agents.manager.get(`/api/reports/aging.csv?asOf=${asOf}`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Código;Nombre;Clientes;A vencer;1 a 30 días;31 a 60 días;61 a 90 días;91 a 120 días;Más de 120 días;Créditos sin imputar;Total',
    );
    expect(lines[lines.length - 1].startsWith(';Total;')).toBe(true);
    // Signed for people: the credits on account are negative and every row's amounts add up to its total.
    for (const line of lines.slice(1)) {
      const amounts = line
        .split(';')
        .slice(3)
        .map((v) => new D(v.replace(',', '.')));
      const total = amounts.pop()!;
      expect(amounts.reduce((acc, v) => acc.plus(v), new D(0)).toFixed(2)).toBe(total.toFixed(2));
      expect(amounts[6].lte(0)).toBe(true);
    }
    const machine = await agents.manager.get(`/api/reports/aging.csv?asOf=${asOf}&dialect=rfc4180`);
    expect(machine.text.split('\n')[0]).toBe(
      'key,label,customers,notDue,days1to30,days31to60,days61to90,days91to120,over120,unapplied,total',
    );
    const drill = await agents.manager.get(`/api/reports/aging/customers/${customers[0].id}/open-items?asOf=${asOf}`);
    const expected = await expectedAging(asOf);
    const debitSum = drill.body.items
      .filter((i: { side: string }) => i.side === 'debit')
      .reduce((acc: InstanceType<typeof D>, i: { openAmount: string }) => acc.plus(i.openAmount), new D(0));
    const exp = expected.get(customers[0].id)!;
    expect(debitSum.toFixed(2)).toBe(
      FIELDS.filter((f) => f !== 'unapplied')
        .reduce((acc, f) => acc.plus(exp[f]), new D(0))
        .toFixed(2),
    );
    expect((await agents.manager.get(`/api/reports/aging?groupBy=planet`)).status).toBe(400);
    expect((await agents.manager.get(`/api/reports/aging?asOf=${addDays(today(), 5)}`)).status).toBe(400);
  });

  test('when sorted and paged, the count and the totals still cover every group', async () => {
    const all = (await agents.manager.get('/api/reports/aging')).body;
    expect(all.rows.length).toBeGreaterThan(1);
    const second = await agents.manager.get(`/api/reports/aging?sort=${encodeURIComponent('["total","DESC"]')}&range=[1,1]`);
    expect(second.body.rows).toEqual([all.rows[1]]);
    expect({ count: second.body.count, totals: second.body.totals }).toEqual({ count: all.count, totals: all.totals });
    const beyond = await agents.manager.get('/api/reports/aging?range=[50,60]');
    expect(beyond.body).toMatchObject({ count: all.count, totals: all.totals, rows: [] });
    const byName = await agents.manager.get(`/api/reports/aging?sort=${encodeURIComponent('["label","ASC"]')}`);
    const labels = byName.body.rows.map((r: { label: string }) => r.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'es')));
    const fewest = await agents.manager.get(`/api/reports/aging?sort=${encodeURIComponent('["over120","ASC"]')}&range=[0,0]`);
    expect(fewest.body.rows[0].over120).toBe(
      all.rows.map((r: { over120: string }) => r.over120).sort((a: string, b: string) => new D(a).comparedTo(b))[0],
    );
  });

  test('when the aging is asked an unknown sort or a reversed range, then it answers 400 as every list does', async () => {
    const sort = await agents.manager.get(`/api/reports/aging?sort=${encodeURIComponent('["legalName","ASC"]')}`);
    expect({ status: sort.status, code: sort.body.code }).toEqual({ status: 400, code: 'BAD_SORT' });
    const range = await agents.manager.get('/api/reports/aging?range=[5,1]');
    expect({ status: range.status, code: range.body.code }).toEqual({ status: 400, code: 'BAD_RANGE' });
    const wide = await agents.manager.get('/api/reports/aging?range=[0,4999]');
    expect(wide.status).toBe(200);
  });

  test('the dashboard adds up', async () => {
    const res = await agents.manager.get('/api/reports/dashboard');
    expect(res.status).toBe(200);
    const balances = await Promise.all(
      customers.map(async (c) => (await agents.clerk.get(`/api/customers/${c.id}`)).body.balance as string),
    );
    expect(res.body.receivable).toBe(balances.reduce((acc, b) => acc.plus(b), new D(0)).toFixed(2));
    expect(res.body.aging.total).toBe(res.body.receivable);
    expect(res.body.topDebtors[0].id).toBe(customers[0].id);
    expect(res.body.dso).toEqual(expect.any(Number));
    expect(res.body.overdueShare).toBeGreaterThan(0);
  });
});
