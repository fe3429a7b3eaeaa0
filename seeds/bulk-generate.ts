import type { Knex } from 'knex';
import type pg from 'pg';
import { hashPassword } from '../server/src/modules/auth/password';
import { createCompany, treasuryDefaults } from '../server/src/modules/company/company.service';
import { refreshCompanyFigures } from '../server/src/modules/customers/figures';
import { applicationRow, columnsOf, paymentRow, valueRow, withholdingRow } from '../server/src/modules/ledger/receipt-rows';
import { today as todayInArgentina } from '../server/src/lib/dates';
import { seedReferences, DEMO_CATALOG } from './demo-master-data';
import { generateCustomers, mobile, personName, phone, rng, slug } from './generate';
import { connectionOf, copyRows, line, money } from './bulk-copy';
import {
  CANCEL_TEXTS,
  DOC_STATUSES,
  DOC_TEXTS,
  DOC_TYPES,
  LETTERS,
  ORIGINS,
  ROLES,
  dateOf,
  simulateLedger,
  type Ledger,
  type LedgerCustomer,
} from './bulk-ledger';

/*
 * `npm run db:generate`: one company with a large, believable ledger, loaded
 * with COPY inside a single transaction. For big loads the secondary indexes and
 * foreign keys of the loaded tables are dropped first and re-created at the end
 * of the same transaction (building an index once is far cheaper than updating
 * it a million times, and re-adding a foreign key validates it in one join), so a
 * failure anywhere leaves the database exactly as it was.
 */

export interface BulkOptions {
  customers: number;
  documents: number;
  years?: number;
  seed?: number;
  /** Usernames are `<prefix>_admin`, `<prefix>_supervisor`, `<prefix>_clerk`, `<prefix>_manager`. */
  prefix?: string;
  password?: string;
  companyName?: string;
  /** The company's CUIT (default the demo wholesaler's). */
  companyTaxId?: string;
  /** Documents of the one big customer (the single-customer goals); 0 for none. */
  heavyDocuments?: number;
  /** Drop and re-create indexes and foreign keys around the load (default: from 100,000 documents). */
  rebuild?: boolean;
  /** VACUUM ANALYZE the loaded tables at the end (default true; many small loads do it once after the last). */
  vacuum?: boolean;
  today?: string;
  log?: (line: string) => void;
}

export interface BulkResult {
  companyId: number;
  usernames: Record<(typeof ROLES)[number], string>;
  counts: Record<string, number>;
  heavyCustomer: { id: number; code: string; documents: number } | null;
  timings: Array<[string, number]>;
}

/** Tables the generator loads, in foreign-key order. */
export const LOADED_TABLES = [
  'customers',
  'contacts',
  'documents',
  'applications',
  'receipt_payments',
  'values',
  'value_transitions',
  'receipt_withholdings',
  'collection_calls',
] as const;

const CARD_ISSUERS = [
  { code: 'VISA', legalName: 'Prisma Medios de Pago S.A.', taxId: '30598910045', bank: '007' },
  { code: 'MASTER', legalName: 'Fiserv Argentina S.A.', taxId: '30707691029', bank: '072' },
];
const POSITIONS = ['Tesorería', 'Cuentas a pagar', 'Pagos a proveedores', 'Administración', 'Socio gerente'] as const;

const snake = (k: string) => k.replace(/([A-Z])/g, '_$1').toLowerCase();
const quoted = (table: string) => `"${table}"`;

/**
 * Reserves `n` consecutive ids of `table` (the table is locked against other writers).
 * The sequence is the authority: every insert takes its id from it and this load moves
 * it past the ids it writes. (A max(id) here would scan the whole table for each
 * small tenant: no index leads with id since the keys lead with company_id.)
 */
async function reserveIds(client: pg.Client, table: string, n: number): Promise<number> {
  const { rows } = await client.query(`SELECT nextval(pg_get_serial_sequence($1, 'id')) AS first`, [quoted(table)]);
  const first = Number(rows[0].first);
  await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, [quoted(table), first + Math.max(n, 1) - 1]);
  return first;
}

interface Dropped {
  indexes: Array<{ name: string; def: string }>;
  foreignKeys: Array<{ table: string; name: string; def: string }>;
}

