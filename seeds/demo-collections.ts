import type { Knex } from 'knex';
import { D, type Dec } from '../server/src/lib/money';
import { addDays, today as todayInArgentina } from '../server/src/lib/dates';
import { callsResource, refreshCallFigures } from '../server/src/modules/collections/calls.resource';
import { listRecords } from '../server/src/http/resource';
import { recordVisitResult } from '../server/src/modules/collections/collections.service';
import { postReceipt } from '../server/src/modules/ledger/receipts.service';
import { rng, type Rng } from './generate';
import { at, ctxFor, demoUsers, fmtMoney, nextBusinessDay, previousBusinessDay, type DemoUsers } from './demo-ledger';
import { insertRows, takeIds } from '../server/src/db/bulk';

/*
 * Collections over the demo ledger (run after seeds/demo-ledger.ts): six weeks
 * of calls to the customers that owe, with every outcome; promises kept,
 * partly kept, broken and still pending, each consistent with the receipts the
 * ledger has; next contacts due today and overdue for the clerk and the
 * supervisor, so both open an agenda with work; and agreed collector visits
 * for today and tomorrow for the two collectors with most debtors, the first
 * of today's already back with their results (receipts posted through the
 * ledger's service, results through the collections service).
 */

const SEED = 20261129;

type Row = Record<string, unknown>;

interface Debtor {
  id: number;
  code: string;
  legalName: string;
  status: string;
  currency: string;
  province: string | null;
  balance: string;
  overdue: string;
  oldestDue: string | null;
  collectorId: number | null;
  contactId: number | null;
  contactName: string | null;
  branchId: number | null;
  lastReceipt: string | null;
  oldestOpen: string | null;
}

interface Receipt {
  id: number;
  customerId: number;
  issueDate: string;
  total: string;
  pointOfSale: number;
}

type UserKey = 'clerk' | 'supervisor';

interface Call {
  id: number;
  debtor: Debtor;
  user: UserKey;
  calledAt: string;
  channel: 'phone' | 'email' | 'whatsapp' | 'visit';
  outcome: 'no_answer' | 'promise' | 'refused' | 'dispute' | 'paid_claimed' | 'callback' | 'wrong_contact';
  response: string;
  promiseDate?: string;
  promiseAmount?: Dec;
  nextContactAt?: string;
  visit?: { date: string; from: string; to: string; collectorId: number; branchId: number | null };
  result?: {
    result: 'collected' | 'partial' | 'not_collected' | 'rescheduled';
    receiptId: number | null;
    amount: string | null;
    notes: string;
  };
}

export interface DemoCollectionsCounts {
  calls: number;
  customersCalled: number;
  outcomes: Record<string, number>;
  promises: { kept: number; partlyKept: number; broken: number; pending: number };
  agenda: { clerkToday: number; clerkOverdue: number; supervisorToday: number; supervisorOverdue: number };
  visits: { today: number; tomorrow: number; withResult: number; collectors: number };
}

/** The business day `n` business days before `date`. */
function businessDaysBefore(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = previousBusinessDay(addDays(d, -1));
  return d;
}

const round = (x: Dec, step: number) => D.max(step, x.div(step).floor().times(step));

const WINDOWS: Array<[string, string]> = [
  ['09:00', '10:30'],
  ['10:30', '12:00'],
  ['12:00', '13:30'],
  ['14:30', '16:00'],
  ['16:00', '17:30'],
];

class Planner {
  calls: Call[] = [];
  used = new Set<number>();
  readonly yesterday: string;

  constructor(
    readonly r: Rng,
    readonly today: string,
  ) {
    this.yesterday = previousBusinessDay(addDays(today, -1));
  }

  /** A moment of a business day in office hours. */
  when(date: string): string {
    return at(date, this.r.int(9, 17), this.r.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]));
  }

  call(debtor: Debtor, fields: Omit<Call, 'id' | 'debtor'>): Call {
    const call: Call = { id: 0, debtor, ...fields };
    this.calls.push(call);
    this.used.add(debtor.id);
    return call;
  }

  /** One or two unanswered or brief calls before the one that counts. */
  lead(debtor: Debtor, before: string, user: UserKey): void {
    const n = this.r.int(0, 2);
    for (let i = n; i > 0; i--) {
      const date = businessDaysBefore(before, i * this.r.int(2, 5));
      const outcome = this.r.weighted([
        ['no_answer', 4],
        ['callback', 2],
      ] as const);
      this.call(debtor, {
        user,
        calledAt: this.when(date),
        channel: this.r.weighted([
          ['phone', 6],
          ['whatsapp', 2],
          ['email', 1],
        ] as const),
        outcome,
        response:
          outcome === 'no_answer'
            ? this.r.pick(['No atiende', 'Sonó hasta cortar; se dejó mensaje', 'Atendió el contestador'])
            : this.r.pick(['Pide que llamemos más tarde: está el responsable de pagos', 'Está en reunión; llamar en la semana']),
      });
    }
  }
}

