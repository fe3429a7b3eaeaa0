import { makeCuit, rng, SURNAMES, type Rng } from './generate';
import { PROVINCE_CODES } from '../server/src/lib/argentina';
import { REGISTERED_BUYERS } from '../shared/catalog/fiscal';

/*
 * Three years of a wholesaler's receivables, simulated day by day so that ids and
 * numbers grow with the dates as they do in a real ledger. Each customer buys on
 * its own rhythm and pays on its own cycle and punctuality; invoices get credit
 * notes, partial payments, rounding adjustments and the odd cancellation; receipts
 * carry transfers, cheques (which then sit in the portfolio, are deposited,
 * endorsed or bounce), cards and withholding certificates; late payers get calls.
 *
 * Amounts are whole numbers of cents (exact integers, never fractions of a cent),
 * held in typed arrays so a million documents take a few tens of megabytes.
 * Deterministic: the same options give the same ledger.
 */

export const DAY_MS = 86_400_000;
export const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dates = new Map<number, string>();
export const dateOf = (day: number) => {
  let date = dates.get(day);
  if (date === undefined) dates.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return date;
};

export const DOC_TYPES = ['FAC', 'ND', 'NC', 'AJP', 'AJN', 'REC'] as const;
const FAC = 0;
const ND = 1;
const NC = 2;
const AJP = 3;
const AJN = 4;
const REC = 5;
export const LETTERS = ['A', 'B', 'C', 'E', 'M', 'X'] as const;
const X = 5;
export const DOC_STATUSES = ['posted', 'cancelled', 'voided'] as const;
const POSTED = 0;
const CANCELLED = 1;
const VOIDED = 2;
export const ORIGINS = ['import', 'api', 'rejection'] as const;
/** Who did it: indexes into the generated users. */
export const ROLES = ['admin', 'supervisor', 'clerk', 'manager'] as const;
const ADMIN = 0;
const SUPERVISOR = 1;
const CLERK = 2;

/** Texts a document may carry as `notes` or `reason` (index 0 = none). */
export const DOC_TEXTS = [
  '',
  'Pago de facturas del período',
  'Cobrado en mostrador',
  'Cobrado por el cobrador en la visita',
  'Transferencia informada por el cliente',
  'Diferencia de cobranza no reclamada',
  'Gastos de gestión de cobranza',
  'Formulario de recibo inutilizado',
  'Nota de crédito por error de facturación',
  'Recibo registrado por error',
  'Intereses por pago fuera de término',
  'Bonificación comercial',
  'Devolución de mercadería',
] as const;
const T_PERIOD = 1;
const T_COUNTER = 2;
const T_VISIT = 3;
const T_TRANSFER = 4;
const T_ROUNDING = 5;
const T_FEES = 6;
const T_SPOILED = 7;
/** The note of a credit note that reverses an invoice billed by mistake. */
const T_REVERSAL = 8;
/** Cancellation reason of receipts (fiscal invoices are reversed, never cancelled). */
export const CANCEL_TEXTS = { receipt: 9 } as const;
const T_INTEREST = 10;
const T_DISCOUNT = 11;
const T_RETURN = 12;

export interface LedgerCustomer {
  id: number;
  ivaCondition: number;
  taxIdType: string;
  taxId: string | null;
  legalName: string;
  currency: string;
  status: string;
  rating: string | null;
  termDays: number;
  province: string | null;
  collectorId: number | null;
  largeTaxpayer: boolean;
}

export interface LedgerOptions {
  seed: number;
  today: string;
  years: number;
  /** Documents wanted in all (approximately). */
  documents: number;
  /** One customer with this many documents (about), for the single-customer goals; null for none. */
  heavy: { index: number; documents: number } | null;
  bankIds: number[];
  cards: Array<{ issuerId: number; planId: number }>;
  /** Internal calibration: invoices per document. */
  invoiceShare?: number;
}

type Column = Int32Array | Uint8Array | Float64Array;

/** A column copied into a new array of `cap` slots. */
function grown<A extends Column>(old: A, cap: number, make: (n: number) => A): A {
  const a = make(cap);
  a.set(old);
  return a;
}

class Docs {
  n = 0;
  cust = new Int32Array(0);
  type = new Uint8Array(0);
  letter = new Uint8Array(0);
  pos = new Int32Array(0);
  number = new Int32Array(0);
  issue = new Int32Array(0);
  due = new Int32Array(0);
  total = new Float64Array(0);
  open = new Float64Array(0);
  status = new Uint8Array(0);
  cancelDay = new Int32Array(0);
  by = new Uint8Array(0);
  origin = new Uint8Array(0);
  text = new Uint8Array(0);

