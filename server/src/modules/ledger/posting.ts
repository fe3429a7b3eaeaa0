import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { AppError, badRequest, conflict, registerConstraint } from '../../http/errors';
import { ACCOUNT_CURRENCIES } from '../../lib/argentina';
import { statement } from '../../db/statement';

/** Document types and the side of the account they sit on. */
export const DEBIT_TYPES = ['FAC', 'ND', 'AJP'] as const;
export const CREDIT_TYPES = ['NC', 'AJN', 'REC'] as const;
export const DOCUMENT_TYPES = ['FAC', 'ND', 'NC', 'AJP', 'AJN', 'REC'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const isDebit = (type: string) => (DEBIT_TYPES as readonly string[]).includes(type);

registerConstraint('documents_number_unique', {
  path: 'number',
  code: 'DUPLICATE_NUMBER',
  text: { es: 'Ese número de comprobante ya está registrado', en: 'That document number is already registered' },
});
registerConstraint('documents_arca_number_unique', {
  path: 'number',
  code: 'DUPLICATE_NUMBER',
  text: {
    es: 'Ese número ya está registrado para ese código de comprobante ARCA y punto de venta',
    en: 'That number is already registered for that ARCA document code and point of sale',
  },
});
registerConstraint('documents_open_range', {
  status: 409,
  code: 'OVER_APPLICATION',
  text: {
    es: 'La imputación supera el saldo pendiente del comprobante',
    en: 'The application exceeds the open amount of the document',
  },
});
registerConstraint('documents_due_after_issue', {
  path: 'dueDate',
  text: { es: 'El vencimiento no puede ser anterior a la fecha de emisión', en: 'The due date cannot be before the issue date' },
});

export interface LockedCustomer {
  id: number;
  code: string;
  legalName: string;
  currency: string;
  /** ARS and USD ledgers side by side; `currency` stays the account's (what `balance` counts). */
  bimonetary: boolean;
  status: string;
  taxId: string | null;
  taxIdType: string | null;
  ivaCondition: number;
  creditLimit: string | null;
  balance: string;
  paymentTermId: number | null;
}

/**
 * Every ledger write starts by locking the customers it touches, in id order:
 * postings of one customer queue behind each other, postings of different
 * customers run in parallel, and no two transactions wait on each other in a circle.
 */
export async function lockCustomers(trx: Knex.Transaction, ctx: Ctx, ids: number[]): Promise<Map<number, LockedCustomer>> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const rows = (await trx('customers')
    .where({ companyId: ctx.companyId })
    .whereIn('id', unique)
    .orderBy('id')
    .forUpdate()
    .select(LOCKED_CUSTOMER_FIELDS)) as LockedCustomer[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** What a posting reads of the customer it locks (also the CSV import's customer lookup). */
export const LOCKED_CUSTOMER_FIELDS = [
  'id',
  'code',
  'legalName',
  'currency',
  'bimonetary',
  'status',
  'taxId',
  'taxIdType',
  'ivaCondition',
  'creditLimit',
  'balance',
  'paymentTermId',
];

/**
 * The ledger a document or receipt in `currency` posts to: the account's currency, or either of
 * ARS and USD for a bimonetary customer. Anything else is a 400 naming the field, before a write.
 */
export function ledgerCurrency(customer: LockedCustomer, currency: string | undefined | null, field = 'currency'): string {
  const wanted = currency ?? customer.currency;
  if (wanted === customer.currency || (customer.bimonetary && (ACCOUNT_CURRENCIES as readonly string[]).includes(wanted)))
    return wanted;
  throw badRequest(
    'CURRENCY_MISMATCH',
    {
      es: `La cuenta corriente de ${customer.code} es en ${customer.currency} y el cliente no es bimonetario; el comprobante no puede ser en ${wanted}`,
      en: `The current account of ${customer.code} is in ${customer.currency} and the customer is not bimonetary; the document cannot be in ${wanted}`,
    },
    [{ path: field, message: { es: `debe ser ${customer.currency}`, en: `must be ${customer.currency}` } }],
  );
}

const customerNotFound = () =>
  badRequest('CUSTOMER_NOT_FOUND', { es: 'customerId: el cliente no existe', en: 'customerId: the customer does not exist' }, [
    { path: 'customerId', message: { es: 'el cliente no existe', en: 'the customer does not exist' } },
  ]);

export async function lockCustomer(trx: Knex.Transaction, ctx: Ctx, id: number): Promise<LockedCustomer> {
  const customer = (await lockCustomers(trx, ctx, [id])).get(id);
  if (!customer) throw customerNotFound();
  return customer;
}

/** The customer locked with its company's settings (and a fresh document id): a statement built once. */
const lockWithSettingsStatement = (documentId: boolean) =>
  statement<'companyId' | 'id'>((db, p) =>
    db('customers as c')
      .join('companies as co', 'co.id', 'c.company_id')
      .where({ 'c.companyId': p('companyId'), 'c.id': p('id') })
      .forUpdate('c')
      .first(
        ...LOCKED_CUSTOMER_FIELDS.map((f) => `c.${f}`),
        'co.lockDate',
        'co.defaultReceiptPointOfSale',
        'co.defaultCashBoxId',
        'co.defaultBankAccountId',
        'co.overdueToleranceDays',
        'co.cardSurchargeIvaRate',
        'co.ivaCondition as companyIvaCondition',
        db.raw(documentId ? `nextval(pg_get_serial_sequence('documents', 'id')) AS document_id` : 'NULL AS document_id'),
      ),
  );
const lockWithSettings = lockWithSettingsStatement(false);
const lockWithSettingsAndId = lockWithSettingsStatement(true);

/**
 * `lockCustomer` and `companySettings` in one round trip, with a fresh document id
 * when asked (a posting that writes a document's rows before the document).
 */
export async function lockCustomerWithSettings(
  trx: Knex.Transaction,
  ctx: Ctx,
  id: number,
  opts: { documentId?: boolean } = {},
): Promise<{ customer: LockedCustomer; settings: CompanySettings; documentId: number }> {
  const [row] = await (opts.documentId ? lockWithSettingsAndId : lockWithSettings)<
    LockedCustomer & CompanySettings & { documentId: number | null }
  >(trx, { companyId: ctx.companyId, id });
  if (!row) throw customerNotFound();
  const {
    lockDate,
    defaultReceiptPointOfSale,
    overdueToleranceDays,
    defaultCashBoxId,
    defaultBankAccountId,
    cardSurchargeIvaRate,
    companyIvaCondition,
    documentId,
    ...customer
  } = row;
  return {
    customer,
    settings: {
      lockDate,
      defaultReceiptPointOfSale,
      overdueToleranceDays,
      defaultCashBoxId,
      defaultBankAccountId,
      cardSurchargeIvaRate,
      companyIvaCondition,
    },
    documentId: Number(documentId),
  };
}

export interface CompanySettings {
  lockDate: string | null;
  defaultReceiptPointOfSale: number;
  overdueToleranceDays: number;
  /** Where a receipt's cash and transfers land unless the line names a caja or an account. */
  defaultCashBoxId: number | null;
  defaultBankAccountId: number | null;
  /** IVA rate of the card financing surcharge billed to the customer (see card-rules.ts). */
  cardSurchargeIvaRate: string;
  /** The company's own IVA condition: which fiscal letters it issues (shared/catalog/fiscal.ts). */
  companyIvaCondition: number;
}

export async function companySettings(db: Knex | Knex.Transaction, companyId: number): Promise<CompanySettings> {
  return (await db('companies')
    .where({ id: companyId })
    .first(
      'lockDate',
      'defaultReceiptPointOfSale',
      'overdueToleranceDays',
      'defaultCashBoxId',
      'defaultBankAccountId',
      'cardSurchargeIvaRate',
      'ivaCondition as companyIvaCondition',
    )) as CompanySettings;
}

/** Nothing is posted, cancelled, applied or unapplied on or before the lock date. */
export function assertOpenPeriod(settings: CompanySettings, date: string, path = 'date'): void {
  if (settings.lockDate && date <= settings.lockDate) {
    throw new AppError(
      409,
      'PERIOD_LOCKED',
      {
        es: `El período está cerrado hasta el ${fmt(settings.lockDate)}: la fecha ${fmt(date)} no se puede usar`,
        en: `The period is locked up to ${settings.lockDate}: the date ${date} cannot be used`,
      },
      [{ path, message: { es: 'período cerrado', en: 'period locked' } }],
    );
  }
}

export const fmt = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The number a posting gets after `last`: the next one, or a given one (pre-printed
 * receipt book) when it is the next, or any when the series has none yet.
 */
function nextNumber(last: number, pointOfSale: number, given?: number | null): number {
  let number: number;
  if (given === undefined || given === null) number = last + 1;
  else if (last === 0 || given === last + 1) number = given;
  else if (given <= last)
    throw conflict(
      'DUPLICATE_NUMBER',
      {
        es: `El número ${given} del punto de venta ${pointOfSale} ya fue usado (el último es ${last})`,
        en: `Number ${given} of point of sale ${pointOfSale} is already used (the last one is ${last})`,
      },
      [{ path: 'number', message: { es: 'número ya usado', en: 'number already used' } }],
    );
  else
    throw conflict(
      'NUMBER_GAP',
      {
        es: `El próximo número del punto de venta ${pointOfSale} es ${last + 1}: registre como anulados los números intermedios antes del ${given}`,
        en: `The next number of point of sale ${pointOfSale} is ${last + 1}: register the numbers in between as voided before ${given}`,
      },
      [{ path: 'number', message: { es: `debería ser ${last + 1}`, en: `should be ${last + 1}` } }],
    );
  if (number > MAX_NUMBER) throw conflict('NUMBER_RANGE', { es: 'Se agotó la numeración', en: 'The numbering is exhausted' });
  return number;
}

const MAX_NUMBER = 99999999;

/**
 * The next number of a series numbered here, from a gapless counter whose row
 * lock is held until commit. A given number (pre-printed receipt book) must be
 * the next one, or the first of a series that has none yet.
 */
export async function takeNumber(
  trx: Knex.Transaction,
  companyId: number,
  type: DocumentType,
  pointOfSale: number,
  given?: number | null,
): Promise<number> {
  const { rows } = await trx.raw(
    `INSERT INTO document_counters (company_id, type, point_of_sale, last_number) VALUES (?, ?, ?, 0)
     ON CONFLICT (company_id, type, point_of_sale) DO UPDATE SET last_number = document_counters.last_number
     RETURNING last_number`,
    [companyId, type, pointOfSale],
  );
  const number = nextNumber(Number(rows[0].lastNumber), pointOfSale, given);
  await trx('document_counters').where({ companyId, type, pointOfSale }).update({ lastNumber: number });
  return number;
}

/**
 * Checks a given number against the counter as it stands, without locking it, so
 * that a posting which takes its number at the end still refuses a wrong number
 * before its other checks; the end checks it again under the lock.
 */
export async function checkGivenNumber(
  trx: Knex.Transaction,
  companyId: number,
  type: DocumentType,
  pointOfSale: number,
  given: number,
): Promise<void> {
  const row = (await trx('document_counters').where({ companyId, type, pointOfSale }).first('lastNumber')) as
    { lastNumber: number } | undefined;
  nextNumber(Number(row?.lastNumber ?? 0), pointOfSale, given);
}

/**
 * The counter bumped to the next number as a CTE returning `last_number`, for the
 * statement that inserts the document with it. It returns no row when the number
 * is refused (a given one that is not the next, or the series exhausted): then
 * `takeNumber` in the same transaction says why.
 */
export function nextNumberCte(
  trx: Knex.Transaction,
  companyId: number,
  type: DocumentType,
  pointOfSale: number,
  given?: number | null,
): Knex.Raw {
  if (given === undefined || given === null)
    return trx.raw(
      `INSERT INTO document_counters (company_id, type, point_of_sale, last_number) VALUES (?, ?, ?, 1)
       ON CONFLICT (company_id, type, point_of_sale) DO UPDATE SET last_number = document_counters.last_number + 1
       WHERE document_counters.last_number < ${MAX_NUMBER}
       RETURNING last_number`,
      [companyId, type, pointOfSale],
    );
  return trx.raw(
    `INSERT INTO document_counters (company_id, type, point_of_sale, last_number) VALUES (?, ?, ?, ?)
     ON CONFLICT (company_id, type, point_of_sale) DO UPDATE SET last_number = excluded.last_number
     WHERE document_counters.last_number = 0 OR document_counters.last_number = excluded.last_number - 1
     RETURNING last_number`,
    [companyId, type, pointOfSale, given],
  );
}
