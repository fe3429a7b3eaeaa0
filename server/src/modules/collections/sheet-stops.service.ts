import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import { Joi, id, optionalText, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { createRecord } from '../../http/resource';
import { today } from '../../lib/dates';
import { callsResource } from './calls.resource';
import { collectionSheet, sheetStops, STOP_RESULTS, type SheetKey, type StopResult } from './sheets.service';
import { onKey } from '../../db/keys';

/**
 * Building a collector's sheet and recording what each stop brought back. The sheet of a
 * (collector, day) is one row, locked first by every change, so concurrent edits queue; its
 * stops keep their route order in `position`. Agreed visits from calls join the sheet as stops
 * the first time it changes. Everything here needs `collections.write` (SPEC §3: clerk,
 * supervisor, admin; the manager reads).
 */

const MAX_STOPS = 200;

const keySchema = {
  collectorId: id().required(),
  date: Joi.isoDate().required(),
};

const fail = (path: string, es: string, en: string) =>
  badRequest('VALIDATION', { es: `${path}: ${es}`, en: `${path}: ${en}` }, [{ path, message: { es, en } }]);

interface StopRow {
  id: number;
  sheetId: number;
  customerId: number;
  callId: number | null;
  result: StopResult | null;
  receiptId: number | null;
  resultCallId: number | null;
  removedAt: Date | null;
  collectorId: number;
  sheetDate: string;
}

/** A day already gone is history: its sheet is not rearranged any more (its results still are recorded). */
function assertPlannable(date: string): void {
  if (date < today()) throw fail('date', 'no se arma una hoja de un día pasado', 'a sheet for a past day cannot be changed');
}

/**
 * The sheet of a collector and day, created when missing and locked, with the agreed visits
 * not on it yet appended as stops in time order. Returns its id and whether it was created.
 */
async function openSheet(trx: Knex.Transaction, ctx: Ctx, key: SheetKey): Promise<number> {
  const collector = await trx('collectors').where({ id: key.collectorId, companyId: ctx.companyId }).first('id');
  if (!collector) throw fail('collectorId', 'no es un cobrador de la empresa', 'not a collector of the company');
  const inserted = (await trx('collection_sheets')
    .insert({ companyId: ctx.companyId, collectorId: key.collectorId, sheetDate: key.date, createdBy: ctx.user.id })
    .onConflict(['company_id', 'collector_id', 'sheet_date'])
    .ignore()
    .returning('id')) as Array<{ id: number }>;
  const sheet = (await trx('collection_sheets')
    .where({ companyId: ctx.companyId, collectorId: key.collectorId, sheetDate: key.date })
    .forUpdate()
    .first('id')) as { id: number };
  const placed = (await trx.raw(
    `INSERT INTO collection_sheet_stops (company_id, sheet_id, position, customer_id, call_id, created_by)
     SELECT k.company_id, :sheetId,
            coalesce((SELECT max(position) FROM collection_sheet_stops s
                       WHERE s.company_id = :companyId AND s.sheet_id = :sheetId), 0)
              + row_number() OVER (ORDER BY k.visit_from NULLS LAST, k.visit_to NULLS LAST, c.code, k.id),
            k.customer_id, k.id, :userId
       FROM collection_calls k
       JOIN customers c ON c.company_id = k.company_id AND c.id = k.customer_id
      WHERE k.company_id = :companyId AND k.collector_id = :collectorId AND k.visit_date = :date
        AND NOT EXISTS (SELECT 1 FROM collection_sheet_stops s
                         WHERE s.company_id = k.company_id AND s.sheet_id = :sheetId AND s.call_id = k.id)
     RETURNING id`,
    { sheetId: sheet.id, companyId: ctx.companyId, userId: ctx.user.id, ...key },
  )) as { rows: Array<{ id: number }> };
  if (inserted.length || placed.rows.length)
    await audit(trx, ctx, {
      action: inserted.length ? 'create' : 'place_visits',
      entity: 'collection_sheets',
      entityId: sheet.id,
      after: { ...key, placedStopIds: placed.rows.map((r) => r.id) },
    });
  return sheet.id;
}

/** The stop ids on the sheet now, in route order (what a reorder must be a permutation of). */
async function activeStopIds(trx: Knex.Transaction, ctx: Ctx, key: SheetKey): Promise<number[]> {
  return (await sheetStops(trx, ctx.companyId, key)).map((v) => v.stopId!);
}

/** A stop of the caller's company with its sheet, the sheet locked before the stop (the fixed order). */
async function lockStop(trx: Knex.Transaction, ctx: Ctx, stopId: number): Promise<StopRow> {
  const sheet = (await trx('collection_sheet_stops as s')
    .join('collection_sheets as h', onKey('h', 's.sheet_id'))
    .where({ 's.companyId': ctx.companyId, 's.id': stopId })
    .first('h.id')) as { id: number } | undefined;
  if (!sheet) throw notFound({ es: 'Parada inexistente', en: 'No such stop' });
  await trx('collection_sheets').where({ companyId: ctx.companyId, id: sheet.id }).forUpdate().first('id');
  const stop = (await trx('collection_sheet_stops as s')
    .join('collection_sheets as h', onKey('h', 's.sheet_id'))
    .where({ 's.companyId': ctx.companyId, 's.id': stopId })
    .forUpdate('s')
    .first(
      's.id',
      's.sheetId',
      's.customerId',
      's.callId',
      's.result',
      's.receiptId',
      's.resultCallId',
      's.removedAt',
      'h.collectorId',
      trx.raw(`to_char(h.sheet_date, 'YYYY-MM-DD') AS sheet_date`),
    )) as StopRow;
  if (stop.removedAt) throw notFound({ es: 'La parada fue quitada de la hoja', en: 'The stop was removed from the sheet' });
  return stop;
}

const keyOf = (stop: StopRow): SheetKey => ({ collectorId: stop.collectorId, date: stop.sheetDate });

export const buildSchema = Joi.object(keySchema);

/** Opens (builds) the sheet of a collector and day: the agreed visits become its first stops. */
export async function buildSheet(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'collections.write');
  const key = validate<SheetKey>(buildSchema, body ?? {}, ctx.lang);
  assertPlannable(key.date);
  await withTransaction(ctx.knex, (trx) => openSheet(trx, ctx, key));
  return collectionSheet(ctx, key);
}

