/**
 * The receipt being entered, as the form holds it, and everything derived from
 * it without asking the server: what each line is worth in the account's
 * currency, the totals, what is missing before it can be posted, and the body
 * POST /api/receipts takes. All amounts in BigInt cents.
 */
import { cuitProblem } from '../../common/cuit';
import { dividedBy, dividedByRate, fromCents, isAmount, sumCents, timesRate, toCents, type Cents } from '../../common/cents';
import type { Currency } from '../../common/money';
import type { ReceiptBody } from '../../ledger/api';
import type { Amounts } from '../../ledger/OpenItemsTable';
import type { OpenItem, PaymentMethod, WithholdingType } from '../../ledger/types';

export interface PaymentLine {
  method: PaymentMethod;
  amount: string | null;
  currency: Currency;
  exchangeRate: string | null;
  bankId: number | null;
  number: string;
  issueDate: string | null;
  paymentDate: string | null;
  drawerTaxId: string | null;
  drawerName: string;
  echeq: boolean;
  /** An ECHEQ's id (BCRA); the server needs it for every ECHEQ. */
  echeqId?: string;
  reference: string;
  /** Where cash and transfers land; the company's defaults fill them in. */
  cashBoxId?: number | null;
  bankAccountId?: number | null;
  cardIssuerId: number | null;
  cardPlanId: number | null;
  couponNumber: string;
  authorization: string;
  /** The terminal's batch (lote) the coupon was closed in; optional. */
  batchNumber: string;
}

export interface WithholdingLine {
  type: WithholdingType;
  jurisdiction: string | null;
  certificateNumber: string;
  date: string | null;
  baseAmount: string | null;
  amount: string | null;
}

export interface ReceiptValues {
  customerId: number | null;
  issueDate: string | null;
  pointOfSale: string | null;
  number: string | null;
  notes: string;
  /** The ledger a bimonetary customer's receipt credits; null (or absent): the account's currency. */
  ledger?: Currency | null;
  payments: PaymentLine[];
  withholdings: WithholdingLine[];
}

/** The ledger the receipt credits: the one chosen when the customer is bimonetary, else the account's currency. */
export const ledgerOf = (
  customer: { currency: Currency; bimonetary?: boolean } | undefined,
  ledger: Currency | null | undefined,
): Currency => (customer?.bimonetary && ledger ? ledger : (customer?.currency ?? 'ARS'));

export const newPayment = (method: PaymentMethod, currency: Currency, issueDate: string | null): PaymentLine => ({
  method,
  amount: null,
  currency,
  exchangeRate: null,
  bankId: null,
  number: '',
  issueDate: method.endsWith('cheque') || method.endsWith('note') ? issueDate : null,
  paymentDate: null,
  drawerTaxId: null,
  drawerName: '',
  echeq: false,
  echeqId: '',
  reference: '',
  cashBoxId: null,
  bankAccountId: null,
  cardIssuerId: null,
  cardPlanId: null,
  couponNumber: '',
  authorization: '',
  batchNumber: '',
});

export const newWithholding = (
  type: WithholdingType,
  date: string | null,
  jurisdiction: string | null = null,
): WithholdingLine => ({
  type,
  jurisdiction,
  certificateNumber: '',
  date,
  baseAmount: null,
  amount: null,
});

/** What each method asks for, in the order the line shows it. */
export const METHOD_FIELDS: Record<PaymentMethod, ReadonlyArray<keyof PaymentLine>> = {
  cash: [],
  customer_cheque: ['bankId', 'number', 'issueDate', 'paymentDate'],
  third_party_cheque: ['bankId', 'number', 'issueDate', 'paymentDate', 'drawerTaxId', 'drawerName'],
  customer_note: ['number', 'issueDate', 'paymentDate'],
  third_party_note: ['number', 'issueDate', 'paymentDate', 'drawerTaxId', 'drawerName'],
  transfer: ['bankId', 'reference'],
  card: ['cardIssuerId', 'cardPlanId', 'couponNumber'],
};

/** Lines are named by what they are ("el cheque 2", "la transferencia"): the group a method belongs to. */
export type LineGroup = 'cash' | 'cheque' | 'note' | 'transfer' | 'card';
export const groupOf = (method: PaymentMethod): LineGroup =>
  method.endsWith('cheque') ? 'cheque' : method.endsWith('note') ? 'note' : (method as LineGroup);

