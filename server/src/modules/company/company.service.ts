import type { Knex } from 'knex';

export const DEFAULT_SEGMENT_LEVELS = ['Zona', 'Rubro', 'Canal', 'Grupo'];

/** A new company starts with its four segment levels named. */
export async function createCompany(
  trx: Knex | Knex.Transaction,
  data: { name: string; taxId?: string | null; [k: string]: unknown },
): Promise<number> {
  const [{ id }] = (await trx('companies').insert(data).returning('id')) as Array<{ id: number }>;
  await trx('segment_levels').insert(DEFAULT_SEGMENT_LEVELS.map((name, i) => ({ companyId: id, level: i + 1, name })));
  return id;
}
