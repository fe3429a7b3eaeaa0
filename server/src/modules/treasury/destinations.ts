import type { Knex } from 'knex';
import { badRequest } from '../../http/errors';
import { statement } from '../../db/statement';

/**
 * Where a receipt's cash and transfers land: the caja or bank account the line names,
 * else the company's default for its method. Each must be the company's own, active, and
 * of the line's kind (a caja for cash, a bank account in the line's currency for a
 * transfer); anything else is a 400 naming the line's field.
 */
export interface DestinationLine {
  method: string;
  currency: string;
  cashBoxId?: number | null;
  bankAccountId?: number | null;
}

export interface Destinations {
  cashBoxId: number | null;
  bankAccountId: number | null;
}

const fail = (at: string, field: string, es: string, en: string) =>
  badRequest('PAYMENT_DESTINATION', { es: `${at}: ${es}`, en: `${at}: ${en}` }, [
    { path: `${at}.${field}`, message: { es, en } },
  ]);

/** Where a posting's lines may land: the cash boxes and bank accounts they name, and the company's defaults. */
export interface DestinationRows {
  boxes: Map<number, { active: boolean }>;
  accounts: Map<number, { active: boolean; currency: string; code: string }>;
}

const destinationsOf = statement<'companyId' | 'boxIds' | 'accountIds'>((db, p) =>
  db.raw(
    `SELECT 'cash_box' AS kind, id, active, NULL AS currency, NULL AS code FROM cash_boxes
      WHERE company_id = ? AND (id = ANY(?::bigint[]) OR id = (SELECT default_cash_box_id FROM companies WHERE id = ?))
     UNION ALL
     SELECT 'bank_account', id, active, currency, code FROM bank_accounts
      WHERE company_id = ? AND (id = ANY(?::bigint[]) OR id = (SELECT default_bank_account_id FROM companies WHERE id = ?))`,
    [p('companyId'), p('boxIds'), p('companyId'), p('companyId'), p('accountIds'), p('companyId')],
  ),
);

/**
 * The rows `resolveDestinations` checks the lines against, read without the company's settings (its
 * defaults come from the companies row in SQL), so a posting can read them with its locks in one round trip.
 */
export async function destinationRows(
  trx: Knex.Transaction,
  companyId: number,
  lines: Array<Pick<DestinationLine, 'method' | 'cashBoxId' | 'bankAccountId'>>,
): Promise<DestinationRows> {
  const found: DestinationRows = { boxes: new Map(), accounts: new Map() };
  if (!lines.some((l) => l.method === 'cash' || l.method === 'transfer')) return found;
  const named = (method: string, id: (l: (typeof lines)[number]) => number | null | undefined) =>
    lines.filter((l) => l.method === method && id(l)).map((l) => id(l)!);
  const rows = await destinationsOf<{ kind: string; id: number; active: boolean; currency: string; code: string }>(trx, {
    companyId,
    boxIds: named('cash', (l) => l.cashBoxId),
    accountIds: named('transfer', (l) => l.bankAccountId),
  });
  for (const r of rows)
    if (r.kind === 'cash_box') found.boxes.set(r.id, { active: r.active });
    else found.accounts.set(r.id, { active: r.active, currency: r.currency, code: r.code });
  return found;
}

export async function resolveDestinations(
  trx: Knex.Transaction,
  companyId: number,
  defaults: { defaultCashBoxId: number | null; defaultBankAccountId: number | null },
  lines: DestinationLine[],
  paths: string[],
  read: Promise<DestinationRows> = destinationRows(trx, companyId, lines),
): Promise<Destinations[]> {
  if (!lines.some((l) => l.method === 'cash' || l.method === 'transfer'))
    return lines.map(() => ({ cashBoxId: null, bankAccountId: null }));
  const { boxes, accounts } = await read;
  return lines.map((l, i) => {
    const at = paths[i];
    if (l.method === 'cash') {
      const id = l.cashBoxId ?? defaults.defaultCashBoxId;
      if (!id)
        throw fail(
          at,
          'cashBoxId',
          'indique la caja (la empresa no tiene una predeterminada)',
          'give the cash box (the company has no default)',
        );
      const box = boxes.get(id);
      if (!box) throw fail(at, 'cashBoxId', 'no existe esa caja', 'no such cash box');
      if (!box.active) throw fail(at, 'cashBoxId', 'la caja está inactiva', 'the cash box is inactive');
      return { cashBoxId: id, bankAccountId: null };
    }
    if (l.method === 'transfer') {
      const id = l.bankAccountId ?? defaults.defaultBankAccountId;
      if (!id)
        throw fail(
          at,
          'bankAccountId',
          'indique la cuenta bancaria (la empresa no tiene una predeterminada)',
          'give the bank account (the company has no default)',
        );
      const account = accounts.get(id);
      if (!account) throw fail(at, 'bankAccountId', 'no existe esa cuenta bancaria', 'no such bank account');
      if (!account.active) throw fail(at, 'bankAccountId', 'la cuenta bancaria está inactiva', 'the bank account is inactive');
      if (account.currency !== l.currency)
        throw fail(
          at,
          'bankAccountId',
          `la cuenta ${account.code} es en ${account.currency} y la transferencia en ${l.currency}`,
          `account ${account.code} is in ${account.currency} and the transfer in ${l.currency}`,
        );
      return { cashBoxId: null, bankAccountId: id };
    }
    return { cashBoxId: null, bankAccountId: null };
  });
}

/** A bank account of the company, active and in `currency`, for a deposit or a discount; `path` names the field. */
export async function checkBankAccount(
  trx: Knex.Transaction,
  companyId: number,
  id: number,
  currency: string,
  path = 'bankAccountId',
): Promise<void> {
  const account = (await trx('bank_accounts').where({ companyId, id }).first('active', 'currency', 'code')) as
    { active: boolean; currency: string; code: string } | undefined;
  const problem = !account
    ? { es: 'no existe esa cuenta bancaria', en: 'no such bank account' }
    : !account.active
      ? { es: 'la cuenta bancaria está inactiva', en: 'the bank account is inactive' }
      : account.currency !== currency
        ? {
            es: `la cuenta ${account.code} es en ${account.currency} y el valor en ${currency}`,
            en: `account ${account.code} is in ${account.currency} and the value in ${currency}`,
          }
        : null;
  if (problem)
    throw badRequest('BANK_ACCOUNT', { es: `${path}: ${problem.es}`, en: `${path}: ${problem.en}` }, [
      { path, message: problem },
    ]);
}
