import type { Knex } from 'knex';
import type { Ctx } from '../server/src/http/context';
import { D, round2 } from '../server/src/lib/money';
import { addDays } from '../server/src/lib/dates';
import { postReceipt } from '../server/src/modules/ledger/receipts.service';
import { createBatch, createSettlement, importSettlement } from '../server/src/modules/ledger/card-settlements.service';

/*
 * The demo's card coupons of the last weeks, posted through the ledger's services like the
 * API posts them: card receipts (the plans' surcharges billed by their debit notes), one
 * presentation batch per issuer, and two issuer settlements — one entered by hand, one
 * imported from the issuer's file with its own column names — with the fee, its IVA and an
 * IIBB withholding. A few coupons are left pending for the report of coupons to settle.
 */

/** How the demo's second issuer names the columns of its settlement file. */
const LAYOUT = {
  couponNumber: 'Nro. Cupón',
  gross: 'Importe Bruto',
  fee: 'Arancel',
  feeIva: 'IVA 21% Arancel',
  withholdings: 'Percepción/Retención IIBB',
  net: 'Neto a Liquidar',
};

/** IIBB withheld by the issuer in the demo: 1.5 % of the gross (the rate varies by province and regime). */
const IIBB_PCT = '1.5';

interface Coupon {
  id: number;
  couponNumber: string;
  gross: string;
  expectedFee: string;
  expectedFeeIva: string;
  date: string;
}

export async function seedDemoCards(
  trx: Knex.Transaction,
  clerk: Ctx,
  today: string,
): Promise<{ coupons: number; settlements: number }> {
  const companyId = clerk.companyId;
  const plans = (await trx('card_plans as p')
    .join('card_issuers as i', 'i.id', 'p.card_issuer_id')
    .where({ 'p.companyId': companyId, 'p.active': true, 'i.active': true })
    .whereNull('p.validTo')
    .where('p.installments', '<=', 3)
    .orderBy(['i.id', 'p.installments'])
    .select('p.id', 'p.cardIssuerId', 'p.installments')) as Array<{ id: number; cardIssuerId: number; installments: number }>;
  const issuers = [...new Set(plans.map((p) => p.cardIssuerId))].slice(0, 2);
  const customers = (await trx('customers')
    .where({ companyId, currency: 'ARS', status: 'active' })
    .orderBy('id')
    .limit(8)
    .select('id')) as Array<{ id: number }>;
  if (issuers.length < 2 || customers.length < 8) return { coupons: 0, settlements: 0 };

  const coupons = new Map<number, Coupon[]>(issuers.map((i) => [i, []]));
  for (const [n, customer] of customers.entries()) {
    const issuer = issuers[n % 2];
    const own = plans.filter((p) => p.cardIssuerId === issuer);
    const plan = own[n % own.length];
    const date = addDays(today, -(24 - n * 2));
    const amount = new D(85_000 + n * 37_250).toFixed(2);
    const { body } = await postReceipt(clerk, {
      customerId: customer.id,
      issueDate: date,
      notes: 'Pago con tarjeta en el mostrador',
      payments: [
        {
          method: 'card',
          amount,
          cardIssuerId: issuer,
          cardPlanId: plan.id,
          couponNumber: String(41_000 + n * 7),
          authorization: String(600_100 + n * 13),
          batchNumber: String(120 + n).padStart(4, '0'),
        },
      ],
    });
    coupons.get(issuer)!.push(...((body as { coupons: Coupon[] }).coupons ?? []));
  }

  const withheld = (c: Coupon) => round2(new D(c.gross).times(IIBB_PCT).div(100)).toFixed(2);
  const [first, second] = issuers.map((i) => coupons.get(i)!);
  // Each issuer's first three coupons presented in one batch and settled; the fourth still waits.
  const settleDate = addDays(today, -2);
  const batch1: Record<string, unknown> = await createBatch(clerk, {
    couponIds: first.slice(0, 3).map((c) => c.id),
    date: first[2].date,
  });
  await createSettlement(clerk, {
    cardIssuerId: issuers[0],
    number: `LIQ-${String(batch1.id).padStart(6, '0')}`,
    date: settleDate,
    notes: 'Liquidación cargada a mano desde el resumen del procesador',
    coupons: first.slice(0, 3).map((c) => ({
      couponId: c.id,
      gross: c.gross,
      fee: c.expectedFee,
      feeIva: c.expectedFeeIva,
      withholdings: withheld(c),
    })),
  });
  await createBatch(clerk, { couponIds: second.slice(0, 3).map((c) => c.id), date: second[2].date });
  await trx('card_issuers')
    .where({ companyId, id: issuers[1] })
    .update({ settlementLayout: JSON.stringify(LAYOUT) });
  const es = (v: string) => v.replace('.', ',');
  const rows = second.slice(0, 3).map((c) => {
    const net = new D(c.gross).minus(c.expectedFee).minus(c.expectedFeeIva).minus(withheld(c)).toFixed(2);
    return [c.couponNumber, es(c.gross), es(c.expectedFee), es(c.expectedFeeIva), es(withheld(c)), es(net)].join(';');
  });
  const csv = [Object.values(LAYOUT).join(';'), ...rows].join('\n') + '\n';
  await importSettlement(clerk, { cardIssuerId: issuers[1], number: 'LQ-2026-0917', date: settleDate, csv });
  return { coupons: first.length + second.length, settlements: 2 };
}
