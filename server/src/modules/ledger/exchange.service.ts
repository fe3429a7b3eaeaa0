import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { today } from '../../lib/dates';
import { D, sum } from '../../lib/money';
import { companySettings, lockCustomer } from './posting';
import { checkPayments, writeReceipt, type PaymentInput } from './receipts.service';
import { CHEQUE_METHODS, exchangeSchema } from './ledger.schemas';
import { valuesResource } from './ledger.resources';
import { getRecord } from '../../http/resource';

interface ExchangeInput {
  date?: string;
  notes: string | null;
  payments: PaymentInput[];
}

/**
 * Canje (`POST /api/values/:id/exchange`): the customer replaces a rejected cheque with another
 * one. The replacement comes in as an ordinary receipt of the customer — its cheques enter the
 * portfolio by the intake rules, cash and transfers land where they go — and that receipt is
 * applied to the rejection's debit note for what it pays of it, at most the note's open amount
 * (anything above stays on account, as in any receipt). So the ledger only sees a receipt and an
 * application: the customer's balance, the note's open amount and `ledger:verify` stay as ever.
 * The rejected value keeps its state and its history gains a row naming the receipt and the
 * value that replaced it. Several canjes may follow one another until the note is paid.
 */
export async function exchangeValue(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<ExchangeInput>(exchangeSchema, body ?? {}, ctx.lang);
  if (!input.payments.some((p) => (CHEQUE_METHODS as readonly string[]).includes(p.method)))
    throw badRequest(
      'EXCHANGE_NEEDS_CHEQUE',
      {
        es: 'Un canje entrega al menos un cheque o ECHEQ en reemplazo del rechazado',
        en: 'An exchange brings at least one cheque or ECHEQ to replace the rejected one',
      },
      [{ path: 'payments', message: { es: 'sin cheque ni ECHEQ', en: 'no cheque or ECHEQ' } }],
    );
  return withTransaction(ctx.knex, async (trx) => {
    const peek = (await trx('values').where({ id, companyId: ctx.companyId }).first('customerId')) as
      { customerId: number } | undefined;
    if (!peek) throw notFound();
    const customer = await lockCustomer(trx, ctx, peek.customerId);
    const value = (await trx('values')
      .where({ id, companyId: ctx.companyId })
      .forUpdate()
      .first('state', 'number', 'rejectionDocumentId')) as {
      state: string;
      number: string;
      rejectionDocumentId: number | null;
    };
    const note = value.rejectionDocumentId
      ? ((await trx('documents')
          .where({ id: value.rejectionDocumentId, companyId: ctx.companyId })
          .forUpdate()
          .first('displayNumber', 'openAmount', 'status')) as { displayNumber: string; openAmount: string; status: string })
      : null;
    if (value.state !== 'rejected' || !note || note.status !== 'posted' || new D(note.openAmount).lte(0))
      throw conflict('NOT_EXCHANGEABLE', {
        es:
          value.state !== 'rejected' || !note
            ? `Sólo se canjea un valor rechazado: el N.º ${value.number} está "${value.state}"`
            : `La nota de débito ${note.displayNumber} del rechazo del valor N.º ${value.number} ya no tiene saldo pendiente`,
        en:
          value.state !== 'rejected' || !note
            ? `Only a rejected value can be exchanged: #${value.number} is "${value.state}"`
            : `Debit note ${note.displayNumber} of the rejection of value #${value.number} has nothing open`,
      });
    const date = input.date ?? today();
    const settings = await companySettings(trx, ctx.companyId);
    // What the replacement is worth in the account's currency decides what it pays of the note.
    const priced = await checkPayments(trx, ctx, input.payments, date, customer.currency, settings);
    const applied = D.min(sum(priced.map((p) => p.accountAmount)), note.openAmount);
    const before = await getRecord(valuesResource, ctx, id, { trx });
    const receipt = (await writeReceipt(trx, ctx, {
      customerId: peek.customerId,
      branchId: null,
      issueDate: date,
      notes: input.notes ?? `Canje del valor N.º ${value.number} rechazado (${note.displayNumber})`,
      payments: input.payments,
      withholdings: [],
      applications: [{ documentId: value.rejectionDocumentId!, amount: applied.toFixed(2) }],
    })) as { id: number; displayNumber: string; values: Array<{ id: number; method: string }> };
    const replacement = receipt.values.find((v) => (CHEQUE_METHODS as readonly string[]).includes(v.method));
    await trx('value_transitions').insert({
      companyId: ctx.companyId,
      valueId: id,
      fromState: 'rejected',
      toState: 'rejected',
      date,
      reason: `Canje: ${receipt.displayNumber} imputa ${applied.toFixed(2)} a ${note.displayNumber}`,
      documentId: receipt.id,
      replacementValueId: replacement?.id ?? null,
      userId: ctx.user.id,
    });
    const after = await getRecord(valuesResource, ctx, id, { trx });
    await audit(trx, ctx, { action: 'value_exchanged', entity: 'values', entityId: id, before, after });
    return { value: after, receipt };
  });
}
