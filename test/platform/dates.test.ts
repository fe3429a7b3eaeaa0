import { today } from '../../server/src/lib/dates';

describe('today', () => {
  it('when asked around midnight in Buenos Aires (UTC−3), then the date turns at 03:00 UTC, however often it is asked', () => {
    const asked = [
      '2026-12-05T02:59:59.000Z',
      '2026-12-05T02:59:59.999Z',
      '2026-12-05T03:00:00.000Z',
      '2026-12-05T02:59:59.500Z',
    ];
    expect(asked.map((iso) => today(new Date(iso)))).toEqual(['2026-12-04', '2026-12-04', '2026-12-05', '2026-12-04']);
  });

  it('when asked twice for the same instant, then both answers are the same date as a fresh formatter gives', () => {
    const at = new Date('2026-07-09T12:00:00Z');
    const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Argentina/Buenos_Aires' }).format(at);
    expect([today(at), today(at)]).toEqual([fresh, fresh]);
  });
});
