/**
 * The card rules, each in one place: what the buyer's financing surcharge is and how much of
 * it is IVA, and what the issuer is expected to credit for a coupon (its plan's fee, the IVA
 * on the fee and the settlement days).
 */
import { D, round2, type Dec } from '../../lib/money';
import { addDays } from '../../lib/dates';

/**
 * IVA on the issuer's fee (arancel): the general rate, Ley de IVA (t.o. 1997) art. 28 —
 * https://servicios.infoleg.gob.ar/infolegInternet/anexos/40000-44999/42701/texact.htm
 */
export const FEE_IVA_RATE = '21';

/** What the buyer pays for `amount` on a plan: amount × coefficient (SPEC, card plans). */
export const financedAmount = (amount: Dec | string, coefficient: string): Dec => round2(new D(amount).times(coefficient));

/**
 * The plan's financing surcharge: the buyer pays amount × coefficient (SPEC, card plans), the
 * difference is the surcharge. Financing interest follows the sale it finances and is part of
 * its taxable price (Ley de IVA, art. 10), so the surcharge the buyer paid includes the IVA at
 * the company's rate (`companies.card_surcharge_iva_rate`; 0 for a company that charges none).
 */
export function cardSurcharge(amount: Dec | string, coefficient: string, ivaRate: string) {
  const surcharge = financedAmount(amount, coefficient).minus(amount);
  const net = round2(surcharge.div(new D(1).plus(new D(ivaRate).div(100))));
  return { surcharge: surcharge.toFixed(2), net: net.toFixed(2), iva: surcharge.minus(net).toFixed(2) };
}

/**
 * What the issuer should credit for a coupon of `gross`: its plan's fee (`feePct` of the
 * gross), the IVA on the fee, and the net, `settlementDays` after the coupon's date.
 */
export function expectedSettlement(gross: Dec | string, feePct: string, settlementDays: number, date: string) {
  const fee = round2(new D(gross).times(feePct).div(100));
  const feeIva = round2(fee.times(FEE_IVA_RATE).div(100));
  return {
    expectedFee: fee.toFixed(2),
    expectedFeeIva: feeIva.toFixed(2),
    expectedNet: new D(gross).minus(fee).minus(feeIva).toFixed(2),
    expectedDate: addDays(date, settlementDays),
  };
}