/** For each line, its number within its group, or null when it is the only one of its kind. */
export function ordinals<T>(lines: T[], group: (line: T) => string): Array<number | null> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(group(l), (counts.get(group(l)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const g = group(l);
    const n = (seen.get(g) ?? 0) + 1;
    seen.set(g, n);
    return (counts.get(g) ?? 0) > 1 ? n : null;
  });
}

/** A line's worth in the account's currency; undefined while its amount or rate is not a number. */
export function accountAmount(line: PaymentLine, accountCurrency: Currency): Cents | undefined {
  if (!isAmount(line.amount)) return undefined;
  const amount = toCents(line.amount);
  if (line.currency === accountCurrency) return amount;
  if (!line.exchangeRate) return undefined;
  return accountCurrency === 'ARS' ? timesRate(amount, line.exchangeRate) : dividedByRate(amount, line.exchangeRate);
}

/** What the buyer pays on a card plan: amount × coefficient; the difference is the financing surcharge. */
export function cardFigures(amount: string | null, coefficient: string, installments: number) {
  if (!isAmount(amount)) return undefined;
  const base = toCents(amount);
  const financed = timesRate(base, coefficient);
  if (financed === undefined) return undefined;
  return { financed, surcharge: financed - base, installment: dividedBy(financed, installments) };
}

export interface Totals {
  received: Cents;
  withheld: Cents;
  total: Cents;
  applied: Cents;
  onAccount: Cents;
  lines: Array<Cents | undefined>;
}

export function totalsOf(
  values: Pick<ReceiptValues, 'payments' | 'withholdings'>,
  allocations: Amounts,
  accountCurrency: Currency,
): Totals {
  const lines = values.payments.map((p) => accountAmount(p, accountCurrency));
  const received = sumCents(lines.map((l) => l ?? 0n));
  const withheld = sumCents(values.withholdings.map((w) => (isAmount(w.amount) ? toCents(w.amount) : 0n)));
  const applied = sumCents(Object.values(allocations).map((a) => (isAmount(a) ? toCents(a) : 0n)));
  const total = received + withheld;
  return { received, withheld, total, applied, onAccount: total - applied, lines };
}

/** Something that keeps the receipt from being posted: a catalog key, its arguments, and the field to go to. */
export interface Problem {
  key: string;
  args?: Record<string, unknown>;
  path?: string;
}

const missing = (field: string, line: Record<string, unknown>, path: string): Problem => ({
  key: 'ledger.receipt.problems.missing',
  args: { field: `ledger.receipt.what.${field}`, ...line },
  path,
});

/**
 * Why the receipt cannot be posted yet, in the order a clerk would fix it: the
 * customer, each line's missing data, the allocations, and whether the numbers
 * add up. `line` arguments name the line ("del cheque 2") through the catalog.
 */
