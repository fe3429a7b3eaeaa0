import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, conflict, notFound } from '../../http/errors';
import { validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { today } from '../../lib/dates';
import type { Knex } from 'knex';
import { assertOpenPeriod, companySettings, fmt, lockCustomer, lockCustomers } from './posting';
import { postInternalDocument } from './internal-documents';
import { recomputeCustomer } from '../customers';
import { depositSchema, replaceLineSchema, transitionSchema } from './ledger.schemas';
import { valuesResource } from './ledger.resources';
import { getRecord } from '../../http/resource';
import { TRANSITIONS, PRESENTATION_STATES } from './value-states';
import { checkPresentation } from './cheque-rules';
import { checkBankAccount } from '../treasury';
import { D, formatMoney, sum } from '../../lib/money';
import { checkPayments, insertPayments, type PaymentInput } from './receipts.service';
import { getDocumentDetail } from './ledger.queries';
import { onKey } from '../../db/keys';

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
  bankAccountId?: number;
  charges?: string;
  interest?: string;
  fee?: string;
  /** Set by a deposit slip, never by the request. */
  depositSlipId?: number;
}

/**
 * Several cheques taken to the bank together (`POST /api/values/deposit`): the same rule as a
 * deposit slip, whose values it answers. Without a bank account, the company's default one.
 */
export async function depositValues(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<SlipInput>(depositSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => (await depositInSlip(trx, ctx, input)).values);
}

export interface SlipInput {
  valueIds: number[];
  date?: string;
  depositBankId?: number;
  bankAccountId?: number;
  notes?: string;
}

/**
 * A deposit slip: one bank account, one date, its values moved to `deposited` one by one in
 * id order (each with its transition row and audit event, each checked by the presentation
 * rules: not before its payment date unless a common cheque), all in the caller's transaction
 * — every value is deposited, or none. Customers, then values, are locked in id order.
 */
export async function depositInSlip(trx: Knex.Transaction, ctx: Ctx, input: SlipInput) {
  const ids = [...input.valueIds].sort((a, b) => a - b);
  const owners = (await trx('values')
    .where({ companyId: ctx.companyId })
    .whereIn('id', ids)
    .select('id', 'customerId', 'amount', 'currency')) as Array<{
    id: number;
    customerId: number;
    amount: string;
    currency: string;
  }>;
  const missing = ids.filter((id) => !owners.some((o) => o.id === id));
  if (missing.length)
    throw notFound({ es: `No existen los valores ${missing.join(', ')}`, en: `No such values: ${missing.join(', ')}` });
  await lockCustomers(
    trx,
    ctx,
    owners.map((o) => o.customerId),
  );
  const settings = await companySettings(trx, ctx.companyId);
  const bankAccountId = input.bankAccountId ?? settings.defaultBankAccountId;
  if (!bankAccountId)
    throw badRequest('BANK_ACCOUNT', { es: 'bankAccountId: indique la cuenta', en: 'bankAccountId: give the account' }, [
      { path: 'bankAccountId', message: { es: 'obligatoria', en: 'required' } },
    ]);
  const currency = owners[0].currency;
  await checkBankAccount(trx, ctx.companyId, bankAccountId, currency);
  const [{ id: slipId }] = (await trx('deposit_slips')
    .insert({
      companyId: ctx.companyId,
      bankAccountId,
      date: input.date ?? today(),
      currency,
      total: sum(owners.map((o) => o.amount)).toFixed(2),
      valueCount: owners.length,
      notes: input.notes ?? null,
      createdBy: ctx.user.id,
    })
    .returning('id')) as Array<{ id: number }>;
  const values = [];
  for (const id of ids)
    values.push(
      await moveValue(trx, ctx, id, {
        to: 'deposited',
        date: input.date,
        depositBankId: input.depositBankId,
        bankAccountId,
        depositSlipId: slipId,
      }),
    );
  return { slipId, values };
}

/** A value moves on or after its last movement. */
function assertNotBeforeState(date: string, stateDate: string): void {
  if (date < stateDate)
    throw badRequest(
      'DATE_BEFORE_STATE',
      { es: `La fecha no puede ser anterior al ${fmt(stateDate)}`, en: `The date cannot be before ${stateDate}` },
      [{ path: 'date', message: { es: 'anterior al último movimiento', en: 'before the last movement' } }],
    );
}

