import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import { Joi, id, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { today } from '../../lib/dates';
import { lockCustomers } from './posting';
import { depositInSlip, moveValue, type SlipInput } from './values.service';
import { depositSlipsResource, valuesResource } from './ledger.resources';
import { getRecord, listRecords } from '../../http/resource';

export const slipSchema = Joi.object({
  valueIds: Joi.array().items(id()).min(1).max(500).unique().required(),
  bankAccountId: id(),
  date: Joi.isoDate(),
  notes: Joi.string().trim().max(500),
});

export const creditSchema = Joi.object({
  date: Joi.isoDate(),
  /** Only these values of the slip; all those still deposited when absent. */
  valueIds: Joi.array().items(id()).min(1).max(500).unique(),
});

/** A slip with its values, as the slip's page and its print show it. */
export async function slipDetail(db: Knex | Knex.Transaction, ctx: Ctx, slipId: number) {
  const slip = await getRecord(depositSlipsResource, ctx, slipId, { trx: db as Knex.Transaction });
  const { rows } = await listRecords(
    valuesResource,
    { ...ctx, knex: db as Knex },
    {
      filter: { depositSlipId: slipId },
      sort: ['id', 'ASC'],
      range: [0, 499],
    },
  );
  return { ...slip, values: rows };
}

/** `POST /api/deposit-slips {valueIds, bankAccountId?, date?, notes?}`: one slip, all its values deposited, or nothing. */
export async function createSlip(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<SlipInput>(slipSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const { slipId } = await depositInSlip(trx, ctx, input);
    const after = await slipDetail(trx, ctx, slipId);
    await audit(trx, ctx, { action: 'create', entity: 'deposit_slips', entityId: slipId, after });
    return after;
  });
}

/**
 * `POST /api/deposit-slips/:id/credit {date?, valueIds?}`: the bank credited the slip's values
 * (acreditación) on their clearing date; a value rejected later goes through the rejection of
 * `POST /api/values/:id/transition` (a debit note for its amount and the bank's charges).
 */
export async function creditSlip(ctx: Ctx, slipId: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<{ date?: string; valueIds?: number[] }>(creditSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const slip = (await trx('deposit_slips').where({ companyId: ctx.companyId, id: slipId }).first('id')) as
      { id: number } | undefined;
    if (!slip) throw notFound();
    const values = (await trx('values')
      .where({ companyId: ctx.companyId, depositSlipId: slipId })
      .orderBy('id')
      .select('id', 'customerId', 'state', 'number')) as Array<{ id: number; customerId: number; state: string; number: string }>;
    const foreign = (input.valueIds ?? []).filter((v) => !values.some((x) => x.id === v));
    if (foreign.length)
      throw badRequest(
        'NOT_IN_SLIP',
        { es: `Los valores ${foreign.join(', ')} no son de la boleta`, en: `Values ${foreign.join(', ')} are not in the slip` },
        [{ path: 'valueIds', message: { es: 'no son de la boleta', en: 'not in the slip' } }],
      );
    const wanted = values.filter((v) => (input.valueIds ? input.valueIds.includes(v.id) : v.state === 'deposited'));
    if (!wanted.length)
      throw conflict('NOTHING_TO_CREDIT', {
        es: 'La boleta no tiene valores por acreditar',
        en: 'The slip has no values to credit',
      });
    await lockCustomers(
      trx,
      ctx,
      wanted.map((v) => v.customerId),
    );
    const before = await slipDetail(trx, ctx, slipId);
    for (const v of wanted) await moveValue(trx, ctx, v.id, { to: 'credited', date: input.date ?? today() });
    const after = await slipDetail(trx, ctx, slipId);
    await audit(trx, ctx, { action: 'credit', entity: 'deposit_slips', entityId: slipId, before, after });
    return after;
  });
}