export const addSchema = Joi.object({
  ...keySchema,
  customerIds: Joi.array().items(id()).min(1).max(MAX_STOPS).unique().required(),
});

/**
 * Adds customers to the end of a sheet (the debtors list's "Agregar a la hoja de …" or one
 * customer picked on the sheet). A customer already on the sheet is skipped, not doubled.
 */
export async function addStops(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'collections.write');
  const input = validate<SheetKey & { customerIds: number[] }>(addSchema, body ?? {}, ctx.lang);
  const key = { collectorId: input.collectorId, date: input.date };
  assertPlannable(key.date);
  const outcome = await withTransaction(ctx.knex, async (trx) => {
    const sheetId = await openSheet(trx, ctx, key);
    const known = (await trx('customers')
      .where({ companyId: ctx.companyId })
      .whereIn('id', input.customerIds)
      .pluck('id')) as number[];
    const unknown = input.customerIds.filter((c) => !known.includes(c));
    if (unknown.length)
      throw badRequest(
        'VALIDATION',
        { es: 'customerIds: hay clientes inexistentes', en: 'customerIds: some customers do not exist' },
        unknown.map((c) => ({
          path: `customerIds.${input.customerIds.indexOf(c)}`,
          message: { es: 'cliente inexistente', en: 'no such customer' },
        })),
      );
    const stops = await sheetStops(trx, ctx.companyId, key);
    const onSheet = new Set(stops.map((s) => Number(s.customerId)));
    const fresh = input.customerIds.filter((c) => !onSheet.has(c));
    if (stops.length + fresh.length > MAX_STOPS)
      throw conflict('SHEET_FULL', {
        es: `Una hoja tiene a lo sumo ${MAX_STOPS} paradas`,
        en: `A sheet holds at most ${MAX_STOPS} stops`,
      });
    const last = Math.max(0, ...stops.map((s) => s.position ?? 0));
    const added = fresh.length
      ? ((await trx('collection_sheet_stops')
          .insert(
            fresh.map((customerId, i) => ({
              companyId: ctx.companyId,
              sheetId,
              position: last + i + 1,
              customerId,
              createdBy: ctx.user.id,
            })),
          )
          .returning(['id', 'customerId'])) as Array<{ id: number; customerId: number }>)
      : [];
    for (const stop of added)
      await audit(trx, ctx, {
        action: 'add_stop',
        entity: 'collection_sheet_stops',
        entityId: stop.id,
        after: { ...key, ...stop },
      });
    return { added: added.map((s) => s.customerId), skipped: input.customerIds.filter((c) => onSheet.has(c)) };
  });
  return { ...outcome, sheet: await collectionSheet(ctx, key) };
}

