import type { Knex } from 'knex';
import type { Ctx } from '../server/src/http/context';
import type { Role } from '../server/src/http/permissions';
import { D, round2, sum, type Dec } from '../server/src/lib/money';
import { addDays, daysBetween, today as todayInArgentina } from '../server/src/lib/dates';
import { cancelDocument, postDocument } from '../server/src/modules/ledger/documents.service';
import { issueCreditNote } from '../server/src/modules/ledger/credit-notes.service';
import { applyCredits, unapply } from '../server/src/modules/ledger/applications.service';
import { postVoidedReceipt } from '../server/src/modules/ledger/receipts.service';
import { replaceValueLine, transitionValue } from '../server/src/modules/ledger/values.service';
import { createSlip, creditSlip } from '../server/src/modules/ledger/deposit-slips.service';
import { exchangeValue } from '../server/src/modules/ledger/exchange.service';
import { verifyLedger } from '../server/src/modules/ledger/verify';
import { seedDemoCards } from './demo-cards';
import { treasuryDefaults } from '../server/src/modules/company/company.service';
import { audit } from '../server/src/http/audit';
import { seedDemoBimonetary } from './demo-bimonetary';
import { refreshCompanyFigures } from '../server/src/modules/customers/figures';
import {
  applicationRow,
  paymentRow,
  valueRow,
  withholdingRow,
  writeReceiptRows,
} from '../server/src/modules/ledger/receipt-rows';
import { insertRows, takeIds } from '../server/src/db/bulk';
import { makeCuit, rng, SURNAMES, type Rng } from './generate';

/*
 * A year of ledger history for the first demo company, ending today.
 *
 * The history is played customer by customer in memory, day by day: invoices
 * from billing at each customer's pace and prices, credit notes, receipts when
 * each customer's habits say it pays (punctual, late, chronic, paying round sums
 * on account, stopped paying), with cheques, e-cheqs, transfers, cards, cash and
 * withholding certificates, applied oldest first. Then it is written with
 * multi-row inserts (ids taken from the sequences first, so rows can point at
 * each other), and the corrections of the last weeks — rejected cheques, a
 * cancelled receipt and invoices, unapplications, adjustments, a voided receipt
 * form — go through the ledger's own service functions, inside the same
 * transaction, so they leave the history, numbers and audit events the API
 * leaves. Before returning it checks the invariants (verifyLedger) and throws
 * when anything does not add up.
 *
 * Deterministic apart from today: the same seed gives the same history
 * relative to the day it runs.
 */

const SEED = 20261128;

type DocType = 'FAC' | 'ND' | 'NC' | 'AJP' | 'AJN' | 'REC';
type PayStyle = 'transfer' | 'cheques' | 'cash' | 'card' | 'mixed';
type Behaviour = 'counter' | 'punctual' | 'late' | 'chronic' | 'onAccount' | 'stopped' | 'inactive';
type Kind = 'company' | 'person' | 'exempt' | 'final' | 'foreign';

// ---------------------------------------------------------------------------
// Calendar

/** Argentine national holidays (fixed dates) on which nothing is invoiced or collected. */
const HOLIDAYS = new Set([
  '01-01',
  '03-24',
  '04-02',
  '05-01',
  '05-25',
  '06-20',
  '07-09',
  '08-17',
  '10-12',
  '11-20',
  '12-08',
  '12-25',
]);

export function isBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date.slice(5));
}

