import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, notFound } from '../../http/errors';
import { Joi, id, optionalText, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { getRecord, listRecords } from '../../http/resource';
import { callsResource, VISIT_RESULTS } from './calls.resource';
import { agendaResource, debtorsResource } from './debtors.resource';

const visitResultSchema = Joi.object({
  visitResult: Joi.string()
    .valid(...VISIT_RESULTS)
    .required(),
  visitReceiptId: id().allow(null).default(null),
  visitAmount: Joi.money().positive().allow(null).default(null),
  visitNotes: optionalText(2000),
});

/** After the round: whether each visit collected, and the receipt that proves it. */
export async function recordVisitResult(ctx: Ctx, callId: number, body: unknown) {
  assertCan(ctx.user.role, 'collections.write');
  const input = validate<{
    visitResult: string;
    visitReceiptId: number | null;
    visitAmount: string | null;
    visitNotes: string | null;
  }>(visitResultSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const call = (await trx('collection_calls')
      .where({ id: callId, companyId: ctx.companyId })
      .forUpdate()
      .first('customerId', 'visitDate')) as { customerId: number; visitDate: string | null } | undefined;
    if (!call) throw notFound();
    if (!call.visitDate)
      throw badRequest('NO_VISIT', { es: 'La llamada no tiene una visita acordada', en: 'The call has no agreed visit' });
    if (input.visitReceiptId) {
      const receipt = await trx('documents')
        .where({ id: input.visitReceiptId, companyId: ctx.companyId, customerId: call.customerId, type: 'REC', status: 'posted' })
        .first('total');
      if (!receipt)
        throw badRequest(
          'RECEIPT_NOT_FOUND',
          {
            es: 'visitReceiptId: no es un recibo vigente de ese cliente',
            en: 'visitReceiptId: not a posted receipt of that customer',
          },
          [{ path: 'visitReceiptId', message: { es: 'no es un recibo de ese cliente', en: 'not a receipt of that customer' } }],
        );
      input.visitAmount ??= receipt.total as string;
    }
    const before = await getRecord(callsResource, ctx, callId, { trx });
    await trx('collection_calls')
      .where({ id: callId, companyId: ctx.companyId })
      .update({ ...input, visitRecordedAt: trx.fn.now(), visitRecordedBy: ctx.user.id, updatedAt: trx.fn.now() });
    const after = await getRecord(callsResource, ctx, callId, { trx });
    await audit(trx, ctx, { action: 'visit_result', entity: 'collection_calls', entityId: callId, before, after });
    return after;
  });
}

/**
 * The agenda: customers whose next contact is due by the end of today (the
 * caller's own, or the whole team's), and the broken promises.
 */
export async function agenda(ctx: Ctx, scope: 'mine' | 'team') {
  const mine = scope === 'mine' ? { nextContactUserId: ctx.user.id } : {};
  const due = await listRecords(agendaResource, ctx, {
    sort: ['nextContactAt', 'ASC'],
    range: [0, 499],
    filter: { nextContactDue: true, ...mine },
  });
  const broken = await listRecords(debtorsResource, ctx, {
    sort: ['promiseDate', 'ASC'],
    range: [0, 499],
    filter: { brokenPromise: true, ...(scope === 'mine' ? { promiseUserId: ctx.user.id } : {}) },
  });
  return { scope, due: due.rows, dueTotal: due.total, brokenPromises: broken.rows, brokenTotal: broken.total };
}