  private grow(): void {
    const cap = Math.max(1024, this.cust.length * 2);
    const g = <A extends Column>(old: A, make: (n: number) => A): A => grown(old, cap, make);
    this.cust = g(this.cust, (n) => new Int32Array(n));
    this.type = g(this.type, (n) => new Uint8Array(n));
    this.letter = g(this.letter, (n) => new Uint8Array(n));
    this.pos = g(this.pos, (n) => new Int32Array(n));
    this.number = g(this.number, (n) => new Int32Array(n));
    this.issue = g(this.issue, (n) => new Int32Array(n));
    this.due = g(this.due, (n) => new Int32Array(n));
    this.total = g(this.total, (n) => new Float64Array(n));
    this.open = g(this.open, (n) => new Float64Array(n));
    this.status = g(this.status, (n) => new Uint8Array(n));
    this.cancelDay = g(this.cancelDay, (n) => new Int32Array(n));
    this.by = g(this.by, (n) => new Uint8Array(n));
    this.origin = g(this.origin, (n) => new Uint8Array(n));
    this.text = g(this.text, (n) => new Uint8Array(n));
  }

  push(d: {
    cust: number;
    type: number;
    letter: number;
    pos: number;
    number: number;
    issue: number;
    due: number;
    total: number;
    open: number;
    status?: number;
    by: number;
    origin: number;
    text?: number;
  }): number {
    if (this.n === this.cust.length) this.grow();
    const i = this.n++;
    this.cust[i] = d.cust;
    this.type[i] = d.type;
    this.letter[i] = d.letter;
    this.pos[i] = d.pos;
    this.number[i] = d.number;
    this.issue[i] = d.issue;
    this.due[i] = d.due;
    this.total[i] = d.total;
    this.open[i] = d.open;
    this.status[i] = d.status ?? POSTED;
    this.cancelDay[i] = 0;
    this.by[i] = d.by;
    this.origin[i] = d.origin;
    this.text[i] = d.text ?? 0;
    return i;
  }
}

class Apps {
  n = 0;
  cust = new Int32Array(0);
  credit = new Int32Array(0);
  debit = new Int32Array(0);
  amount = new Float64Array(0);
  day = new Int32Array(0);
  /** 0 receipt, 1 manual */
  origin = new Uint8Array(0);
  by = new Uint8Array(0);
  /** Day the application was reversed, 0 while active. */
  reversedDay = new Int32Array(0);
  reversedBy = new Uint8Array(0);

  private grow(): void {
    const cap = Math.max(1024, this.cust.length * 2);
    const g = <A extends Column>(old: A, make: (n: number) => A): A => grown(old, cap, make);
    this.cust = g(this.cust, (n) => new Int32Array(n));
    this.credit = g(this.credit, (n) => new Int32Array(n));
    this.debit = g(this.debit, (n) => new Int32Array(n));
    this.amount = g(this.amount, (n) => new Float64Array(n));
    this.day = g(this.day, (n) => new Int32Array(n));
    this.origin = g(this.origin, (n) => new Uint8Array(n));
    this.by = g(this.by, (n) => new Uint8Array(n));
    this.reversedDay = g(this.reversedDay, (n) => new Int32Array(n));
    this.reversedBy = g(this.reversedBy, (n) => new Uint8Array(n));
  }

  push(cust: number, credit: number, debit: number, amount: number, day: number, origin: number, by: number): number {
    if (this.n === this.cust.length) this.grow();
    const i = this.n++;
    this.cust[i] = cust;
    this.credit[i] = credit;
    this.debit[i] = debit;
    this.amount[i] = amount;
    this.day[i] = day;
    this.origin[i] = origin;
    this.by[i] = by;
    this.reversedDay[i] = 0;
    return i;
  }
}

export type PaymentMethod =
  'cash' | 'customer_cheque' | 'third_party_cheque' | 'customer_note' | 'third_party_note' | 'transfer' | 'card';

export interface Payment {
  doc: number;
  line: number;
  method: PaymentMethod;
  amount: number;
  currency: string;
  bankId: number | null;
  number: string | null;
  issueDay: number | null;
  paymentDay: number | null;
  drawerTaxId: string | null;
  drawerName: string | null;
  echeq: boolean;
  reference: string | null;
  card: { issuerId: number; planId: number; coupon: string; authorization: string } | null;
  /** Index into `values` for cheques and notes. */
  value: number;
}

export type ValueState = 'in_portfolio' | 'deposited' | 'endorsed' | 'rejected' | 'cancelled';

export interface Value {
  payment: number;
  cust: number;
  receipt: number;
  state: ValueState;
  stateDay: number;
  endorsedTo: string | null;
  depositBankId: number | null;
  reason: string | null;
  rejectionDoc: number;
}

export interface Transition {
  value: number;
  from: ValueState;
  to: ValueState;
  day: number;
  reason: string | null;
  doc: number;
  by: number;
}

export interface Withholding {
  doc: number;
  cust: number;
  line: number;
  type: 'IIBB' | 'GANANCIAS' | 'IVA' | 'SUSS';
  jurisdiction: string | null;
  certificate: string;
  day: number;
  base: number;
  amount: number;
  active: boolean;
}

