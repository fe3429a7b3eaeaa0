import type { Knex } from 'knex';
import { Joi } from '../../http/validate';
import type { ResourceDef } from '../../http/resource';
import type { FieldDef } from '../../http/list-query';
import { searchCustomers } from '../customers';
import { DOCUMENT_TYPES } from './posting';
import { FCE_ACCEPTANCE, PAYMENT_METHODS, WITHHOLDING_TYPES } from './ledger.schemas';
import { CHEQUE_KINDS, VALUE_STATES } from '../../../../shared/catalog/value-states';
import { presentableOnSql, presentationDeadlineSql } from './cheque-rules';
import { DEPOSITABLE_STATES, HELD_STATES } from './value-states';
import { DEFAULT_DUE_DAYS, dueForDepositSql, MAX_DUE_DAYS, staleSql } from './value-alerts';
import { FCE_ACCEPTANCE_SQL, fceDeadlineSql } from './fiscal-rules';
import { onKey } from '../../db/keys';

const DAYS_OVERDUE_SQL = `CASE WHEN d.status = 'posted' AND d.sign = 1 AND d.open_amount > 0 AND d.due_date < CURRENT_DATE THEN CURRENT_DATE - d.due_date ELSE 0 END`;

/**
 * `csvPlain`: the documents table's CHECKs hold letter, currency, CAE (14 digits), FCE acceptance, CBU
 * (22 digits) and option to codes, and display_number is generated from type, letter and numbers; none can
 * start with a formula character (test/platform/csv.test.ts proves the database refuses one).
 */
export const documentFields: Record<string, FieldDef> = {
  id: { type: 'int', sort: true, csv: false },
  customerId: { type: 'int', filter: true, csv: false },
  customerCode: { type: 'text', sql: 'c.code' },
  customerName: { type: 'text', sql: 'c.legal_name' },
  branchId: { type: 'int', filter: true, csv: false },
  type: { type: 'enum', values: DOCUMENT_TYPES, filter: true, sort: true, labels: 'documentTypes' },
  letter: { type: 'text', filter: true, csvPlain: true },
  pointOfSale: { type: 'int', filter: true, sort: true },
  number: { type: 'int', filter: true, sort: true, range: true },
  displayNumber: { type: 'text', sort: true, csvPlain: true },
  issueDate: { type: 'date', filter: true, range: true, sort: true },
  dueDate: { type: 'date', filter: true, range: true, sort: true },
  currency: { type: 'enum', values: ['ARS', 'USD'], filter: true, csvPlain: true },
  exchangeRate: { type: 'decimal', csv: false },
  total: { type: 'money', sort: true, range: true },
  openAmount: { type: 'money', sort: true, range: true },
  signedTotal: { type: 'money', sql: 'd.sign * d.total', readOnly: true },
  status: { type: 'enum', values: ['posted', 'cancelled', 'voided'], filter: true, sort: true, labels: 'documentStatuses' },
  daysOverdue: { type: 'int', sql: DAYS_OVERDUE_SQL, readOnly: true },
  notes: { type: 'text' },
  reason: { type: 'text' },
  origin: { type: 'text', filter: true, csv: false },
  createdBy: { type: 'int', filter: true, csv: false },
  createdByName: { type: 'text', sql: 'u.full_name', csv: false },
  createdAt: { type: 'timestamp', sort: true, csv: false },
  cancelDate: { type: 'date', range: true, sort: true },
  cancelReason: { type: 'text' },
  externalRef: { type: 'text', filter: true, sort: true },
  cae: { type: 'text', filter: true, csvPlain: true },
  caeDueDate: { type: 'date', range: true },
  arcaCode: { type: 'int', filter: true, readOnly: true },
  fce: { type: 'bool', filter: true },
  fceAcceptance: { type: 'enum', values: FCE_ACCEPTANCE, filter: true, sql: FCE_ACCEPTANCE_SQL, readOnly: true, csvPlain: true },
  fceDeadline: { type: 'date', sql: `CASE WHEN d.fce THEN ${fceDeadlineSql('d.issue_date')} END`, readOnly: true },
  fceCbu: { type: 'text', csvPlain: true },
  fceOption: { type: 'text', filter: true, csvPlain: true },
  fceRejectionReason: { type: 'text' },
  fceCancellationInformed: { type: 'bool' },
};

