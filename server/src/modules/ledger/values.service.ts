import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { today } from '../../lib/dates';
import type { Knex } from 'knex';
import { assertOpenPeriod, companySettings, fmt, lockCustomer, lockCustomers, takeNumber } from './posting';
import { recomputeCustomer } from '../customers';
import { depositSchema, transitionSchema } from './ledger.schemas';
import { valuesResource } from './ledger.resources';
import { getRecord } from '../../http/resource';

/** From each state, where a cheque or note may go next. */
export const TRANSITIONS: Record<string, string[]> = {
  in_portfolio: ['deposited', 'endorsed', 'rejected'],
  deposited: ['rejected'],
  endorsed: ['rejected'],
  rejected: [],
  cancelled: [],
};

const KIND_ES: Record<string, string> = {
  customer_cheque: 'Cheque propio',
  third_party_cheque: 'Cheque de terceros',
  customer_note: 'Documento propio',
  third_party_note: 'Documento de terceros',
};

/**
 * Moves a value along its allowed transitions. A rejected cheque puts the debt
 * back: a debit note for its amount is posted to the customer in the same transaction.
 */
export async function transitionValue(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<TransitionInput>(transitionSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, (trx) => moveValue(trx, ctx, id, input));
}

interface TransitionInput {
  to: string;
  date?: string;
  reason?: string;
  endorsedTo?: string;
  depositBankId?: number;
}

/**
 * Several cheques taken to the bank together: one deposit date and bank account
 * for all, each moved as `POST /api/values/:id/transition` would (its own
 * transition row and audit event), all in one transaction: every value is
 * deposited, or none. Customers, then values, are locked in id order.
 */
export async function depositValues(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<{ valueIds: number[]; date?: string; depositBankId?: number }>(depositSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const ids = [...input.valueIds].sort((a, b) => a - b);
    const owners = (await trx('values')
      .where({ companyId: ctx.companyId })
      .whereIn('id', ids)
      .select('id', 'customerId')) as Array<{
      id: number;
      customerId: number;
    }>;
    const missing = ids.filter((id) => !owners.some((o) => o.id === id));
    if (missing.length)
      throw notFound({ es: `No existen los valores ${missing.join(', ')}`, en: `No such values: ${missing.join(', ')}` });
    await lockCustomers(
      trx,
      ctx,
      owners.map((o) => o.customerId),
    );
    const deposited = [];
    for (const id of ids)
      deposited.push(await moveValue(trx, ctx, id, { to: 'deposited', date: input.date, depositBankId: input.depositBankId }));
    return deposited;
  });
}

/** One move of one value, inside the caller's transaction. */
async function moveValue(trx: Knex.Transaction, ctx: Ctx, id: number, input: TransitionInput) {
  const peek = (await trx('values').where({ id, companyId: ctx.companyId }).first('customerId')) as
    { customerId: number } | undefined;
  if (!peek) throw notFound();
  await lockCustomer(trx, ctx, peek.customerId);
  const value = (await trx('values').where({ id }).forUpdate().first()) as Record<string, string | number | null> & {
    state: string;
    stateDate: string;
    number: string;
    kind: string;
    accountAmount: string;
    currency: string;
    receiptId: number;
  };
  if (!TRANSITIONS[value.state].includes(input.to))
    throw conflict('TRANSITION_NOT_ALLOWED', {
      es: `El valor N.º ${value.number} en estado "${value.state}" no puede pasar a "${input.to}"`,
      en: `Value #${value.number} in state "${value.state}" cannot move to "${input.to}"`,
    });
  const date = input.date ?? today();
  if (date < value.stateDate)
    throw badRequest(
      'DATE_BEFORE_STATE',
      { es: `La fecha no puede ser anterior al ${fmt(value.stateDate)}`, en: `The date cannot be before ${value.stateDate}` },
      [{ path: 'date', message: { es: 'anterior al último movimiento', en: 'before the last movement' } }],
    );
  const settings = await companySettings(trx, ctx.companyId);
  assertOpenPeriod(settings, date);
  const before = await getRecord(valuesResource, ctx, id, { trx });
  let rejectionDocumentId: number | null = null;
  if (input.to === 'rejected') {
    const customer = (await trx('customers').where({ id: peek.customerId }).first('currency')) as { currency: string };
    const pointOfSale = settings.defaultReceiptPointOfSale;
    const number = await takeNumber(trx, ctx.companyId, 'ND', pointOfSale);
    const [{ id: ndId }] = (await trx('documents')
      .insert({
        companyId: ctx.companyId,
        customerId: peek.customerId,
        type: 'ND',
        letter: 'X',
        pointOfSale,
        number,
        issueDate: date,
        dueDate: date,
        currency: customer.currency,
        total: value.accountAmount,
        openAmount: value.accountAmount,
        status: 'posted',
        notes: `${KIND_ES[value.kind] ?? 'Valor'} Nº ${value.number} rechazado: ${input.reason}`,
        reason: input.reason,
        origin: 'rejection',
        createdBy: ctx.user.id,
      })
      .returning('id')) as Array<{ id: number }>;
    rejectionDocumentId = ndId;
    await recomputeCustomer(trx, peek.customerId);
  }
  await trx('values')
    .where({ id })
    .update({
      state: input.to,
      stateDate: date,
      stateReason: input.reason ?? null,
      endorsedTo: input.to === 'endorsed' ? input.endorsedTo : value.endorsedTo,
      depositBankId: input.to === 'deposited' ? (input.depositBankId ?? null) : value.depositBankId,
      rejectionDocumentId: rejectionDocumentId ?? value.rejectionDocumentId,
      updatedAt: trx.fn.now(),
    });
  await trx('value_transitions').insert({
    companyId: ctx.companyId,
    valueId: id,
    fromState: value.state,
    toState: input.to,
    date,
    reason: input.reason ?? null,
    documentId: rejectionDocumentId,
    userId: ctx.user.id,
  });
  const after = await getRecord(valuesResource, ctx, id, { trx });
  await audit(trx, ctx, { action: `value_${input.to}`, entity: 'values', entityId: id, before, after });
  return after;
}

export async function valueHistory(ctx: Ctx, id: number) {
  const value = await ctx.knex('values').where({ id, companyId: ctx.companyId }).first('id');
  if (!value) throw notFound();
  return ctx
    .knex('value_transitions as t')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('documents as d', 'd.id', 't.document_id')
    .where('t.value_id', id)
    .orderBy('t.id')
    .select(
      't.id',
      't.fromState',
      't.toState',
      't.date',
      't.reason',
      't.documentId',
      'd.displayNumber',
      'u.fullName as userName',
      't.createdAt',
    );
}