/** Takes a stop off the sheet (kept as history); a stop whose result is recorded stays. */
export async function removeStop(ctx: Ctx, stopId: number) {
  assertCan(ctx.user.role, 'collections.write');
  const key = await withTransaction(ctx.knex, async (trx) => {
    const stop = await lockStop(trx, ctx, stopId);
    assertPlannable(stop.sheetDate);
    if (stop.result)
      throw conflict('STOP_HAS_RESULT', {
        es: 'La parada ya tiene su resultado: no se quita de la hoja',
        en: 'The stop already has its result: it stays on the sheet',
      });
    await trx('collection_sheet_stops')
      .where({ companyId: ctx.companyId, id: stopId })
      .update({ removedAt: trx.fn.now(), updatedAt: trx.fn.now() });
    await audit(trx, ctx, { action: 'remove_stop', entity: 'collection_sheet_stops', entityId: stopId, before: stop });
    return keyOf(stop);
  });
  return collectionSheet(ctx, key);
}

export const orderSchema = Joi.object({
  ...keySchema,
  stopIds: Joi.array().items(id()).min(1).max(MAX_STOPS).unique().required(),
});

/** Puts the sheet's stops in route order: `stopIds` lists every stop on the sheet exactly once. */
export async function reorderStops(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'collections.write');
  const input = validate<SheetKey & { stopIds: number[] }>(orderSchema, body ?? {}, ctx.lang);
  const key = { collectorId: input.collectorId, date: input.date };
  assertPlannable(key.date);
  await withTransaction(ctx.knex, async (trx) => {
    const sheetId = await openSheet(trx, ctx, key);
    const current = await activeStopIds(trx, ctx, key);
    const same = current.length === input.stopIds.length && [...current].sort().join() === [...input.stopIds].sort().join();
    if (!same)
      throw fail(
        'stopIds',
        'debe nombrar cada parada de la hoja una vez; recargue la hoja',
        'must name every stop of the sheet once; reload the sheet',
      );
    // Two steps so that no position is briefly taken twice if a unique index on it ever appears.
    await trx.raw(
      `UPDATE collection_sheet_stops s SET position = o.ord, updated_at = now()
         FROM unnest(?::bigint[]) WITH ORDINALITY AS o(id, ord)
        WHERE s.company_id = ? AND s.sheet_id = ? AND s.id = o.id`,
      [input.stopIds, ctx.companyId, sheetId],
    );
    await audit(trx, ctx, {
      action: 'reorder_stops',
      entity: 'collection_sheets',
      entityId: sheetId,
      before: { stopIds: current },
      after: { stopIds: input.stopIds },
    });
  });
  return collectionSheet(ctx, key);
}

