import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Feriados');
  agents = await agentsFor(company);
});

const next = async (after: string) => {
  const res = await agents.clerk.get(`/api/holidays/next-working-day?after=${after}`);
  expect(res.status).toBe(200);
  return res.body.date as string;
};

// Expected days read off the official 2026–2027 calendar (argentina.gob.ar, Ley 27.399), by hand.
describe('the next working day', () => {
  test.each([
    ['a Tuesday, then the Wednesday', '2026-03-03', '2026-03-04'],
    ['a Friday, then the Monday', '2026-11-27', '2026-11-30'],
    ['a Saturday, then the Monday', '2026-11-28', '2026-11-30'],
    ['the day before Independence Day (Thursday) and the tourist Friday, then the Monday after', '2026-07-08', '2026-07-13'],
    ['a Friday before the tourist Monday and the Tuesday holiday, then the Wednesday', '2026-12-04', '2026-12-09'],
    ['the Sunday before Carnival, then the Wednesday', '2026-02-15', '2026-02-18'],
    ['the day before Holy Thursday and Good Friday, then the Monday', '2026-04-01', '2026-04-06'],
    ['a Friday before the movable Güemes Monday, then the Tuesday', '2026-06-12', '2026-06-16'],
    ['New Year’s Eve 2026 (New Year on a Friday), then Monday 4 January 2027', '2026-12-31', '2027-01-04'],
    ['the Tuesday before Holy Thursday 2027 (a día no laborable), then the Monday', '2027-03-23', '2027-03-29'],
  ])('when the day is %s', async (_story, after, expected) => {
    expect(await next(after)).toBe(expected);
  });

  test('when the admin adds a company holiday, then it is skipped; when the admin deletes it, then it counts again', async () => {
    expect(await next('2026-09-14')).toBe('2026-09-15');
    const added = await agents.admin.post('/api/holidays', { date: '2026-09-15', kind: 'non_working', name: 'Día del patrono' });
    expect(added.status).toBe(201);
    expect(await next('2026-09-14')).toBe('2026-09-16');
    expect((await agents.admin.delete(`/api/holidays/${added.body.id}`)).status).toBe(200);
    expect(await next('2026-09-14')).toBe('2026-09-15');
  });

  test('when a new company starts, then its holiday table holds the 2026 and 2027 national calendar', async () => {
    const rows = (await company.knex('holidays').where({ companyId: company.companyId }).select('date', 'kind')) as Array<{
      date: string;
      kind: string;
    }>;
    const dates = rows.map((r) => r.date);
    for (const d of ['2026-01-01', '2026-03-24', '2026-11-23', '2026-12-07', '2027-02-08', '2027-10-11'])
      expect(dates).toContain(d);
    expect(rows.find((r) => r.date === '2026-06-15')?.kind).toBe('movable');
    expect(rows.find((r) => r.date === '2026-03-23')?.kind).toBe('non_working');
  });

  test('when a non-admin writes a holiday or the input is bad, then it is refused and nothing is written', async () => {
    const before = await company.knex('holidays').where({ companyId: company.companyId }).count({ n: '*' }).first();
    expect((await agents.supervisor.post('/api/holidays', { date: '2026-09-21', kind: 'fixed', name: 'x' })).status).toBe(403);
    const bad = await agents.admin.post('/api/holidays', { date: '2026-02-30', kind: 'party', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['date', 'kind', 'name']);
    const twice = await agents.admin.post('/api/holidays', { date: '2026-12-25', kind: 'fixed', name: 'Navidad otra vez' });
    expect(twice.status).toBe(409);
    expect((await agents.clerk.get('/api/holidays/next-working-day?after=mañana')).status).toBe(400);
    const after = await company.knex('holidays').where({ companyId: company.companyId }).count({ n: '*' }).first();
    expect(after!.n).toBe(before!.n);
  });
});