export function nextBusinessDay(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

export function previousBusinessDay(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant in Buenos Aires time (UTC−3 all year). */
export const at = (date: string, hour: number, minute: number) => `${date}T${pad2(hour)}:${pad2(minute)}:00-03:00`;

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

// ---------------------------------------------------------------------------
// Who does what: service calls run as the company's demo users.

export interface DemoUsers {
  clerk: Ctx['user'];
  supervisor: Ctx['user'];
}

export async function demoUsers(trx: Knex.Transaction, companyId: number): Promise<DemoUsers> {
  const company = (await trx('companies').where({ id: companyId }).first('name')) as { name: string };
  const byRole = async (role: Role) => {
    const u = (await trx('users').where({ companyId, role }).orderBy('id').first('id', 'username', 'fullName')) as
      { id: number; username: string; fullName: string } | undefined;
    if (!u) throw new Error(`The demo ledger needs a ${role} in company ${companyId}`);
    return { ...u, role, companyId, companyName: company.name };
  };
  return { clerk: await byRole('clerk'), supervisor: await byRole('supervisor') };
}

/** A service context for a demo user whose queries run inside the seed's transaction (services nest as savepoints). */
export function ctxFor(trx: Knex.Transaction, user: Ctx['user']): Ctx {
  return { knex: trx, user, companyId: user.companyId, lang: 'es', ip: '', requestId: 'demo-seed' };
}

// ---------------------------------------------------------------------------
// What the history is made of

interface Branch {
  id: number;
  termDays: number | null;
}

interface Customer {
  id: number;
  code: string;
  legalName: string;
  status: string;
  currency: 'ARS' | 'USD';
  creditLimit: string | null;
  ivaCondition: number;
  taxIdType: string;
  taxId: string | null;
  province: string | null;
  largeTaxpayer: boolean;
  cbu: string | null;
  termDays: number;
  trade: string | null;
  /** Collectors who visit (Buenos Aires zones) bring receipts from their own book. */
  visited: boolean;
  branches: Branch[];
}

interface Doc {
  seq: number;
  id: number;
  customer: Customer | null;
  branchId: number | null;
  type: DocType;
  letter: string;
  pointOfSale: number;
  number: number;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: Dec;
  open: Dec;
  status: 'posted' | 'voided';
  notes: string | null;
  reason: string | null;
  origin: 'import' | 'api';
  warnings: string | null;
  /** Debits: the day the customer means to pay it. */
  payBy: string;
}

interface Application {
  seq: number;
  id: number;
  credit: Doc;
  debit: Doc;
  amount: Dec;
  date: string;
  origin: 'receipt' | 'manual';
}

interface Value {
  kind: 'customer_cheque' | 'third_party_cheque' | 'customer_note';
  state: 'pending_acceptance' | 'accepted' | 'in_portfolio' | 'deposited' | 'endorsed' | 'credited';
  stateDate: string;
  endorsedTo: string | null;
  depositBankId: number | null;
  moves: Array<{ to: 'accepted' | 'deposited' | 'endorsed' | 'credited'; date: string }>;
  id: number;
}

interface Payment {
  id: number;
  receipt: Doc;
  line: number;
  method: 'cash' | 'customer_cheque' | 'third_party_cheque' | 'customer_note' | 'transfer' | 'card';
  amount: Dec;
  currency: string;
  exchangeRate: string | null;
  accountAmount: Dec;
  bankId: number | null;
  number: string | null;
  issueDate: string | null;
  paymentDate: string | null;
  drawerTaxId: string | null;
  drawerName: string | null;
  echeq: boolean;
  echeqId: string | null;
  reference: string | null;
  card: { issuerId: number; planId: number; installments: number; coefficient: string; surcharge: Dec; installment: Dec } | null;
  coupon: string | null;
  authorization: string | null;
  value: Value | null;
}

interface Withholding {
  receipt: Doc;
  line: number;
  type: 'IIBB' | 'GANANCIAS' | 'IVA' | 'SUSS';
  jurisdiction: string | null;
  certificateNumber: string;
  date: string;
  baseAmount: Dec;
  amount: Dec;
}

interface Withholder {
  iibbRate: string;
  ganancias: boolean;
  iva: boolean;
  suss: boolean;
}

interface Profile {
  behaviour: Behaviour;
  start: string;
  salesEnd: string;
  payEnd: string;
  /** Chance of an invoice on a business day. */
  dailySale: number;
  /** Mean invoice at today's prices, in the account's currency. */
  invoiceMean: Dec;
  lateness: [number, number];
  /** Invoices planned within this many days are paid together. */
  window: number;
  partial: number;
  style: PayStyle;
  withholds: Withholder | null;
  pointOfSale: number;
  letter: string;
  overLimit: boolean;
  /** The customer's own bank, for its cheques and transfers. */
  bankId: number;
}

interface Account {
  customer: Customer;
  profile: Profile;
  r: Rng;
  debits: Doc[];
  credits: Doc[];
  balance: Dec;
  notes: Array<{ date: string; invoice: Doc; pct: number; text: string }>;
  certificates: Record<string, number>;
}

interface Plan {
  id: number;
  issuerId: number;
  installments: number;
  coefficient: string;
  validFrom: string | null;
  validTo: string | null;
}

interface Reference {
  companyId: number;
  today: string;
  customers: Customer[];
  banks: Map<string, number>;
  plans: Plan[];
  usdRates: Map<string, string>;
  clerkId: number;
}

// ---------------------------------------------------------------------------
// Money helpers: amounts are decimals; a random float is only ever a weight.

const ZERO = new D(0);
const weight = (x: number) => new D(x.toFixed(6));
const floorTo = (x: Dec, step: number) => x.div(step).floor().times(step);
const ceilTo = (x: Dec, step: number) => x.div(step).ceil().times(step);
const minDec = (a: Dec, b: Dec) => (a.lt(b) ? a : b);

/** exp(σ·N(0,1)): invoice sizes spread like real ones, a few large, many around the mean. */
function spread(r: Rng, sigma: number): number {
  const u = Math.max(r.next(), 1e-9);
  const v = r.next();
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/** `$ 1.234.567,89`, as people read amounts in call notes. */
export const fmtMoney = (x: Dec) => {
  const [int, dec] = x.toFixed(2).split('.');
  return `$ ${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
};

// ---------------------------------------------------------------------------
// Text the documents carry

const CREDIT_NOTE_TEXTS = [
  'Devolución de mercadería en mal estado',
  'Bonificación comercial por volumen',
  'Diferencia de precio según lista vigente',
  'Faltante en la entrega según remito',
  'Descuento por pronto pago acordado',
];

const SUPPLIERS = [
  'Papelera del Sur S.A.',
  'Envases Rioplatenses S.R.L.',
  'Química Industrial Pampeana S.A.',
  'Transportes Rutas del Sur S.A.',
  'Plásticos del Litoral S.A.',
];

const DRAWER_FORMS = ['S.A.', 'S.R.L.', 'S.A.S.'];
const DRAWER_TRADES = ['Constructora', 'Agropecuaria', 'Comercial', 'Distribuidora', 'Metalúrgica', 'Inmobiliaria'];

/** Banks most cheques and transfers come from. */
const COMMON_BANKS = ['007', '011', '014', '015', '017', '029', '034', '072', '191', '285'];

// ---------------------------------------------------------------------------
// Customer profiles

function kindOf(c: Customer): Kind {
  if (c.ivaCondition === 9) return 'foreign';
  if (c.ivaCondition === 5) return 'final';
  if (c.ivaCondition === 4) return 'exempt';
  if (c.taxId && /^(20|23|24|27)/.test(c.taxId)) return 'person';
  return 'company';
}

function letterOf(c: Customer): string {
  if (c.ivaCondition === 9) return 'E';
  return [1, 6, 13, 16].includes(c.ivaCondition) ? 'A' : 'B';
}

/** Casa central invoices most customers; the Córdoba branch the centre of the country; the counter, final consumers. */
function pointOfSaleOf(c: Customer, kind: Kind): number {
  if (kind === 'final' || c.status === 'cash_only') return 5;
  if (c.province === 'AR-X' || c.province === 'AR-S' || c.province === 'AR-E') return 4;
  return 3;
}

function styleOf(r: Rng, kind: Kind, currency: string): PayStyle {
  if (currency === 'USD') return 'transfer';
  const weights: Record<Kind, Array<[PayStyle, number]>> = {
    company: [
      ['transfer', 40],
      ['cheques', 34],
      ['mixed', 20],
      ['cash', 6],
    ],
    person: [
      ['transfer', 35],
      ['cash', 28],
      ['cheques', 15],
      ['card', 22],
    ],
    exempt: [
      ['transfer', 60],
      ['cheques', 30],
      ['cash', 10],
    ],
    final: [
      ['cash', 50],
      ['card', 40],
      ['transfer', 10],
    ],
    foreign: [['transfer', 1]],
  };
  return r.weighted(weights[kind]);
}

function profileOf(c: Customer, r: Rng, ref: Reference, overLimit: boolean, behaviour: Behaviour): Profile {
  const { today } = ref;
  const kind = kindOf(c);
  const yearAgo = addDays(today, -364);
  let start = r.chance(0.78) ? addDays(yearAgo, r.int(0, 20)) : addDays(yearAgo, r.int(30, 290));
  let salesEnd = today;
  let payEnd = today;
  if (behaviour === 'inactive') {
    start = addDays(yearAgo, r.int(0, 15));
    salesEnd = addDays(today, -r.int(190, 250));
  } else if (behaviour === 'stopped') {
    payEnd = addDays(today, -r.int(95, 280));
    if (daysBetween(start, payEnd) < 90) start = maxDate(yearAgo, addDays(payEnd, -r.int(120, 200)));
    salesEnd = addDays(payEnd, r.int(25, 70));
  }
  const late = LATENESS[behaviour];
  // Sales sized so that what is usually owed (sold within the term plus the usual delay) is a share of the limit.
  const daysOwed = Math.max(15, c.termDays + (late[0] + late[1]) / 2 + 10);
  const limit = c.creditLimit === null ? null : new D(c.creditLimit);
  let monthly: Dec;
  let perMonth: number;
  if (c.currency === 'USD') {
    monthly = minDec(limit ?? new D(20_000), new D(40_000)).times(weight(((0.2 + r.next() * 0.3) * 30) / daysOwed));
    perMonth = 0.5 + r.next() * 0.8;
  } else if (limit) {
    const share = overLimit ? 0.95 + r.next() * 0.25 : 0.15 + r.next() * 0.3;
    monthly = limit.times(weight((share * 30) / daysOwed));
    perMonth = limit.gte(5_000_000) ? 1.6 + r.next() * 2 : limit.gte(1_000_000) ? 1 + r.next() * 1.2 : 0.5 + r.next() * 0.8;
  } else {
    monthly = new D(r.int(60, 400) * 1000);
    perMonth = 0.3 + r.next() * 0.7;
  }
  const bankCode = c.cbu?.slice(0, 3);
  const bankId = (bankCode && ref.banks.get(bankCode)) || ref.banks.get(r.pick(COMMON_BANKS))!;
  const agent =
    c.currency === 'ARS' && c.ivaCondition === 1 && kind === 'company' && c.province && (c.largeTaxpayer || r.chance(0.35));
  return {
    behaviour,
    start,
    salesEnd,
    payEnd,
    dailySale: perMonth / 21,
    invoiceMean: monthly.div(weight(perMonth)),
    lateness: late,
    window:
      behaviour === 'punctual' ? r.pick([0, 7, 14]) : behaviour === 'late' ? r.pick([0, 7]) : behaviour === 'onAccount' ? 14 : 0,
    partial: PARTIAL[behaviour],
    style: styleOf(r, kind, c.currency),
    withholds: agent
      ? {
          iibbRate: r.pick(['0.015', '0.020', '0.025', '0.030', '0.035']),
          ganancias: r.chance(0.7),
          iva: c.largeTaxpayer,
          suss: c.trade === 'CONST',
        }
      : null,
    pointOfSale: pointOfSaleOf(c, kind),
    letter: letterOf(c),
    overLimit,
    bankId,
  };
}

/** Days after the due date each habit pays, from–to. */
const LATENESS: Record<Behaviour, [number, number]> = {
  counter: [0, 0],
  punctual: [-6, 2],
  late: [6, 38],
  chronic: [30, 95],
  onAccount: [-3, 10],
  stopped: [10, 45],
  inactive: [-3, 5],
};

/** Chance that a receipt pays only part of what is due. */
const PARTIAL: Record<Behaviour, number> = {
  counter: 0.03,
  punctual: 0.03,
  late: 0.12,
  chronic: 0.45,
  onAccount: 0.03,
  stopped: 0.3,
  inactive: 0.03,
};

/** Each customer's habit: most pay on time, a tail pays late or stopped paying. */
function behaviourOf(c: Customer, r: Rng): Behaviour | null {
  const kind = kindOf(c);
  if (c.status === 'prospect') return null;
  if (c.status === 'inactive') return 'inactive';
  if (c.status === 'suspended') return 'stopped';
  if (c.status === 'cash_only' || kind === 'final' || c.termDays === 0) return r.chance(0.2) ? null : 'counter';
  if (c.currency === 'USD')
    return r.weighted<Behaviour>([
      ['punctual', 6],
      ['late', 3],
    ]);
  return r.weighted<Behaviour>([
    ['punctual', 60],
    ['late', 17],
    ['chronic', 9],
    ['onAccount', 9],
    ['stopped', 5],
  ]);
}

// ---------------------------------------------------------------------------
// The history, played in memory

class History {
  docs: Doc[] = [];
  applications: Application[] = [];
  payments: Payment[] = [];
  withholdings: Withholding[] = [];
  accounts: Account[] = [];
  private seq = 0;
  private chequeNumber = 10_048_117;
  /** The business days of the year up to today, in order. */
  private readonly businessDays: string[] = [];
  private drawers: Array<{ taxId: string; name: string }> = [];

  constructor(readonly ref: Reference) {
    for (let d = addDays(ref.today, -400); d <= ref.today; d = addDays(d, 1)) if (isBusinessDay(d)) this.businessDays.push(d);
    const r = rng(SEED - 1);
    const used = new Set<string>();
    for (let i = 0; i < 40; i++)
      this.drawers.push({
        taxId: makeCuit(r, r.chance(0.8) ? '30' : '33', used),
        name:
          i % 3 === 0
            ? `${r.pick(SURNAMES)} Hnos. ${r.pick(DRAWER_FORMS)}`
            : `${r.pick(DRAWER_TRADES)} ${r.pick(SURNAMES)} ${r.pick(DRAWER_FORMS)}`,
      });
  }

  private doc(fields: Partial<Doc> & Pick<Doc, 'type' | 'issueDate' | 'total'>, customer: Customer | null): Doc {
    const d: Doc = {
      seq: ++this.seq,
      id: 0,
      customer,
      branchId: null,
      letter: 'X',
      pointOfSale: 1,
      number: 0,
      dueDate: fields.issueDate,
      currency: customer?.currency ?? 'ARS',
      open: fields.total,
      status: 'posted',
      notes: null,
      reason: null,
      origin: 'import',
      warnings: null,
      payBy: fields.issueDate,
      ...fields,
    };
    this.docs.push(d);
    return d;
  }

  private apply(credit: Doc, debit: Doc, amount: Dec, date: string, origin: Application['origin']): void {
    credit.open = credit.open.minus(amount);
    debit.open = debit.open.minus(amount);
    this.applications.push({ seq: ++this.seq, id: 0, credit, debit, amount, date, origin });
  }

  /** Credits on account (credit notes, receipts paid over) applied by the clerk to the given debits, oldest first. */
  private applyCredits(acc: Account, debits: Doc[], date: string): void {
    for (const credit of acc.credits) {
      for (const debit of debits) {
        if (credit.open.lte(0)) break;
        if (debit.open.lte(0) || debit.issueDate > date) continue;
        this.apply(credit, debit, minDec(credit.open, debit.open), date, 'manual');
      }
    }
    acc.credits = acc.credits.filter((c) => c.open.gt(0));
  }

  play(c: Customer, profile: Profile, r: Rng): void {
    const acc: Account = { customer: c, profile, r, debits: [], credits: [], balance: ZERO, notes: [], certificates: {} };
    this.accounts.push(acc);
    const { today } = this.ref;
    for (const d of this.businessDays) {
      if (d < profile.start) continue;
      if (d <= profile.salesEnd && r.chance(profile.dailySale)) this.invoice(acc, d);
      if (acc.notes.length) for (const note of acc.notes.filter((n) => n.date === d)) this.creditNote(acc, note);
      if (d <= profile.payEnd) this.pay(acc, d);
    }
    if (profile.overLimit && c.creditLimit !== null && acc.balance.lte(c.creditLimit)) {
      // A last large order takes the customer over its limit: the sale went through with a warning.
      const limit = new D(c.creditLimit);
      const total = round2(limit.minus(acc.balance).plus(limit.times(weight(0.12 + r.next() * 0.2))));
      this.invoice(acc, previousBusinessDay(addDays(today, -r.int(1, 6))), total);
    }
  }

  private invoice(acc: Account, date: string, fixed?: Dec): void {
    const { customer: c, profile: p, r } = acc;
    const { today } = this.ref;
    const branch = c.branches.length && r.chance(0.4) ? r.pick(c.branches) : null;
    const term = branch?.termDays ?? c.termDays;
    // Prices a year ago were lower: about 2 % a month of inflation, none in dollars.
    const inflation = c.currency === 'USD' ? 1 : Math.pow(1.021, -daysBetween(date, today) / 30.4);
    const floor = c.currency === 'USD' ? 50 : 5000;
    const total = fixed ?? D.max(floor, round2(p.invoiceMean.times(weight(spread(r, 0.45) * inflation))));
    const dueDate = addDays(date, term);
    let late = r.int(p.lateness[0], p.lateness[1]);
    if (p.behaviour === 'counter' && r.chance(0.08)) late = r.int(3, 25);
    acc.balance = acc.balance.plus(total);
    const warnings =
      c.creditLimit !== null && acc.balance.gt(c.creditLimit)
        ? JSON.stringify([
            {
              code: 'OVER_CREDIT_LIMIT',
              message: `Con este comprobante el saldo (${acc.balance.toFixed(2)}) supera el límite de crédito (${c.creditLimit})`,
            },
          ])
        : null;
    const doc = this.doc(
      {
        type: 'FAC',
        letter: p.letter,
        pointOfSale: p.pointOfSale,
        issueDate: date,
        dueDate,
        total,
        branchId: branch?.id ?? null,
        notes: p.letter === 'A' && r.chance(0.3) ? `Orden de compra ${r.int(4500010000, 4500099999)}` : null,
        warnings,
        payBy: nextBusinessDay(maxDate(date, addDays(dueDate, late))),
      },
      c,
    );
    acc.debits.push(doc);
    if (acc.credits.length && r.chance(0.5)) this.applyCredits(acc, [doc], date);
    if (r.chance(0.05))
      acc.notes.push({
        date: nextBusinessDay(addDays(date, r.int(2, 25))),
        invoice: doc,
        pct: r.int(5, 35),
        text: r.pick(CREDIT_NOTE_TEXTS),
      });
  }

  private creditNote(acc: Account, note: Account['notes'][number]): void {
    const total = round2(note.invoice.total.times(note.pct).div(100));
    const nc = this.doc(
      {
        type: 'NC',
        letter: note.invoice.letter,
        pointOfSale: note.invoice.pointOfSale,
        issueDate: note.date,
        total,
        branchId: note.invoice.branchId,
        notes: note.text,
      },
      acc.customer,
    );
    acc.balance = acc.balance.minus(total);
    if (note.invoice.open.gte(total)) this.apply(nc, note.invoice, total, note.date, 'manual');
    else acc.credits.push(nc);
  }

  private pay(acc: Account, date: string): void {
    const { profile: p, r, customer: c } = acc;
    if (!acc.debits.some((x) => x.payBy <= date && x.open.gt(0))) return;
    const horizon = addDays(date, p.window);
    const batch = acc.debits
      .filter((x) => x.open.gt(0) && x.payBy <= horizon)
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq));
    if (acc.credits.length) this.applyCredits(acc, batch, date);
    const owed = sum(batch.map((x) => x.open));
    acc.debits = acc.debits.filter((x) => x.open.gt(0));
    if (owed.lte(0)) return;
    const usd = c.currency === 'USD';
    let amount = owed;
    if (r.chance(p.partial) && owed.gt(usd ? 500 : 50_000)) {
      amount = floorTo(owed.times(weight(0.3 + r.next() * 0.5)), usd ? 100 : 1000);
    } else if (p.behaviour === 'onAccount' && r.chance(0.6)) {
      const step = usd ? 500 : owed.gt(400_000) ? 100_000 : 10_000;
      amount = ceilTo(owed, step).plus(r.chance(0.3) ? step : 0);
    }
    if (amount.lte(0)) amount = owed;
    this.receipt(acc, date, amount, batch);
    for (const x of batch) if (x.open.gt(0)) x.payBy = nextBusinessDay(addDays(date, r.int(10, 40)));
    acc.debits = acc.debits.filter((x) => x.open.gt(0));
  }

  private receipt(acc: Account, date: string, amount: Dec, batch: Doc[]): Doc {
    const { customer: c, profile: p, r } = acc;
    const plan: Array<[Doc, Dec]> = [];
    let left = amount;
    for (const debit of batch) {
      if (left.lte(0)) break;
      if (debit.open.lte(0)) continue;
      const a = minDec(left, debit.open);
      plan.push([debit, a]);
      left = left.minus(a);
    }
    const collectorBook = c.visited && c.currency === 'ARS' && (p.style === 'cash' || p.style === 'cheques') && r.chance(0.45);
    const rec = this.doc(
      {
        type: 'REC',
        pointOfSale: collectorBook ? 2 : 1,
        issueDate: date,
        total: amount,
        origin: 'api',
        notes: left.gt(0) ? 'El excedente queda a cuenta' : null,
      },
      c,
    );
    const withholdings = this.withholdingsFor(acc, rec, plan);
    const withheld = sum(withholdings.map((w) => w.amount));
    this.paymentsFor(acc, rec, amount.minus(withheld));
    this.withholdings.push(...withholdings);
    for (const [debit, a] of plan) this.apply(rec, debit, a, date, 'receipt');
    acc.balance = acc.balance.minus(amount);
    if (rec.open.gt(0)) acc.credits.push(rec);
    return rec;
  }

  private certificate(acc: Account, type: string, date: string): string {
    const key = type;
    acc.certificates[key] = (acc.certificates[key] ?? acc.r.int(120, 9000)) + 1;
    return `${date.slice(0, 4)}-${String(acc.certificates[key]).padStart(8, '0')}`;
  }

  /** Agents withhold on what they pay of A invoices: IIBB in their province, Ganancias above the untaxed minimum, IVA, SUSS. */
  private withholdingsFor(acc: Account, rec: Doc, plan: Array<[Doc, Dec]>): Withholding[] {
    const w = acc.profile.withholds;
    if (!w) return [];
    const taxed = sum(plan.filter(([d]) => d.letter === 'A' && d.type === 'FAC').map(([, a]) => a));
    if (taxed.lt(150_000)) return [];
    const base = round2(taxed.div('1.21'));
    const out: Withholding[] = [];
    const add = (type: Withholding['type'], baseAmount: Dec, amount: Dec, jurisdiction: string | null) => {
      if (amount.lt(100)) return;
      out.push({
        receipt: rec,
        line: out.length + 1,
        type,
        jurisdiction,
        certificateNumber: this.certificate(acc, `${type}${jurisdiction ?? ''}`, rec.issueDate),
        date: rec.issueDate,
        baseAmount,
        amount,
      });
    };
    add('IIBB', base, round2(base.times(w.iibbRate)), acc.customer.province);
    if (w.ganancias) add('GANANCIAS', base, round2(D.max(0, base.minus(224_000)).times('0.02')), null);
    if (w.iva) {
      const iva = round2(base.times('0.21'));
      add('IVA', iva, round2(iva.times('0.5')), null);
    }
    if (w.suss && acc.r.chance(0.5)) add('SUSS', base, round2(base.times('0.02')), null);
    return out;
  }

  /** Splits `amount` into `n` parts rounded to `step`, the last one taking the cents. */
  private split(r: Rng, amount: Dec, n: number, step: number): Dec[] {
    const parts: Dec[] = [];
    let left = amount;
    for (let i = 0; i < n - 1; i++) {
      const part = floorTo(amount.times(weight((0.6 + r.next() * 0.8) / n)), step);
      if (part.lte(0) || part.gte(left)) break;
      parts.push(part);
      left = left.minus(part);
    }
    parts.push(left);
    return parts;
  }

  private paymentsFor(acc: Account, rec: Doc, amount: Dec): void {
    const { customer: c, profile: p, r } = acc;
    const date = rec.issueDate;
    let line = 0;
    const add = (fields: Partial<Payment> & Pick<Payment, 'method' | 'amount'>) => {
      this.payments.push({
        id: 0,
        receipt: rec,
        line: ++line,
        currency: c.currency,
        exchangeRate: null,
        accountAmount: fields.amount,
        bankId: null,
        number: null,
        issueDate: null,
        paymentDate: null,
        drawerTaxId: null,
        drawerName: null,
        echeq: false,
        echeqId: null,
        reference: null,
        card: null,
        coupon: null,
        authorization: null,
        value: null,
        ...fields,
      });
    };
    const transfer = (x: Dec) =>
      add({
        method: 'transfer',
        amount: x,
        bankId: p.bankId,
        reference: r.chance(0.6) ? `Interbanking ${r.digits(10)}` : `Transferencia CBU ${r.digits(8)}`,
      });
    if (c.currency === 'USD') {
      const rate = this.ref.usdRates.get(date);
      if (rate && r.chance(0.3)) {
        // Pesos at the day's official rate; rounding the pesos to cents keeps the dollars exact (rate > 1).
        const pesos = round2(amount.times(rate));
        add({
          method: 'transfer',
          amount: pesos,
          currency: 'ARS',
          exchangeRate: rate,
          accountAmount: round2(pesos.div(rate)),
          bankId: p.bankId,
          reference: `Transferencia en pesos al tipo de cambio BNA ${rate.replace('.', ',')}`,
        });
      } else transfer(amount);
      return;
    }
    const style = r.chance(0.75) ? p.style : r.pick<PayStyle>(['transfer', 'cheques', 'cash', 'mixed']);
    const cheque = (x: Dec, thirdParty: boolean) => {
      // E-cheqs took over during the year: a third of the cheques a year ago, two thirds now.
      const echeq = r.chance(0.65 - (0.3 * daysBetween(date, this.ref.today)) / 365);
      const issueDate = echeq ? date : addDays(date, -r.int(0, 4));
      const deferred = r.weighted([
        [0, 25],
        [30, 35],
        [45, 15],
        [60, 15],
        [90, 8],
      ] as const);
      const drawer = thirdParty ? r.pick(this.drawers) : null;
      this.chequeNumber += r.int(1, 37);
      const bankId = thirdParty ? this.ref.banks.get(r.pick(COMMON_BANKS))! : p.bankId;
      add({
        method: thirdParty ? 'third_party_cheque' : 'customer_cheque',
        amount: x,
        bankId,
        number: String(this.chequeNumber),
        issueDate,
        paymentDate: addDays(issueDate, deferred),
        drawerTaxId: drawer ? drawer.taxId : c.taxId,
        drawerName: drawer ? drawer.name : c.legalName,
        echeq,
        echeqId: echeq ? `E${String(this.chequeNumber).padStart(11, '0')}` : null,
        value: {
          kind: thirdParty ? 'third_party_cheque' : 'customer_cheque',
          state: 'in_portfolio',
          stateDate: date,
          endorsedTo: null,
          depositBankId: null,
          moves: [],
          id: 0,
        },
      });
    };
    const cheques = (x: Dec) => {
      const n = x.lt(800_000) ? 1 : r.int(1, 3);
      const thirdParty = ['FERR', 'ALMAC', 'AGRO', 'SUPER'].includes(c.trade ?? '') ? 0.35 : 0.12;
      for (const part of this.split(r, x, n, 1000)) cheque(part, r.chance(thirdParty));
    };
    if (style === 'cheques' && c.trade === 'AGRO' && r.chance(0.15)) {
      // A pagaré from a farm, paid after the harvest.
      this.chequeNumber += 1;
      add({
        method: 'customer_note',
        amount,
        number: `PG-${this.chequeNumber % 100000}`,
        issueDate: date,
        paymentDate: addDays(date, r.pick([90, 120, 150])),
        drawerTaxId: c.taxId,
        drawerName: c.legalName,
        value: {
          kind: 'customer_note',
          state: 'in_portfolio',
          stateDate: date,
          endorsedTo: null,
          depositBankId: null,
          moves: [],
          id: 0,
        },
      });
      return;
    }
    switch (style) {
      case 'cheques':
        return cheques(amount);
      case 'cash':
        if (amount.lte(2_500_000)) return add({ method: 'cash', amount });
        {
          const [cash, rest] = this.split(r, amount, 2, 1000);
          add({ method: 'cash', amount: cash });
          if (rest) transfer(rest);
        }
        return;
      case 'card': {
        const usable = this.ref.plans.filter(
          (pl) => (!pl.validFrom || pl.validFrom <= date) && (!pl.validTo || pl.validTo >= date) && pl.installments <= 6,
        );
        if (!usable.length || amount.gt(1_500_000)) return transfer(amount);
        const plan = r.chance(0.7) ? (usable.find((pl) => pl.installments === 1) ?? r.pick(usable)) : r.pick(usable);
        const financed = round2(amount.times(plan.coefficient));
        return add({
          method: 'card',
          amount,
          card: {
            issuerId: plan.issuerId,
            planId: plan.id,
            installments: plan.installments,
            coefficient: plan.coefficient,
            surcharge: financed.minus(amount),
            installment: round2(financed.div(plan.installments)),
          },
          coupon: String(r.int(1000, 99999)),
          authorization: r.digits(6),
        });
      }
      case 'mixed': {
        const [first, second] = this.split(r, amount, 2, 1000);
        cheques(first);
        if (second) (r.chance(0.7) ? transfer : (x: Dec) => add({ method: 'cash', amount: x }))(second);
        return;
      }
      default:
        return transfer(amount);
    }
  }

  /**
   * Where each cheque is today: due ones deposited on their date (a few endorsed
   * to suppliers before), deferred ones still in the portfolio.
   */
  settleValues(): void {
    const { today, banks } = this.ref;
    const accounts = [banks.get('007')!, banks.get('011')!];
    const r = rng(SEED + 3);
    for (const p of this.payments) {
      const v = p.value;
      if (!v) continue;
      const received = p.receipt.issueDate;
      const payable = p.paymentDate!;
      if (p.echeq) {
        // An ECHEQ waits for its acceptance (BCRA, Com. "A" 6578): those of the last two days still do.
        if (daysBetween(received, today) <= 2) {
          v.state = 'pending_acceptance';
          continue;
        }
        const accepted = minDate(today, nextBusinessDay(received));
        v.moves.push({ to: 'accepted', date: accepted });
        v.state = 'accepted';
        v.stateDate = accepted;
      }
      if (r.chance(0.09) && daysBetween(received, today) > 3) {
        const date = minDate(today, addDays(received, r.int(1, Math.max(1, Math.min(25, daysBetween(received, payable))))));
        v.moves.push({ to: 'endorsed', date });
        v.state = 'endorsed';
        v.stateDate = date;
        v.endorsedTo = r.pick(SUPPLIERS);
        continue;
      }
      const depositDate = nextBusinessDay(maxDate(payable, addDays(received, 1)));
      // The last few days' due cheques wait for the next trip to the bank.
      if (depositDate >= today || (daysBetween(payable, today) <= 4 && r.chance(0.5))) continue;
      const bank = r.pick(accounts);
      // The last week's trips to the bank are deposit slips, made through their service (`treasury` below).
      if (depositDate > addDays(today, -SLIP_DAYS)) continue;
      v.moves.push({ to: 'deposited', date: depositDate });
      v.state = 'deposited';
      v.stateDate = depositDate;
      v.depositBankId = bank;
      // The bank credits a deposit after the clearing, two days later; of those deposited 8 or 9 days ago it
      // has sent no news yet (the portfolio's stale values; the last week's deposits are slips, made below).
      if (daysBetween(depositDate, today) > 9) {
        const credited = nextBusinessDay(addDays(depositDate, 2));
        v.moves.push({ to: 'credited', date: credited });
        v.state = 'credited';
        v.stateDate = credited;
      }
    }
  }

  /** A spoiled receipt form, registered as void in its place in the series. */
  voidedForm(date: string, reason: string): Doc {
    return this.doc({ type: 'REC', issueDate: date, total: ZERO, status: 'voided', reason, origin: 'api' }, null);
  }
}

// ---------------------------------------------------------------------------
// Numbers and ids

/**
 * Billing numbers are given (a series per type, letter and point of sale,
 * sequential by date from wherever the series stood a year ago); receipts are
 * numbered here, gapless, voided forms included.
 */
function number(docs: Doc[], r: Rng): Array<{ type: DocType; pointOfSale: number; last: number }> {
  const series = new Map<string, Doc[]>();
  for (const d of docs) {
    const key = `${d.type} ${d.letter} ${d.pointOfSale}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push(d);
  }
  const counters: Array<{ type: DocType; pointOfSale: number; last: number }> = [];
  for (const [key, list] of [...series].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.seq - b.seq));
    const [type] = key.split(' ') as [DocType];
    const first = type === 'FAC' ? r.int(4000, 30000) : type === 'REC' ? r.int(2000, 9000) : r.int(200, 2500);
    list.forEach((d, i) => (d.number = first + i));
    if (type === 'REC') counters.push({ type, pointOfSale: list[0].pointOfSale, last: first + list.length - 1 });
  }
  return counters;
}

