import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences, type RefIds } from '../support/master-data';
import { createCustomer, postInvoice } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let refs: RefIds;
let other: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Cobranzas');
  agents = await agentsFor(company);
  refs = await createReferences(agents.admin, 'K');
  other = await agentsFor(await createTestCompany('Otra cobranza'));
});

const tomorrow = () => addDays(today(), 1);

async function callCount(): Promise<number> {
  const row = await company.knex('collection_calls').where({ companyId: company.companyId }).count({ n: '*' }).first();
  return Number(row!.n);
}

describe('collection calls', () => {
  test('a call with a promise, a next contact and an agreed visit is logged and shows on the debtor', async () => {
    const customer = await createCustomer(agents.clerk, { collectorId: refs.collectorId });
    await postInvoice(agents.clerk, customer.id, '5000', { issueDate: '2026-08-01', dueDate: '2026-08-31' });
    const contact = (
      await agents.clerk.post('/api/contacts', {
        customerId: customer.id,
        name: 'Laura Pagos',
        phone: '11 4111-2222',
        isCollectionsContact: true,
      })
    ).body;
    const branch = (
      await agents.clerk.post('/api/branches', {
        customerId: customer.id,
        code: 'DEP',
        name: 'Depósito',
        street: 'Calle 12 Nº 345',
        city: 'Quilmes',
      })
    ).body;
    const res = await agents.clerk.post('/api/collection-calls', {
      customerId: customer.id,
      contactId: contact.id,
      channel: 'phone',
      outcome: 'promise',
      response: 'Dice que paga el viernes con cheque',
      promiseDate: tomorrow(),
      promiseAmount: '3000',
      nextContactAt: `${tomorrow()}T10:00:00-03:00`,
      visitDate: tomorrow(),
      visitFrom: '09:00',
      visitTo: '11:30',
      visitBranchId: branch.id,
      collectorId: refs.collectorId,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: agents.clerk.userId,
      contactName: 'Laura Pagos',
      promiseStatus: 'pending',
      visitFrom: '09:00',
      visitTo: '11:30',
      collectorName: 'Cobrador Uno',
    });
    const debtor = (await agents.supervisor.get(`/api/debtors${listQuery({ filter: { q: customer.code } })}`)).body[0];
    expect(debtor).toMatchObject({
      balance: '5000.00',
      overdue: '5000.00',
      oldestDueDate: '2026-08-31',
      promiseDate: tomorrow(),
      promiseAmount: '3000.00',
      brokenPromise: false,
    });
    expect(debtor.daysOverdue).toBeGreaterThan(80);
    expect(debtor.lastCallAt).toBeTruthy();
    expect(debtor.nextContactAt).toBeTruthy();
  });

  test.each([
    [
      'a visit window that ends before it starts',
      { visitDate: tomorrow(), visitFrom: '12:00', visitTo: '10:00', collectorId: 0 },
      'visitTo',
    ],
    ['a promise in the past', { outcome: 'promise', promiseDate: '2020-01-01', promiseAmount: '10' }, 'promiseDate'],
    ['a promise without amount', { outcome: 'promise', promiseDate: tomorrow() }, 'promiseAmount'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['a visit without collector', { visitDate: tomorrow() }, 'collectorId'],
    ['a visit in the past', { visitDate: '2020-01-01', collectorId: 0 }, 'visitDate'],
    ['a bad time', { visitDate: tomorrow(), visitFrom: '25:00', collectorId: 0 }, 'visitFrom'],
  ])('%s is refused and nothing is written', async (...row) => {
    const [, extra, path] = row as [string, Record<string, unknown>, string];
    const customer = await createCustomer(agents.clerk);
    const body: Record<string, unknown> = { customerId: customer.id, channel: 'phone', outcome: 'callback', ...extra };
    if (body.collectorId === 0) body.collectorId = refs.collectorId;
    const before = await callCount();
    const res = await agents.clerk.post('/api/collection-calls', body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await callCount()).toBe(before);
  });

  test("a contact of another customer, or another company's collector, is refused", async () => {
    const a = await createCustomer(agents.clerk);
    const b = await createCustomer(agents.clerk);
    const contactOfB = (await agents.clerk.post('/api/contacts', { customerId: b.id, name: 'De B' })).body;
    const before = await callCount();
    const res = await agents.clerk.post('/api/collection-calls', {
      customerId: a.id,
      contactId: contactOfB.id,
      channel: 'phone',
      outcome: 'no_answer',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.contactId).toMatch(/no es de ese cliente/);
    const otherCollector = (await other.admin.post('/api/collectors', { code: 'OC', name: 'Ajeno' })).body;
    const res2 = await agents.clerk.post('/api/collection-calls', {
      customerId: a.id,
      channel: 'visit',
      outcome: 'callback',
      visitDate: tomorrow(),
      collectorId: otherCollector.id,
    });
    expect(res2.status).toBe(400);
    expect(await callCount()).toBe(before);
  });

  test('a manager reads calls but does not log them', async () => {
    const customer = await createCustomer(agents.clerk);
    expect(
      (await agents.manager.post('/api/collection-calls', { customerId: customer.id, channel: 'phone', outcome: 'no_answer' }))
        .status,
    ).toBe(403);
    expect((await agents.manager.get('/api/collection-calls')).status).toBe(200);
  });
});

describe('promises: kept, partly kept, broken — the debtors list and the agenda agree', () => {
  test('a promise whose date passed is broken unless receipts since the call cover it', async () => {
    const mk = async (received: string | null) => {
      const customer = await createCustomer(agents.clerk);
      await postInvoice(agents.clerk, customer.id, '1000', { issueDate: '2026-06-01', dueDate: '2026-06-30' });
      const call = await agents.clerk.post('/api/collection-calls', {
        customerId: customer.id,
        channel: 'phone',
        outcome: 'promise',
        promiseDate: tomorrow(),
        promiseAmount: '600',
        nextContactAt: `${today()}T08:00:00-03:00`,
      });
      expect(call.status).toBe(201);
      if (received)
        await agents.clerk.post('/api/receipts', {
          customerId: customer.id,
          issueDate: today(),
          payments: [{ method: 'cash', amount: received }],
        });
      // The promised day passes.
      await company
        .knex('collection_calls')
        .where({ id: call.body.id })
        .update({ promiseDate: addDays(today(), -1) });
      await company
        .knex('customers')
        .where({ id: customer.id })
        .update({ promiseDate: addDays(today(), -1) });
      return { customer, callId: call.body.id as number };
    };
    const kept = await mk('600');
    const partly = await mk('250');
    const broken = await mk(null);
    const status = async (callId: number) => (await agents.clerk.get(`/api/collection-calls/${callId}`)).body.promiseStatus;
    expect(await status(kept.callId)).toBe('kept');
    expect(await status(partly.callId)).toBe('broken');
    expect(await status(broken.callId)).toBe('broken');

    const debtors = await agents.supervisor.get(`/api/debtors${listQuery({ filter: { brokenPromise: true }, range: [0, 999] })}`);
    const ids = debtors.body.map((d: { id: number }) => d.id);
    expect(ids).toEqual(expect.arrayContaining([partly.customer.id, broken.customer.id]));
    expect(ids).not.toContain(kept.customer.id);
    const partlyRow = debtors.body.find((d: { id: number }) => d.id === partly.customer.id);
    expect(partlyRow).toMatchObject({ promiseAmount: '600.00', promiseReceived: '250.00', brokenPromise: true });
    expect(debtors.body.find((d: { id: number }) => d.id === broken.customer.id).promiseReceived).toBe('0.00');

    const agenda = await agents.supervisor.get('/api/agenda?scope=team');
    expect(agenda.status).toBe(200);
    const brokenIds = agenda.body.brokenPromises.map((d: { id: number }) => d.id);
    expect(brokenIds.sort()).toEqual(ids.filter((id: number) => [kept, partly, broken].some((x) => x.customer.id === id)).sort());
    const dueIds = agenda.body.due.map((d: { id: number }) => d.id);
    expect(dueIds).toEqual(expect.arrayContaining([kept.customer.id, partly.customer.id, broken.customer.id]));
    const mine = await agents.clerk.get('/api/agenda?scope=mine');
    expect(mine.body.due.map((d: { id: number }) => d.id)).toEqual(expect.arrayContaining([broken.customer.id]));
    expect(mine.body.brokenPromises.map((d: { id: number }) => d.id)).toEqual(
      expect.arrayContaining([partly.customer.id, broken.customer.id]),
    );
    const supervisorsOwn = await agents.supervisor.get('/api/agenda?scope=mine');
    expect(supervisorsOwn.body.due.map((d: { id: number }) => d.id)).not.toContain(broken.customer.id);
    // The promises were taken by the clerk: they are not on the supervisor's own agenda.
    expect(supervisorsOwn.body.brokenPromises.map((d: { id: number }) => d.id)).not.toContain(broken.customer.id);
  });
});

describe('debtors list filters, alone and combined', () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    const c2 = (await agents.admin.post('/api/collectors', { code: 'K2', name: 'Cobradora Dos' })).body.id;
    const mk = async (key: string, o: Record<string, unknown>, invoice: { total: string; due: string }) => {
      const c = await createCustomer(agents.supervisor, { legalName: `Deudor ${key} S.A.`, ...o });
      await postInvoice(agents.clerk, c.id, invoice.total, { issueDate: '2026-01-02', dueDate: invoice.due });
      return [key, c.id] as const;
    };
    ids = Object.fromEntries([
      await mk(
        'A',
        { collectorId: refs.collectorId, salespersonId: refs.salespersonId, segment1Id: refs.segmentIds[0], rating: 'A' },
        { total: '100', due: '2099-01-01' },
      ),
      await mk(
        'B',
        { collectorId: refs.collectorId, rating: 'B', segment2Id: refs.segmentIds[1] },
        { total: '5000', due: '2026-01-31' },
      ),
      await mk(
        'C',
        { collectorId: c2, rating: 'C', status: 'suspended', segment3Id: refs.segmentIds[2], segment4Id: refs.segmentIds[3] },
        { total: '900', due: addDays(today(), -10) },
      ),
    ]);
  });
  const find = async (filter: Record<string, unknown>) =>
    (
      await agents.supervisor.get(
        `/api/debtors${listQuery({ filter: { q: 'deudor', ...filter }, sort: ['code', 'ASC'], range: [0, 99] })}`,
      )
    ).body
      .map((d: { id: number }) => Object.entries(ids).find(([, id]) => id === d.id)?.[0])
      .sort()
      .join('');

  test('each filter alone', async () => {
    expect(await find({})).toBe('ABC');
    expect(await find({ collectorId: refs.collectorId })).toBe('AB');
    expect(await find({ salespersonId: refs.salespersonId })).toBe('A');
    expect(await find({ segment1Id: refs.segmentIds[0] })).toBe('A');
    expect(await find({ segment2Id: refs.segmentIds[1] })).toBe('B');
    expect(await find({ segment3Id: refs.segmentIds[2] })).toBe('C');
    expect(await find({ segment4Id: refs.segmentIds[3] })).toBe('C');
    expect(await find({ rating: 'B' })).toBe('B');
    expect(await find({ status: 'suspended' })).toBe('C');
    expect(await find({ minOverdue: '1000' })).toBe('B');
    expect(await find({ minDaysOverdue: 30 })).toBe('B');
    expect(await find({ minDaysOverdue: 5 })).toBe('BC');
  });

  test('filters combined', async () => {
    expect(await find({ collectorId: refs.collectorId, minDaysOverdue: 1 })).toBe('B');
    expect(await find({ collectorId: refs.collectorId, rating: 'A', minOverdue: '0' })).toBe('A');
    expect(await find({ status: 'suspended', minOverdue: '1000' })).toBe('');
  });

  test('sorting by days overdue and an unknown filter', async () => {
    const res = await agents.supervisor.get(
      `/api/debtors${listQuery({ filter: { q: 'deudor' }, sort: ['daysOverdue', 'DESC'] })}`,
    );
    expect(res.body[0].id).toBe(ids.B);
    expect((await agents.supervisor.get(`/api/debtors${listQuery({ filter: { minOverdue: 'mucho' } })}`)).status).toBe(400);
    expect((await agents.supervisor.get(`/api/debtors${listQuery({ filter: { color: 'rojo' } })}`)).status).toBe(400);
    const csv = await agents.manager.get(
      `/api/debtors/export.csv${listQuery({ filter: { q: 'deudor', collectorId: refs.collectorId } })}`,
    );
    expect(csv.text.trim().split('\n')).toHaveLength(3);
  });
});