/** Consulta de comprobantes: every movement of every current account. */
export const documentsResource: ResourceDef = {
  name: 'documents',
  table: 'documents',
  alias: 'd',
  access: { read: 'read' },
  fields: documentFields,
  // The customer by the company's value (onKey): an export of every document looks each customer up once.
  from: (qb, ctx) => {
    qb.leftJoin('customers as c', onKey('c', 'd.customer_id', ctx.companyId)).leftJoin('users as u', 'u.id', 'd.created_by');
  },
  // Both joins reach one row at most (keys): a count keeps every document without them.
  countFrom: () => undefined,
  // A number (or part of "FAC A 00003-00001234") finds documents; anything else finds customers.
  searchQuery: (qb, q) => {
    const digits = q.replace(/[\s-]/g, '');
    if (/^\d+$/.test(digits) && digits.length <= 13) {
      qb.where((w) => {
        if (digits.length <= 8) w.orWhere('d.number', Number(digits));
        if (digits.length === 13) w.orWhere({ 'd.pointOfSale': Number(digits.slice(0, 5)), 'd.number': Number(digits.slice(5)) });
        w.orWhereRaw('d.display_number LIKE ?', [`%${q.trim().toUpperCase()}%`]);
      });
    } else if (/^(FAC|ND|NC|AJP|AJN|REC)\b/i.test(q.trim())) {
      qb.whereRaw('d.display_number LIKE ?', [`%${q.trim().toUpperCase()}%`]);
    } else {
      qb.whereIn('d.customer_id', (sub) => {
        sub.select('c2.id').from('customers as c2').whereRaw('c2.company_id = d.company_id');
        searchCustomers(sub, q, 'c2');
      });
    }
  },
  filters: {
    open: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        if (value) qb.where('d.status', 'posted').where('d.open_amount', '>', 0);
        else qb.where((w) => w.whereNot('d.status', 'posted').orWhere('d.open_amount', 0));
      },
    },
    side: {
      schema: Joi.string().valid('debit', 'credit'),
      apply: (qb, value: string) => {
        qb.where('d.sign', value === 'debit' ? 1 : -1);
      },
    },
    overdue: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        const sql = `d.status = 'posted' AND d.sign = 1 AND d.open_amount > 0 AND d.due_date < CURRENT_DATE`;
        qb.whereRaw(value ? sql : `NOT (${sql})`);
      },
    },
  },
  defaultSort: ['issueDate', 'DESC'],
};

/** Documents of some types: the narrowing of a list (`from`) and of its count (`countFrom`). */
const ofTypes =
  (...types: string[]) =>
  (qb: Knex.QueryBuilder) => {
    qb.whereIn('d.type', types);
  };
const receiptsOnly = ofTypes('REC');
const adjustmentsOnly = ofTypes('AJP', 'AJN');

/** Receipts are documents of type REC; the list is the same query narrowed. */
export const receiptsResource: ResourceDef = {
  ...documentsResource,
  name: 'receipts',
  from: (qb, ctx) => {
    documentsResource.from!(qb, ctx);
    receiptsOnly(qb);
  },
  countFrom: receiptsOnly,
};

export const adjustmentsResource: ResourceDef = {
  ...documentsResource,
  name: 'adjustments',
  from: (qb, ctx) => {
    documentsResource.from!(qb, ctx);
    adjustmentsOnly(qb);
  },
  countFrom: adjustmentsOnly,
};

export const applicationsResource: ResourceDef = {
  name: 'applications',
  table: 'applications',
  alias: 'a',
  access: { read: 'read' },
  fields: {
    id: { type: 'int', sort: true },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code' },
    creditDocumentId: { type: 'int', filter: true },
    creditDisplayNumber: { type: 'text', sql: 'cd.display_number' },
    debitDocumentId: { type: 'int', filter: true },
    debitDisplayNumber: { type: 'text', sql: 'dd.display_number' },
    amount: { type: 'money', sort: true, range: true },
    date: { type: 'date', sort: true, range: true },
    origin: { type: 'text', filter: true },
    active: { type: 'bool', sql: 'a.reversed_at IS NULL', readOnly: true },
    createdBy: { type: 'int', filter: true },
    createdAt: { type: 'timestamp', sort: true },
    reversedAt: { type: 'timestamp', sort: true },
    reversedBy: { type: 'int' },
    reversalDate: { type: 'date', range: true },
    reversalReason: { type: 'text' },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'a.customer_id'))
      .join('documents as cd', onKey('cd', 'a.credit_document_id'))
      .join('documents as dd', onKey('dd', 'a.debit_document_id'));
  },
  filters: {
    active: {
      schema: Joi.boolean(),
      apply: (qb, value: boolean) => {
        if (value) qb.whereNull('a.reversed_at');
        else qb.whereNotNull('a.reversed_at');
      },
    },
    documentId: {
      schema: Joi.number().integer().min(1),
      apply: (qb, value: number) => {
        qb.where((w) => w.where('a.credit_document_id', value).orWhere('a.debit_document_id', value));
      },
    },
  },
  defaultSort: ['id', 'DESC'],
};

