/**
 * Card coupons on their way to the bank: presentation batches (lotes) and the issuer's
 * settlements (liquidaciones), entered by hand or imported from the issuer's file. Each
 * writes in one transaction, its coupons locked in id order, all of them or none.
 */
import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { AppError, badRequest, conflict, registerConstraint } from '../../http/errors';
import { Joi, id, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { today } from '../../lib/dates';
import { D, sum } from '../../lib/money';
import { getRecord, listRecords } from '../../http/resource';
import { ImportReport, checkRow, noDataRows, openCsv, type ImportColumn } from '../../http/csv-import';
import { checkBankAccount } from '../treasury';
import { assertOpenPeriod, companySettings, fmt } from './posting';
import { cardBatchesResource, cardCouponsResource, cardSettlementsResource } from './cards.resources';

registerConstraint('card_settlements_number_unique', {
  path: 'number',
  code: 'DUPLICATE_SETTLEMENT',
  text: {
    es: 'Esa liquidación (por su número) ya está registrada para la tarjeta',
    en: 'That settlement (by its number) is already registered for the card issuer',
  },
});

export const batchSchema = Joi.object({
  couponIds: Joi.array().items(id()).min(1).max(1000).unique().required(),
  number: Joi.string().trim().max(20),
  date: Joi.isoDate(),
  notes: Joi.string().trim().max(500),
});

const settledCoupon = Joi.object({
  couponId: id().required(),
  gross: Joi.money().positive().required(),
  fee: Joi.money().min(0).default('0.00'),
  feeIva: Joi.money().min(0).default('0.00'),
  withholdings: Joi.money().min(0).default('0.00'),
  /** Checked when given: gross − fee − IVA on the fee − withholdings. */
  net: Joi.money().min(0),
});

const settlementHeader = {
  cardIssuerId: id().required(),
  bankAccountId: id(),
  number: Joi.string().trim().min(1).max(30).required(),
  date: Joi.isoDate().required(),
  notes: Joi.string().trim().max(500),
};

export const settlementSchema = Joi.object({
  ...settlementHeader,
  coupons: Joi.array().items(settledCoupon).min(1).max(1000).unique('couponId').required(),
});

export const settlementImportSchema = Joi.object({
  ...settlementHeader,
  /** The issuer's file, as text; its columns named by the issuer's `settlementLayout`. */
  csv: Joi.string().min(1).max(5_000_000).required(),
  dryRun: Joi.boolean().default(false),
});

interface SettledCoupon {
  couponId: number;
  gross: string;
  fee: string;
  feeIva: string;
  withholdings: string;
  net?: string;
}
interface SettlementInput {
  cardIssuerId: number;
  bankAccountId?: number;
  number: string;
  date: string;
  notes?: string;
  coupons: SettledCoupon[];
}

interface LockedCoupon {
  id: number;
  cardIssuerId: number;
  currency: string;
  state: string;
  date: string;
  gross: string;
  couponNumber: string | null;
}

const detail = (path: string, es: string, en: string) => [{ path, message: { es, en } }];

/** The coupons named, locked in id order; every one of this company or a 400 naming the missing. */
async function lockCoupons(trx: Knex.Transaction, ctx: Ctx, ids: number[], path: string): Promise<LockedCoupon[]> {
  const rows = (await trx('card_coupons')
    .where({ companyId: ctx.companyId })
    .whereIn(
      'id',
      [...ids].sort((a, b) => a - b),
    )
    .orderBy('id')
    .forUpdate()
    .select('id', 'cardIssuerId', 'currency', 'state', 'date', 'gross', 'couponNumber')) as LockedCoupon[];
  const missing = ids.filter((x) => !rows.some((r) => r.id === x));
  if (missing.length)
    throw badRequest(
      'COUPON_NOT_FOUND',
      { es: `No existen los cupones ${missing.join(', ')}`, en: `No such coupons: ${missing.join(', ')}` },
      detail(path, 'cupón inexistente', 'no such coupon'),
    );
  return rows;
}

/** All of one issuer and one currency. */
function assertOneIssuer(coupons: LockedCoupon[], issuerId: number, path: string) {
  const other = coupons.filter((c) => c.cardIssuerId !== issuerId);
  if (other.length)
    throw badRequest(
      'COUPON_OTHER_ISSUER',
      {
        es: `Los cupones ${other.map((c) => c.couponNumber ?? c.id).join(', ')} son de otra tarjeta`,
        en: `Coupons ${other.map((c) => c.couponNumber ?? c.id).join(', ')} belong to another card issuer`,
      },
      detail(path, 'de otra tarjeta', 'of another card issuer'),
    );
  if (new Set(coupons.map((c) => c.currency)).size > 1)
    throw badRequest(
      'COUPON_CURRENCIES',
      { es: 'Los cupones son de distintas monedas', en: 'The coupons are in different currencies' },
      detail(path, 'distintas monedas', 'different currencies'),
    );
}

/** Coupons move forward only: pending → presented (batch) → settled; cancelled ones never. */
function assertStates(coupons: LockedCoupon[], allowed: string[], action: { es: string; en: string }) {
  const wrong = coupons.filter((c) => !allowed.includes(c.state));
  if (wrong.length)
    throw conflict('COUPON_STATE', {
      es: `No se puede ${action.es}: cupones ${wrong.map((c) => `Nº ${c.couponNumber ?? c.id} (${c.state})`).join(', ')}`,
      en: `Cannot ${action.en}: coupons ${wrong.map((c) => `#${c.couponNumber ?? c.id} (${c.state})`).join(', ')}`,
    });
}

/** A batch or settlement with its coupons, as its page shows them. */
async function withCoupons(
  db: Knex | Knex.Transaction,
  ctx: Ctx,
  record: Record<string, unknown>,
  filter: Record<string, unknown>,
) {
  const { rows } = await listRecords(
    cardCouponsResource,
    { ...ctx, knex: db as Knex },
    { filter, sort: ['id', 'ASC'], range: [0, 999] },
  );
  return { ...record, coupons: rows };
}

export async function batchDetail(db: Knex | Knex.Transaction, ctx: Ctx, batchId: number) {
  const batch = await getRecord(cardBatchesResource, ctx, batchId, { trx: db as Knex.Transaction });
  return withCoupons(db, ctx, batch, { batchId });
}

export async function settlementDetail(db: Knex | Knex.Transaction, ctx: Ctx, settlementId: number) {
  const settlement = await getRecord(cardSettlementsResource, ctx, settlementId, { trx: db as Knex.Transaction });
  return withCoupons(db, ctx, settlement, { settlementId });
}

/** `POST /api/card-batches {couponIds, number?, date?, notes?}`: pending coupons of one issuer presented together. */
export async function createBatch(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<{ couponIds: number[]; number?: string; date?: string; notes?: string }>(
    batchSchema,
    body ?? {},
    ctx.lang,
  );
  return withTransaction(ctx.knex, async (trx) => {
    const coupons = await lockCoupons(trx, ctx, input.couponIds, 'couponIds');
    assertOneIssuer(coupons, coupons[0].cardIssuerId, 'couponIds');
    assertStates(coupons, ['pending'], { es: 'presentar en un lote', en: 'present them in a batch' });
    const date = input.date ?? today();
    assertOpenPeriod(await companySettings(trx, ctx.companyId), date);
    const early = coupons.filter((c) => c.date > date);
    if (early.length)
      throw badRequest(
        'BATCH_BEFORE_COUPON',
        {
          es: `El lote no puede ser anterior a sus cupones (el Nº ${early[0].couponNumber} es del ${fmt(early[0].date)})`,
          en: `The batch cannot be dated before its coupons (#${early[0].couponNumber} is of ${early[0].date})`,
        },
        detail('date', `no antes del ${fmt(early[0].date)}`, `not before ${early[0].date}`),
      );
    const [{ id: batchId }] = (await trx('card_batches')
      .insert({
        companyId: ctx.companyId,
        cardIssuerId: coupons[0].cardIssuerId,
        number: input.number ?? null,
        date,
        currency: coupons[0].currency,
        total: sum(coupons.map((c) => c.gross)).toFixed(2),
        couponCount: coupons.length,
        notes: input.notes ?? null,
        createdBy: ctx.user.id,
      })
      .returning('id')) as Array<{ id: number }>;
    await trx('card_coupons')
      .where({ companyId: ctx.companyId })
      .whereIn('id', input.couponIds)
      .update({ state: 'presented', batchId, updatedAt: trx.fn.now() });
    const after = await batchDetail(trx, ctx, batchId);
    await audit(trx, ctx, { action: 'create', entity: 'card_batches', entityId: batchId, after });
    return after;
  });
}

/** Each coupon's settled figures add up: net = gross − fee − IVA on the fee − withholdings. */
function checkFigures(coupons: SettledCoupon[], pathOf: (i: number) => string) {
  return coupons.map((c, i) => {
    const net = new D(c.gross).minus(c.fee).minus(c.feeIva).minus(c.withholdings);
    if (net.lt(0))
      throw badRequest(
        'SETTLEMENT_NEGATIVE_NET',
        {
          es: `Cupón ${i + 1}: el arancel, su IVA y las retenciones superan el bruto`,
          en: `Coupon ${i + 1}: fee, its IVA and withholdings exceed the gross`,
        },
        detail(`${pathOf(i)}.gross`, 'menor que los descuentos', 'less than the deductions'),
      );
    if (c.net !== undefined && !new D(c.net).eq(net))
      throw badRequest(
        'SETTLEMENT_NET',
        {
          es: `Cupón ${i + 1}: el neto ${c.net} no es bruto − arancel − IVA − retenciones (${net.toFixed(2)})`,
          en: `Coupon ${i + 1}: net ${c.net} is not gross − fee − IVA − withholdings (${net.toFixed(2)})`,
        },
        detail(`${pathOf(i)}.net`, `debería ser ${net.toFixed(2)}`, `should be ${net.toFixed(2)}`),
      );
    return { ...c, net: net.toFixed(2) };
  });
}

/** Writes a settlement whose input is already valid; inside the caller's transaction. */
async function writeSettlement(trx: Knex.Transaction, ctx: Ctx, input: SettlementInput, origin: 'manual' | 'import') {
  const lines = checkFigures(input.coupons, (i) => `coupons.${i}`);
  const issuer = (await trx('card_issuers').where({ companyId: ctx.companyId, id: input.cardIssuerId }).first('id')) as
    { id: number } | undefined;
  if (!issuer)
    throw badRequest(
      'CARD_ISSUER_NOT_FOUND',
      { es: 'cardIssuerId: no existe esa tarjeta', en: 'cardIssuerId: no such card issuer' },
      detail('cardIssuerId', 'tarjeta inexistente', 'no such card issuer'),
    );
  const settings = await companySettings(trx, ctx.companyId);
  const bankAccountId = input.bankAccountId ?? settings.defaultBankAccountId;
  const coupons = await lockCoupons(
    trx,
    ctx,
    lines.map((c) => c.couponId),
    'coupons',
  );
  assertOneIssuer(coupons, input.cardIssuerId, 'coupons');
  if (!bankAccountId)
    throw badRequest('BANK_ACCOUNT', { es: 'bankAccountId: obligatoria', en: 'bankAccountId: required' }, [
      { path: 'bankAccountId', message: { es: 'obligatoria', en: 'required' } },
    ]);
  await checkBankAccount(trx, ctx.companyId, bankAccountId, coupons[0].currency);
  assertOpenPeriod(settings, input.date);
  const early = coupons.filter((c) => c.date > input.date);
  if (early.length)
    throw badRequest(
      'SETTLEMENT_BEFORE_COUPON',
      {
        es: `La liquidación no puede ser anterior a sus cupones (el Nº ${early[0].couponNumber} es del ${fmt(early[0].date)})`,
        en: `The settlement cannot be dated before its coupons (#${early[0].couponNumber} is of ${early[0].date})`,
      },
      detail('date', `no antes del ${fmt(early[0].date)}`, `not before ${early[0].date}`),
    );
  assertStates(coupons, ['pending', 'presented'], { es: 'liquidarlos', en: 'settle them' });
  const totals = {
    gross: sum(lines.map((c) => c.gross)).toFixed(2),
    fee: sum(lines.map((c) => c.fee)).toFixed(2),
    feeIva: sum(lines.map((c) => c.feeIva)).toFixed(2),
    withholdings: sum(lines.map((c) => c.withholdings)).toFixed(2),
    net: sum(lines.map((c) => c.net)).toFixed(2),
  };
  const [{ id: settlementId }] = (await trx('card_settlements')
    .insert({
      companyId: ctx.companyId,
      cardIssuerId: input.cardIssuerId,
      bankAccountId,
      number: input.number,
      date: input.date,
      currency: coupons[0].currency,
      ...totals,
      couponCount: lines.length,
      origin,
      notes: input.notes ?? null,
      createdBy: ctx.user.id,
    })
    .returning('id')) as Array<{ id: number }>;
  // Every coupon's settled figures in one statement.
  await trx.raw(
    `UPDATE card_coupons cc
        SET state = 'settled', settlement_id = ?, settled_gross = v.gross, settled_fee = v.fee, settled_fee_iva = v.fee_iva,
            settled_withholdings = v.withholdings, settled_net = v.net, updated_at = now()
       FROM (SELECT unnest(?::int[]) AS id, unnest(?::numeric[]) AS gross, unnest(?::numeric[]) AS fee,
                    unnest(?::numeric[]) AS fee_iva, unnest(?::numeric[]) AS withholdings, unnest(?::numeric[]) AS net) v
      WHERE cc.company_id = ? AND cc.id = v.id`,
    [
      settlementId,
      lines.map((c) => c.couponId),
      lines.map((c) => c.gross),
      lines.map((c) => c.fee),
      lines.map((c) => c.feeIva),
      lines.map((c) => c.withholdings),
      lines.map((c) => c.net),
      ctx.companyId,
    ],
  );
  const after = await settlementDetail(trx, ctx, settlementId);
  await audit(trx, ctx, { action: 'create', entity: 'card_settlements', entityId: settlementId, after });
  return after;
}

/**
 * `POST /api/card-settlements`: the issuer's settlement entered by hand — per coupon its gross,
 * fee (arancel), IVA on the fee and withholdings suffered; the net is credited to a bank account.
 */
export async function createSettlement(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<SettlementInput>(settlementSchema, body ?? {}, ctx.lang);
  return withTransaction(ctx.knex, (trx) => writeSettlement(trx, ctx, input, 'manual'));
}

/** The columns of an issuer's settlement file; the issuer's `settlementLayout` says how its file names them. */
export const SETTLEMENT_COLUMNS: Record<string, ImportColumn> = {
  couponNumber: { type: 'text', required: true },
  gross: { type: 'money', required: true },
  fee: { type: 'money' },
  feeIva: { type: 'money' },
  withholdings: { type: 'money' },
  net: { type: 'money' },
};

const importedRow = Joi.object({
  couponNumber: Joi.string().trim().min(1).max(30).required(),
  gross: Joi.money().positive().required(),
  fee: Joi.money().min(0).default('0.00'),
  feeIva: Joi.money().min(0).default('0.00'),
  withholdings: Joi.money().min(0).default('0.00'),
  net: Joi.money().min(0),
});

/**
 * `POST /api/card-settlements/import {cardIssuerId, bankAccountId?, number, date, csv, dryRun?}`:
 * the issuer's file read with the issuer's column mapping, each row matched to one of the issuer's
 * unsettled coupons by its number; any bad row answers the row report (400) and writes nothing.
 */
export async function importSettlement(ctx: Ctx, body: unknown) {
  assertCan(ctx.user.role, 'ledger.post');
  const input = validate<Omit<SettlementInput, 'coupons'> & { csv: string; dryRun: boolean }>(
    settlementImportSchema,
    body ?? {},
    ctx.lang,
  );
  return withTransaction(ctx.knex, async (trx) => {
    const issuer = (await trx('card_issuers')
      .where({ companyId: ctx.companyId, id: input.cardIssuerId })
      .first('id', 'settlementLayout')) as { id: number; settlementLayout: Record<string, string> | null } | undefined;
    if (!issuer)
      throw badRequest(
        'CARD_ISSUER_NOT_FOUND',
        { es: 'cardIssuerId: no existe esa tarjeta', en: 'cardIssuerId: no such card issuer' },
        detail('cardIssuerId', 'tarjeta inexistente', 'no such card issuer'),
      );
    const report = new ImportReport(input.dryRun, ctx.lang);
    const file = await openCsv(Buffer.from(input.csv, 'utf-8'), {
      columns: SETTLEMENT_COLUMNS,
      headers: issuer.settlementLayout ?? undefined,
      ignoreUnknown: true,
      report,
    });
    const open = (await trx('card_coupons')
      .where({ companyId: ctx.companyId, cardIssuerId: issuer.id })
      .whereIn('state', ['pending', 'presented'])
      .select('id', 'couponNumber')) as Array<{ id: number; couponNumber: string | null }>;
    const coupons: SettledCoupon[] = [];
    for await (const record of file.records) {
      const checked = checkRow<Omit<SettledCoupon, 'couponId'> & { couponNumber: string }>(importedRow, record.values, ctx.lang);
      if (checked.errors) {
        for (const e of checked.errors) report.fail(record.row, e.path, e.message);
        continue;
      }
      const matches = open.filter((c) => c.couponNumber === checked.value.couponNumber);
      if (matches.length !== 1 || coupons.some((c) => c.couponId === matches[0].id)) {
        report.fail(
          record.row,
          'couponNumber',
          ctx.lang === 'es'
            ? `${matches.length > 1 ? 'hay más de un cupón sin liquidar' : 'no hay un cupón sin liquidar'} con el número ${checked.value.couponNumber}`
            : `${matches.length > 1 ? 'more than one unsettled coupon' : 'no unsettled coupon'} numbered ${checked.value.couponNumber}`,
        );
        continue;
      }
      const { couponNumber: _n, ...figures } = checked.value;
      coupons.push({ couponId: matches[0].id, ...figures });
    }
    if (report.total === 0) throw noDataRows();
    if (report.invalid > 0)
      throw new AppError(
        400,
        'IMPORT_INVALID',
        report.summary(),
        report.toJSON().errors.map((e) => ({ path: `rows.${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
      );
    report.created = coupons.length;
    if (input.dryRun) return { status: 200, body: report.toJSON() };
    const { csv: _csv, dryRun: _dry, ...header } = input;
    return { status: 201, body: await writeSettlement(trx, ctx, { ...header, coupons }, 'import') };
  });
}

/**
 * Card coupons not settled yet, by issuer: count, amount and expected net, the oldest coupon and
 * the coupons the issuer should already have paid (expected date past `asOf`).
 */
export async function pendingCouponsByIssuer(db: Knex, ctx: Ctx, asOf: string) {
  const { rows } = await db.raw(
    `SELECT ci.id AS card_issuer_id, ci.code AS card_issuer_code, ci.legal_name AS card_issuer_name, cc.currency,
            count(*)::int AS coupon_count,
            count(*) FILTER (WHERE cc.state = 'presented')::int AS presented_count,
            sum(cc.gross) AS gross, sum(cc.expected_net) AS expected_net,
            min(cc.date) AS oldest_date,
            count(*) FILTER (WHERE cc.expected_date < ?::date)::int AS overdue_count,
            coalesce(sum(cc.expected_net) FILTER (WHERE cc.expected_date < ?::date), 0) AS overdue_net
       FROM card_coupons cc JOIN card_issuers ci ON ci.company_id = cc.company_id AND ci.id = cc.card_issuer_id
      WHERE cc.company_id = ? AND cc.state IN ('pending', 'presented') AND cc.date <= ?::date
      GROUP BY ci.id, ci.code, ci.legal_name, cc.currency
      ORDER BY ci.code, cc.currency`,
    [asOf, asOf, ctx.companyId, asOf],
  );
  return rows as Array<Record<string, unknown>>;
}