export const resultSchema = Joi.object({
  result: Joi.string()
    .valid(...STOP_RESULTS)
    .required(),
  receiptId: Joi.when('result', { is: 'collected', then: id().required(), otherwise: Joi.forbidden() }),
  promiseDate: Joi.when('result', { is: 'promise', then: Joi.isoDate().required(), otherwise: Joi.forbidden() }),
  promiseAmount: Joi.when('result', { is: 'promise', then: Joi.money().positive().required(), otherwise: Joi.forbidden() }),
  reason: Joi.when('result', {
    is: 'refused',
    then: Joi.string().trim().min(1).max(500).required(),
    otherwise: optionalText(500),
  }),
});

interface ResultInput {
  result: StopResult;
  receiptId?: number;
  promiseDate?: string;
  promiseAmount?: string;
  reason: string | null;
}

/**
 * After the round, what a stop brought back. Cobró names the customer's posted receipt (its
 * total is the amount); a promise and a refusal are logged as a visit call on the customer, so
 * the promise is followed and broken like one made on the phone; no estaba only marks the stop.
 * A result that logged a call is final here (the call itself is corrected where calls are).
 */
export async function recordStopResult(ctx: Ctx, stopId: number, body: unknown) {
  assertCan(ctx.user.role, 'collections.write');
  const input = validate<ResultInput>(resultSchema, body ?? {}, ctx.lang);
  const key = await withTransaction(ctx.knex, async (trx) => {
    const stop = await lockStop(trx, ctx, stopId);
    if (stop.sheetDate > today())
      throw conflict('VISIT_NOT_DUE', {
        es: 'La visita es de un día que todavía no llegó',
        en: 'The visit is for a day that has not come yet',
      });
    if (stop.resultCallId)
      throw conflict('STOP_RESULT_FINAL', {
        es: 'El resultado generó una llamada: corríjalo desde la llamada',
        en: 'The result logged a call: correct it from the call',
      });
    let resultAmount: string | null = null;
    if (input.receiptId) {
      const receipt = (await trx('documents')
        .where({ id: input.receiptId, companyId: ctx.companyId, customerId: stop.customerId, type: 'REC', status: 'posted' })
        .first('total')) as { total: string } | undefined;
      if (!receipt) throw fail('receiptId', 'no es un recibo vigente de ese cliente', 'not a posted receipt of that customer');
      const elsewhere = await trx('collection_sheet_stops')
        .where({ companyId: ctx.companyId, receiptId: input.receiptId })
        .whereNot({ id: stopId })
        .whereNull('removedAt')
        .first('id');
      if (elsewhere)
        throw conflict('RECEIPT_ON_ANOTHER_STOP', {
          es: 'Ese recibo ya figura como cobro de otra parada',
          en: 'That receipt is already the collection of another stop',
        });
      resultAmount = receipt.total;
    }
    let resultCallId: number | null = null;
    if (input.result === 'promise' || input.result === 'refused') {
      const call = await createRecord(
        callsResource,
        ctx,
        {
          customerId: stop.customerId,
          channel: 'visit',
          outcome: input.result,
          response: input.reason,
          promiseDate: input.promiseDate ?? null,
          promiseAmount: input.promiseAmount ?? null,
          collectorId: stop.collectorId,
        },
        { trx },
      );
      resultCallId = call.id as number;
    }
    const before = await trx('collection_sheet_stops').where({ companyId: ctx.companyId, id: stopId }).first();
    const change = {
      result: input.result,
      receiptId: input.receiptId ?? null,
      resultAmount,
      promiseDate: input.promiseDate ?? null,
      promiseAmount: input.promiseAmount ?? null,
      reason: input.reason,
      resultCallId,
      resultRecordedAt: trx.fn.now(),
      resultRecordedBy: ctx.user.id,
      updatedAt: trx.fn.now(),
    };
    const [after] = (await trx('collection_sheet_stops')
      .where({ companyId: ctx.companyId, id: stopId })
      .update(change)
      .returning('*')) as Array<Record<string, unknown>>;
    await audit(trx, ctx, { action: 'stop_result', entity: 'collection_sheet_stops', entityId: stopId, before, after });
    return keyOf(stop);
  });
  return collectionSheet(ctx, key);
}