const chronological =
  <T extends { seq: number }>(date: (x: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.seq - b.seq;

async function write(trx: Knex.Transaction, ref: Reference, h: History, counters: ReturnType<typeof number>): Promise<void> {
  const treasury = await treasuryDefaults(trx, ref.companyId);
  const { companyId, clerkId } = ref;
  const r = rng(SEED + 5);
  const docs = [...h.docs].sort(chronological((d) => d.issueDate));
  (await takeIds(trx, 'documents', docs.length)).forEach((id, i) => (docs[i].id = id));
  const apps = [...h.applications].sort(chronological((a) => a.date));
  (await takeIds(trx, 'applications', apps.length)).forEach((id, i) => (apps[i].id = id));
  const payments = [...h.payments].sort((a, b) => a.receipt.id - b.receipt.id || a.line - b.line);
  (await takeIds(trx, 'receipt_payments', payments.length)).forEach((id, i) => (payments[i].id = id));
  const values = payments.filter((p) => p.value);
  (await takeIds(trx, 'values', values.length)).forEach((id, i) => (values[i].value!.id = id));

  const stamp = (date: string) => at(date, r.int(9, 17), r.int(0, 59));
  await insertRows(
    trx,
    'documents',
    docs.map((d) => ({
      id: d.id,
      company_id: companyId,
      customer_id: d.customer?.id ?? null,
      branch_id: d.branchId,
      type: d.type,
      letter: d.letter,
      point_of_sale: d.pointOfSale,
      number: d.number,
      issue_date: d.issueDate,
      due_date: d.dueDate,
      currency: d.currency,
      total: d.total.toFixed(2),
      open_amount: d.open.toFixed(2),
      status: d.status,
      notes: d.notes,
      reason: d.reason,
      warnings: d.warnings ? JSON.parse(d.warnings) : null,
      origin: d.origin,
      created_by: clerkId,
      created_at: stamp(d.issueDate),
      updated_at: stamp(d.issueDate),
    })),
  );
  const paymentOf = (p: (typeof payments)[number]) =>
    paymentRow(companyId, p.receipt.id, p.line, {
      method: p.method,
      amount: p.amount.toFixed(2),
      currency: p.currency,
      exchangeRate: p.exchangeRate,
      accountAmount: p.accountAmount.toFixed(2),
      bankId: p.bankId,
      number: p.number,
      issueDate: p.issueDate,
      paymentDate: p.paymentDate,
      drawerTaxId: p.drawerTaxId,
      drawerName: p.drawerName,
      kind: p.method.endsWith('cheque') ? (p.echeq ? 'echeq' : 'cheque') : null,
      deferred: p.paymentDate !== null && p.issueDate !== null && p.paymentDate > p.issueDate,
      notToOrder: false,
      echeqId: p.echeqId,
      reference: p.reference,
      cashBoxId: treasury.defaultCashBoxId,
      bankAccountId: treasury.defaultBankAccountId,
      originCbu: null,
      originTaxId: null,
      cardIssuerId: p.card?.issuerId ?? null,
      cardPlanId: p.card?.planId ?? null,
      couponNumber: p.coupon,
      authorization: p.authorization,
      installments: p.card?.installments ?? null,
      surchargeCoefficient: p.card?.coefficient ?? null,
      surchargeAmount: p.card?.surcharge.toFixed(2) ?? null,
      installmentAmount: p.card?.installment.toFixed(2) ?? null,
    });
  await writeReceiptRows(trx, {
    applications: apps.map((a) => ({
      id: a.id,
      ...applicationRow(
        companyId,
        a.credit.customer!.id,
        a.credit.id,
        a.debit.id,
        a.amount.toFixed(2),
        a.date,
        a.origin,
        clerkId,
      ),
      createdAt: stamp(a.date),
    })),
    payments: payments.map((p) => ({ id: p.id, ...paymentOf(p) })),
    values: values.map((p) => {
      const v = p.value!;
      return {
        id: v.id,
        ...valueRow(companyId, p.receipt.customer!.id, p.receipt.id, { id: p.id, ...paymentOf(p) }, v.stateDate),
        state: v.state,
        endorsedTo: v.endorsedTo,
        depositBankId: v.depositBankId,
        createdAt: stamp(p.receipt.issueDate),
        updatedAt: stamp(v.stateDate),
      };
    }),
    withholdings: h.withholdings.map((w) => ({
      ...withholdingRow(companyId, w.receipt.id, w.receipt.customer!.id, w.line, {
        type: w.type,
        jurisdiction: w.jurisdiction,
        certificateNumber: w.certificateNumber,
        date: w.date,
        baseAmount: w.baseAmount.toFixed(2),
        amount: w.amount.toFixed(2),
      }),
      active: true,
    })),
  });
  await insertRows(
    trx,
    'value_transitions',
    values.flatMap((p) =>
      p.value!.moves.map((m, i, moves) => ({
        company_id: companyId,
        value_id: p.value!.id,
        from_state: i > 0 ? moves[i - 1].to : p.echeq ? 'pending_acceptance' : 'in_portfolio',
        to_state: m.to,
        date: m.date,
        reason: m.to === 'endorsed' ? `Endosado a ${p.value!.endorsedTo}` : null,
        user_id: clerkId,
        created_at: stamp(m.date),
      })),
    ),
  );
  await insertRows(
    trx,
    'document_counters',
    counters.map((c) => ({ company_id: companyId, type: c.type, point_of_sale: c.pointOfSale, last_number: c.last })),
  );
}

// ---------------------------------------------------------------------------
// Corrections of the last weeks, through the ledger's services

export interface Corrections {
  rejectedCheques: number;
  reversedInvoices: number;
  cancelledReceipts: number;
  unapplied: number;
  reapplied: number;
  adjustments: number;
  voidedReceipts: number;
}

/**
 * The treasury of the last days, through the services: an ECHEQ repudiated and its receipt
 * line replaced by a transfer, another discounted at the bank, and the cheques due that were
 * waiting for the trip to the bank taken in deposit slips (the oldest one already credited).
 */
async function treasury(trx: Knex.Transaction, ref: Reference, users: DemoUsers): Promise<void> {
  const { today, companyId } = ref;
  const clerk = ctxFor(trx, users.clerk);
  const pending = (await trx('values')
    .where({ companyId, kind: 'echeq', state: 'pending_acceptance', currency: 'ARS' })
    .orderBy('id')
    .select('id', 'accountAmount', 'bankId', 'stateDate')) as Array<{
    id: number;
    accountAmount: string;
    bankId: number;
    stateDate: string;
  }>;
  const repudiated = pending[0];
  if (repudiated) {
    await transitionValue(clerk, repudiated.id, {
      to: 'repudiated',
      date: today,
      reason: 'El ECHEQ no corresponde a la operación: el librador lo emitió a otro beneficiario',
    });
    await replaceValueLine(clerk, repudiated.id, {
      date: today,
      payment: {
        method: 'transfer',
        amount: repudiated.accountAmount,
        bankId: repudiated.bankId,
        reference: 'Transferencia en reemplazo del ECHEQ repudiado',
      },
    });
  }
  const due = (await trx('values')
    .where({ companyId, currency: 'ARS' })
    .whereIn('state', ['in_portfolio', 'accepted'])
    .where('paymentDate', '<=', today)
    .orderBy('id')
    .select('id', 'kind')) as Array<{ id: number; kind: string | null }>;
  const discounted = due.find((v) => v.kind === 'echeq');
  if (discounted) await transitionValue(clerk, discounted.id, { to: 'discounted', date: today, fee: '1850.00' });
  const toDeposit = due.filter((v) => v !== discounted).map((v) => v.id);
  await depositWeek(trx, ref, clerk, toDeposit);
  await exchangeRejectedEcheq(trx, ref, clerk);
}

/** How many days of trips to the bank the demo shows as deposit slips. */
const SLIP_DAYS = 7;

/**
 * A week of deposit slips: each value due goes to the bank on the first business day it may
 * (its payment date, not before it came in), one slip per day; the bank credits a slip two
 * business days later (the clearing), except that of the oldest day but one, whose values it
 * credits one by one and not all yet — a stale value for the portfolio's alert.
 */
async function depositWeek(trx: Knex.Transaction, ref: Reference, clerk: Ctx, ids: number[]): Promise<void> {
  const { today, companyId } = ref;
  const rows = (await trx('values')
    .where({ companyId })
    .whereIn('id', ids)
    .orderBy('id')
    .select('id', 'paymentDate', 'stateDate')) as Array<{ id: number; paymentDate: string; stateDate: string }>;
  const byDay = new Map<string, number[]>();
  for (const v of rows) {
    const day = minDate(today, nextBusinessDay(maxDate(maxDate(v.paymentDate, v.stateDate), addDays(today, -SLIP_DAYS))));
    byDay.set(day, [...(byDay.get(day) ?? []), v.id]);
  }
  const days = [...byDay.keys()].sort();
  for (const [i, day] of days.entries()) {
    const slip = (await createSlip(clerk, { valueIds: byDay.get(day)!, date: day, notes: 'Depósito en ventanilla' })) as {
      id: number;
      values: Array<{ id: number }>;
    };
    const cleared = nextBusinessDay(addDays(nextBusinessDay(addDays(day, 1)), 1));
    if (cleared > today) continue;
    if (i === 1) await creditSlip(clerk, slip.id, { date: cleared, valueIds: [slip.values[0].id] });
    else await creditSlip(clerk, slip.id, { date: cleared });
  }
}

/**
 * Canje: an ECHEQ the bank credited is rejected after the clearing (with the bank's charges), and
 * the customer replaces it with another ECHEQ, applied to the rejection's debit note.
 */
async function exchangeRejectedEcheq(trx: Knex.Transaction, ref: Reference, clerk: Ctx): Promise<void> {
  const { today, companyId } = ref;
  const credited = (await trx('values')
    .where({ companyId, kind: 'echeq', state: 'credited', currency: 'ARS' })
    .whereNotNull('drawerTaxId')
    .whereNotNull('drawerName')
    .orderBy('id', 'desc')
    .first('id', 'accountAmount', 'bankId', 'drawerTaxId', 'drawerName')) as
    { id: number; accountAmount: string; bankId: number; drawerTaxId: string; drawerName: string } | undefined;
  if (!credited) return;
  await transitionValue(clerk, credited.id, {
    to: 'rejected',
    date: today,
    reason: 'ECHEQ rechazado por el banco girado: cuenta cerrada',
    charges: '2500.00',
  });
  const owed = round2(new D(credited.accountAmount).plus('2500.00')).toFixed(2);
  await exchangeValue(clerk, credited.id, {
    date: today,
    payments: [
      {
        method: 'third_party_cheque',
        kind: 'echeq',
        echeqId: `CANJE${String(credited.id).padStart(10, '0')}`,
        amount: owed,
        bankId: credited.bankId,
        number: `9${String(credited.id).padStart(7, '0')}`,
        issueDate: today,
        paymentDate: addDays(today, 15),
        drawerTaxId: credited.drawerTaxId,
        drawerName: credited.drawerName,
      },
    ],
  });
}

async function correct(trx: Knex.Transaction, ref: Reference, h: History, users: DemoUsers): Promise<Corrections> {
  const { today } = ref;
  const clerk = ctxFor(trx, users.clerk);
  const supervisor = ctxFor(trx, users.supervisor);
  const done: Corrections = {
    rejectedCheques: 0,
    reversedInvoices: 0,
    cancelledReceipts: 0,
    unapplied: 0,
    reapplied: 0,
    adjustments: 0,
    voidedReceipts: 0,
  };
  const touched = new Set<number>();
  const behaviour = new Map(h.accounts.map((a) => [a.customer.id, a.profile.behaviour]));
  const fresh = (d: Doc) => d.customer && !touched.has(d.customer.id);
  const within = (date: string, from: number, to: number) => date >= addDays(today, -from) && date <= addDays(today, -to);
  const appsOf = new Map<Doc, Application[]>();
  for (const a of h.applications)
    for (const d of [a.credit, a.debit]) {
      if (!appsOf.has(d)) appsOf.set(d, []);
      appsOf.get(d)!.push(a);
    }

  // Two cheques at the bank bounce (one maybe after its credit): the debt comes back as a debit note.
  const reasons = ['Sin fondos suficientes disponibles en cuenta', 'Firma no coincide con la registrada'];
  const bounced = h.payments.filter(
    (p) =>
      (p.value?.state === 'deposited' || p.value?.state === 'credited') &&
      within(p.value.stateDate, 25, 4) &&
      fresh(p.receipt) &&
      behaviour.get(p.receipt.customer!.id) !== 'counter',
  );
  for (const p of bounced.slice(0, 2)) {
    await transitionValue(clerk, p.value!.id, {
      to: 'rejected',
      date: minDate(today, nextBusinessDay(addDays(p.value!.stateDate, 2))),
      reason: reasons[done.rejectedCheques],
    });
    touched.add(p.receipt.customer!.id);
    done.rejectedCheques += 1;
  }

  // Two invoices billed by mistake, reversed by a credit note from billing before anything was
  // applied to them (a fiscal invoice is never cancelled, RG 1415): the next number of the NC
  // series of its letter and point of sale.
  const wrongInvoices = h.docs.filter(
    (d) => d.type === 'FAC' && within(d.issueDate, 30, 6) && !appsOf.has(d) && fresh(d) && d.open.eq(d.total),
  );
  const lastCreditNote = (d: Doc) =>
    Math.max(
      1000,
      ...h.docs.filter((x) => x.type === 'NC' && x.letter === d.letter && x.pointOfSale === d.pointOfSale).map((x) => x.number),
    );
  const reversals = new Map<string, number>();
  for (const d of wrongInvoices.filter((_d, i) => i % 7 === 3).slice(0, 2)) {
    const series = `${d.letter} ${d.pointOfSale}`;
    const noteNumber = (reversals.get(series) ?? lastCreditNote(d)) + 1;
    reversals.set(series, noteNumber);
    await issueCreditNote(supervisor, d.id, {
      pointOfSale: d.pointOfSale,
      number: noteNumber,
      issueDate: nextBusinessDay(addDays(d.issueDate, 1)),
      reason: 'Error de facturación: precio mal cargado; se emite nueva factura',
    });
    touched.add(d.customer!.id);
    done.reversedInvoices += 1;
  }

  // A receipt for a transfer the bank sent back: cancelled, the invoices it paid are open again.
  const bouncedTransfer = h.docs.find(
    (d) =>
      d.type === 'REC' &&
      d.status === 'posted' &&
      within(d.issueDate, 45, 12) &&
      fresh(d) &&
      behaviour.get(d.customer!.id) !== 'counter' &&
      (appsOf.get(d) ?? []).length > 0 &&
      (appsOf.get(d) ?? []).every((a) => a.origin === 'receipt') &&
      h.payments.filter((p) => p.receipt === d).every((p) => p.method === 'transfer'),
  );
  if (bouncedTransfer) {
    await cancelDocument(supervisor, bouncedTransfer.id, {
      reason: 'Transferencia rechazada por el banco: la cuenta de origen no corresponde al cliente',
      date: nextBusinessDay(addDays(bouncedTransfer.issueDate, 2)),
    });
    touched.add(bouncedTransfer.customer!.id);
    done.cancelledReceipts += 1;
  }

  // Applications to the wrong invoice: undone by the supervisor, and the money applied where the customer said.
  const misapplied = h.applications.filter(
    (a) =>
      a.origin === 'receipt' &&
      within(a.date, 60, 15) &&
      fresh(a.credit) &&
      ['late', 'chronic'].includes(behaviour.get(a.credit.customer!.id) ?? '') &&
      a.credit.status === 'posted',
  );
  const unapplied = new Set<number>();
  for (const a of misapplied) {
    if (done.unapplied >= 3) break;
    const customerId = a.credit.customer!.id;
    if (unapplied.has(customerId)) continue;
    unapplied.add(customerId);
    const date = nextBusinessDay(addDays(a.date, 5));
    await unapply(supervisor, a.id, { date, reason: 'El cliente indicó otra factura en su orden de pago' });
    done.unapplied += 1;
    const target = h.docs.find(
      (d) =>
        d.customer?.id === customerId &&
        d !== a.debit &&
        d.type === 'FAC' &&
        d.status === 'posted' &&
        d.open.gt(0) &&
        d.issueDate <= date &&
        !wrongInvoices.includes(d),
    );
    if (target && done.unapplied <= 2) {
      await applyCredits(clerk, {
        creditDocumentId: a.credit.id,
        debitDocumentId: target.id,
        amount: minDec(a.amount, target.open).toFixed(2),
        date,
      });
      done.reapplied += 1;
    }
    touched.add(customerId);
  }

  // Adjustments: late-payment interest to a chronic debtor; a rounding difference forgiven to a punctual one.
  const chronic = h.accounts.find(
    (a) => a.profile.behaviour === 'chronic' && !touched.has(a.customer.id) && a.balance.gt(500_000),
  );
  if (chronic) {
    await postDocument(supervisor, {
      customerId: chronic.customer.id,
      type: 'AJP',
      issueDate: previousBusinessDay(addDays(today, -3)),
      total: round2(chronic.balance.times('0.03')).toFixed(2),
      reason: 'Intereses por mora sobre facturas vencidas (3 % mensual)',
      notes: 'Según condiciones de venta; informado al cliente por correo',
    });
    touched.add(chronic.customer.id);
    done.adjustments += 1;
  }
  const punctual = h.docs.find(
    (d) =>
      d.type === 'FAC' &&
      d.status === 'posted' &&
      d.open.eq(d.total) &&
      d.customer?.currency === 'ARS' &&
      behaviour.get(d.customer.id) === 'punctual' &&
      fresh(d) &&
      within(d.issueDate, 20, 3),
  );
  if (punctual) {
    const date = previousBusinessDay(addDays(today, -1));
    const ajn = (await postDocument(supervisor, {
      customerId: punctual.customer!.id,
      type: 'AJN',
      issueDate: date,
      total: '850.00',
      reason: 'Diferencia de redondeo en el pago de la factura',
    })) as unknown as { id: number };
    await applyCredits(clerk, { creditDocumentId: ajn.id, debitDocumentId: punctual.id, amount: '850.00', date });
    touched.add(punctual.customer!.id);
    done.adjustments += 1;
  }

  // A receipt form spoiled at the printer today.
  await postVoidedReceipt(clerk, { pointOfSale: 1, issueDate: today, reason: 'Formulario dañado al imprimir' });
  done.voidedReceipts += 1;
  return done;
}

// ---------------------------------------------------------------------------
// Entry point

export interface DemoLedgerCounts {
  customersWithHistory: number;
  documents: Record<DocType, number>;
  cancelled: number;
  voided: number;
  applications: number;
  unappliedApplications: number;
  payments: number;
  values: Record<string, number>;
  withholdings: number;
  usdCustomers: number;
  corrections: Corrections;
}

async function loadReference(trx: Knex.Transaction, companyId: number, today: string, clerkId: number): Promise<Reference> {
  const customers = (
    await trx.raw(
      `SELECT c.id, c.code, c.legal_name, c.status, c.currency, c.credit_limit, c.iva_condition, c.tax_id_type, c.tax_id,
              c.province, c.large_taxpayer, c.cbu, coalesce(pt.days, 0) AS term_days, s.code AS trade,
              coalesce(co.zone NOT ILIKE '%transferencia%', false) AS visited
         FROM customers c
         LEFT JOIN payment_terms pt ON pt.company_id = c.company_id AND pt.id = c.payment_term_id
         LEFT JOIN segments s ON s.company_id = c.company_id AND s.id = c.segment2_id
         LEFT JOIN collectors co ON co.company_id = c.company_id AND co.id = c.collector_id
        WHERE c.company_id = ? ORDER BY c.id`,
      [companyId],
    )
  ).rows as Array<Omit<Customer, 'branches'>>;
  const branches = (
    await trx.raw(
      `SELECT b.id, b.customer_id, pt.days AS term_days FROM branches b LEFT JOIN payment_terms pt ON pt.company_id = b.company_id AND pt.id = b.payment_term_id
        WHERE b.company_id = ? AND b.active ORDER BY b.id`,
      [companyId],
    )
  ).rows as Array<Branch & { customerId: number }>;
  const banks = new Map(
    ((await trx('banks').where({ companyId }).select('id', 'code')) as Array<{ id: number; code: string }>).map((b) => [
      b.code,
      b.id,
    ]),
  );
  const plans = (
    await trx.raw(
      `SELECT p.id, p.card_issuer_id AS issuer_id, p.installments, p.surcharge_coefficient AS coefficient,
              p.valid_from, p.valid_to
         FROM card_plans p JOIN card_issuers i ON i.company_id = p.company_id AND i.id = p.card_issuer_id
        WHERE p.company_id = ? AND p.active AND i.active ORDER BY p.id`,
      [companyId],
    )
  ).rows as Plan[];
  const rates = (await trx('exchange_rates').where({ companyId, currency: 'USD' }).select('date', 'rate')) as Array<{
    date: string;
    rate: string;
  }>;
  return {
    companyId,
    today,
    clerkId,
    customers: customers.map((c) => ({
      ...c,
      termDays: Number(c.termDays),
      branches: branches
        .filter((b) => b.customerId === c.id)
        .map((b) => ({ id: b.id, termDays: b.termDays === null ? null : Number(b.termDays) })),
    })),
    banks,
    plans,
    usdRates: new Map(rates.map((x) => [x.date, new D(x.rate).toFixed(2)])),
  };
}

/**
 * A year of history for a company with the demo master data (customers, card
 * plans, exchange rates) and a clerk and a supervisor. Runs once per company:
 * when the company already has documents it does nothing and answers null.
 */
export async function seedDemoLedger(
  trx: Knex.Transaction,
  companyId: number,
  opts: { today?: string } = {},
): Promise<DemoLedgerCounts | null> {
  if (await trx('documents').where({ companyId }).first('id')) return null;
  const today = opts.today ?? todayInArgentina();
  const users = await demoUsers(trx, companyId);
  const ref = await loadReference(trx, companyId, today, users.clerk.id);
  const history = new History(ref);

  const r = rng(SEED);
  const behaviours = ref.customers.map((c) => behaviourOf(c, r));
  // A handful of good customers buying beyond their limit, paying late.
  let overLimit = 0;
  ref.customers.forEach((c, i) => {
    const b = behaviours[i];
    const chosen =
      overLimit < 5 &&
      c.currency === 'ARS' &&
      c.creditLimit !== null &&
      c.status === 'active' &&
      (b === 'late' || b === 'chronic') &&
      r.chance(0.4);
    if (chosen) overLimit += 1;
    if (b) {
      const own = rng(SEED + 7919 * (i + 1));
      history.play(c, profileOf(c, own, ref, chosen, b), own);
    }
  });
  history.voidedForm(previousBusinessDay(addDays(today, -150)), 'Formulario dañado: se completó con el importe equivocado');
  history.settleValues();
  const counters = number(history.docs, rng(SEED + 11));
  await write(trx, ref, history, counters);
  // Fresh rows the planner has no statistics for yet: the recomputation and the services below need them.
  await trx.raw('ANALYZE documents, applications, receipt_payments, "values"');
  await refreshCompanyFigures(trx, companyId, today, { all: true });
  const corrections = await correct(trx, ref, history, users);
  await treasury(trx, ref, users);
  await seedDemoCards(trx, ctxFor(trx, users.clerk), today);
  await seedDemoBimonetary(trx, ctxFor(trx, users.clerk), today);
  const found = await verifyLedger(trx, companyId);
  if (found.length)
    throw new Error(
      `The demo ledger breaks invariants:\n${found.map((f) => `${f.invariant} ${f.subject}: ${f.detail}`).join('\n')}`,
    );

  const counts = (
    await trx.raw(
      `SELECT
         (SELECT json_object_agg(type, n) FROM (SELECT type, count(*) AS n FROM documents WHERE company_id = :c GROUP BY type) t) AS documents,
         (SELECT count(*) FROM documents WHERE company_id = :c AND status = 'cancelled') AS cancelled,
         (SELECT count(*) FROM documents WHERE company_id = :c AND status = 'voided') AS voided,
         (SELECT count(*) FROM applications WHERE company_id = :c) AS applications,
         (SELECT count(*) FROM applications WHERE company_id = :c AND reversed_at IS NOT NULL) AS unapplied,
         (SELECT count(*) FROM receipt_payments WHERE company_id = :c) AS payments,
         (SELECT json_object_agg(state, n) FROM (SELECT state, count(*) AS n FROM "values" WHERE company_id = :c GROUP BY state) v) AS values,
         (SELECT count(*) FROM receipt_withholdings WHERE company_id = :c) AS withholdings,
         (SELECT count(DISTINCT customer_id) FROM documents WHERE company_id = :c AND currency = 'USD') AS usd`,
      { c: companyId },
    )
  ).rows[0] as Record<string, unknown>;
  const result: DemoLedgerCounts = {
    customersWithHistory: history.accounts.length,
    documents: Object.assign({ FAC: 0, ND: 0, NC: 0, AJP: 0, AJN: 0, REC: 0 }, counts.documents as Record<DocType, number>),
    cancelled: Number(counts.cancelled),
    voided: Number(counts.voided),
    applications: Number(counts.applications),
    unappliedApplications: Number(counts.unapplied),
    payments: Number(counts.payments),
    values: counts.values as Record<string, number>,
    withholdings: Number(counts.withholdings),
    usdCustomers: Number(counts.usd),
    corrections,
  };
  await audit(trx, ctxFor(trx, users.clerk), {
    action: 'import',
    entity: 'documents',
    entityId: null,
    after: { source: 'demo seed: a year of history', ...result },
  });
  return result;
}