export interface Call {
  cust: number;
  at: number;
  minute: number;
  by: number;
  channel: 'phone' | 'email' | 'whatsapp' | 'visit';
  outcome: 'no_answer' | 'promise' | 'refused' | 'dispute' | 'paid_claimed' | 'callback' | 'wrong_contact';
  response: string;
  promiseDay: number | null;
  promiseAmount: number | null;
  nextContactDay: number | null;
  visitDay: number | null;
  visitFrom: string | null;
  visitTo: string | null;
  collectorId: number | null;
}

export interface Ledger {
  start: number;
  today: number;
  docs: Docs;
  apps: Apps;
  payments: Payment[];
  values: Value[];
  transitions: Transition[];
  withholdings: Withholding[];
  calls: Call[];
  /** Numbered-here series (letter X): `${type}:${pos}` → last number. */
  counters: Map<string, number>;
  heavyIndex: number | null;
}

type Event =
  | { kind: 'pay'; cust: number; doc: number; fraction: number }
  | { kind: 'nc'; doc: number }
  | { kind: 'reverse-invoice'; doc: number }
  | { kind: 'cancel-receipt'; doc: number }
  | { kind: 'bounce'; value: number }
  | { kind: 'interest'; cust: number; amount: number };

interface Profile {
  /** Business days on which it buys. */
  invoices: number;
  first: number;
  last: number;
  /** Typical invoice in cents (before the drift of prices). */
  base: number;
  /** Days late on average (negative: pays early); spread around it. */
  lateness: number;
  spread: number;
  /** It gathers its payments every `cycle` days (1: pays each invoice). */
  cycle: number;
  anchor: number;
  /** Stops paying from this day on (a debtor gone bad); 0 = never. */
  stops: number;
  cash: boolean;
  withholds: boolean;
  kind: 'company' | 'person' | 'final' | 'exempt' | 'foreign';
  letter: number;
  methods: ReadonlyArray<readonly [PaymentMethod, number]>;
}

const COMPANY_METHODS = [
  ['transfer', 46],
  ['third_party_cheque', 17],
  ['customer_cheque', 20],
  ['customer_note', 2],
  ['third_party_note', 1],
  ['cash', 8],
] as const;
const PERSON_METHODS = [
  ['transfer', 45],
  ['cash', 30],
  ['card', 15],
  ['customer_cheque', 10],
] as const;
const FINAL_METHODS = [
  ['cash', 55],
  ['card', 35],
  ['transfer', 10],
] as const;
const CASH_METHODS = [
  ['cash', 60],
  ['card', 25],
  ['transfer', 15],
] as const;
const FOREIGN_METHODS = [['transfer', 1]] as const;

const PROVINCES = new Set(PROVINCE_CODES);

const SUPPLIERS = [
  'Molinos Río de la Plata S.A.',
  'Arcor S.A.I.C.',
  'Ledesma S.A.A.I.',
  'Acindar S.A.',
  'Loma Negra C.I.A.S.A.',
  'Papelera del Plata S.A.',
  'Transportes Rutas del Sur S.A.',
  'Distribuidora Pampeana S.R.L.',
] as const;

const RESPONSES: Record<Call['outcome'], readonly string[]> = {
  no_answer: ['No atiende; se deja mensaje.', 'Sin respuesta en el teléfono de tesorería.', 'Buzón de voz.'],
  promise: [
    'Confirma el pago para la fecha acordada.',
    'Dice que la transferencia sale esta semana.',
    'Promete entregar cheques al cobrador.',
    'Pagará el saldo vencido en la fecha indicada.',
  ],
  refused: ['No reconoce la deuda hasta revisar con el contador.', 'Se niega a pagar hasta que se le envíe la nota de crédito.'],
  dispute: [
    'Reclama diferencia de precio en la última factura.',
    'Mercadería entregada con faltantes; pide nota de crédito.',
    'Dice que la factura tiene mal el CUIT.',
  ],
  paid_claimed: ['Asegura que ya transfirió; enviará el comprobante.', 'Dice que el cobrador ya retiró los cheques.'],
  callback: ['Pide que lo llamemos el jueves después de las 15.', 'El encargado de pagos está de vacaciones; volver a llamar.'],
  wrong_contact: ['El número es de otra empresa.', 'La persona ya no trabaja ahí.'],
};

function logUniform(r: Rng, low: number, high: number): number {
  return low * Math.pow(high / low, r.next());
}