export const valuesResource: ResourceDef = {
  name: 'values',
  table: 'values',
  alias: 'v',
  access: { read: 'read' },
  fields: {
    id: { type: 'int', sort: true },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code' },
    customerName: { type: 'text', sql: 'c.legal_name' },
    receiptId: { type: 'int', filter: true },
    receiptNumber: { type: 'text', sql: 'r.display_number' },
    method: { type: 'enum', values: PAYMENT_METHODS, filter: true, sort: true, labels: 'paymentMethods' },
    kind: { type: 'enum', values: CHEQUE_KINDS, filter: true, sort: true, labels: 'chequeKinds' },
    bankId: { type: 'int', filter: true },
    bankCode: { type: 'text', sql: 'b.code' },
    bankName: { type: 'text', sql: 'b.name' },
    number: { type: 'text', filter: true, sort: true },
    issueDate: { type: 'date', range: true, sort: true },
    paymentDate: { type: 'date', range: true, sort: true, filter: true },
    drawerTaxId: { type: 'text', filter: true },
    drawerName: { type: 'text' },
    echeq: { type: 'bool', filter: true },
    deferred: { type: 'bool', filter: true },
    notToOrder: { type: 'bool', filter: true },
    echeqId: { type: 'text', filter: true, sort: true },
    amount: { type: 'money', sort: true, range: true },
    currency: { type: 'enum', values: ['ARS', 'USD'], filter: true, csvPlain: true },
    accountAmount: { type: 'money' },
    presentationDeadline: { type: 'date', sql: presentationDeadlineSql('v'), readOnly: true },
    // Still held past its presentation window (Ley 24.452, arts. 25 and 54): "vencido".
    expired: {
      type: 'bool',
      sql: `(v.state IN (${HELD_STATES.map((x) => `'${x}'`).join(', ')}) AND CURRENT_DATE > ${presentationDeadlineSql('v')})`,
      filter: true,
      readOnly: true,
    },
    // Should have moved and did not (value-alerts.ts).
    stale: { type: 'bool', sql: staleSql('v'), filter: true, readOnly: true },
    // Due for deposit within the default days (the `dueWithin` filter takes any number).
    dueForDeposit: { type: 'bool', sql: dueForDepositSql('v', DEFAULT_DUE_DAYS), readOnly: true },
    bankAccountId: { type: 'int', filter: true },
    bankAccountName: {
      type: 'text',
      sql: '(SELECT ba.name FROM bank_accounts ba WHERE ba.company_id = v.company_id AND ba.id = v.bank_account_id)',
    },
    discountFee: { type: 'money' },
    depositSlipId: { type: 'int', filter: true },
    lineReplaced: {
      type: 'bool',
      sql: '(SELECT p.replaced_by_line IS NOT NULL FROM receipt_payments p WHERE p.company_id = v.company_id AND p.id = v.payment_id)',
      readOnly: true,
    },
    state: { type: 'enum', values: VALUE_STATES, filter: true, sort: true, labels: 'valueStates' },
    stateDate: { type: 'date', range: true, sort: true },
    endorsedTo: { type: 'text' },
    depositBankId: { type: 'int' },
    stateReason: { type: 'text' },
    rejectionDocumentId: { type: 'int' },
    rejectionDocumentNumber: {
      type: 'text',
      sql: '(SELECT nd.display_number FROM documents nd WHERE nd.company_id = v.company_id AND nd.id = v.rejection_document_id)',
    },
    // What the rejection's debit note still owes: a canje (replacement cheque) pays it down.
    rejectionOpenAmount: {
      type: 'money',
      sql: '(SELECT nd.open_amount FROM documents nd WHERE nd.company_id = v.company_id AND nd.id = v.rejection_document_id)',
      readOnly: true,
    },
    createdAt: { type: 'timestamp', sort: true },
    updatedAt: { type: 'timestamp' },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'v.customer_id'))
      .join('documents as r', onKey('r', 'v.receipt_id'))
      .leftJoin('banks as b', onKey('b', 'v.bank_id'));
  },
  filters: {
    // Held and presentable on that day (a deposit slip's date): what the portfolio offers to deposit.
    depositableOn: {
      schema: Joi.isoDate(),
      apply: (qb, date: string) => {
        qb.whereIn('v.state', DEPOSITABLE_STATES).whereRaw(presentableOnSql('v'), [date]);
      },
    },
    // Due for deposit within the next N days (value-alerts.ts).
    dueWithin: {
      schema: Joi.number().integer().min(0).max(MAX_DUE_DAYS),
      apply: (qb, days: number) => {
        qb.whereRaw(dueForDepositSql('v'), [days]);
      },
    },
  },
  search: ['v.number', 'v.drawer_name', 'c.code', 'c.legal_name'],
  defaultSort: ['paymentDate', 'ASC'],
};

