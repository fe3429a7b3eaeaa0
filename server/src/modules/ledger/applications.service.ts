import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { conflict, notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { emitEvent } from '../integrations';
import { D, type Dec, formatMoney } from '../../lib/money';
import { today } from '../../lib/dates';
import { assertOpenPeriod, companySettings, fmt, isDebit, lockCustomers } from './posting';
import { recomputeCustomer } from '../customers';
import type { Knex } from 'knex';
import { lockDocuments, type LockedDoc } from './documents.service';
import { applicationsSchema, unapplySchema } from './ledger.schemas';
import { applicationsResource } from './ledger.resources';
import { getRecord } from '../../http/resource';

interface ApplicationInput {
  creditDocumentId: number;
  debitDocumentId: number;
  amount: string;
  date?: string;
}

/** One application row; the caller moves the open amounts. */
export async function insertApplication(
  trx: Knex.Transaction,
  ctx: Ctx,
  a: { customerId: number; creditDocumentId: number; debitDocumentId: number; amount: string; date: string },
  origin = 'manual',
): Promise<number> {
  const [{ id }] = (await trx('applications')
    .insert({ companyId: ctx.companyId, ...a, origin, createdBy: ctx.user.id })
    .returning('id')) as Array<{ id: number }>;
  return id;
}

/**
 * An FCE MiPyME is paid, or adjusted only by an FCE credit note (Ley 27.440 art. 5; RG 4367):
 * no plain NC nor an internal AJN is applied to it.
 */
function assertFceAdjustment(credit: LockedDoc, debit: LockedDoc, where: string): void {
  if (!debit.fce || credit.type === 'REC' || (credit.type === 'NC' && credit.fce)) return;
  throw conflict(
    'FCE_ADJUSTMENT',
    {
      es: `Regla FCE MiPyME (Ley 27.440 art. 5): ${debit.displayNumber} es una FCE y solo se ajusta con una nota de crédito FCE, no con ${credit.displayNumber}${where}`,
      en: `FCE MiPyME rule (Ley 27.440 art. 5): ${debit.displayNumber} is an FCE and is adjusted only by an FCE credit note, not by ${credit.displayNumber}${where}`,
    },
    [{ path: 'creditDocumentId', message: { es: 'no es una NC FCE', en: 'not an FCE credit note' } }],
  );
}

/**
 * Applies credits (receipts on account, NC, AJN) to debits of the same customer
 * and currency; an array is applied atomically.
 */
export async function applyCredits(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const parsed = validate<ApplicationInput | ApplicationInput[]>(applicationsSchema, body ?? {}, ctx.lang);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return withTransaction(ctx.knex, async (trx) => {
    const ids = items.flatMap((i) => [i.creditDocumentId, i.debitDocumentId]);
    const peek = (await trx('documents')
      .where({ companyId: ctx.companyId })
      .whereIn('id', ids)
      .select('id', 'customerId')) as Array<{
      id: number;
      customerId: number | null;
    }>;
    const customers = await lockCustomers(
      trx,
      ctx,
      peek.map((p) => p.customerId).filter((c): c is number => c !== null),
    );
    const docs = await lockDocuments(trx, ctx, ids);
    const settings = await companySettings(trx, ctx.companyId);
    const open = new Map<number, Dec>([...docs].map(([id, d]) => [id, new D(d.openAmount)]));
    const created: number[] = [];
    for (const [i, item] of items.entries()) {
      const credit = docs.get(item.creditDocumentId);
      const debit = docs.get(item.debitDocumentId);
      const where = items.length > 1 ? ` (línea ${i + 1})` : '';
      if (!credit || !debit) throw notFound({ es: `Comprobante inexistente${where}`, en: `No such document${where}` });
      if (isDebit(credit.type))
        throw conflict('NOT_A_CREDIT', {
          es: `${credit.displayNumber} no es un crédito${where}`,
          en: `${credit.displayNumber} is not a credit${where}`,
        });
      if (!isDebit(debit.type))
        throw conflict('NOT_A_DEBIT', {
          es: `${debit.displayNumber} no es un débito${where}`,
          en: `${debit.displayNumber} is not a debit${where}`,
        });
      for (const d of [credit, debit])
        if (d.status !== 'posted')
          throw conflict('DOCUMENT_CANCELLED', {
            es: `${d.displayNumber} está anulado: no admite imputaciones${where}`,
            en: `${d.displayNumber} is ${d.status}: it takes no applications${where}`,
          });
      if (credit.customerId !== debit.customerId)
        throw conflict('DIFFERENT_CUSTOMERS', {
          es: `${credit.displayNumber} y ${debit.displayNumber} son de clientes distintos${where}`,
          en: `${credit.displayNumber} and ${debit.displayNumber} belong to different customers${where}`,
        });
      if (credit.currency !== debit.currency)
        throw conflict('DIFFERENT_CURRENCIES', {
          es: `${credit.displayNumber} es en ${credit.currency} y ${debit.displayNumber} en ${debit.currency}: se imputa solo entre comprobantes de la misma moneda${where}`,
          en: `${credit.displayNumber} is in ${credit.currency} and ${debit.displayNumber} in ${debit.currency}: applications join documents of one currency${where}`,
        });
      assertFceAdjustment(credit, debit, where);
      const date = item.date ?? today();
      assertOpenPeriod(settings, date);
      const latest = credit.issueDate > debit.issueDate ? credit : debit;
      if (date < latest.issueDate)
        throw conflict('APPLICATION_BEFORE_ISSUE', {
          es: `La imputación del ${fmt(date)} es anterior a la emisión de ${latest.displayNumber} (${fmt(latest.issueDate)})${where}`,
          en: `The application dated ${date} is before ${latest.displayNumber} was issued (${latest.issueDate})${where}`,
        });
      const amount = new D(item.amount);
      for (const d of [credit, debit]) {
        const left = open.get(Number(d.id))!;
        if (amount.gt(left))
          throw conflict('OVER_APPLICATION', {
            es: `Se imputan ${formatMoney(amount)} pero ${d.displayNumber} tiene ${formatMoney(left)} pendiente${where}`,
            en: `${formatMoney(amount, 'en')} applied but ${d.displayNumber} has ${formatMoney(left, 'en')} open${where}`,
          });
        open.set(Number(d.id), left.minus(amount));
      }
      created.push(
        await insertApplication(trx, ctx, {
          customerId: credit.customerId!,
          creditDocumentId: credit.id,
          debitDocumentId: debit.id,
          amount: amount.toFixed(2),
          date,
        }),
      );
    }
    for (const [id, left] of open) {
      if (!left.eq(docs.get(id)!.openAmount))
        await trx('documents')
          .where({ id, companyId: ctx.companyId })
          .update({ openAmount: left.toFixed(2), updatedAt: trx.fn.now() });
    }
    for (const customerId of customers.keys()) await recomputeCustomer(trx, ctx.companyId, customerId);
    const records = [];
    for (const id of created) {
      const record = await getRecord(applicationsResource, ctx, id, { trx });
      await audit(trx, ctx, { action: 'create', entity: 'applications', entityId: id, after: record });
      await emitEvent(trx, ctx, 'application.created', record);
      records.push(record);
    }
    return Array.isArray(parsed) ? records : records[0];
  });
}

/** Unapplies: the application stays in history, reversed, and both open amounts come back. */
export async function unapply(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.supervise');
  const input = validate<{ date?: string; reason?: string }>(unapplySchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const peek = (await trx('applications').where({ id, companyId: ctx.companyId }).first('customerId')) as
      { customerId: number } | undefined;
    if (!peek) throw notFound();
    await lockCustomers(trx, ctx, [peek.customerId]);
    const app = (await trx('applications').where({ id, companyId: ctx.companyId }).forUpdate().first()) as {
      id: number;
      creditDocumentId: number;
      debitDocumentId: number;
      amount: string;
      date: string;
      reversedAt: Date | null;
    };
    if (app.reversedAt)
      throw conflict('ALREADY_UNAPPLIED', { es: 'La imputación ya fue desimputada', en: 'The application was already reversed' });
    const date = input.date ?? today();
    assertOpenPeriod(await companySettings(trx, ctx.companyId), date);
    if (date < app.date)
      throw conflict('DATE_BEFORE_APPLICATION', {
        es: `La desimputación no puede ser anterior a la imputación (${fmt(app.date)})`,
        en: `The reversal cannot be before the application (${app.date})`,
      });
    const before = await getRecord(applicationsResource, ctx, id, { trx });
    await lockDocuments(trx, ctx, [app.creditDocumentId, app.debitDocumentId]);
    await trx('applications')
      .where({ id, companyId: ctx.companyId })
      .update({ reversedAt: trx.fn.now(), reversedBy: ctx.user.id, reversalDate: date, reversalReason: input.reason ?? null });
    await trx('documents')
      .where({ companyId: ctx.companyId })
      .whereIn('id', [app.creditDocumentId, app.debitDocumentId])
      .update({ openAmount: trx.raw('open_amount + ?', [app.amount]), updatedAt: trx.fn.now() });
    await recomputeCustomer(trx, ctx.companyId, peek.customerId);
    const after = await getRecord(applicationsResource, ctx, id, { trx });
    await audit(trx, ctx, { action: 'unapply', entity: 'applications', entityId: id, before, after });
    await emitEvent(trx, ctx, 'application.reversed', after);
    return after;
  });
}