/** One move of one value, inside the caller's transaction. */
export async function moveValue(trx: Knex.Transaction, ctx: Ctx, id: number, input: TransitionInput) {
  const peek = (await trx('values').where({ id, companyId: ctx.companyId }).first('customerId')) as
    { customerId: number } | undefined;
  if (!peek) throw notFound();
  await lockCustomer(trx, ctx, peek.customerId);
  const value = (await trx('values').where({ id, companyId: ctx.companyId }).forUpdate().first()) as Record<
    string,
    string | number | null
  > & {
    state: string;
    stateDate: string;
    number: string;
    method: string;
    kind: string | null;
    deferred: boolean;
    notToOrder: boolean;
    issueDate: string;
    paymentDate: string;
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
  assertNotBeforeState(date, value.stateDate);
  const settings = await companySettings(trx, ctx.companyId);
  assertOpenPeriod(settings, date);
  if ((PRESENTATION_STATES as readonly string[]).includes(input.to)) {
    checkPresentation(value, date);
    if (input.bankAccountId) await checkBankAccount(trx, ctx.companyId, input.bankAccountId, value.currency);
  } else if (input.bankAccountId)
    throw badRequest(
      'BANK_ACCOUNT_NOT_USED',
      { es: 'bankAccountId: sólo al depositar o descontar', en: 'bankAccountId: only to deposit or discount' },
      [{ path: 'bankAccountId', message: { es: 'sólo al depositar o descontar', en: 'only to deposit or discount' } }],
    );
  // "No a la orden": transferable only as an ordinary assignment (cesión), never by endorsement (Ley 24.452, art. 12).
  if (input.to === 'endorsed' && value.notToOrder)
    throw badRequest(
      'NOT_TO_ORDER',
      {
        es: `El valor N.º ${value.number} es "no a la orden": no se puede endosar (Ley 24.452, art. 12)`,
        en: `Value #${value.number} is "not to order": it cannot be endorsed (Ley 24.452, art. 12)`,
      },
      [{ path: 'to', message: { es: 'no a la orden', en: 'not to order' } }],
    );
  const before = await getRecord(valuesResource, ctx, id, { trx });
  let rejectionDocumentId: number | null = null;
  if (input.to === 'rejected') {
    // The debt is back: face value, plus the bank's charges and any interest the company charges.
    const total = sum([value.accountAmount, input.charges ?? '0', input.interest ?? '0']).toFixed(2);
    const extras = [
      input.charges && new D(input.charges).gt(0) ? `gastos bancarios ${formatMoney(input.charges)}` : null,
      input.interest && new D(input.interest).gt(0) ? `intereses ${formatMoney(input.interest)}` : null,
    ].filter(Boolean);
    const customer = (await trx('customers').where({ id: peek.customerId, companyId: ctx.companyId }).first('currency')) as {
      currency: string;
    };
    const { id: ndId } = await postInternalDocument(trx, ctx, settings, {
      customerId: peek.customerId,
      type: 'ND',
      issueDate: date,
      currency: customer.currency,
      total,
      notes: `${KIND_ES[value.method] ?? 'Valor'} Nº ${value.number} rechazado: ${input.reason}${extras.length ? ` (más ${extras.join(' e ')})` : ''}`,
      reason: input.reason,
      origin: 'rejection',
    });
    rejectionDocumentId = ndId;
    await recomputeCustomer(trx, ctx.companyId, peek.customerId);
  }
  await trx('values')
    .where({ id, companyId: ctx.companyId })
    .update({
      state: input.to,
      stateDate: date,
      stateReason: input.reason ?? null,
      endorsedTo: input.to === 'endorsed' ? input.endorsedTo : value.endorsedTo,
      depositBankId: input.to === 'deposited' ? (input.depositBankId ?? null) : value.depositBankId,
      bankAccountId: (PRESENTATION_STATES as readonly string[]).includes(input.to)
        ? (input.bankAccountId ?? null)
        : value.bankAccountId,
      discountFee: input.to === 'discounted' ? (input.fee ?? null) : value.discountFee,
      depositSlipId: input.depositSlipId ?? value.depositSlipId,
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
    bankAccountId: input.bankAccountId ?? null,
    charges: input.charges ?? null,
    interest: input.interest ?? null,
    fee: input.fee ?? null,
    depositSlipId: input.depositSlipId ?? null,
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
    .leftJoin('documents as d', onKey('d', 't.document_id'))
    .where({ 't.company_id': ctx.companyId, 't.value_id': id })
    .orderBy('t.id')
    .select(
      't.id',
      't.fromState',
      't.toState',
      't.date',
      't.reason',
      't.documentId',
      'd.displayNumber',
      'd.total as documentTotal',
      't.charges',
      't.interest',
      't.fee',
      't.bankAccountId',
      't.replacementValueId',
      't.depositSlipId',
      ctx.knex.raw(
        '(SELECT rv.number FROM "values" rv WHERE rv.company_id = t.company_id AND rv.id = t.replacement_value_id) AS replacement_number',
      ),
      ctx.knex.raw(
        '(SELECT ba.name FROM bank_accounts ba WHERE ba.company_id = t.company_id AND ba.id = t.bank_account_id) AS bank_account_name',
      ),
      'u.fullName as userName',
      't.createdAt',
    );
}

/**
 * A repudiated ECHEQ cannot be used: its receipt line is replaced by another payment of the
 * same amount (in the account's currency), so the receipt's total, its applications and the
 * customer's balance stay as they are. The old line stays, marked with the line that replaced
 * it and the date; the repudiated value's history names the value that took its place.
 */
export async function replaceValueLine(ctx: Ctx, id: number, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<{ date?: string; payment: PaymentInput }>(replaceLineSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, async (trx) => {
    const peek = (await trx('values').where({ id, companyId: ctx.companyId }).first('customerId')) as
      { customerId: number } | undefined;
    if (!peek) throw notFound();
    const customer = await lockCustomer(trx, ctx, peek.customerId);
    const value = (await trx('values')
      .where({ id, companyId: ctx.companyId })
      .forUpdate()
      .first('state', 'stateDate', 'number', 'paymentId', 'receiptId')) as {
      state: string;
      stateDate: string;
      number: string;
      paymentId: number;
      receiptId: number;
    };
    const line = (await trx('receipt_payments')
      .where({ id: value.paymentId, companyId: ctx.companyId })
      .forUpdate()
      .first('line', 'accountAmount', 'replacedByLine')) as {
      line: number;
      accountAmount: string;
      replacedByLine: number | null;
    };
    if (value.state !== 'repudiated' || line.replacedByLine !== null)
      throw conflict('LINE_NOT_REPLACEABLE', {
        es: `Sólo se reemplaza la línea de un ECHEQ repudiado que no fue reemplazada: el valor N.º ${value.number} está "${value.state}"${line.replacedByLine ? ` y su línea ya se reemplazó por la ${line.replacedByLine}` : ''}`,
        en: `Only the line of a repudiated ECHEQ not yet replaced can be replaced: value #${value.number} is "${value.state}"${line.replacedByLine ? ` and its line was replaced by line ${line.replacedByLine}` : ''}`,
      });
    const receipt = (await trx('documents')
      .where({ id: value.receiptId, companyId: ctx.companyId })
      .first('status', 'currency', 'displayNumber')) as {
      status: string;
      currency: string;
      displayNumber: string;
    };
    if (receipt.status !== 'posted')
      throw conflict('DOCUMENT_CANCELLED', {
        es: `${receipt.displayNumber} está anulado`,
        en: `${receipt.displayNumber} is cancelled`,
      });
    const date = input.date ?? today();
    assertNotBeforeState(date, value.stateDate);
    const settings = await companySettings(trx, ctx.companyId);
    assertOpenPeriod(settings, date);
    // The new value comes in today: its dates are checked against the replacement's date.
    const priced = await checkPayments(trx, ctx, [input.payment], date, receipt.currency, settings, () => 'payment');
    if (!priced[0].accountAmount.eq(line.accountAmount))
      throw badRequest(
        'REPLACEMENT_AMOUNT',
        {
          es: `El reemplazo debe valer ${formatMoney(line.accountAmount)}, lo mismo que la línea ${line.line}`,
          en: `The replacement must be worth ${formatMoney(line.accountAmount, 'en')}, as line ${line.line}`,
        },
        [
          {
            path: 'payment.amount',
            message: { es: `debe ser ${formatMoney(line.accountAmount)}`, en: `must be ${line.accountAmount}` },
          },
        ],
      );
    const before = await getDocumentDetail(trx, ctx, value.receiptId);
    const { last } = (await trx('receipt_payments')
      .where({ documentId: value.receiptId, companyId: ctx.companyId })
      .max('line as last')
      .first()) as {
      last: number;
    };
    const written = await insertPayments(trx, ctx, value.receiptId, customer, priced, date, {
      line: last + 1,
      replacedLine: line.line,
    });
    await trx('receipt_payments')
      .where({ id: value.paymentId, companyId: ctx.companyId })
      .update({ replacedByLine: last + 1, replacedDate: date });
    const replacement = (written.values[0] as { id: number } | undefined)?.id ?? null;
    await trx('value_transitions').insert({
      companyId: ctx.companyId,
      valueId: id,
      fromState: 'repudiated',
      toState: 'repudiated',
      date,
      reason: `Línea ${line.line} del recibo reemplazada por la línea ${last + 1}`,
      documentId: value.receiptId,
      replacementValueId: replacement,
      userId: ctx.user.id,
    });
    const after = await getDocumentDetail(trx, ctx, value.receiptId);
    await audit(trx, ctx, { action: 'replace_line', entity: 'documents', entityId: value.receiptId, before, after });
    return after;
  });
}
