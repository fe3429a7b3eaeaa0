import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer } from '../support/ledger';
import { bankIds, chequeLine, daysFromToday, errorPaths } from '../support/values';
import type { Role } from '../../server/src/http/permissions';

/*
 * The portfolio's alerts, against today's date. By hand: "due for deposit within N days" is a
 * value still held whose payment date is at most today + N and whose presentation window
 * (30 days from its payment date) is still open; "stale" is a value held more than 5 days
 * after its payment date, or deposited or discounted more than 5 days ago without news.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
const ids: Record<string, number> = {};

/** A cheque received `receivedAgo` days ago, payable `payIn` days from today (deferred when after its issue). */
async function value(name: string, receivedAgo: number, payIn: number, amount: string) {
  const customer = await createCustomer(agents.clerk);
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: daysFromToday(-receivedAgo),
    payments: [chequeLine(banks['007'], { amount, issueDate: daysFromToday(-receivedAgo), paymentDate: daysFromToday(payIn) })],
  });
  expect(res.status).toBe(201);
  ids[name] = res.body.values[0].id;
}

const list = async (filter: Record<string, unknown>) => {
  const res = await agents.clerk.get(`/api/values${listQuery({ filter, range: [0, 99] })}`);
  expect(res.status).toBe(200);
  return (res.body as Array<{ id: number }>).map((v) => v.id).sort((a, b) => a - b);
};
const idsOf = (...names: string[]) => names.map((n) => ids[n]).sort((a, b) => a - b);

beforeAll(async () => {
  company = await createTestCompany('Alertas de cartera');
  agents = await agentsFor(company);
  banks = await bankIds(agents.clerk);
  await value('today', 0, 0, '100.00'); // common, payable today
  await value('in7', 0, 7, '200.00'); // deferred, day 7
  await value('in8', 0, 8, '400.00'); // deferred, day 8
  await value('past5', 5, -5, '800.00'); // common, payable 5 days ago
  await value('past6', 6, -6, '1600.00'); // common, payable 6 days ago
  await value('deposited5', 5, -5, '3200.00');
  await value('deposited6', 6, -6, '6400.00');
  for (const [name, ago] of [
    ['deposited5', 5],
    ['deposited6', 6],
  ] as const) {
    const res = await agents.clerk.post(`/api/values/${ids[name]}/transition`, { to: 'deposited', date: daysFromToday(-ago) });
    expect(res.status).toBe(200);
  }
});

describe('values due for deposit', () => {
  test('when asked for the next 7 days, then the values payable by day 7 are listed, day 8 is not, and a deposited one is not', async () => {
    expect(await list({ dueWithin: 7 })).toEqual(idsOf('today', 'in7', 'past5', 'past6'));
    expect(await list({ dueWithin: 8 })).toEqual(idsOf('today', 'in7', 'in8', 'past5', 'past6'));
    expect(await list({ dueWithin: 0 })).toEqual(idsOf('today', 'past5', 'past6'));
  });

  test.each([[-1], [91], ['x'], [1.5]])('when dueWithin is %p, then 400 naming it', async (days) => {
    const res = await agents.clerk.get(`/api/values${listQuery({ filter: { dueWithin: days } })}`);
    expect(res.status).toBe(400);
    // List filters name themselves in the message (as every filter of the simple-rest lists).
    expect(res.body.message).toContain('dueWithin');
  });
});

describe('stale values', () => {
  test('when a value is held 6 days past its payment date or at the bank 6 days without news, then it is stale; at 5 days it is not', async () => {
    expect(await list({ stale: true })).toEqual(idsOf('past6', 'deposited6'));
    const all = (await agents.clerk.get(`/api/values${listQuery({ range: [0, 99] })}`)).body as Array<{
      id: number;
      stale: boolean;
    }>;
    expect(
      all
        .filter((v) => v.stale)
        .map((v) => v.id)
        .sort((a, b) => a - b),
    ).toEqual(idsOf('past6', 'deposited6'));
  });

  test('when a stale deposited value is credited, then it is no longer stale', async () => {
    const res = await agents.clerk.post(`/api/values/${ids.deposited6}/transition`, { to: 'credited', date: daysFromToday(0) });
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(false);
    expect(await list({ stale: true })).toEqual(idsOf('past6'));
  });
});

describe('the dashboard', () => {
  test('when the dashboard is read, then its value alerts count and add up the same values as the lists', async () => {
    const res = await agents.manager.get('/api/reports/dashboard');
    expect(res.status).toBe(200);
    // Due in 7 days: today 100 + in7 200 + past5 800 + past6 1600.
    expect(res.body.valuesDue).toEqual({ days: 7, count: 4, amount: '2700.00' });
    // Stale: past6 1600 (deposited6 was credited above).
    expect(res.body.valuesStale).toEqual({ count: 1, amount: '1600.00' });
    const wider = await agents.manager.get('/api/reports/dashboard?dueDays=8');
    expect(wider.body.valuesDue).toEqual({ days: 8, count: 5, amount: '3100.00' });
  });

  test.each([['91'], ['-1'], ['siete']])('when dueDays is %p, then 400 naming it', async (days) => {
    const res = await agents.manager.get(`/api/reports/dashboard?dueDays=${days}`);
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toEqual(['dueDays']);
  });
});

describe('values offered for a deposit slip on a date', () => {
  test('when the portfolio is filtered to deposit on a day, then only held values payable by then (or common cheques) are offered', async () => {
    // Held: today, in7 and in8 (deferred), past5 and past6 (common). On day 7: all but in8; today: the common ones and today's.
    expect(await list({ depositableOn: daysFromToday(7) })).toEqual(idsOf('today', 'in7', 'past5', 'past6'));
    expect(await list({ depositableOn: daysFromToday(6) })).toEqual(idsOf('today', 'past5', 'past6'));
    expect(await list({ depositableOn: daysFromToday(8) })).toEqual(idsOf('today', 'in7', 'in8', 'past5', 'past6'));
  });

  test('when the deposit day is not a date, then 400', async () => {
    const res = await agents.clerk.get(`/api/values${listQuery({ filter: { depositableOn: '2026-13-01' } })}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('depositableOn');
  });
});