describe('collection sheet', () => {
  test("a collector's visits of a day, in time order, with the right totals; the result is recorded afterwards", async () => {
    const col = (await agents.admin.post('/api/collectors', { code: 'HOJA', name: 'Ramón Cobrador', phone: '11 5000-0000' })).body
      .id;
    const otherCol = (await agents.admin.post('/api/collectors', { code: 'HOJA2', name: 'Otro' })).body.id;
    const day = addDays(today(), 2);
    const mk = async (name: string, from: string, to: string, collectorId: number, visitDate: string, promise?: string) => {
      const c = await createCustomer(agents.clerk, {
        legalName: name,
        street: `${name} 100`,
        city: 'Lanús',
        phone: '11 4000-0001',
      });
      await postInvoice(agents.clerk, c.id, '1000', { issueDate: '2026-09-01', dueDate: '2026-09-30' });
      await postInvoice(agents.clerk, c.id, '500', { issueDate: '2026-10-01', dueDate: '2026-10-31' });
      await agents.clerk.post('/api/contacts', {
        customerId: c.id,
        name: `Contacto ${name}`,
        mobile: '11 6000-0000',
        isCollectionsContact: true,
      });
      const call = await agents.clerk.post('/api/collection-calls', {
        customerId: c.id,
        channel: 'phone',
        outcome: promise ? 'promise' : 'callback',
        ...(promise ? { promiseDate: day, promiseAmount: promise } : {}),
        visitDate,
        visitFrom: from,
        visitTo: to,
        collectorId,
      });
      expect(call.status).toBe(201);
      return { customer: c, callId: call.body.id as number };
    };
    const late = await mk('Tarde', '15:00', '17:00', col, day, '800');
    const early = await mk('Temprano', '08:30', '10:00', col, day);
    await mk('Otro cobrador', '09:00', '10:00', otherCol, day);
    await mk('Otro día', '09:00', '10:00', col, addDays(day, 1));
    const sheet = await agents.supervisor.get(`/api/collection-sheets?collectorId=${col}&date=${day}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.visits.map((v: { customerName: string }) => v.customerName)).toEqual(['Temprano', 'Tarde']);
    expect(sheet.body.visits[0]).toMatchObject({
      visitFrom: '08:30',
      visitTo: '10:00',
      street: 'Temprano 100',
      contactName: 'Contacto Temprano',
      contactPhone: '11 6000-0000',
      totalDue: '1500.00',
    });
    expect(sheet.body.visits[0].openItems).toHaveLength(2);
    expect(sheet.body.totals).toEqual({
      visits: 2,
      due: '3000.00',
      promised: '800.00',
      byCurrency: [{ currency: 'ARS', visits: 2, due: '3000.00', promised: '800.00' }],
    });
    expect(sheet.body.collector.name).toBe('Ramón Cobrador');
    const csv = await agents.supervisor.get(`/api/collection-sheets/export.csv?collectorId=${col}&date=${day}`);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(';').slice(0, 4)).toEqual(['Desde', 'Hasta', 'Código de cliente', 'Cliente']);
    expect(lines[1].split(';').slice(0, 4)).toEqual(['08:30', '10:00', early.customer.code, 'Temprano']);

    const receipt = await agents.clerk.post('/api/receipts', {
      customerId: late.customer.id,
      issueDate: today(),
      payments: [{ method: 'cash', amount: '800' }],
    });
    const result = await agents.supervisor.put(`/api/collection-calls/${late.callId}/visit-result`, {
      visitResult: 'collected',
      visitReceiptId: receipt.body.id,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ visitResult: 'collected', visitReceiptId: receipt.body.id, visitAmount: '800.00' });
    const wrongReceipt = await agents.supervisor.put(`/api/collection-calls/${early.callId}/visit-result`, {
      visitResult: 'collected',
      visitReceiptId: receipt.body.id,
    });
    expect(wrongReceipt.status).toBe(400);
  });

  test("another company's collector is a 404; bad parameters a 400", async () => {
    const foreign = (await other.admin.post('/api/collectors', { code: 'FX', name: 'Foráneo' })).body.id;
    expect((await agents.supervisor.get(`/api/collection-sheets?collectorId=${foreign}&date=${today()}`)).status).toBe(404);
    expect((await agents.supervisor.get(`/api/collection-sheets?collectorId=x&date=${today()}`)).status).toBe(400);
    expect((await agents.supervisor.get(`/api/collection-sheets?collectorId=${foreign}`)).status).toBe(400);
  });
});