/** Drops the secondary indexes (not those behind constraints) and the foreign keys of `tables`, answering how to rebuild them. */
async function dropIndexesAndKeys(client: pg.Client, tables: readonly string[]): Promise<Dropped> {
  const indexes = (
    await client.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY t.relname, name`,
      [tables],
    )
  ).rows as Dropped['indexes'];
  const foreignKeys = (
    await client.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
        ORDER BY 1, 2`,
      [tables],
    )
  ).rows as Dropped['foreignKeys'];
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  return { indexes, foreignKeys };
}

export async function generateBulk(knex: Knex, opts: BulkOptions): Promise<BulkResult> {
  const log = opts.log ?? (() => undefined);
  const prefix = opts.prefix ?? 'bench';
  const seed = opts.seed ?? 20_261_127;
  const today = opts.today ?? todayInArgentina();
  const rebuild = opts.rebuild ?? opts.documents >= 100_000;
  const timings: Array<[string, number]> = [];
  const phase = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    const ms = performance.now() - started;
    timings.push([name, ms]);
    log(`${name.padEnd(46, '.')} ${(ms / 1000).toFixed(2).padStart(7)} s`);
    return value;
  };
  const usernames = Object.fromEntries(ROLES.map((role) => [role, `${prefix}_${role}`])) as BulkResult['usernames'];
  const taken = await knex('users')
    .whereIn(
      knex.raw('lower(username)') as unknown as string,
      Object.values(usernames).map((u) => u.toLowerCase()),
    )
    .first('username');
  if (taken)
    throw new Error(
      `User ${taken.username} already exists: this database has been generated into; use another --prefix or a fresh database`,
    );
  const passwordHash = await hashPassword(opts.password ?? 'bench1234');
  const counts: Record<string, number> = {};
  const started = performance.now();
  let callbackDone = started;

  const result = await knex.transaction(async (trx) => {
    const client = await connectionOf(trx);
    await trx.raw(`SET LOCAL maintenance_work_mem = '512MB'`);
    await trx.raw(`SET LOCAL synchronous_commit = off`);

    const setup = await phase('company, users and reference tables', async () => {
      const companyId = await createCompany(trx, {
        name: opts.companyName ?? 'Mayorista del Litoral S.A.',
        taxId: opts.companyTaxId ?? '30715550019',
        street: 'Av. Belgrano 1450',
        city: 'Rosario',
        province: 'AR-S',
        postalCode: 'S2000',
        phone: '0341 440-1200',
        email: 'cobranzas@mayoristadellitoral.com.ar',
        defaultReceiptPointOfSale: 1,
        overdueToleranceDays: 15,
      });
      const users = (await trx('users')
        .insert(
          ROLES.map((role) => ({
            companyId,
            username: usernames[role],
            fullName: `Bench ${role[0].toUpperCase()}${role.slice(1)}`,
            email: `${usernames[role]}@mayoristadellitoral.com.ar`,
            role,
            passwordHash,
          })),
        )
        .returning('id')) as Array<{ id: number }>;
      const refs = await seedReferences(trx, companyId, DEMO_CATALOG);
      const banks = (await trx('banks').where({ companyId }).orderBy('code').select('id', 'code')) as Array<{
        id: number;
        code: string;
      }>;
      const bankId = new Map(banks.map((b) => [b.code, b.id]));
      const cards: Array<{ issuerId: number; planId: number }> = [];
      for (const issuer of CARD_ISSUERS) {
        const [{ id: issuerId }] = (await trx('card_issuers')
          .insert({
            companyId,
            code: issuer.code,
            legalName: issuer.legalName,
            taxId: issuer.taxId,
            taxIdType: 'CUIT',
            ivaCondition: 1,
            grossIncomeRegime: 'multilateral',
            bankId: bankId.get(issuer.bank) ?? null,
          })
          .returning('id')) as Array<{ id: number }>;
        const [{ id: planId }] = (await trx('card_plans')
          .insert({
            companyId,
            cardIssuerId: issuerId,
            code: '1P',
            name: `${issuer.code} 1 pago`,
            installments: 1,
            feePct: '1.80',
          })
          .returning('id')) as Array<{ id: number }>;
        cards.push({ issuerId, planId });
      }
      await trx.raw(`LOCK TABLE ${LOADED_TABLES.map(quoted).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
      return { companyId, userIds: users.map((u) => u.id), refs, banks, cards };
    });
    const { companyId, userIds, refs, cards } = setup;
    const bankIds = setup.banks.map((b) => b.id);

    const customers = await phase(`generate ${opts.customers.toLocaleString('en')} customers`, () =>
      generateCustomers(rng(seed), opts.customers, refs, { codePrefix: 'C', codeDigits: 6 }),
    );
    const termDays = new Map(refs.paymentTerms.map((t) => [t.id, t.days]));
    const firstCustomerId = await reserveIds(client, 'customers', customers.length);
    const ledgerCustomers: LedgerCustomer[] = customers.map((c, i) => ({
      id: firstCustomerId + i,
      ivaCondition: c.ivaCondition as number,
      taxIdType: c.taxIdType as string,
      taxId: c.taxId as string | null,
      legalName: c.legalName as string,
      currency: c.currency as string,
      status: c.status as string,
      rating: c.rating as string | null,
      termDays: termDays.get(c.paymentTermId as number) ?? 0,
      province: c.province as string | null,
      collectorId: c.collectorId as number | null,
      largeTaxpayer: c.largeTaxpayer as boolean,
    }));
    const heavyDocuments = opts.heavyDocuments ?? Math.min(10_000, Math.floor(opts.documents / 50));
    const heavyIndex = heavyDocuments
      ? ledgerCustomers.findIndex(
          (c) =>
            c.status === 'active' &&
            c.ivaCondition === 1 &&
            c.currency === 'ARS' &&
            c.termDays >= 15 &&
            /S\.A\./.test(c.legalName),
        )
      : -1;

    const ledger = await phase(`simulate ${opts.years ?? 3} years of ledger`, () =>
      simulateLedger(ledgerCustomers, {
        seed: seed + 1,
        today,
        years: opts.years ?? 3,
        documents: opts.documents,
        heavy: heavyIndex >= 0 ? { index: heavyIndex, documents: heavyDocuments } : null,
        bankIds,
        cards,
      }),
    );

    const dropped = rebuild
      ? await phase('drop secondary indexes and foreign keys', () => dropIndexesAndKeys(client, LOADED_TABLES))
      : null;

    counts.customers = await phase('COPY customers', () => copyCustomers(client, companyId, customers, firstCustomerId, ledger));
    const contactOf = await phase('COPY contacts', async () => {
      const r = await copyContacts(client, companyId, customers, firstCustomerId, ledger);
      counts.contacts = r.count;
      return r.contactOf;
    });
    const ids = {
      documents: await reserveIds(client, 'documents', ledger.docs.n),
      applications: await reserveIds(client, 'applications', ledger.apps.n),
      payments: await reserveIds(client, 'receipt_payments', ledger.payments.length),
      values: await reserveIds(client, 'values', ledger.values.length),
      transitions: await reserveIds(client, 'value_transitions', ledger.transitions.length),
      withholdings: await reserveIds(client, 'receipt_withholdings', ledger.withholdings.length),
      calls: await reserveIds(client, 'collection_calls', ledger.calls.length),
    };
    const currency = ledgerCustomers.map((c) => c.currency);
    const treasury = await treasuryDefaults(trx, companyId);
    const ctx: CopyContext = { client, companyId, firstCustomerId, userIds, ledger, ids, contactOf, currency, treasury };
    counts.documents = await phase('COPY documents', () => copyDocuments(ctx));
    counts.applications = await phase('COPY applications', () => copyApplications(ctx));
    counts.receiptPayments = await phase('COPY receipt payments', () => copyPayments(ctx));
    counts.values = await phase('COPY values (cheques and notes)', () => copyValues(ctx));
    counts.valueTransitions = await phase('COPY value transitions', () => copyTransitions(ctx));
    counts.withholdings = await phase('COPY withholdings', () => copyWithholdings(ctx));
    counts.collectionCalls = await phase('COPY collection calls', () => copyCalls(ctx));

    // A bulk load's figures are planned on statistics of the rows just loaded (ANALYZE inside the transaction samples
    // them): on an empty table's statistics the planner re-ran the open documents' aggregate once per customer
    // (minutes). A load beside existing data (a small tenant) keeps the tables' statistics and skips it.
    if (rebuild) await phase('ANALYZE the loaded tables', () => client.query(`ANALYZE ${LOADED_TABLES.map(quoted).join(', ')}`));
    await phase('customer figures (one UPDATE)', () => refreshCompanyFigures(trx, companyId, today, { all: true }));
    await phase('call figures, counters, company', async () => {
      await trx.raw(
        `UPDATE customers c SET
            last_call_id = l.id, last_call_at = l.called_at, next_contact_at = l.next_contact_at, next_contact_user_id = l.user_id,
            promise_date = p.promise_date, promise_amount = p.promise_amount, promise_since = p.called_at::date
           FROM (SELECT DISTINCT ON (customer_id) customer_id, id, called_at, next_contact_at, user_id
                   FROM collection_calls WHERE company_id = :company ORDER BY customer_id, called_at DESC, id DESC) l
           LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, promise_date, promise_amount, called_at
                        FROM collection_calls WHERE company_id = :company AND promise_date IS NOT NULL
                       ORDER BY customer_id, called_at DESC, id DESC) p ON p.customer_id = l.customer_id
          WHERE c.id = l.customer_id AND c.company_id = :company`,
        { company: companyId },
      );
      const counters = [...ledger.counters].map(([key, lastNumber]) => {
        const [type, pointOfSale] = key.split(':');
        return { companyId, type, pointOfSale: Number(pointOfSale), lastNumber };
      });
      if (counters.length)
        await trx('document_counters')
          .insert(counters)
          .onConflict(['company_id', 'type', 'point_of_sale'])
          .merge({ lastNumber: trx.raw('greatest(document_counters.last_number, excluded.last_number)') });
      await trx('companies').where({ id: companyId }).update({ figuresAsOf: today });
    });
    if (dropped) {
      const slowest = await phase(`re-create ${dropped.indexes.length} indexes`, async () => {
        const took: Array<[string, number]> = [];
        for (const ix of dropped.indexes) {
          const t = performance.now();
          await client.query(ix.def);
          took.push([ix.name, performance.now() - t]);
        }
        return took.sort((x, y) => y[1] - x[1]).slice(0, 4);
      });
      log(`  slowest: ${slowest.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
      await phase(`re-add and validate ${dropped.foreignKeys.length} foreign keys`, async () => {
        for (const fk of dropped.foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
      });
    }

    let heavyCustomer: BulkResult['heavyCustomer'] = null;
    if (heavyIndex >= 0) {
      let n = 0;
      for (let d = 0; d < ledger.docs.n; d++) if (ledger.docs.cust[d] === heavyIndex) n++;
      heavyCustomer = { id: firstCustomerId + heavyIndex, code: customers[heavyIndex].code as string, documents: n };
    }
    callbackDone = performance.now();
    return { companyId, heavyCustomer };
  });
  const commitMs = performance.now() - callbackDone;
  timings.push(['commit', commitMs]);
  log(`${'commit'.padEnd(46, '.')} ${(commitMs / 1000).toFixed(2).padStart(7)} s`);
  if (opts.vacuum !== false) await phase('VACUUM ANALYZE the loaded tables', () => vacuumLoadedTables(knex));
  timings.push(['total', performance.now() - started]);
  log(`${'total'.padEnd(46, '.')} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return { companyId: result.companyId, usernames, counts, heavyCustomer: result.heavyCustomer, timings };
}

/** VACUUM ANALYZE of every table a load writes: fresh statistics and a visibility map for index-only scans. */
export async function vacuumLoadedTables(knex: Knex): Promise<void> {
  for (const table of [...LOADED_TABLES, 'document_counters', 'companies']) await knex.raw(`VACUUM (ANALYZE) ${quoted(table)}`);
}

interface CopyContext {
  client: pg.Client;
  /** The company's default caja and bank account: where the bulk cash and transfers land. */
  treasury: { defaultCashBoxId: number | null; defaultBankAccountId: number | null };
  companyId: number;
  firstCustomerId: number;
  userIds: number[];
  ledger: Ledger;
  ids: {
    documents: number;
    applications: number;
    payments: number;
    values: number;
    transitions: number;
    withholdings: number;
    calls: number;
  };
  contactOf: Int32Array;
  currency: string[];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** A time of day on `day` in Argentine time, spread by `k` over office hours. */
const at = (day: number, k: number) => {
  const minute = 9 * 60 + ((k * 37) % (9 * 60));
  return `${dateOf(day)} ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:${pad2(k % 60)}-03`;
};

async function copyCustomers(
  client: pg.Client,
  companyId: number,
  customers: Array<Record<string, unknown>>,
  firstId: number,
  ledger: Ledger,
): Promise<number> {
  const keys = Object.keys(customers[0]);
  const firstIssue = new Int32Array(customers.length).fill(ledger.today);
  for (let d = 0; d < ledger.docs.n; d++) {
    const c = ledger.docs.cust[d];
    if (c >= 0 && ledger.docs.issue[d] < firstIssue[c]) firstIssue[c] = ledger.docs.issue[d];
  }
  return copyRows(
    client,
    'customers',
    ['id', 'company_id', 'created_at', 'updated_at', ...keys.map(snake)],
    customers.length,
    (i) => {
      const created = at(firstIssue[i] - 1 - (i % 40), i);
      return line([
        firstId + i,
        companyId,
        created,
        created,
        ...keys.map((k) => customers[i][k] as string | number | boolean | null),
      ]);
    },
  );
}

async function copyContacts(
  client: pg.Client,
  companyId: number,
  customers: Array<Record<string, unknown>>,
  firstCustomerId: number,
  ledger: Ledger,
): Promise<{ count: number; contactOf: Int32Array }> {
  const r = rng(7_001);
  const owners = customers.flatMap((c, i) => (c.status === 'prospect' ? [] : [i]));
  const first = await reserveIds(client, 'contacts', owners.length);
  const contactOf = new Int32Array(customers.length).fill(-1);
  owners.forEach((owner, k) => (contactOf[owner] = first + k));
  const created = at(ledger.start - 30, 1);
  const count = await copyRows(
    client,
    'contacts',
    [
      'id',
      'company_id',
      'customer_id',
      'name',
      'position',
      'phone',
      'mobile',
      'email',
      'is_collections_contact',
      'created_at',
      'updated_at',
    ],
    owners.length,
    (k) => {
      const c = customers[owners[k]];
      const p = personName(r);
      const domain = String(c.email ?? '@gmail.com').split('@')[1];
      const personal = /gmail|hotmail|yahoo|outlook/.test(domain);
      return line([
        first + k,
        companyId,
        firstCustomerId + owners[k],
        `${p.first} ${p.last}`,
        r.pick(POSITIONS),
        r.chance(0.7) ? phone(r, '11') : null,
        mobile(r, '11'),
        personal ? (c.email as string) : `${slug(p.first.split(' ')[0])}.${slug(p.last)}@${domain}`,
        true,
        created,
        created,
      ]);
    },
  );
  return { count, contactOf };
}

async function copyDocuments(ctx: CopyContext): Promise<number> {
  const { docs } = ctx.ledger;
  const user = (role: number) => ctx.userIds[role];
  return copyRows(
    ctx.client,
    'documents',
    [
      'id',
      'company_id',
      'customer_id',
      'type',
      'letter',
      'point_of_sale',
      'number',
      'issue_date',
      'due_date',
      'currency',
      'total',
      'open_amount',
      'status',
      'notes',
      'reason',
      'origin',
      'created_by',
      'created_at',
      'updated_at',
      'cancel_date',
      'cancel_reason',
      'cancelled_by',
      'cancelled_at',
    ],
    docs.n,
    (d) => {
      const type = docs.type[d];
      const status = DOC_STATUSES[docs.status[d]];
      const text = docs.text[d] ? DOC_TEXTS[docs.text[d]] : null;
      const asReason = type === 3 || type === 4 || status === 'voided';
      const cust = docs.cust[d];
      const created = at(docs.issue[d], d);
      const cancelled = status === 'cancelled';
      const cancelledAt = cancelled ? at(docs.cancelDay[d], d + 1) : null;
      return line([
        ctx.ids.documents + d,
        ctx.companyId,
        cust >= 0 ? ctx.firstCustomerId + cust : null,
        DOC_TYPES[type],
        LETTERS[docs.letter[d]],
        docs.pos[d],
        docs.number[d],
        dateOf(docs.issue[d]),
        dateOf(docs.due[d]),
        cust >= 0 ? ctx.currency[cust] : 'ARS',
        money(docs.total[d]),
        money(docs.open[d]),
        status,
        asReason ? null : text,
        asReason ? text : null,
        ORIGINS[docs.origin[d]],
        user(docs.by[d]),
        created,
        cancelledAt ?? created,
        cancelled ? dateOf(docs.cancelDay[d]) : null,
        cancelled ? DOC_TEXTS[CANCEL_TEXTS.receipt] : null,
        cancelled ? user(1) : null,
        cancelledAt,
      ]);
    },
  );
}

async function copyApplications(ctx: CopyContext): Promise<number> {
  const { apps } = ctx.ledger;
  const row = (a: number) => {
    const reversed = apps.reversedDay[a] > 0;
    return {
      id: ctx.ids.applications + a,
      ...applicationRow(
        ctx.companyId,
        ctx.firstCustomerId + apps.cust[a],
        ctx.ids.documents + apps.credit[a],
        ctx.ids.documents + apps.debit[a],
        money(apps.amount[a]),
        dateOf(apps.day[a]),
        apps.origin[a] === 0 ? 'receipt' : 'manual',
        ctx.userIds[apps.by[a]],
      ),
      createdAt: at(apps.day[a], a),
      reversedAt: reversed ? at(apps.reversedDay[a], a + 1) : null,
      reversedBy: reversed ? ctx.userIds[apps.reversedBy[a]] : null,
      reversalDate: reversed ? dateOf(apps.reversedDay[a]) : null,
      reversalReason: reversed ? `Anulación: ${DOC_TEXTS[CANCEL_TEXTS.receipt]}` : null,
    };
  };
  if (!apps.n) return 0;
  return copyRows(ctx.client, 'applications', columnsOf(row(0)), apps.n, (a) => line(Object.values(row(a))));
}

/** A bulk payment as the service would write it (no exchange rate: bulk receipts are in the account's currency). */
function bulkPayment(ctx: CopyContext, k: number) {
  const p = ctx.ledger.payments[k];
  const amount = money(p.amount);
  return paymentRow(ctx.companyId, ctx.ids.documents + p.doc, p.line, {
    method: p.method,
    amount,
    currency: p.currency,
    exchangeRate: null,
    accountAmount: amount,
    bankId: p.bankId,
    number: p.number,
    issueDate: p.issueDay === null ? null : dateOf(p.issueDay),
    paymentDate: p.paymentDay === null ? null : dateOf(p.paymentDay),
    drawerTaxId: p.drawerTaxId,
    drawerName: p.drawerName,
    kind: p.method.endsWith('cheque') ? (p.echeq ? 'echeq' : 'cheque') : null,
    deferred: p.paymentDay !== null && p.issueDay !== null && p.paymentDay > p.issueDay,
    notToOrder: false,
    echeqId: null,
    reference: p.reference,
    cashBoxId: ctx.treasury.defaultCashBoxId,
    bankAccountId: ctx.treasury.defaultBankAccountId,
    originCbu: null,
    originTaxId: null,
    cardIssuerId: p.card?.issuerId ?? null,
    cardPlanId: p.card?.planId ?? null,
    couponNumber: p.card?.coupon ?? null,
    authorization: p.card?.authorization ?? null,
    installments: p.card ? 1 : null,
    surchargeCoefficient: p.card ? '1.000000' : null,
    surchargeAmount: p.card ? '0.00' : null,
    installmentAmount: p.card ? amount : null,
  });
}

async function copyPayments(ctx: CopyContext): Promise<number> {
  const { payments } = ctx.ledger;
  const row = (k: number) => ({ id: ctx.ids.payments + k, ...bulkPayment(ctx, k) });
  if (!payments.length) return 0;
  return copyRows(ctx.client, 'receipt_payments', columnsOf(row(0)), payments.length, (k) => line(Object.values(row(k))));
}

async function copyValues(ctx: CopyContext): Promise<number> {
  const { values, docs } = ctx.ledger;
  const row = (k: number) => {
    const v = values[k];
    const payment = { id: ctx.ids.payments + v.payment, ...bulkPayment(ctx, v.payment) };
    const created = at(docs.issue[v.receipt], v.receipt);
    return {
      id: ctx.ids.values + k,
      ...valueRow(ctx.companyId, ctx.firstCustomerId + v.cust, ctx.ids.documents + v.receipt, payment, dateOf(v.stateDay)),
      state: v.state,
      endorsedTo: v.endorsedTo,
      depositBankId: v.depositBankId,
      stateReason: v.reason,
      rejectionDocumentId: v.rejectionDoc >= 0 ? ctx.ids.documents + v.rejectionDoc : null,
      createdAt: created,
      updatedAt: v.state === 'in_portfolio' ? created : at(v.stateDay, k),
    };
  };
  if (!values.length) return 0;
  return copyRows(ctx.client, 'values', columnsOf(row(0)), values.length, (k) => line(Object.values(row(k))));
}

async function copyTransitions(ctx: CopyContext): Promise<number> {
  const { transitions } = ctx.ledger;
  return copyRows(
    ctx.client,
    'value_transitions',
    ['id', 'company_id', 'value_id', 'from_state', 'to_state', 'date', 'reason', 'document_id', 'user_id', 'created_at'],
    transitions.length,
    (k) => {
      const t = transitions[k];
      return line([
        ctx.ids.transitions + k,
        ctx.companyId,
        ctx.ids.values + t.value,
        t.from,
        t.to,
        dateOf(t.day),
        t.reason,
        t.doc >= 0 ? ctx.ids.documents + t.doc : null,
        ctx.userIds[t.by],
        at(t.day, k),
      ]);
    },
  );
}

async function copyWithholdings(ctx: CopyContext): Promise<number> {
  const { withholdings, docs } = ctx.ledger;
  const row = (k: number) => {
    const w = withholdings[k];
    return {
      id: ctx.ids.withholdings + k,
      ...withholdingRow(ctx.companyId, ctx.ids.documents + w.doc, ctx.firstCustomerId + w.cust, w.line, {
        type: w.type,
        jurisdiction: w.jurisdiction,
        certificateNumber: w.certificate,
        date: dateOf(w.day),
        baseAmount: money(w.base),
        amount: money(w.amount),
      }),
      active: docs.status[w.doc] === 0,
    };
  };
  if (!withholdings.length) return 0;
  return copyRows(ctx.client, 'receipt_withholdings', columnsOf(row(0)), withholdings.length, (k) => line(Object.values(row(k))));
}

async function copyCalls(ctx: CopyContext): Promise<number> {
  const { calls } = ctx.ledger;
  const time = (day: number, minute: number) => `${dateOf(day)} ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00-03`;
  return copyRows(
    ctx.client,
    'collection_calls',
    [
      'id',
      'company_id',
      'customer_id',
      'contact_id',
      'called_at',
      'user_id',
      'channel',
      'outcome',
      'response',
      'promise_date',
      'promise_amount',
      'next_contact_at',
      'visit_date',
      'visit_from',
      'visit_to',
      'collector_id',
      'created_at',
      'updated_at',
    ],
    calls.length,
    (k) => {
      const c = calls[k];
      const calledAt = time(c.at, c.minute);
      return line([
        ctx.ids.calls + k,
        ctx.companyId,
        ctx.firstCustomerId + c.cust,
        ctx.contactOf[c.cust] >= 0 ? ctx.contactOf[c.cust] : null,
        calledAt,
        ctx.userIds[c.by],
        c.channel,
        c.outcome,
        c.response,
        c.promiseDay === null ? null : dateOf(c.promiseDay),
        c.promiseAmount === null ? null : money(c.promiseAmount),
        c.nextContactDay === null ? null : time(c.nextContactDay, 10 * 60),
        c.visitDay === null ? null : dateOf(c.visitDay),
        c.visitFrom,
        c.visitTo,
        c.collectorId,
        calledAt,
        calledAt,
      ]);
    },
  );
}
