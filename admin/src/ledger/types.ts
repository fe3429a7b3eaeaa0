/**
 * The ledger as the API returns it (server/src/modules/ledger): amounts are
 * decimal strings, dates `YYYY-MM-DD`, instants ISO 8601.
 */
import type { Currency } from '../common/money';
import type { ChequeKind, ValueState } from '../../../shared/catalog/value-states';

export const DOCUMENT_TYPES = ['FAC', 'ND', 'NC', 'AJP', 'AJN', 'REC'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DEBIT_TYPES: readonly DocumentType[] = ['FAC', 'ND', 'AJP'];
export const isDebit = (type: string) => (DEBIT_TYPES as readonly string[]).includes(type);

/** What billing sends (intake) and what a supervisor posts here. */
export const INTAKE_TYPES = ['FAC', 'ND', 'NC'] as const;
export const ADJUSTMENT_TYPES = ['AJP', 'AJN'] as const;
export const FISCAL_LETTERS = ['A', 'B', 'C', 'E', 'M'] as const;

export const DOCUMENT_STATUSES = ['posted', 'cancelled', 'voided'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const PAYMENT_METHODS = [
  'cash',
  'customer_cheque',
  'third_party_cheque',
  'customer_note',
  'third_party_note',
  'transfer',
  'card',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Methods that enter the portfolio of values (cartera). */
export const VALUE_KINDS = ['customer_cheque', 'third_party_cheque', 'customer_note', 'third_party_note'] as const;

export const WITHHOLDING_TYPES = ['IVA', 'IIBB', 'SUSS', 'GANANCIAS'] as const;
export type WithholdingType = (typeof WITHHOLDING_TYPES)[number];

export {
  CHEQUE_KINDS,
  VALUE_STATES,
  VALUE_TRANSITIONS,
  type ChequeKind,
  type ValueMove,
  type ValueState,
} from '../../../shared/catalog/value-states';

export interface LedgerDocument {
  id: number;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  branchId: number | null;
  type: DocumentType;
  letter: string;
  pointOfSale: number;
  number: number;
  displayNumber: string;
  issueDate: string;
  dueDate: string | null;
  currency: Currency;
  total: string;
  openAmount: string;
  signedTotal: string;
  status: DocumentStatus;
  daysOverdue: number;
  notes: string | null;
  reason: string | null;
  origin: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  cancelDate: string | null;
  cancelReason: string | null;
  externalRef?: string | null;
  cae?: string | null;
  caeDueDate?: string | null;
  fce?: boolean;
  fceAcceptance?: 'pending' | 'accepted' | 'tacitly_accepted' | 'rejected' | null;
  arcaCode?: number | null;
  fceDeadline?: string | null;
  fceCbu?: string | null;
  fceOption?: 'SCA' | 'ADC' | null;
  fceRejectionReason?: string | null;
  /** A receipt paying an FCE: whether its cancellation was informed (null for other documents). */
  fceCancellationInformed?: boolean | null;
  /** Pesos per dollar of a USD document (billing's, or the BNA rate of its date). */
  exchangeRate?: string | null;
}

/** One application seen from a document: the other document is the counterpart. */
export interface DocumentApplication {
  id: number;
  amount: string;
  date: string;
  origin: string;
  createdAt: string;
  reversedAt: string | null;
  reversalDate: string | null;
  reversalReason: string | null;
  reversedByName?: string | null;
  active: boolean;
  creditDocumentId: number;
  debitDocumentId: number;
  documentId: number;
  displayNumber: string;
  documentType: DocumentType;
  documentIssueDate: string;
  documentDueDate: string | null;
  documentTotal: string;
}

export interface ReceiptPayment {
  id: number;
  line: number;
  method: PaymentMethod;
  amount: string;
  currency: Currency;
  exchangeRate: string | null;
  accountAmount: string;
  bankId: number | null;
  bankCode: string | null;
  bankName: string | null;
  number: string | null;
  issueDate: string | null;
  paymentDate: string | null;
  drawerTaxId: string | null;
  drawerName: string | null;
  echeq: boolean;
  reference: string | null;
  cardIssuerId: number | null;
  cardIssuerCode: string | null;
  cardIssuerName: string | null;
  cardPlanId: number | null;
  cardPlanName: string | null;
  couponNumber: string | null;
  authorization: string | null;
  installments: number | null;
  surchargeCoefficient: string | null;
  surchargeAmount: string | null;
  installmentAmount: string | null;
}

export interface ReceiptWithholding {
  id: number;
  line: number;
  type: WithholdingType;
  jurisdiction: string | null;
  certificateNumber: string;
  date: string;
  baseAmount: string | null;
  amount: string;
  active: boolean;
}

export interface ReceiptValue {
  id: number;
  method: PaymentMethod;
  kind: ChequeKind | null;
  number: string;
  bankId: number | null;
  paymentDate: string | null;
  amount: string;
  currency: Currency;
  state: ValueState;
}

export interface DocumentDetail extends LedgerDocument {
  applications: DocumentApplication[];
  payments?: ReceiptPayment[];
  withholdings?: ReceiptWithholding[];
  values?: ReceiptValue[];
  warnings?: Array<{ code: string; message: string }>;
}

export interface PostedReceipt extends DocumentDetail {
  received: string;
  withheld: string;
  applied: string;
  onAccount: string;
}

export type OpenItem = Pick<
  LedgerDocument,
  'id' | 'type' | 'displayNumber' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'openAmount' | 'daysOverdue'
> & { side: 'debit' | 'credit' };

export interface StatementLine {
  date: string;
  documentId: number;
  type: DocumentType;
  displayNumber: string;
  description: string;
  dueDate: string | null;
  debit: string;
  credit: string;
  balance: string;
  kind: 'document' | 'cancellation';
}

export interface Statement {
  customer: { id: number; code: string; legalName: string; taxId: string | null; currency: Currency; balance: string };
  from: string;
  to: string;
  currency: Currency;
  /** The ledgers the customer keeps: its account's, and the other when it is bimonetary. */
  currencies: Currency[];
  openingBalance: string;
  totalDebits: string;
  totalCredits: string;
  closingBalance: string;
  movements: StatementLine[];
}

export interface LedgerValue {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  receiptId: number;
  receiptNumber: string;
  method: PaymentMethod;
  kind: ChequeKind | null;
  bankId: number | null;
  bankCode: string | null;
  bankName: string | null;
  number: string;
  issueDate: string | null;
  paymentDate: string | null;
  drawerTaxId: string | null;
  drawerName: string | null;
  echeq: boolean;
  echeqId: string | null;
  deferred: boolean;
  notToOrder: boolean;
  presentationDeadline: string | null;
  expired: boolean;
  /** Should have moved and did not: held 5 days past its payment date, or at the bank 5 days without news. */
  stale: boolean;
  /** Held and payable within the next 7 days, its presentation window still open. */
  dueForDeposit: boolean;
  bankAccountId: number | null;
  bankAccountName: string | null;
  discountFee: string | null;
  depositSlipId: number | null;
  lineReplaced: boolean;
  paymentId: number;
  amount: string;
  currency: Currency;
  accountAmount: string;
  state: ValueState;
  stateDate: string;
  endorsedTo: string | null;
  depositBankId: number | null;
  stateReason: string | null;
  rejectionDocumentId: number | null;
  rejectionDocumentNumber: string | null;
  /** What the rejection's debit note still owes (a canje pays it down). */
  rejectionOpenAmount: string | null;
}

export interface ValueTransition {
  id: number;
  fromState: ValueState;
  toState: ValueState;
  date: string;
  reason: string | null;
  documentId: number | null;
  displayNumber: string | null;
  documentTotal: string | null;
  charges: string | null;
  interest: string | null;
  fee: string | null;
  bankAccountId: number | null;
  bankAccountName: string | null;
  depositSlipId: number | null;
  replacementValueId: number | null;
  replacementNumber: string | null;
  userName: string | null;
  createdAt: string;
}

/** `GET /api/reports/values-cashflow`: the values still to bring money in, past due then 13 weeks. */
export const CASHFLOW_STATES = ['pending_acceptance', 'accepted', 'in_portfolio', 'deposited'] as const;
export type CashflowState = (typeof CASHFLOW_STATES)[number];
export interface CashflowCell {
  count: number;
  amount: string;
}
export interface ValuesCashflow {
  asOf: string;
  to: string;
  currency: Currency;
  states: CashflowState[];
  rows: Array<{
    week: number | null;
    from: string | null;
    to: string;
    byState: Record<CashflowState, CashflowCell>;
    count: number;
    amount: string;
  }>;
  totals: { byState: Record<CashflowState, CashflowCell>; count: number; amount: string };
}

export interface Company {
  name: string;
  taxId: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  lockDate: string | null;
  defaultReceiptPointOfSale: number;
  defaultCashBoxId?: number | null;
  defaultBankAccountId?: number | null;
  /** Legal data printed on what the company hands out (RG 1415 art. 10). */
  ivaCondition?: number | null;
  grossIncomeRegime?: string | null;
  grossIncomeNumber?: string | null;
  activityStartDate?: string | null;
  logo?: string | null;
}

/** The customer fields the ledger screens read (receipt header, statement, pickers). */
export interface LedgerCustomer {
  id: number;
  code: string;
  legalName: string;
  tradeName: string | null;
  status: string;
  taxId: string | null;
  taxIdType: string | null;
  ivaCondition: number | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  currency: Currency;
  /** Keeps a peso and a dollar ledger side by side. */
  bimonetary?: boolean;
  balance: string;
  overdueBalance?: string;
  creditLimit: string | null;
}