/** Boletas de depósito: read here, written by their service (POST with valueIds, then credit). */
export const depositSlipsResource: ResourceDef = {
  name: 'deposit-slips',
  table: 'deposit_slips',
  alias: 'ds',
  access: { read: 'read' },
  fields: {
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    bankAccountId: { type: 'int', filter: true },
    bankAccountCode: { type: 'text', sql: 'ba.code' },
    bankAccountName: { type: 'text', sql: 'ba.name' },
    bankName: { type: 'text', sql: 'bk.name' },
    cbu: { type: 'text', sql: 'ba.cbu' },
    currency: { type: 'enum', values: ['ARS', 'USD'], filter: true, csvPlain: true },
    total: { type: 'money', sort: true, range: true },
    valueCount: { type: 'int', sort: true },
    pendingCount: {
      type: 'int',
      sql: `(SELECT count(*) FROM "values" sv WHERE sv.company_id = ds.company_id AND sv.deposit_slip_id = ds.id AND sv.state = 'deposited')`,
      readOnly: true,
    },
    rejectedCount: {
      type: 'int',
      sql: `(SELECT count(*) FROM "values" sv WHERE sv.company_id = ds.company_id AND sv.deposit_slip_id = ds.id AND sv.state = 'rejected')`,
      readOnly: true,
    },
    notes: { type: 'text' },
    createdAt: { type: 'timestamp', sort: true, csv: false },
  },
  from: (qb) => {
    qb.join('bank_accounts as ba', onKey('ba', 'ds.bank_account_id')).join('banks as bk', onKey('bk', 'ba.bank_id'));
  },
  defaultSort: ['date', 'DESC'],
};

export const withholdingsResource: ResourceDef = {
  name: 'withholdings',
  table: 'receipt_withholdings',
  alias: 'w',
  access: { read: 'read' },
  fields: {
    id: { type: 'int', sort: true },
    documentId: { type: 'int', filter: true },
    receiptNumber: { type: 'text', sql: 'r.display_number' },
    customerId: { type: 'int', filter: true },
    customerCode: { type: 'text', sql: 'c.code' },
    customerName: { type: 'text', sql: 'c.legal_name' },
    type: { type: 'enum', values: WITHHOLDING_TYPES, filter: true, sort: true, labels: 'withholdingTypes' },
    jurisdiction: { type: 'text', filter: true },
    certificateNumber: { type: 'text', filter: true, sort: true },
    date: { type: 'date', range: true, sort: true },
    baseAmount: { type: 'money' },
    amount: { type: 'money', sort: true },
    active: { type: 'bool', filter: true },
    regimeCode: { type: 'text', filter: true, csv: false },
    agentTaxId: { type: 'text', filter: true, csv: false },
    agentName: { type: 'text', csv: false },
    rate: { type: 'decimal', csv: false },
    hasCertificate: {
      type: 'bool',
      sql: '(EXISTS (SELECT 1 FROM withholding_certificates wc WHERE wc.company_id = w.company_id AND wc.withholding_id = w.id))',
      readOnly: true,
      csv: false,
    },
  },
  from: (qb) => {
    qb.join('customers as c', onKey('c', 'w.customer_id')).join('documents as r', onKey('r', 'w.document_id'));
  },
  search: ['w.certificate_number', 'c.code', 'c.legal_name'],
  defaultSort: ['date', 'DESC'],
};
