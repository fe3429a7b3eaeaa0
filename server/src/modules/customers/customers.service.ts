import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { emitEvent, registerEventHook } from '../integrations';
import { conflict, notFound } from '../../http/errors';
import { D, formatMoney } from '../../lib/money';
import { daysBetween, today } from '../../lib/dates';
import { statement } from '../../db/statement';

export interface CreditStatus {
  customerId: number;
  status: string;
  currency: string;
  balance: string;
  overdue: string;
  creditLimit: string | null;
  available: string | null;
  oldestDueDate: string | null;
  daysOverdue: number;
  toleranceDays: number;
  allowed: boolean;
  reasons: Array<{ code: string; message: string }>;
}

const BLOCKING_STATUS: Record<string, { es: string; en: string }> = {
  suspended: { es: 'El cliente está suspendido', en: 'The customer is suspended' },
  inactive: { es: 'El cliente está inactivo', en: 'The customer is inactive' },
  cash_only: {
    es: 'El cliente opera solo de contado (sin cuenta corriente)',
    en: 'The customer buys cash only (no current account)',
  },
  prospect: {
    es: 'El cliente es un potencial, sin cuenta corriente habilitada',
    en: 'The customer is a prospect with no current account yet',
  },
};

/** What billing asks before selling on account: status, limit and how late the customer pays. */
export async function creditStatus(ctx: Ctx, customerId: number, trx?: Knex.Transaction): Promise<CreditStatus> {
  return (await readCreditStatus(ctx, customerId, trx)).status;
}

const creditRow = statement<'id' | 'companyId'>((db, p) =>
  db('customers as c')
    .join('companies as co', 'co.id', 'c.company_id')
    .where({ 'c.id': p('id'), 'c.company_id': p('companyId') })
    .first(
      'c.id',
      'c.status',
      'c.currency',
      'c.balance',
      'c.overdueBalance',
      'c.creditLimit',
      'c.oldestOpenDueDate',
      'co.overdueToleranceDays',
      'c.creditAllowed',
    ),
);

/** The credit status and the one last recorded on the customer (`credit_allowed`), read in one statement. */
async function readCreditStatus(
  ctx: Ctx,
  customerId: number,
  trx?: Knex.Transaction,
): Promise<{ status: CreditStatus; recorded: boolean | null }> {
  const [row] = await creditRow<{
    id: number;
    status: string;
    currency: string;
    balance: string;
    overdueBalance: string;
    creditLimit: string | null;
    oldestOpenDueDate: string | null;
    overdueToleranceDays: number;
    creditAllowed: boolean | null;
  }>(trx ?? ctx.knex, { id: customerId, companyId: ctx.companyId });
  if (!row) throw notFound();
  const reasons: CreditStatus['reasons'] = [];
  const say = (code: string, text: { es: string; en: string }) => reasons.push({ code, message: text[ctx.lang] });
  if (BLOCKING_STATUS[row.status]) say(row.status.toUpperCase(), BLOCKING_STATUS[row.status]);
  const available = row.creditLimit === null ? null : new D(row.creditLimit).minus(row.balance);
  if (available !== null && available.lt(0)) {
    say('OVER_LIMIT', {
      es: `Supera el límite de crédito en ${formatMoney(available.neg())}`,
      en: `Over the credit limit by ${formatMoney(available.neg(), 'en')}`,
    });
  }
  const now = today();
  const daysOverdue = row.oldestOpenDueDate && row.oldestOpenDueDate < now ? daysBetween(row.oldestOpenDueDate, now) : 0;
  if (new D(row.overdueBalance).gt(0) && daysOverdue > row.overdueToleranceDays) {
    say('OVERDUE', {
      es: `Tiene deuda vencida hace ${daysOverdue} días (tolerancia ${row.overdueToleranceDays})`,
      en: `Has debt overdue for ${daysOverdue} days (tolerance ${row.overdueToleranceDays})`,
    });
  }
  const status: CreditStatus = {
    customerId: row.id,
    status: row.status,
    currency: row.currency,
    balance: row.balance,
    overdue: row.overdueBalance,
    creditLimit: row.creditLimit,
    available: available === null ? null : available.toFixed(2),
    oldestDueDate: row.oldestOpenDueDate,
    daysOverdue,
    toleranceDays: row.overdueToleranceDays,
    allowed: reasons.length === 0,
    reasons,
  };
  return { status, recorded: row.creditAllowed };
}

/**
 * customer.credit_status_changed: after a change to a customer's account or record,
 * whether billing may sell on account is recomputed and, when it flipped (allowed ↔
 * blocked), announced in the same transaction. The first observation only records it.
 */
export async function noteCreditStatus(trx: Knex.Transaction, ctx: Ctx, customerId: number): Promise<void> {
  const { status, recorded: creditAllowed } = await readCreditStatus(ctx, customerId, trx);
  if (creditAllowed === status.allowed) return;
  await trx('customers').where({ companyId: ctx.companyId, id: customerId }).update({ creditAllowed: status.allowed });
  if (creditAllowed !== null)
    await emitEvent(trx, ctx, 'customer.credit_status_changed', { ...status, previouslyAllowed: creditAllowed });
}

registerEventHook(async (trx, ctx, type, data) => {
  const customerId = Number((data as { customerId?: unknown } | null)?.customerId);
  if (type !== 'customer.credit_status_changed' && customerId > 0) await noteCreditStatus(trx, ctx, customerId);
});

/**
 * A customer that is not bimonetary keeps every posted document in its account's currency: turning
 * the flag off, or changing the account's currency, is refused while a posted document of the
 * customer is in another currency (its ledger would have nowhere to be shown).
 */
export async function checkLedgerCurrencies(
  trx: Knex.Transaction,
  ctx: Ctx,
  customerId: number,
  next: { currency: string; bimonetary: boolean },
): Promise<void> {
  if (next.bimonetary) return;
  const other = (await trx('documents')
    .where({ companyId: ctx.companyId, customerId, status: 'posted' })
    .whereNot('currency', next.currency)
    .first('displayNumber', 'currency')) as { displayNumber: string; currency: string } | undefined;
  if (other)
    throw conflict(
      'LEDGER_IN_OTHER_CURRENCY',
      {
        es: `El cliente tiene comprobantes en ${other.currency} (${other.displayNumber}): debe seguir siendo bimonetario con cuenta en ${next.currency}`,
        en: `The customer has documents in ${other.currency} (${other.displayNumber}): it must stay bimonetary with its account in ${next.currency}`,
      },
      [
        {
          path: 'bimonetary',
          message: { es: `tiene comprobantes en ${other.currency}`, en: `has documents in ${other.currency}` },
        },
      ],
    );
}
