import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import { createCustomer } from '../support/ledger';
import { bankIds, chequeLine, errorPaths } from '../support/values';
import type { Role } from '../../server/src/http/permissions';

/*
 * The values cash-flow as of 2026-07-01: a row for payment dates already past, then weeks of
 * seven days (week 0 = 07-01..07-07, week 1 = 07-08..07-14, …, week 12 = 09-23..09-29, whose
 * last day is day 90). Every row below is added up by hand.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
const AS_OF = '2026-07-01';

const line = (amount: string, paymentDate: string, over: Record<string, unknown> = {}) =>
  chequeLine(banks['007'], { amount, issueDate: '2026-06-20', paymentDate, ...over });

beforeAll(async () => {
  company = await createTestCompany('Flujo de valores');
  agents = await agentsFor(company);
  banks = await bankIds(agents.clerk);
  const customer = await createCustomer(agents.clerk);
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: '2026-06-20',
    payments: [
      line('10.00', '2026-06-20'), // before: payable already, still held
      line('20.00', '2026-07-01'), // week 0, day 0
      line('40.00', '2026-07-07'), // week 0, day 6
      line('80.00', '2026-07-08'), // week 1, day 7
      line('160.00', '2026-09-29'), // week 12, day 90
      line('320.00', '2026-09-30'), // day 91: beyond the report
      line('640.00', '2026-07-02'), // deposited below: week 0, deposited
      line('1280.00', '2026-07-03'), // credited below: left out
      line('2560.00', '2026-07-15', { kind: 'echeq', echeqId: 'FLUJO0001' }), // week 2, pending acceptance
      line('5120.00', '2026-07-16', { kind: 'echeq', echeqId: 'FLUJO0002' }), // accepted below: week 2, accepted
      { ...line('99.00', '2026-07-01'), currency: 'USD', exchangeRate: '1000' }, // another currency
    ],
  });
  expect(res.status).toBe(201);
  const v = res.body.values as Array<{ id: number }>;
  const move = async (i: number, body: object) =>
    expect((await agents.clerk.post(`/api/values/${v[i].id}/transition`, body)).status).toBe(200);
  await move(6, { to: 'deposited', date: '2026-07-02' });
  await move(7, { to: 'deposited', date: '2026-07-03' });
  await move(7, { to: 'credited', date: '2026-07-04' });
  await move(9, { to: 'accepted', date: '2026-06-21' });
});

const cell = (count: number, amount: string) => ({ count, amount });
const zero = cell(0, '0.00');

describe('values cash-flow, next 90 days by week', () => {
  test('when the report is read as of a date, then each value falls in its week and state, and days past 90 are left out', async () => {
    const res = await agents.manager.get(`/api/reports/values-cashflow?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: AS_OF, to: '2026-09-29', currency: 'ARS' });
    const rows = res.body.rows as Array<{
      week: number | null;
      from: string | null;
      to: string;
      byState: object;
      count: number;
      amount: string;
    }>;
    expect(rows).toHaveLength(14);
    expect(rows[0]).toEqual({
      week: null,
      from: null,
      to: '2026-06-30',
      byState: { pending_acceptance: zero, accepted: zero, in_portfolio: cell(1, '10.00'), deposited: zero },
      count: 1,
      amount: '10.00',
    });
    expect(rows[1]).toEqual({
      week: 0,
      from: '2026-07-01',
      to: '2026-07-07',
      byState: { pending_acceptance: zero, accepted: zero, in_portfolio: cell(2, '60.00'), deposited: cell(1, '640.00') },
      count: 3,
      amount: '700.00',
    });
    expect(rows[2]).toMatchObject({ week: 1, from: '2026-07-08', to: '2026-07-14', count: 1, amount: '80.00' });
    expect(rows[3]).toMatchObject({
      week: 2,
      byState: { pending_acceptance: cell(1, '2560.00'), accepted: cell(1, '5120.00'), in_portfolio: zero, deposited: zero },
      amount: '7680.00',
    });
    expect(rows[13]).toMatchObject({ week: 12, from: '2026-09-23', to: '2026-09-29', count: 1, amount: '160.00' });
    expect(rows.slice(4, 13).every((r) => r.count === 0 && r.amount === '0.00')).toBe(true);
    expect(res.body.totals).toEqual({
      byState: {
        pending_acceptance: cell(1, '2560.00'),
        accepted: cell(1, '5120.00'),
        in_portfolio: cell(5, '310.00'),
        deposited: cell(1, '640.00'),
      },
      count: 8,
      amount: '8630.00',
    });
  });

  test('when asked in dollars, then only the dollar value is counted, at its own amount', async () => {
    const res = await agents.manager.get(`/api/reports/values-cashflow?asOf=${AS_OF}&currency=USD`);
    expect(res.body.totals).toMatchObject({ count: 1, amount: '99.00' });
    expect(res.body.rows[1]).toMatchObject({ week: 0, amount: '99.00' });
  });

  test('when exported, then the CSV has the Spanish headers, dd/mm/aaaa dates and comma decimals, totals last', async () => {
    const res = await agents.manager.get(`/api/reports/values-cashflow.csv?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .map((l) => l.split(';'));
    expect(rows[0]).toEqual([
      'Desde',
      'Hasta',
      'A aceptar (valores)',
      'A aceptar',
      'Aceptado (valores)',
      'Aceptado',
      'En cartera (valores)',
      'En cartera',
      'Depositado (valores)',
      'Depositado',
      'Valores',
      'Total',
    ]);
    expect(rows[1]).toEqual(['', '30/06/2026', '0', '0,00', '0', '0,00', '1', '10,00', '0', '0,00', '1', '10,00']);
    expect(rows[2]).toEqual(['01/07/2026', '07/07/2026', '0', '0,00', '0', '0,00', '2', '60,00', '1', '640,00', '3', '700,00']);
    expect(rows).toHaveLength(16);
    expect(rows[15]).toEqual([
      'Total',
      '29/09/2026',
      '1',
      '2560,00',
      '1',
      '5120,00',
      '5',
      '310,00',
      '1',
      '640,00',
      '8',
      '8630,00',
    ]);
  });

  test('when the rfc4180 dialect is asked for, then the headers are the keys', async () => {
    const res = await agents.manager.get(`/api/reports/values-cashflow.csv?asOf=${AS_OF}&dialect=rfc4180`);
    expect(res.text.split('\n')[0]).toBe(
      'from,to,pending_acceptanceCount,pending_acceptanceAmount,acceptedCount,acceptedAmount,in_portfolioCount,in_portfolioAmount,depositedCount,depositedAmount,count,amount',
    );
  });

  test.each([
    ['asOf=2026-02-30', 'asOf'],
    ['currency=EUR', 'currency'],
    ['dialect=xls', 'dialect'],
    ['weeks=3', 'weeks'],
  ])('when the query has %s, then 400 naming %s', async (query, path) => {
    const res = await agents.manager.get(`/api/reports/values-cashflow?${query}`);
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toEqual([path]);
  });
});
