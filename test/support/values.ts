import { listQuery, type Agent } from './app';
import { makeCuit } from './master-data';
import { addDays, today } from '../../server/src/lib/dates';

/** Bank ids by BCRA code (`'007'` → id). */
export async function bankIds(agent: Agent): Promise<Record<string, number>> {
  const list = await agent.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  return Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
}

/** The `details[].path` of an error answer. */
export const errorPaths = (res: { body: { details?: Array<{ path: string }> } }) => (res.body.details ?? []).map((d) => d.path);

let serial = 70000000 + Math.floor(Math.random() * 1000000);

/** A third-party paper cheque payment line, its number unique; common (payable at sight) unless told otherwise. */
export function chequeLine(bankId: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    method: 'third_party_cheque',
    amount: '1000.00',
    bankId,
    number: String(serial),
    issueDate: '2026-06-01',
    paymentDate: '2026-06-01',
    drawerTaxId: makeCuit('30'),
    drawerName: 'Librador S.A.',
    ...over,
  };
}

/** A day `n` days from today in Argentina (the database's CURRENT_DATE), `YYYY-MM-DD`. */
export const daysFromToday = (n: number): string => addDays(today(), n);
