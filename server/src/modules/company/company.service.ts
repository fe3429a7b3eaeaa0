import type { Knex } from 'knex';
import { ARGENTINE_BANKS, ARGENTINE_HOLIDAYS } from '../reference';

export const DEFAULT_SEGMENT_LEVELS = ['Zona', 'Rubro', 'Canal', 'Grupo'];

/** A new company starts with its four segment levels named, the BCRA banks and the national holidays. */
export async function createCompany(
  trx: Knex | Knex.Transaction,
  data: { name: string; taxId?: string | null; [k: string]: unknown },
): Promise<number> {
  const [{ id }] = (await trx('companies').insert(data).returning('id')) as Array<{ id: number }>;
  await trx('segment_levels').insert(DEFAULT_SEGMENT_LEVELS.map((name, i) => ({ companyId: id, level: i + 1, name })));
  await trx('banks').insert(ARGENTINE_BANKS.map(([code, name]) => ({ companyId: id, code, name })));
  await trx('holidays').insert(ARGENTINE_HOLIDAYS.map(([date, kind, name]) => ({ companyId: id, date, kind, name })));
  return id;
}