function owed(d: Debtor): Dec {
  return new D(d.overdue).gt(0) ? new D(d.overdue) : new D(d.balance);
}

/**
 * Calls, promises and visits for a company that already has its demo ledger.
 * Runs once: when the company already has calls it does nothing and answers null.
 */
export async function seedDemoCollections(
  trx: Knex.Transaction,
  companyId: number,
  opts: { today?: string } = {},
): Promise<DemoCollectionsCounts | null> {
  if (await trx('collection_calls').where({ companyId }).first('id')) return null;
  const today = opts.today ?? todayInArgentina();
  const users = await demoUsers(trx, companyId);
  const r = rng(SEED);
  const p = new Planner(r, today);

  const customers = (
    await trx.raw(
      `SELECT c.id, c.code, c.legal_name, c.status, c.currency, c.province, c.balance, c.overdue_balance AS overdue,
              c.oldest_open_due_date AS oldest_due, c.collector_id, ct.id AS contact_id, ct.name AS contact_name,
              (SELECT b.id FROM branches b WHERE b.company_id = c.company_id AND b.customer_id = c.id AND b.active AND b.province IN ('AR-C', 'AR-B')
                ORDER BY b.id LIMIT 1) AS branch_id,
              (SELECT max(issue_date) FROM documents d WHERE d.company_id = c.company_id AND d.customer_id = c.id AND d.type = 'REC' AND d.status = 'posted') AS last_receipt,
              (SELECT d.display_number FROM documents d WHERE d.company_id = c.company_id AND d.customer_id = c.id AND d.status = 'posted' AND d.sign = 1 AND d.open_amount > 0
                ORDER BY d.due_date, d.id LIMIT 1) AS oldest_open
         FROM customers c
         LEFT JOIN LATERAL (
           SELECT x.id, x.name FROM contacts x WHERE x.company_id = c.company_id AND x.customer_id = c.id ORDER BY x.is_collections_contact DESC, x.id LIMIT 1
         ) ct ON true
        WHERE c.company_id = ? AND c.status <> 'prospect'
        ORDER BY c.id`,
      [companyId],
    )
  ).rows as Debtor[];
  const debtors = customers.filter((c) => new D(c.balance).gt(0));
  const receipts = (await trx('documents')
    .where({ companyId, type: 'REC', status: 'posted' })
    .where('issueDate', '>=', addDays(today, -60))
    .orderBy(['issueDate', 'id'])
    .select('id', 'customerId', 'issueDate', 'total', 'pointOfSale')) as Receipt[];
  const receiptsOf = (customerId: number) => receipts.filter((x) => x.customerId === customerId);
  const receivedSince = (customerId: number, date: string) =>
    receiptsOf(customerId)
      .filter((x) => x.issueDate >= date)
      .reduce((acc, x) => acc.plus(x.total), new D(0));
  const collectors = (await trx('collectors').where({ companyId }).orderBy('code').select('id', 'code', 'name')) as Array<{
    id: number;
    code: string;
    name: string;
  }>;

  const overdue = debtors.filter((d) => new D(d.overdue).gt(0));
  const step = (d: Debtor) => (d.currency === 'USD' ? 100 : 10_000);
  const money = (d: Debtor, x: Dec) => (d.currency === 'USD' ? `US$ ${x.toFixed(2)}` : fmtMoney(x));

  // Collector visits for today and tomorrow: of the collectors who go out (their receipt book is in use),
  // the two with most debtors, four and three stops each.
  const visiting = new Set(
    receipts.filter((x) => x.pointOfSale === 2).map((x) => customers.find((c) => c.id === x.customerId)?.collectorId),
  );
  const byCollector = collectors
    .filter((c) => visiting.has(c.id))
    .map((c) => ({
      ...c,
      // Collectors go out in Buenos Aires; customers elsewhere pay by transfer.
      debtors: debtors.filter(
        (d) =>
          d.collectorId === c.id && d.currency === 'ARS' && d.status === 'active' && ['AR-C', 'AR-B'].includes(d.province ?? ''),
      ),
    }))
    .sort((a, b) => b.debtors.length - a.debtors.length || a.id - b.id)
    .slice(0, 2);
  const visitCalls: Array<{ call: Call; collector: string; slot: number }> = [];
  for (const collector of byCollector) {
    const pool = collector.debtors.filter((d) => !p.used.has(d.id));
    const plan: Array<[string, number]> = [
      [today, 4],
      [addDays(today, 1), 3],
    ];
    for (const [date, stops] of plan) {
      for (let slot = 0; slot < stops; slot++) {
        const d = pool.shift();
        if (!d) break;
        const agreed = date === today ? businessDaysBefore(today, r.int(1, 3)) : p.yesterday;
        p.lead(d, agreed, 'clerk');
        const amount = round(owed(d).times(r.pick(['0.5', '0.75', '1'])), step(d));
        const promise = slot < 3 || r.chance(0.6);
        const [from, to] = WINDOWS[slot];
        const call = p.call(d, {
          user: 'clerk',
          calledAt: p.when(agreed),
          channel: 'phone',
          outcome: promise ? 'promise' : 'callback',
          response: promise
            ? `Acordamos que ${collector.name} pase a retirar ${money(d, amount)}${d.oldestOpen ? ` por ${d.oldestOpen}` : ''}; paga con cheque y efectivo`
            : `Prefiere que el cobrador pase a ver la cuenta con el encargado antes de pagar`,
          promiseDate: promise ? date : undefined,
          promiseAmount: promise ? amount : undefined,
          visit: { date, from, to, collectorId: collector.id, branchId: r.chance(0.5) ? d.branchId : null },
        });
        if (date === today) visitCalls.push({ call, collector: collector.name, slot });
      }
    }
  }

  // Broken promises: debtors who promised a payment that never came.
  const brokenStories: Debtor[] = [];
  for (const d of overdue) {
    if (brokenStories.length >= 8) break;
    const called = businessDaysBefore(today, r.int(10, 25));
    if (p.used.has(d.id) || (d.lastReceipt !== null && d.lastReceipt >= called)) continue;
    const i = brokenStories.length;
    brokenStories.push(d);
    const user: UserKey = i % 3 === 0 ? 'supervisor' : 'clerk';
    p.lead(d, called, user);
    const amount = round(owed(d).times(r.pick(['0.3', '0.5', '1'])), step(d));
    const promiseDate = nextBusinessDay(addDays(called, r.int(2, 6)));
    p.call(d, {
      user,
      calledAt: p.when(called),
      channel: 'phone',
      outcome: 'promise',
      response: `${d.contactName ?? 'El cliente'} se comprometió a transferir ${money(d, amount)} el ${promiseDate.slice(8, 10)}/${promiseDate.slice(5, 7)}`,
      promiseDate,
      promiseAmount: amount,
    });
    // The follow-up after the date passed: escalated to the supervisor for the oldest debts.
    const follow = businessDaysBefore(today, r.int(1, 3));
    if (follow > promiseDate)
      p.call(d, {
        user: i % 2 === 0 ? 'supervisor' : 'clerk',
        calledAt: p.when(follow),
        channel: r.pick(['phone', 'whatsapp'] as const),
        outcome: r.pick(['no_answer', 'refused', 'callback'] as const),
        response: r.pick([
          'No cumplió la promesa; no atiende el teléfono',
          'Dice que no tiene fondos hasta fin de mes; se le informó que la cuenta queda suspendida',
          'Pide una semana más; se le pidió un cheque a 30 días como garantía',
        ]),
      });
  }

  // Kept promises: a call before a receipt that covered what was promised.
  const paidLately = customers.filter((d) => !p.used.has(d.id));
  let kept = 0;
  let partlyKept = 0;
  for (const d of paidLately) {
    if (kept >= 8 && partlyKept >= 3) break;
    const last = receiptsOf(d.id).find((x) => x.issueDate >= addDays(today, -40) && x.issueDate <= addDays(today, -3));
    if (!last) continue;
    const called = businessDaysBefore(last.issueDate, r.int(1, 5));
    const received = receivedSince(d.id, called);
    if (received.lte(0)) continue;
    if (kept < 8) {
      const amount = D.max(
        d.currency === 'USD' ? 100 : 1000,
        round(received.times(r.pick(['0.6', '0.8', '1'])), d.currency === 'USD' ? 100 : 1000),
      );
      if (amount.gt(received)) continue;
      p.call(d, {
        user: 'clerk',
        calledAt: p.when(called),
        channel: r.pick(['phone', 'email', 'whatsapp'] as const),
        outcome: 'promise',
        response: `Confirma el pago de ${money(d, amount)} con la orden de pago de esta semana`,
        promiseDate: last.issueDate,
        promiseAmount: amount,
      });
      kept += 1;
    } else if (last.issueDate < p.yesterday) {
      const amount = round(received.times('1.8'), step(d)).plus(step(d));
      p.call(d, {
        user: 'clerk',
        calledAt: p.when(called),
        channel: 'phone',
        outcome: 'promise',
        response: `Promete cancelar ${money(d, amount)}; avisa que quizás pague una parte con e-cheq`,
        promiseDate: last.issueDate,
        promiseAmount: amount,
        nextContactAt: at(today, r.int(10, 16), 0),
      });
      partlyKept += 1;
    }
  }

  // The rest of the overdue tail: pending promises and every other outcome.
  const others = overdue.filter((d) => !p.used.has(d.id)).slice(0, 34);
  const stories: Array<Call['outcome'] | 'pending'> = [
    'pending',
    'dispute',
    'paid_claimed',
    'callback',
    'refused',
    'wrong_contact',
    'no_answer',
  ];
  for (const [i, d] of others.entries()) {
    const story = stories[i % stories.length];
    const called = businessDaysBefore(today, r.int(1, 12));
    const user: UserKey = i % 4 === 1 ? 'supervisor' : 'clerk';
    p.lead(d, called, user);
    const amount = round(owed(d).times(r.pick(['0.5', '1'])), step(d));
    // Mostly the phone; now and then a message, a mail, or the supervisor dropping by.
    const channel = (['phone', 'whatsapp', 'phone', 'email', 'visit', 'phone'] as const)[i % 6];
    const base = { user, calledAt: p.when(called), channel };
    switch (story) {
      case 'pending': {
        const promiseDate = nextBusinessDay(addDays(today, r.int(0, 8)));
        p.call(d, {
          ...base,
          outcome: 'promise',
          response: `Promete ${money(d, amount)} con cheque al día el ${promiseDate.slice(8, 10)}/${promiseDate.slice(5, 7)}`,
          promiseDate,
          promiseAmount: amount,
        });
        break;
      }
      case 'dispute':
        p.call(d, {
          ...base,
          outcome: 'dispute',
          response: `Reclama una diferencia de precio${d.oldestOpen ? ` en ${d.oldestOpen}` : ''}; pide nota de crédito antes de pagar`,
        });
        break;
      case 'paid_claimed':
        p.call(d, {
          ...base,
          outcome: 'paid_claimed',
          response: 'Dice que transfirió la semana pasada; se le pidió el comprobante para buscarlo en el banco',
        });
        break;
      case 'callback':
        p.call(d, { ...base, outcome: 'callback', response: 'La encargada de pagos está de licencia; llamar la semana próxima' });
        break;
      case 'refused':
        p.call(d, {
          ...base,
          outcome: 'refused',
          response: 'No va a pagar hasta que se resuelva el reclamo por mercadería faltante',
        });
        break;
      case 'wrong_contact':
        p.call(d, {
          ...base,
          outcome: 'wrong_contact',
          response: 'El número es de otra empresa; pedir el teléfono actualizado al vendedor',
        });
        break;
      default:
        p.call(d, { ...base, outcome: 'no_answer', response: 'No atiende; se envió el resumen de cuenta por correo' });
    }
  }

  // Past collector visits: the collector's receipt book shows what was collected on the day agreed.
  let pastVisits = 0;
  for (const x of receipts.filter((x) => x.pointOfSale === 2 && x.issueDate < today).reverse()) {
    if (pastVisits >= 6) break;
    const d = customers.find((k) => k.id === x.customerId && !p.used.has(k.id));
    if (!d || !d.collectorId || !['AR-C', 'AR-B'].includes(d.province ?? '')) continue;
    const agreed = businessDaysBefore(x.issueDate, r.int(1, 3));
    p.call(d, {
      user: 'clerk',
      calledAt: p.when(agreed),
      channel: 'phone',
      outcome: 'promise',
      response: 'Acordamos la visita del cobrador para retirar el pago',
      promiseDate: x.issueDate,
      promiseAmount: new D(x.total),
      visit: { date: x.issueDate, from: '10:00', to: '12:00', collectorId: d.collectorId, branchId: null },
      result: { result: 'collected', receiptId: x.id, amount: x.total, notes: 'Cobrado en la visita' },
    });
    pastVisits += 1;
  }

  // Next contacts: what the clerk and the supervisor find in their agenda today.
  const latest = new Map<number, Call>();
  for (const c of p.calls) {
    const prior = latest.get(c.debtor.id);
    if (!prior || c.calledAt >= prior.calledAt) latest.set(c.debtor.id, c);
  }
  /** A next contact that was due a few days ago, never before the call that set it. */
  const overdueAfter = (c: Call) => {
    const due = maxDay(nextBusinessDay(addDays(c.calledAt.slice(0, 10), 1)), businessDaysBefore(today, r.int(1, 4)));
    return due < today ? at(due, r.int(9, 12), 0) : at(today, 9, 0);
  };
  // Broken promises get chased: their last call says when to call again.
  for (const [i, d] of brokenStories.entries()) {
    const c = latest.get(d.id)!;
    if (!c.nextContactAt) c.nextContactAt = i % 2 === 0 ? overdueAfter(c) : at(today, 11, 0);
  }
  const buckets = ['today', 'today', 'overdue', 'future', 'today', 'none'] as const;
  let turn = 0;
  for (const c of [...latest.values()].sort((a, b) => a.debtor.id - b.debtor.id)) {
    if (c.nextContactAt || c.visit || (c.outcome === 'promise' && c.promiseDate && c.promiseDate < today && !c.result)) continue;
    const bucket = buckets[turn++ % buckets.length];
    if (bucket === 'today') c.nextContactAt = at(today, r.int(9, 17), r.pick([0, 30]));
    else if (bucket === 'overdue') c.nextContactAt = overdueAfter(c);
    else if (bucket === 'future') c.nextContactAt = at(nextBusinessDay(addDays(today, r.int(2, 9))), r.int(9, 16), 0);
  }
  await write(trx, companyId, users, p.calls);
  for (const customerId of [...new Set(p.calls.map((c) => c.debtor.id))].sort((a, b) => a - b))
    await refreshCallFigures(trx, companyId, customerId);
  const withResult = await visitResults(trx, users, visitCalls, today);
  // Counted the way the calls list shows them.
  const promisesIn = async (promiseStatus: string) =>
    (
      await listRecords(callsResource, ctxFor(trx, users.clerk), {
        sort: ['id', 'ASC'],
        range: [0, 0],
        filter: { promiseStatus },
      })
    ).total;

  const counts = (
    await trx.raw(
      `SELECT
         (SELECT count(*) FROM collection_calls WHERE company_id = :c) AS calls,
         (SELECT count(DISTINCT customer_id) FROM collection_calls WHERE company_id = :c) AS customers,
         (SELECT json_object_agg(outcome, n) FROM (SELECT outcome, count(*) AS n FROM collection_calls WHERE company_id = :c GROUP BY 1) o) AS outcomes,
         (SELECT count(*) FROM customers WHERE company_id = :c AND next_contact_user_id = :clerk AND next_contact_at::date = :today) AS clerk_today,
         (SELECT count(*) FROM customers WHERE company_id = :c AND next_contact_user_id = :clerk AND next_contact_at::date < :today) AS clerk_overdue,
         (SELECT count(*) FROM customers WHERE company_id = :c AND next_contact_user_id = :supervisor AND next_contact_at::date = :today) AS supervisor_today,
         (SELECT count(*) FROM customers WHERE company_id = :c AND next_contact_user_id = :supervisor AND next_contact_at::date < :today) AS supervisor_overdue,
         (SELECT count(*) FROM collection_calls WHERE company_id = :c AND visit_date = :today) AS visits_today,
         (SELECT count(*) FROM collection_calls WHERE company_id = :c AND visit_date > :today) AS visits_tomorrow,
         (SELECT count(DISTINCT collector_id) FROM collection_calls WHERE company_id = :c AND visit_date >= :today) AS collectors`,
      { c: companyId, clerk: users.clerk.id, supervisor: users.supervisor.id, today },
    )
  ).rows[0] as Record<string, unknown>;
  return {
    calls: Number(counts.calls),
    customersCalled: Number(counts.customers),
    outcomes: counts.outcomes as Record<string, number>,
    promises: {
      kept: await promisesIn('kept'),
      partlyKept,
      broken: await promisesIn('broken'),
      pending: await promisesIn('pending'),
    },
    agenda: {
      clerkToday: Number(counts.clerkToday),
      clerkOverdue: Number(counts.clerkOverdue),
      supervisorToday: Number(counts.supervisorToday),
      supervisorOverdue: Number(counts.supervisorOverdue),
    },
    visits: {
      today: Number(counts.visitsToday),
      tomorrow: Number(counts.visitsTomorrow),
      withResult: withResult,
      collectors: Number(counts.collectors),
    },
  };
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

async function write(trx: Knex.Transaction, companyId: number, users: DemoUsers, calls: Call[]): Promise<void> {
  calls.sort((a, b) => (a.calledAt < b.calledAt ? -1 : a.calledAt > b.calledAt ? 1 : a.debtor.id - b.debtor.id));
  (await takeIds(trx, 'collection_calls', calls.length)).forEach((id, i) => (calls[i].id = id));
  const userId = (k: UserKey) => users[k].id;
  const rows: Row[] = calls.map((c) => ({
    id: c.id,
    company_id: companyId,
    customer_id: c.debtor.id,
    contact_id: c.outcome === 'wrong_contact' ? null : c.debtor.contactId,
    called_at: c.calledAt,
    user_id: userId(c.user),
    channel: c.channel,
    outcome: c.outcome,
    response: c.response,
    promise_date: c.promiseDate ?? null,
    promise_amount: c.promiseAmount?.toFixed(2) ?? null,
    next_contact_at: c.nextContactAt ?? null,
    visit_date: c.visit?.date ?? null,
    visit_from: c.visit?.from ?? null,
    visit_to: c.visit?.to ?? null,
    visit_branch_id: c.visit?.branchId ?? null,
    collector_id: c.visit?.collectorId ?? null,
    visit_result: c.result?.result ?? null,
    visit_receipt_id: c.result?.receiptId ?? null,
    visit_amount: c.result?.amount ?? null,
    visit_notes: c.result?.notes ?? null,
    visit_recorded_at: c.result ? at(c.visit!.date, 18, 0) : null,
    visit_recorded_by: c.result ? userId('clerk') : null,
    created_at: c.calledAt,
    updated_at: c.result ? at(c.visit!.date, 18, 0) : c.calledAt,
  }));
  await insertRows(trx, 'collection_calls', rows);
}

/**
 * The collectors are back from today's first stops: the first collected what was
 * promised (a receipt from the collector's book, applied oldest first), the
 * second found nobody, the third paid part.
 */
async function visitResults(
  trx: Knex.Transaction,
  users: DemoUsers,
  visits: Array<{ call: Call; collector: string; slot: number }>,
  today: string,
): Promise<number> {
  const clerk = ctxFor(trx, users.clerk);
  let recorded = 0;
  for (const { call, slot } of visits) {
    if (slot > 2) continue;
    if (slot === 1) {
      await recordVisitResult(clerk, call.id, {
        visitResult: 'not_collected',
        visitNotes: 'El local estaba cerrado; el encargado pidió volver el jueves',
      });
      recorded += 1;
      continue;
    }
    const promised = call.promiseAmount ?? owed(call.debtor);
    const amount = slot === 0 ? D.min(promised, new D(call.debtor.balance)) : round(promised.div(2), 1000);
    const open = (await trx('documents')
      .where({ customerId: call.debtor.id, status: 'posted', sign: 1 })
      .where('openAmount', '>', 0)
      .orderBy([{ column: 'dueDate' }, { column: 'id' }])
      .select('id', 'openAmount')) as Array<{ id: number; openAmount: string }>;
    const applications: Array<{ documentId: number; amount: string }> = [];
    let left = amount;
    for (const doc of open) {
      if (left.lte(0)) break;
      const a = D.min(left, doc.openAmount);
      applications.push({ documentId: doc.id, amount: a.toFixed(2) });
      left = left.minus(a);
    }
    const receipt = await postReceipt(clerk, {
      customerId: call.debtor.id,
      issueDate: today,
      pointOfSale: 2,
      notes: 'Cobrado en la visita del cobrador',
      payments: [{ method: 'cash', amount: amount.toFixed(2) }],
      applications,
    });
    await recordVisitResult(clerk, call.id, {
      visitResult: slot === 0 ? 'collected' : 'partial',
      visitReceiptId: receipt.body.id,
      visitNotes: slot === 0 ? 'Pagó en efectivo lo acordado' : 'Pagó la mitad; el resto la semana próxima',
    });
    recorded += 1;
  }
  return recorded;
}
