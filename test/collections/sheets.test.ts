import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer, postInvoice } from '../support/ledger';
import { addDays, today } from '../../server/src/lib/dates';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let other: Record<Role, Agent>;
let tag = 0;

beforeAll(async () => {
  company = await createTestCompany('Hojas');
  agents = await agentsFor(company);
  other = await agentsFor(await createTestCompany('Otra hoja'));
});

interface Stop {
  stopId: number | null;
  customerId: number;
  customerName: string;
  callId: number | null;
  result: string | null;
  resultAmount: string | null;
  resultReceiptId: number | null;
  resultCallId: number | null;
}

async function collector(): Promise<number> {
  tag += 1;
  const res = await agents.admin.post('/api/collectors', { code: `SH${tag}`, name: `Cobrador ${tag}` });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function debtor(name: string): Promise<number> {
  const c = await createCustomer(agents.clerk, { legalName: name });
  await postInvoice(agents.clerk, c.id, '1000', { issueDate: '2026-09-01', dueDate: '2026-09-30' });
  return c.id;
}

async function sheet(collectorId: number, date: string): Promise<Stop[]> {
  const res = await agents.supervisor.get(`/api/collection-sheets?collectorId=${collectorId}&date=${date}`);
  expect(res.status).toBe(200);
  return res.body.visits;
}

const names = (stops: Stop[]) => stops.map((s) => s.customerName);

async function stopRows(collectorId: number) {
  return company
    .knex('collection_sheet_stops as s')
    .join('collection_sheets as h', 'h.id', 's.sheet_id')
    .where({ 'h.collectorId': collectorId })
    .orderBy('s.id')
    .select('s.id', 's.position', 's.customerId', 's.removedAt', 's.result');
}

async function auditCount(): Promise<number> {
  const row = await company.knex('audit_events').where({ companyId: company.companyId }).count({ n: '*' }).first();
  return Number(row!.n);
}

describe('building a collection sheet', () => {
  test('when a supervisor adds debtors to a sheet with an agreed visit, reorders and removes a stop, then the sheet keeps that route', async () => {
    const col = await collector();
    const day = addDays(today(), 3);
    const visited = await debtor('Visitado');
    const call = await agents.clerk.post('/api/collection-calls', {
      customerId: visited,
      channel: 'phone',
      outcome: 'callback',
      visitDate: day,
      visitFrom: '10:00',
      visitTo: '11:00',
      collectorId: col,
    });
    expect(call.status).toBe(201);
    // Before anything is built, the agreed visit shows without a stop of its own.
    expect(await sheet(col, day)).toMatchObject([{ customerName: 'Visitado', stopId: null, callId: call.body.id }]);

    const [a, b] = [await debtor('Alfa'), await debtor('Beta')];
    const add = await agents.supervisor.post('/api/collection-sheets/stops', {
      collectorId: col,
      date: day,
      customerIds: [a, visited, b],
    });
    expect(add.status).toBe(200);
    expect(add.body.added).toEqual([a, b]);
    expect(add.body.skipped).toEqual([visited]);
    expect(names(add.body.sheet.visits)).toEqual(['Visitado', 'Alfa', 'Beta']);
    expect(add.body.sheet.visits.every((s: Stop) => s.stopId)).toBe(true);

    const ids = (add.body.sheet.visits as Stop[]).map((s) => s.stopId!);
    const reorder = await agents.clerk.put('/api/collection-sheets/order', {
      collectorId: col,
      date: day,
      stopIds: [ids[2], ids[0], ids[1]],
    });
    expect(reorder.status).toBe(200);
    expect(names(reorder.body.visits)).toEqual(['Beta', 'Visitado', 'Alfa']);

    const removed = await agents.supervisor.delete(`/api/collection-sheets/stops/${ids[1]}`);
    expect(removed.status).toBe(200);
    expect(names(removed.body.visits)).toEqual(['Beta', 'Visitado']);
    expect(names(await sheet(col, day))).toEqual(['Beta', 'Visitado']);
    // The removed stop stays as history, out of the sheet.
    const rows = await stopRows(col);
    expect(rows.filter((r) => r.removedAt).map((r) => r.id)).toEqual([ids[1]]);
    const actions = (await company
      .knex('audit_events')
      .where({ companyId: company.companyId })
      .whereIn('entity', ['collection_sheets', 'collection_sheet_stops'])
      .pluck('action')) as string[];
    expect(actions.sort()).toEqual(['add_stop', 'add_stop', 'create', 'remove_stop', 'reorder_stops']);
  });

  test('when the visit of a call on the sheet moves to another day, then it leaves the sheet with it', async () => {
    const col = await collector();
    const day = addDays(today(), 2);
    const c = await debtor('Mudado');
    const call = await agents.clerk.post('/api/collection-calls', {
      customerId: c,
      channel: 'phone',
      outcome: 'callback',
      visitDate: day,
      collectorId: col,
    });
    expect((await agents.supervisor.post('/api/collection-sheets', { collectorId: col, date: day })).body.visits).toHaveLength(1);
    expect((await agents.clerk.put(`/api/collection-calls/${call.body.id}`, { visitDate: addDays(day, 1) })).status).toBe(200);
    expect(await sheet(col, day)).toEqual([]);
    expect(names(await sheet(col, addDays(day, 1)))).toEqual(['Mudado']);
  });

  test('when stops are added to one sheet in parallel, then every customer is on it once, each at its own position', async () => {
    const col = await collector();
    const day = addDays(today(), 4);
    const customers = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((n) => debtor(n)));
    const answers = await Promise.all(
      customers.map((id, i) =>
        agents.supervisor.post('/api/collection-sheets/stops', {
          collectorId: col,
          date: day,
          customerIds: [id, customers[(i + 1) % customers.length]],
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(customers.map(() => 200));
    const rows = await stopRows(col);
    expect(rows.map((r) => r.customerId).sort()).toEqual([...customers].sort());
    expect(rows.map((r) => r.position).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    const sheets = await company.knex('collection_sheets').where({ collectorId: col }).count({ n: '*' }).first();
    expect(Number(sheets!.n)).toBe(1);
  });

  test('when the input is bad or not the company’s, then the answer is a 4xx and nothing is written', async () => {
    const col = await collector();
    const day = addDays(today(), 1);
    const mine = await debtor('Propio');
    const foreignCustomer = await createCustomer(other.clerk, {});
    const foreignCollector = (await other.admin.post('/api/collectors', { code: 'FX', name: 'Foráneo' })).body.id;
    const someStop = (await company.knex('collection_sheet_stops').where({ companyId: company.companyId }).first('id'))!.id;
    const before = await auditCount();
    const post = (body: unknown, agent = agents.supervisor) => agent.post('/api/collection-sheets/stops', body);
    const refused: Array<[string, Promise<{ status: number; body: { details?: Array<{ path: string }> } }>, number, string?]> = [
      [
        'another company’s customer',
        post({ collectorId: col, date: day, customerIds: [mine, foreignCustomer.id] }),
        400,
        'customerIds.1',
      ],
      [
        'another company’s collector',
        post({ collectorId: foreignCollector, date: day, customerIds: [mine] }),
        400,
        'collectorId',
      ],
      ['a past day', post({ collectorId: col, date: addDays(today(), -1), customerIds: [mine] }), 400, 'date'],
      ['no customers', post({ collectorId: col, date: day, customerIds: [] }), 400, 'customerIds'],
      ['a bad date', post({ collectorId: col, date: '2026-13-01', customerIds: [mine] }), 400, 'date'],
      ['a repeated customer', post({ collectorId: col, date: day, customerIds: [mine, mine] }), 400, 'customerIds.1'],
      ['a manager', post({ collectorId: col, date: day, customerIds: [mine] }, agents.manager), 403],
      [
        'a reorder naming a stop of no sheet',
        agents.supervisor.put('/api/collection-sheets/order', { collectorId: col, date: day, stopIds: [999999] }),
        400,
        'stopIds',
      ],
      ['another company’s stop', other.supervisor.delete(`/api/collection-sheets/stops/${someStop}`), 404],
      ['a result without kind', agents.supervisor.put(`/api/collection-sheets/stops/${someStop}/result`, {}), 400, 'result'],
    ];
    for (const [story, answer, status, path] of refused) {
      const res = await answer;
      expect([story, res.status]).toEqual([story, status]);
      if (path) expect([story, res.body.details?.map((d) => d.path)]).toEqual([story, expect.arrayContaining([path])]);
    }
    // The refused reorder opened nothing either: no sheet, no stop, no audit event.
    expect(await stopRows(col)).toEqual([]);
    expect(await company.knex('collection_sheets').where({ collectorId: col }).first()).toBeUndefined();
    expect(await auditCount()).toBe(before);
  });
});

describe('recording what each stop brought back', () => {
  test('when the results of today’s round are recorded, then cobró carries its receipt, a promise and a refusal become calls, no estaba marks the stop', async () => {
    const col = await collector();
    const day = today();
    const [paid, away, promised, refusing] = [
      await debtor('Pagó'),
      await debtor('Ausente'),
      await debtor('Promete'),
      await debtor('Niega'),
    ];
    const built = await agents.supervisor.post('/api/collection-sheets/stops', {
      collectorId: col,
      date: day,
      customerIds: [paid, away, promised, refusing],
    });
    const stop = Object.fromEntries((built.body.sheet.visits as Stop[]).map((s) => [s.customerName, s.stopId!]));
    const receipt = await agents.clerk.post('/api/receipts', {
      customerId: paid,
      issueDate: day,
      payments: [{ method: 'cash', amount: '640.50' }],
    });
    expect(receipt.status).toBe(201);
    const result = (id: number, body: unknown) => agents.clerk.put(`/api/collection-sheets/stops/${id}/result`, body);

    // A receipt of another customer is not this stop's collection.
    const wrong = await result(stop['Ausente'], { result: 'collected', receiptId: receipt.body.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].path).toBe('receiptId');
    expect((await result(stop['Niega'], { result: 'refused' })).status).toBe(400);
    expect((await result(stop['Promete'], { result: 'promise', promiseDate: addDays(day, 7) })).status).toBe(400);
    expect(
      (await result(stop['Promete'], { result: 'promise', promiseDate: addDays(day, -1), promiseAmount: '10' })).status,
    ).toBe(400);
    expect(await company.knex('collection_calls').whereIn('customerId', [promised, refusing]).first()).toBeUndefined();

    expect((await result(stop['Pagó'], { result: 'collected', receiptId: receipt.body.id })).status).toBe(200);
    expect((await result(stop['Ausente'], { result: 'not_home' })).status).toBe(200);
    expect(
      (await result(stop['Promete'], { result: 'promise', promiseDate: addDays(day, 7), promiseAmount: '300' })).status,
    ).toBe(200);
    const last = await result(stop['Niega'], { result: 'refused', reason: 'Dice que la mercadería llegó fallada' });
    expect(last.status).toBe(200);

    const byName = Object.fromEntries((last.body.visits as Stop[]).map((s) => [s.customerName, s]));
    expect(byName['Pagó']).toMatchObject({ result: 'collected', resultReceiptId: receipt.body.id, resultAmount: '640.50' });
    expect(byName['Ausente']).toMatchObject({ result: 'not_home', resultCallId: null });
    const promiseCall = await agents.clerk.get(`/api/collection-calls/${byName['Promete'].resultCallId}`);
    expect(promiseCall.body).toMatchObject({
      customerId: promised,
      channel: 'visit',
      outcome: 'promise',
      promiseDate: addDays(day, 7),
      promiseAmount: '300.00',
    });
    const debtors = await agents.clerk.get(`/api/debtors?filter=${encodeURIComponent(JSON.stringify({ id: [promised] }))}`);
    expect(debtors.body[0]).toMatchObject({ promiseDate: addDays(day, 7), promiseAmount: '300.00' });
    const refusal = await agents.clerk.get(`/api/collection-calls/${byName['Niega'].resultCallId}`);
    expect(refusal.body).toMatchObject({ outcome: 'refused', response: 'Dice que la mercadería llegó fallada' });

    // The same receipt cannot prove two stops; a result that logged a call is final; a stop with a result stays on.
    expect((await result(stop['Ausente'], { result: 'collected', receiptId: receipt.body.id })).status).toBe(400);
    expect((await result(stop['Promete'], { result: 'not_home' })).status).toBe(409);
    expect((await agents.supervisor.delete(`/api/collection-sheets/stops/${stop['Ausente']}`)).status).toBe(409);
    // No estaba can be corrected once the collector reports back.
    expect((await result(stop['Ausente'], { result: 'not_home', reason: 'Local cerrado' })).status).toBe(200);
  });

  test('when a result is recorded for a day still to come, then it is refused', async () => {
    const col = await collector();
    const c = await debtor('Futuro');
    const built = await agents.supervisor.post('/api/collection-sheets/stops', {
      collectorId: col,
      date: addDays(today(), 1),
      customerIds: [c],
    });
    const res = await agents.clerk.put(`/api/collection-sheets/stops/${built.body.sheet.visits[0].stopId}/result`, {
      result: 'not_home',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VISIT_NOT_DUE');
  });
});