export function problemsOf(values: ReceiptValues, totals: Totals, items: OpenItem[], allocations: Amounts): Problem[] {
  const out: Problem[] = [];
  if (!values.customerId) out.push({ key: 'ledger.receipt.problems.customer', path: 'customerId' });
  if (!values.issueDate) out.push(missing('issueDateReceipt', { line: 'ledger.receipt.lineOf.receipt' }, 'issueDate'));

  const payOrdinals = ordinals(values.payments, (p) => groupOf(p.method));
  values.payments.forEach((p, i) => {
    const group = groupOf(p.method);
    const line = {
      line: payOrdinals[i] ? `ledger.receipt.lineOfN.${group}` : `ledger.receipt.lineOf.${group}`,
      n: payOrdinals[i],
    };
    const at = (field: string) => `payments.${i}.${field}`;
    if (!p.amount) out.push(missing('amount', line, at('amount')));
    else if (!isAmount(p.amount) || toCents(p.amount) <= 0n)
      out.push({ key: 'ledger.receipt.problems.amount', args: line, path: at('amount') });
    for (const field of METHOD_FIELDS[p.method]) {
      const value = p[field];
      if (value === null || value === '' || value === undefined) out.push(missing(field, line, at(field)));
    }
    if (p.method.endsWith('cheque') && p.echeq && !text(p.echeqId))
      out.push({
        key: 'ledger.receipt.problems.missing',
        args: { field: 'treasury.lines.echeqIdWhat', ...line },
        path: at('echeqId'),
      });
    if (p.issueDate && p.paymentDate && p.paymentDate < p.issueDate)
      out.push({ key: 'ledger.receipt.problems.paymentBeforeIssue', args: line, path: at('paymentDate') });
    if (p.drawerTaxId && METHOD_FIELDS[p.method].includes('drawerTaxId') && cuitProblem(p.drawerTaxId))
      out.push({ key: 'ledger.receipt.problems.drawerCuit', args: line, path: at('drawerTaxId') });
    // A foreign-currency line counts only once it has a usable exchange rate.
    if (isAmount(p.amount) && totals.lines[i] === undefined) out.push(missing('exchangeRate', line, at('exchangeRate')));
  });

  const whOrdinals = ordinals(values.withholdings, (w) => w.type);
  values.withholdings.forEach((w, i) => {
    const line = {
      line: whOrdinals[i] ? 'ledger.receipt.lineOfN.withholding' : 'ledger.receipt.lineOf.withholding',
      n: whOrdinals[i],
      tax: `ledger.withholdingTypes.${w.type}`,
    };
    const at = (field: string) => `withholdings.${i}.${field}`;
    if (w.type === 'IIBB' && !w.jurisdiction) out.push(missing('jurisdiction', line, at('jurisdiction')));
    if (!w.certificateNumber.trim()) out.push(missing('certificateNumber', line, at('certificateNumber')));
    if (!w.date) out.push(missing('date', line, at('date')));
    if (!w.amount) out.push(missing('amount', line, at('amount')));
    else if (!isAmount(w.amount) || toCents(w.amount) <= 0n)
      out.push({ key: 'ledger.receipt.problems.amount', args: line, path: at('amount') });
    else if (isAmount(w.baseAmount) && toCents(w.amount) > toCents(w.baseAmount))
      out.push({ key: 'ledger.receipt.problems.overBase', args: line, path: at('amount') });
  });

  for (const item of items) {
    const value = allocations[item.id];
    if (!value) continue;
    if (!isAmount(value) || toCents(value) < 0n)
      out.push({ key: 'ledger.receipt.problems.allocationInvalid', args: { number: item.displayNumber } });
    else if (toCents(value) > toCents(item.openAmount))
      out.push({
        key: 'ledger.receipt.problems.allocationOverOpen',
        args: { number: item.displayNumber, amount: fromCents(toCents(value) - toCents(item.openAmount)) },
      });
  }

  if (totals.total <= 0n && values.payments.every((p) => !isAmount(p.amount)) && values.withholdings.length === 0)
    out.push({ key: 'ledger.receipt.problems.empty' });
  else if (totals.applied > totals.total)
    out.push({ key: 'ledger.receipt.problems.overApplied', args: { amount: fromCents(totals.applied - totals.total) } });
  return out;
}

const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The body of POST /api/receipts, in the ledger it credits: each payment with only what its method carries. */
export function toBody(values: ReceiptValues, allocations: Amounts, accountCurrency: Currency): ReceiptBody {
  return {
    customerId: values.customerId!,
    currency: accountCurrency,
    issueDate: values.issueDate!,
    pointOfSale: values.pointOfSale ? Number(values.pointOfSale) : undefined,
    number: values.number ? Number(values.number) : undefined,
    notes: text(values.notes) ?? null,
    payments: values.payments.map((p) => {
      const body: Record<string, unknown> = { method: p.method, amount: p.amount };
      for (const field of METHOD_FIELDS[p.method])
        body[field] = typeof p[field] === 'string' ? text(p[field] as string) : p[field];
      if (p.method.endsWith('cheque')) {
        body.kind = p.echeq ? 'echeq' : 'cheque';
        if (p.echeq && text(p.echeqId)) body.echeqId = text(p.echeqId);
      }
      if (p.method === 'cash' && p.cashBoxId) body.cashBoxId = p.cashBoxId;
      if (p.method === 'transfer' && p.bankAccountId) body.bankAccountId = p.bankAccountId;
      if (p.method === 'card' && text(p.authorization)) body.authorization = text(p.authorization);
      if (p.method === 'card' && text(p.batchNumber)) body.batchNumber = text(p.batchNumber);
      if (p.currency !== accountCurrency) {
        body.currency = p.currency;
        body.exchangeRate = p.exchangeRate;
      }
      return body;
    }),
    withholdings: values.withholdings.map((w) => ({
      type: w.type,
      ...(w.jurisdiction ? { jurisdiction: w.jurisdiction } : {}),
      certificateNumber: w.certificateNumber.trim(),
      date: w.date,
      ...(isAmount(w.baseAmount) ? { baseAmount: w.baseAmount } : {}),
      amount: w.amount,
    })),
    applications: Object.entries(allocations)
      .filter(([, amount]) => isAmount(amount) && toCents(amount) > 0n)
      .map(([documentId, amount]) => ({ documentId: Number(documentId), amount })),
  };
}