/** Standard normal, by Box–Muller. */
function gauss(r: Rng): number {
  const u = Math.max(r.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

const isBusinessDay = (day: number) => {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
  return weekday !== 0 && weekday !== 6;
};
const nextBusinessDay = (day: number) => {
  let d = day;
  while (!isBusinessDay(d)) d++;
  return d;
};

function kindOf(c: LedgerCustomer): Profile['kind'] {
  if (c.ivaCondition === 9) return 'foreign';
  if (c.ivaCondition === 5) return 'final';
  if (c.ivaCondition === 4) return 'exempt';
  if (/S\.A\.|S\.R\.L\.|S\.A\.S\./.test(c.legalName)) return 'company';
  return 'person';
}

function profileOf(r: Rng, c: LedgerCustomer, start: number, today: number): Profile {
  const kind = kindOf(c);
  const span = today - start;
  let first = r.chance(0.7) ? start : start + Math.floor(r.next() * span * 0.9);
  let last = today;
  if (c.status === 'inactive') {
    first = start;
    last = start + Math.floor(span * (0.3 + r.next() * 0.3));
  }
  const cash = c.status === 'cash_only' || c.termDays === 0;
  const usd = c.currency === 'USD';
  let base =
    kind === 'company'
      ? logUniform(r, 60_000, 2_500_000)
      : kind === 'exempt'
        ? logUniform(r, 20_000, 400_000)
        : kind === 'person'
          ? logUniform(r, 10_000, 300_000)
          : kind === 'final'
            ? logUniform(r, 3_000, 60_000)
            : logUniform(r, 300, 15_000);
  if (usd && kind !== 'foreign') base /= 1_400;
  if (c.rating === 'A') base *= 1.8;
  const lateness = c.rating === 'A' ? -2 + r.next() * 8 : c.rating === 'C' ? 15 + r.next() * 60 : r.next() * 25;
  return {
    invoices: 0,
    first,
    last,
    base: Math.round(base * 100),
    lateness,
    spread: 3 + r.next() * 12,
    cycle: cash || kind === 'final' ? 1 : kind === 'person' ? r.pick([1, 7, 15]) : r.pick([7, 7, 15, 15, 15, 30]),
    anchor: r.int(0, 29),
    stops:
      c.status === 'suspended' ? today - r.int(60, 400) : c.status === 'active' && r.chance(0.01) ? today - r.int(30, 500) : 0,
    cash,
    withholds: c.ivaCondition === 1 && kind === 'company' && !usd && (c.largeTaxpayer || r.chance(0.4)),
    kind,
    // Class E abroad, A to RIs and Monotributistas, B to the rest (RG 1415; shared/catalog/fiscal.ts).
    letter: kind === 'foreign' ? 3 : (REGISTERED_BUYERS as readonly number[]).includes(c.ivaCondition) ? 0 : 1,
    methods: cash
      ? CASH_METHODS
      : kind === 'foreign' || usd
        ? FOREIGN_METHODS
        : kind === 'final'
          ? FINAL_METHODS
          : kind === 'person'
            ? PERSON_METHODS
            : COMPANY_METHODS,
  };
}

/**
 * Simulates the ledger. `invoiceShare` (invoices per document) is calibrated by
 * `simulateLedger`, which runs this twice when the first guess misses the target.
 */
function simulate(customers: LedgerCustomer[], opts: LedgerOptions, invoiceShare: number): Ledger {
  const r = rng(opts.seed);
  const today = dayOf(opts.today);
  const start = today - Math.round(opts.years * 365);
  const span = today - start;
  const docs = new Docs();
  const apps = new Apps();
  const payments: Payment[] = [];
  const values: Value[] = [];
  const transitions: Transition[] = [];
  const withholdings: Withholding[] = [];
  const calls: Call[] = [];
  const counters = new Map<string, number>();
  const nextNumber = (type: number, letter: number, pos: number) => {
    const key = `${DOC_TYPES[type]}:${LETTERS[letter]}:${pos}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  /** A credit note of the invoice's letter and point of sale on `day`, posted by `by` and applied to it by `applier` (up to `applied`). */
  const creditNote = (day: number, inv: number, amount: number, applied: number, by: number, applier: number, text: number) => {
    const i = docs.cust[inv];
    const nc = docs.push({
      cust: i,
      type: NC,
      letter: docs.letter[inv],
      pos: docs.pos[inv],
      number: nextNumber(NC, docs.letter[inv], docs.pos[inv]),
      issue: day,
      due: day,
      total: amount,
      open: amount,
      by,
      origin: 0,
      text,
    });
    if (applied > 0) {
      apps.push(i, nc, inv, applied, day, 1, applier);
      docs.open[inv] -= applied;
      docs.open[nc] -= applied;
    }
  };

  // Who buys how much: a log-normal spread, prospects never, the heavy one a lot.
  const profiles = customers.map((c) => profileOf(r, c, start, today));
  const weights = customers.map((c, i) =>
    c.status === 'prospect' || i === opts.heavy?.index
      ? 0
      : Math.exp(1.1 * gauss(r)) * ((profiles[i].last - profiles[i].first) / span),
  );
  const heavyInvoices = opts.heavy ? Math.round(opts.heavy.documents * 0.915) : 0;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const invoicesWanted = Math.max(0, opts.documents * invoiceShare - heavyInvoices);
  const invoiceDays: number[][] = Array.from({ length: span + 1 }, () => []);
  customers.forEach((_, i) => {
    const p = profiles[i];
    const businessDays = Math.max(1, Math.round(((p.last - p.first) * 5) / 7));
    let n = i === opts.heavy?.index ? heavyInvoices : Math.round((weights[i] / totalWeight) * invoicesWanted);
    n = Math.min(n, businessDays * (i === opts.heavy?.index ? 40 : 4));
    p.invoices = n;
    for (let k = 0; k < n; k++) {
      const day = nextBusinessDay(p.first + Math.floor(r.next() * (p.last - p.first + 1)));
      if (day <= today) invoiceDays[day - start].push(i);
    }
  });
  if (opts.heavy) {
    const h = profiles[opts.heavy.index];
    Object.assign(h, { lateness: 3, spread: 4, cycle: 7, stops: 0, cash: false });
  }

  const events: Event[][] = Array.from({ length: span + 1 }, () => []);
  /** The day being simulated: nothing is scheduled before it. */
  let current = start;
  const schedule = (day: number, e: Event) => {
    const d = nextBusinessDay(Math.max(day, current));
    if (d <= today) events[d - start].push(e);
  };
  const payDay = (i: number, due: number) => {
    const p = profiles[i];
    if (p.cash) return due;
    const target = Math.max(due - 10, Math.round(due + p.lateness + p.spread * gauss(r)));
    if (p.cycle === 1) return target;
    return target + ((p.cycle - ((target - start + p.anchor) % p.cycle)) % p.cycle);
  };
  const price = (i: number, day: number) => {
    const drift = 0.45 + (0.55 * (day - start)) / span; // prices roughly double over the period
    return Math.max(100, Math.round(profiles[i].base * logUniform(r, 0.25, 3) * drift));
  };
  const by = () => (r.chance(0.75) ? CLERK : SUPERVISOR);

  const addDebit = (i: number, type: number, day: number, total: number, origin: number, text = 0) => {
    const p = profiles[i];
    const internal = type === AJP || (type === ND && origin === 2);
    const letter = internal ? X : p.letter;
    const pos = internal ? 1 : r.chance(0.85) ? 3 : 7;
    const due = type === FAC ? day + customers[i].termDays : day + (p.cash ? 0 : 10);
    return docs.push({
      cust: i,
      type,
      letter,
      pos,
      number: nextNumber(type, letter, pos),
      issue: day,
      due,
      total,
      open: total,
      by: origin === 0 ? ADMIN : SUPERVISOR,
      origin,
      text,
    });
  };
  const schedulePayment = (i: number, doc: number) => {
    const p = profiles[i];
    if (p.stops && docs.issue[doc] >= p.stops) return; // gone bad: stays open
    if (!p.cash && r.chance(0.004)) return; // disputed, never paid
    const day = payDay(i, docs.due[doc]);
    if (!p.cash && r.chance(0.03)) {
      schedule(day, { kind: 'pay', cust: i, doc, fraction: 0.5 + r.next() * 0.45 });
      schedule(day + r.int(20, 60), { kind: 'pay', cust: i, doc, fraction: 1 });
    } else schedule(day, { kind: 'pay', cust: i, doc, fraction: 1 });
  };

  let chequeNumber = 10_000_000 + r.int(0, 5_000_000);
  let certificate = 1;
  let coupon = 1;
  const contactDay = (day: number) => Math.max(start, day);

  const addCall = (call: Omit<Call, 'minute' | 'response' | 'by'> & { by?: number }) => {
    calls.push({ ...call, by: call.by ?? by(), minute: r.int(9 * 60, 18 * 60), response: r.pick(RESPONSES[call.outcome]) });
  };

  /** A receipt for customer `i` on `day`: applications, withholdings, payments, values. */
  const postReceipt = (i: number, day: number, items: Array<{ doc: number; fraction: number }>) => {
    const c = customers[i];
    const p = profiles[i];
    const wanted: Array<[number, number]> = [];
    let applied = 0;
    let earliestDue = day;
    const rounding: Array<[number, number]> = [];
    for (const it of items) {
      if (docs.status[it.doc] !== POSTED || docs.open[it.doc] <= 0) continue;
      let amount = it.fraction >= 1 ? docs.open[it.doc] : Math.floor(docs.open[it.doc] * it.fraction);
      if (amount <= 0) continue;
      if (it.fraction >= 1 && amount > 200_000 && r.chance(0.01)) {
        const diff = r.int(1, Math.min(50_000, amount - 1));
        rounding.push([it.doc, diff]);
        amount -= diff;
      }
      wanted.push([it.doc, amount]);
      applied += amount;
      earliestDue = Math.min(earliestDue, docs.due[it.doc]);
    }
    if (!wanted.length) return;
    const extra = day > today - 120 && r.chance(0.03) ? Math.max(100, Math.floor((applied * r.int(1, 10)) / 100)) : 0;
    const total = applied + extra;
    const receiptPos = r.chance(0.8) ? 1 : 2;
    const rec = docs.push({
      cust: i,
      type: REC,
      letter: X,
      pos: receiptPos,
      number: nextNumber(REC, X, receiptPos),
      issue: day,
      due: day,
      total,
      open: extra,
      by: by(),
      origin: 1,
      text: r.chance(0.06) ? r.pick([T_PERIOD, T_COUNTER, T_VISIT, T_TRANSFER]) : 0,
    });
    for (const [doc, amount] of wanted) {
      apps.push(i, rec, doc, amount, day, 0, docs.by[rec]);
      docs.open[doc] -= amount;
    }
    // Rounding differences the company forgives: a negative adjustment applied to the invoice.
    for (const [doc, diff] of rounding) {
      const adj = docs.push({
        cust: i,
        type: AJN,
        letter: X,
        pos: 1,
        number: nextNumber(AJN, X, 1),
        issue: day,
        due: day,
        total: diff,
        open: 0,
        by: SUPERVISOR,
        origin: 1,
        text: T_ROUNDING,
      });
      apps.push(i, adj, doc, diff, day, 1, SUPERVISOR);
      docs.open[doc] -= diff;
    }

    // Withholding agents keep part of it and hand over certificates.
    let withheld = 0;
    let certificates = 0;
    if (p.withholds && total > 10_000_000 && r.chance(0.6)) {
      const net = Math.floor(total / 1.21);
      const jurisdiction = c.province && PROVINCES.has(c.province) ? c.province : 'AR-B';
      const add = (type: Withholding['type'], rate: number, jur: string | null) => {
        const amount = Math.floor(net * rate);
        if (amount <= 0) return;
        withholdings.push({
          doc: rec,
          cust: i,
          line: ++certificates,
          type,
          jurisdiction: jur,
          certificate: `${String(r.int(1, 9)).padStart(4, '0')}-${String(certificate++).padStart(8, '0')}`,
          day,
          base: net,
          amount,
          active: true,
        });
        withheld += amount;
      };
      add('IIBB', 0.025, jurisdiction);
      if (r.chance(0.5)) add('GANANCIAS', 0.02, null);
      if (c.largeTaxpayer && r.chance(0.3)) add('IVA', 0.021, null);
    }

    // What is left arrives in one to three payments.
    let rest = total - withheld;
    const count =
      rest < 10_000
        ? 1
        : r.weighted([
            [1, 70],
            [2, 22],
            [3, 8],
          ] as const);
    for (let line = 1; line <= count; line++) {
      const amount = line === count ? rest : Math.max(1, Math.floor(rest * (0.3 + r.next() * 0.4)));
      rest -= amount;
      const method = r.weighted(p.methods);
      const cheque = method === 'customer_cheque' || method === 'third_party_cheque';
      const note = method === 'customer_note' || method === 'third_party_note';
      const own = method === 'customer_cheque' || method === 'customer_note';
      const payment: Payment = {
        doc: rec,
        line,
        method,
        amount,
        currency: c.currency,
        bankId: cheque || method === 'transfer' ? r.pick(opts.bankIds) : null,
        number: cheque || note ? String(chequeNumber++) : null,
        issueDay: cheque || note ? day - r.int(0, 10) : null,
        paymentDay: cheque
          ? day +
            r.weighted([
              [0, 30],
              [15, 10],
              [30, 25],
              [45, 10],
              [60, 15],
              [90, 10],
            ] as const)
          : note
            ? day + r.int(30, 120)
            : null,
        drawerTaxId: own
          ? c.taxIdType === 'CUIT' || c.taxIdType === 'CUIL'
            ? c.taxId
            : null
          : cheque || note
            ? makeCuit(r, r.chance(0.7) ? '30' : '20')
            : null,
        drawerName: own ? c.legalName : cheque || note ? `${r.pick(SURNAMES)} ${r.pick(['S.A.', 'S.R.L.', 'Hnos. S.A.'])}` : null,
        echeq: cheque && r.chance(day - start > 365 ? 0.7 : 0.3),
        reference: method === 'transfer' ? `TRF ${r.digits(10)}` : null,
        card:
          method === 'card' && opts.cards.length
            ? { ...r.pick(opts.cards), coupon: String(coupon++).padStart(6, '0'), authorization: r.digits(6) }
            : null,
        value: -1,
      };
      if (method === 'card' && !payment.card) payment.method = 'cash';
      if (cheque || note) {
        payment.value = values.length;
        const paymentDay = payment.paymentDay!;
        values.push({
          payment: payments.length,
          cust: i,
          receipt: rec,
          state: 'in_portfolio',
          stateDay: day,
          endorsedTo: null,
          depositBankId: null,
          reason: null,
          rejectionDoc: -1,
        });
        if (paymentDay <= today && r.chance(0.006)) schedule(paymentDay, { kind: 'bounce', value: payment.value });
      }
      payments.push(payment);
    }

    // A late payer was chased first.
    const late = day - earliestDue;
    if (!p.cash && late > 20 && r.chance(0.45)) {
      const firstCall = contactDay(earliestDue + r.int(5, Math.max(5, Math.min(15, late - 2))));
      if (firstCall < day) {
        const outcome = r.weighted([
          ['no_answer', 4],
          ['callback', 3],
          ['dispute', 1],
        ] as const);
        addCall({
          cust: i,
          at: firstCall,
          channel: r.weighted([
            ['phone', 6],
            ['whatsapp', 3],
            ['email', 1],
          ] as const),
          outcome,
          promiseDay: null,
          promiseAmount: null,
          nextContactDay: outcome === 'dispute' ? null : firstCall + r.int(2, 5),
          visitDay: null,
          visitFrom: null,
          visitTo: null,
          collectorId: null,
        });
        const promiseCall = Math.max(firstCall, day - r.int(1, 7));
        addCall({
          cust: i,
          at: promiseCall,
          channel: 'phone',
          outcome: 'promise',
          promiseDay: day,
          promiseAmount: total,
          nextContactDay: null,
          visitDay: null,
          visitFrom: null,
          visitTo: null,
          collectorId: null,
        });
      }
    }

    // Now and then a receipt turns out to be a mistake and is cancelled days later.
    if (!withheld && !payments.slice(-count).some((x) => x.value >= 0) && r.chance(0.0008))
      schedule(day + r.int(1, 3), { kind: 'cancel-receipt', doc: rec });
    // A spoiled receipt form is registered as void, keeping the numbering gapless.
    if (r.chance(0.0006)) {
      docs.push({
        cust: r.chance(0.5) ? i : -1,
        type: REC,
        letter: X,
        pos: receiptPos,
        number: nextNumber(REC, X, receiptPos),
        issue: day,
        due: day,
        total: 0,
        open: 0,
        status: VOIDED,
        by: CLERK,
        origin: 1,
        text: T_SPOILED,
      });
    }
    // Paying very late costs interest, billed as a debit note.
    if (!p.cash && late > 45 && r.chance(0.15))
      schedule(day + r.int(1, 5), { kind: 'interest', cust: i, amount: Math.max(100, Math.floor(applied * 0.03)) });
  };

  const receiptInvoices = new Map<number, Array<{ doc: number; fraction: number }>>();
  for (let day = start; day <= today; day++) {
    current = day;
    const slot = day - start;
    if (isBusinessDay(day)) {
      for (const i of invoiceDays[slot]) {
        const p = profiles[i];
        const inv = addDebit(i, FAC, day, price(i, day), 0);
        const reverseDay = nextBusinessDay(day + r.int(1, 7));
        if (!p.cash && reverseDay <= today && r.chance(0.003)) {
          schedule(reverseDay, { kind: 'reverse-invoice', doc: inv });
          continue;
        }
        if (!p.cash && r.chance(0.06)) schedule(day + r.int(2, 20), { kind: 'nc', doc: inv });
        if (!p.cash && r.chance(0.001)) {
          const ajp = addDebit(i, AJP, day, Math.max(100, Math.floor(docs.total[inv] * 0.01)), 1, T_FEES);
          schedulePayment(i, ajp);
        }
        schedulePayment(i, inv);
      }
    }
    receiptInvoices.clear();
    for (const e of events[slot]) {
      if (e.kind === 'pay') {
        const list = receiptInvoices.get(e.cust) ?? [];
        list.push({ doc: e.doc, fraction: e.fraction });
        receiptInvoices.set(e.cust, list);
      } else if (e.kind === 'nc') {
        const inv = e.doc;
        if (docs.status[inv] !== POSTED) continue;
        const amount = Math.max(100, Math.floor(docs.total[inv] * (0.05 + r.next() * 0.35)));
        const text = r.chance(0.5) ? T_RETURN : T_DISCOUNT;
        creditNote(day, inv, amount, Math.min(amount, docs.open[inv]), ADMIN, CLERK, text);
      } else if (e.kind === 'reverse-invoice') {
        // An invoice billed by mistake is reversed by a credit note for its whole amount, applied to
        // it: fiscal documents are never cancelled (RG 1415).
        const inv = e.doc;
        if (docs.status[inv] !== POSTED || docs.open[inv] !== docs.total[inv]) continue;
        creditNote(day, inv, docs.total[inv], docs.total[inv], SUPERVISOR, SUPERVISOR, T_REVERSAL);
      } else if (e.kind === 'cancel-receipt') {
        const rec = e.doc;
        if (docs.status[rec] !== POSTED) continue;
        // Its applications are reversed (kept in history) and the invoices wait for a new receipt.
        for (let a = apps.n - 1; a >= 0 && apps.day[a] >= docs.issue[rec]; a--) {
          if (apps.credit[a] !== rec || apps.reversedDay[a]) continue;
          apps.reversedDay[a] = day;
          apps.reversedBy[a] = SUPERVISOR;
          docs.open[apps.debit[a]] += apps.amount[a];
          docs.open[rec] += apps.amount[a];
          schedule(day + r.int(2, 10), { kind: 'pay', cust: docs.cust[rec], doc: apps.debit[a], fraction: 1 });
        }
        docs.status[rec] = CANCELLED;
        docs.cancelDay[rec] = day;
      } else if (e.kind === 'interest') {
        schedulePayment(e.cust, addDebit(e.cust, ND, day, e.amount, 0, T_INTEREST));
      } else {
        // A cheque bounces: it is rejected and a debit note puts the debt back.
        const v = values[e.value];
        const payment = payments[v.payment];
        const i = v.cust;
        const nd = addDebit(i, ND, day, payment.amount, 2);
        v.state = 'rejected';
        v.stateDay = day;
        v.reason = 'Rechazado por falta de fondos';
        v.rejectionDoc = nd;
        transitions.push({ value: e.value, from: 'in_portfolio', to: 'deposited', day, reason: null, doc: -1, by: CLERK });
        transitions.push({ value: e.value, from: 'deposited', to: 'rejected', day, reason: v.reason, doc: nd, by: SUPERVISOR });
        schedulePayment(i, nd);
      }
    }
    for (const [i, items] of receiptInvoices) postReceipt(i, day, items);
  }

  // Values not bounced: still in the portfolio until their date, then deposited or endorsed.
  values.forEach((v, k) => {
    if (v.state !== 'in_portfolio') return;
    const payment = payments[v.payment];
    if (payment.paymentDay! >= today - 1) return;
    const endorse = r.chance(0.15);
    v.state = endorse ? 'endorsed' : 'deposited';
    v.stateDay = endorse ? Math.min(payment.paymentDay!, docs.issue[v.receipt] + r.int(1, 20)) : payment.paymentDay!;
    if (endorse) v.endorsedTo = r.pick(SUPPLIERS);
    else v.depositBankId = r.pick(opts.bankIds);
    transitions.push({ value: k, from: 'in_portfolio', to: v.state, day: v.stateDay, reason: null, doc: -1, by: CLERK });
  });

  // Today's debtors: the recent calls of a collections desk, with promises, callbacks and visits.
  const overdue = new Float64Array(customers.length);
  for (let d = 0; d < docs.n; d++)
    if (docs.status[d] === POSTED && docs.open[d] > 0 && docs.type[d] <= AJP && docs.type[d] !== NC && docs.due[d] < today)
      overdue[docs.cust[d]] += docs.open[d];
  customers.forEach((c, i) => {
    if (overdue[i] <= 0 || profiles[i].cash) return;
    const n = r.int(1, 3);
    for (let k = n; k >= 1; k--) {
      const at = today - r.int((k - 1) * 8, k * 8);
      const latestCall = k === 1;
      const outcome = latestCall
        ? r.weighted([
            ['promise', 30],
            ['callback', 20],
            ['no_answer', 15],
            ['dispute', 10],
            ['refused', 5],
            ['paid_claimed', 5],
            ['wrong_contact', 2],
          ] as const)
        : r.weighted([
            ['no_answer', 5],
            ['callback', 3],
            ['promise', 2],
          ] as const);
      const visit = outcome === 'promise' && latestCall && c.collectorId !== null && r.chance(0.35);
      const morning = r.chance(0.6);
      const promiseDay = outcome === 'promise' ? (visit ? at + r.int(1, 7) : at + r.int(1, 12)) : null;
      addCall({
        cust: i,
        at,
        channel: visit
          ? 'visit'
          : r.weighted([
              ['phone', 6],
              ['whatsapp', 3],
              ['email', 1],
            ] as const),
        outcome,
        promiseDay,
        promiseAmount: promiseDay === null ? null : Math.max(100, Math.floor(overdue[i] * (r.chance(0.6) ? 1 : 0.5))),
        nextContactDay: outcome === 'callback' || outcome === 'no_answer' ? at + r.int(1, 5) : null,
        visitDay: visit ? promiseDay : null,
        visitFrom: visit ? (morning ? '09:00' : '14:00') : null,
        visitTo: visit ? (morning ? '12:00' : '17:00') : null,
        collectorId: visit ? c.collectorId : null,
      });
    }
  });

  calls.sort((a, b) => a.at - b.at || a.minute - b.minute);
  const xCounters = new Map<string, number>();
  for (const [key, last] of counters) {
    const [type, letter, pos] = key.split(':');
    if (letter === 'X') xCounters.set(`${type}:${pos}`, last);
  }
  return {
    start,
    today,
    docs,
    apps,
    payments,
    values,
    transitions,
    withholdings,
    calls,
    counters: xCounters,
    heavyIndex: opts.heavy?.index ?? null,
  };
}

/** The ledger for `customers`, with about `opts.documents` documents. */
export function simulateLedger(customers: LedgerCustomer[], opts: LedgerOptions): Ledger {
  let share = opts.invoiceShare ?? 0.62;
  let ledger = simulate(customers, opts, share);
  const invoices = ledger.docs.n ? countType(ledger, FAC) : 0;
  if (opts.documents > 0 && invoices > 0 && Math.abs(ledger.docs.n / opts.documents - 1) > 0.03) {
    share = (invoices / ledger.docs.n) * 1.0;
    ledger = simulate(customers, opts, share);
  }
  return ledger;
}

function countType(ledger: Ledger, type: number): number {
  let n = 0;
  for (let d = 0; d < ledger.docs.n; d++) if (ledger.docs.type[d] === type) n++;
  return n;
}
