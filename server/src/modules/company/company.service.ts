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
  await createDefaultTreasury(trx, id);
  return id;
}

/**
 * Every company starts with a caja and a bank account (at the Banco de la Nación until its
 * admin completes it), named in its settings as where cash and transfers land by default.
 */
async function createDefaultTreasury(trx: Knex | Knex.Transaction, companyId: number): Promise<void> {
  const [{ id: cashBoxId }] = (await trx('cash_boxes')
    .insert({ companyId, code: 'CAJA', name: 'Caja principal' })
    .returning('id')) as Array<{ id: number }>;
  const bank = (await trx('banks').where({ companyId }).orderByRaw("(code = '011') DESC, id").first('id')) as { id: number };
  const [{ id: bankAccountId }] = (await trx('bank_accounts')
    .insert({ companyId, code: 'BANCO', name: 'Cuenta principal', bankId: bank.id })
    .returning('id')) as Array<{ id: number }>;
  await trx('companies').where({ id: companyId }).update({ defaultCashBoxId: cashBoxId, defaultBankAccountId: bankAccountId });
}

/** Where a company's cash and transfers land unless a receipt line says otherwise. */
export async function treasuryDefaults(db: Knex | Knex.Transaction, companyId: number) {
  return (await db('companies').where({ id: companyId }).first('defaultCashBoxId', 'defaultBankAccountId')) as {
    defaultCashBoxId: number | null;
    defaultBankAccountId: number | null;
  };
}
