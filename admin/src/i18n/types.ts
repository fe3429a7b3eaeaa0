import type { TranslationMessages } from 'react-admin';
import type ledgerEs from './es/ledger';
import type documentsEs from './es/documents';
import type receiptsEs from './es/receipts';
import type valuesEs from './es/values';
import type treasuryEs from './es/treasury';
import type cardCouponsEs from './es/card-coupons';
import type fiscalEs from './es/fiscal';
import type collectionsEs from './es/collections';
import type reportsEs from './es/reports';

/** Every key of an object type, recursively, required (react-admin marks a few ra.* groups optional). */
type DeepRequired<T> = { [K in keyof T]-?: T[K] extends object ? DeepRequired<T[K]> : T[K] };

type Labels<K extends string> = Record<K, string>;

/**
 * A resource's labels: its name for menus and titles ("Usuario |||| Usuarios"), the
 * same in running text ("usuario |||| usuarios"), and one label per field or filter.
 */
interface ResourceLabels<F extends string> {
  name: string;
  forcedCaseName: string;
  fields: Labels<F>;
}

/** Resources with a create page title it themselves ("Nuevo usuario", not "Crear Usuario"). */
interface CreatableLabels<F extends string> extends ResourceLabels<F> {
  page: Labels<'create'>;
}

type Timestamps = 'id' | 'createdAt' | 'updatedAt';
type AddressFields = 'street' | 'city' | 'province' | 'postalCode' | 'country' | 'phone' | 'email';
type TaxFields = 'ivaCondition' | 'taxIdType' | 'taxId' | 'grossIncomeRegime' | 'grossIncomeNumber';
type CodeName = Timestamps | 'q' | 'code' | 'name';

type CustomerFields =
  | Timestamps
  | AddressFields
  | TaxFields
  | 'q'
  | 'code'
  | 'legalName'
  | 'tradeName'
  | 'rating'
  | 'status'
  | 'largeTaxpayer'
  | 'vatExemptionPct'
  | 'receivableAccount'
  | 'cbu'
  | 'paymentTermId'
  | 'paymentTermCode'
  | 'currency'
  | 'creditLimit'
  | 'salespersonId'
  | 'salespersonCode'
  | 'collectorId'
  | 'collectorCode'
  | 'priceListId'
  | 'priceListCode'
  | 'carrierId'
  | 'carrierCode'
  | 'deliveryNoteCopies'
  | 'invoiceCopies'
  | 'segment1Id'
  | 'segment1Code'
  | 'segment2Id'
  | 'segment2Code'
  | 'segment3Id'
  | 'segment3Code'
  | 'segment4Id'
  | 'segment4Code'
  | 'notes'
  | 'balance'
  | 'overdueBalance'
  | 'bimonetary'
  | 'balanceArs'
  | 'overdueBalanceArs'
  | 'balanceUsd'
  | 'overdueBalanceUsd'
  | 'availableCredit'
  | 'lastSaleDate'
  | 'lastReceiptDate'
  | 'overCreditLimit'
  | 'hasOverdue'
  | 'balance_gte'
  | 'balance_lte'
  | 'overdueBalance_gte'
  | 'lastSaleDate_gte'
  | 'lastSaleDate_lte'
  | 'lastReceiptDate_gte'
  | 'lastReceiptDate_lte';

type BranchFields =
  | Timestamps
  | AddressFields
  | 'q'
  | 'customerId'
  | 'customerCode'
  | 'customerName'
  | 'code'
  | 'name'
  | 'salespersonId'
  | 'collectorId'
  | 'priceListId'
  | 'carrierId'
  | 'paymentTermId'
  | 'deliveryNoteCopies'
  | 'invoiceCopies'
  | 'active';

type ContactFields =
  | Timestamps
  | 'q'
  | 'customerId'
  | 'cardIssuerId'
  | 'name'
  | 'position'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'isCollectionsContact'
  | 'notes';

type CardIssuerFields =
  Timestamps | AddressFields | TaxFields | 'q' | 'code' | 'legalName' | 'payableAccount' | 'bankId' | 'active';

type CardPlanFields =
  | Timestamps
  | 'q'
  | 'cardIssuerId'
  | 'code'
  | 'name'
  | 'installments'
  | 'surchargeCoefficient'
  | 'feePct'
  | 'settlementDays'
  | 'validFrom'
  | 'validTo'
  | 'active'
  | 'usableToday'
  | 'usableOn';

type PersonFields = CodeName | 'phone' | 'email' | 'zone' | 'active';

type IvaCode = '1' | '4' | '5' | '6' | '7' | '9' | '10' | '13' | '15' | '16';

/**
 * The keys ctacte adds to react-admin's. A key missing in es/ or en/ is a
 * compile error, so no screen can show a raw key or a half-translated page.
 */
export interface DomainMessages {
  resources: {
    users: CreatableLabels<
      'id' | 'username' | 'fullName' | 'email' | 'role' | 'active' | 'lastLoginAt' | 'createdAt' | 'updatedAt' | 'password'
    >;
    'segment-levels': ResourceLabels<'id' | 'level' | 'name' | 'createdAt' | 'updatedAt'>;
    'audit-events': ResourceLabels<
      'id' | 'at' | 'userId' | 'username' | 'action' | 'entity' | 'entityId' | 'before' | 'after' | 'ip' | 'at_gte' | 'at_lte'
    >;
    company: ResourceLabels<
      | 'id'
      | 'name'
      | 'taxId'
      | 'street'
      | 'city'
      | 'province'
      | 'postalCode'
      | 'phone'
      | 'email'
      | 'lockDate'
      | 'defaultReceiptPointOfSale'
      | 'overdueToleranceDays'
      | 'ivaCondition'
      | 'grossIncomeRegime'
      | 'grossIncomeNumber'
      | 'activityStartDate'
      | 'logo'
      | 'createdAt'
      | 'updatedAt'
    >;
    customers: CreatableLabels<CustomerFields>;
    branches: CreatableLabels<BranchFields>;
    contacts: CreatableLabels<ContactFields>;
    'card-issuers': CreatableLabels<CardIssuerFields>;
    'card-plans': CreatableLabels<CardPlanFields>;
    'payment-terms': CreatableLabels<CodeName | 'days'>;
    salespeople: CreatableLabels<PersonFields>;
    collectors: CreatableLabels<PersonFields>;
    'price-lists': CreatableLabels<CodeName | 'currency'>;
    carriers: CreatableLabels<CodeName | 'taxId' | 'phone'>;
    segments: CreatableLabels<CodeName | 'level' | 'levelName'>;
    banks: CreatableLabels<CodeName>;
    'exchange-rates': CreatableLabels<Timestamps | 'currency' | 'date' | 'rate' | 'source' | 'date_gte' | 'date_lte'>;
    'api-tokens': CreatableLabels<
      | 'id'
      | 'name'
      | 'prefix'
      | 'access'
      | 'role'
      | 'scopes'
      | 'access_kind'
      | 'expiresAt'
      | 'allowedIps'
      | 'ratePerMinute'
      | 'lastUsedAt'
      | 'lastUsedIp'
      | 'revokedAt'
      | 'active'
      | 'createdByName'
      | 'createdAt'
      | 'q'
    >;
    'webhook-subscriptions': CreatableLabels<
      Timestamps | 'q' | 'url' | 'description' | 'events' | 'secret' | 'active' | 'pending' | 'failed'
    >;
    'webhook-deliveries': ResourceLabels<
      | 'id'
      | 'subscriptionId'
      | 'url'
      | 'eventId'
      | 'eventType'
      | 'eventCreatedAt'
      | 'status'
      | 'attempts'
      | 'nextAttemptAt'
      | 'lastStatusCode'
      | 'lastError'
      | 'deliveredAt'
      | 'createdAt'
    >;
  };
  ctacte: {
    appName: string;
    menu: Labels<
      | 'customers'
      | 'cards'
      | 'ledger'
      | 'collections'
      | 'reports'
      | 'administration'
      | 'company'
      | 'tables'
      | 'customerImport'
      | 'integrations'
    >;
    /** Administración › Integraciones: API tokens and webhooks. */
    integrations: Labels<
      | 'byScopes'
      | 'byRole'
      | 'scopesRequired'
      | 'nameHelp'
      | 'expiresHelp'
      | 'ipsHelp'
      | 'secretTitle'
      | 'secretOnce'
      | 'secret'
      | 'secretUse'
      | 'copy'
      | 'copied'
      | 'done'
      | 'revoke'
      | 'revokeTitle'
      | 'revokeContent'
      | 'never'
      | 'neverUsed'
      | 'urlHelp'
      | 'urlInvalid'
      | 'eventsRequired'
      | 'secretHelp'
      | 'secretKeep'
      | 'secretShort'
      | 'deliveries'
      | 'resend'
      | 'resent'
    > & {
      tokenState: Labels<'active' | 'expired' | 'revoked'>;
      scopes: Labels<'documents_write' | 'credit_status_read' | 'receipts_write' | 'reports_read' | 'customers_write'>;
      events: Labels<
        | 'document_posted'
        | 'document_cancelled'
        | 'receipt_posted'
        | 'receipt_cancelled'
        | 'application_created'
        | 'application_reversed'
        | 'customer_credit_status_changed'
        | 'promise_broken'
        | 'billing_request_created'
        | 'billing_request_cancelled'
      >;
      deliveryStatus: Labels<'pending' | 'delivered' | 'failed'>;
    };
    roles: Labels<'clerk' | 'supervisor' | 'manager' | 'admin'>;
    language: Labels<'label' | 'es' | 'en'>;
    appBar: Labels<'company'>;
    dashboard: Labels<'title' | 'greeting' | 'company' | 'role' | 'today' | 'shortcuts'>;
    company: Labels<
      | 'title'
      | 'readOnly'
      | 'address'
      | 'tax'
      | 'ledger'
      | 'lockDateHelp'
      | 'toleranceHelp'
      | 'days'
      | 'logoHelp'
      | 'logoRemove'
      | 'logoTooLarge'
      | 'ivaHelp'
      | 'activityStart'
      | 'grossIncome'
    >;
    users: Labels<'identity' | 'access' | 'passwordOnCreate' | 'passwordOnEdit' | 'neverLoggedIn'>;
    segmentLevels: Labels<'help' | 'level'>;
    audit: {
      actions: Labels<'create' | 'update' | 'delete' | 'login' | 'logout' | 'import'>;
      changes: Labels<'title' | 'field' | 'before' | 'after' | 'none' | 'raw' | 'onlyChanged' | 'showAll'>;
    };
    /** Tabs of the customer and card issuer pages. */
    tabs: Labels<'general' | 'tax' | 'commercial' | 'contacts' | 'branches' | 'plans'>;
    /** Titles of groups of fields. */
    sections: Labels<'identity' | 'address' | 'account' | 'sales' | 'segments'>;
    address: Labels<'countryHelp'>;
    customerStatuses: Labels<'active' | 'suspended' | 'prospect' | 'cash_only' | 'inactive'>;
    /** ARCA's VAT conditions by code, and abbreviated for narrow columns. */
    ivaConditions: Labels<IvaCode>;
    ivaShort: Labels<IvaCode>;
    taxIdTypes: Labels<'CUIT' | 'CUIL' | 'DNI' | 'FOREIGN'>;
    grossIncomeRegimes: Labels<'local' | 'multilateral' | 'exempt' | 'not_registered'>;
    currencies: Labels<'ARS' | 'USD'>;
    customers: Labels<
      | 'location'
      | 'codeAndTaxId'
      | 'iva'
      | 'people'
      | 'credit'
      | 'activity'
      | 'showFilters'
      | 'hideFilters'
      | 'allProvinces'
      | 'noLimit'
      | 'noLimitHelp'
      | 'creditReadOnly'
      | 'creditOnly'
      | 'created'
      | 'saleAllowed'
      | 'saleBlocked'
      | 'daysOverdue'
    > & { filters: Labels<'credit'> };
    branches: Labels<'commercial' | 'inherits' | 'fromCustomer'>;
    contacts: Labels<'owner' | 'collectionsHelp'>;
    cardIssuers: Labels<'saveFirst' | 'bankHelp'>;
    cardPlans: Labels<'coefficientHelp' | 'example' | 'exampleHint'>;
    related: Labels<'empty'>;
    import: Labels<
      | 'title'
      | 'intro'
      | 'formats'
      | 'template'
      | 'choose'
      | 'noFile'
      | 'check'
      | 'commit'
      | 'uploading'
      | 'checking'
      | 'importing'
      | 'clean'
      | 'hasErrors'
      | 'done'
      | 'seeCustomers'
      | 'errorsTitle'
      | 'errorsTruncated'
      | 'row'
      | 'column'
      | 'message'
    > & { counts: Labels<'total' | 'valid' | 'invalid' | 'toCreate' | 'toUpdate' | 'created' | 'updated' | 'unchanged'> };
    validation: Labels<
      | 'cuitLength'
      | 'cuitPrefix'
      | 'cuitCheckDigit'
      | 'cuitNeverIssued'
      | 'cbuLength'
      | 'cbuBankCheck'
      | 'cbuAccountCheck'
      | 'money'
      | 'decimal'
      | 'decimalRange'
      | 'username'
      | 'passwordLength'
      | 'date'
      | 'time'
      | 'integerRange'
      | 'code'
      | 'digits'
      | 'rating'
      | 'dni'
      | 'identityType'
      | 'identityMissing'
      | 'identityDomesticCuit'
      | 'identityCountryCuit'
      | 'identityHint'
      | 'contactOwner'
      | 'coefficientMin'
      | 'validityOrder'
    >;
    dates: Labels<'pick'>;
    errors: Labels<'network' | 'server'>;
  };
}

/**
 * An area's catalog in another language: every key of the Spanish file, each a string. The
 * English file of an area is typed with it, so a key missing (or extra) there fails the build.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The ledger, collections and reports screens' keys: their Spanish files are the shape. */
type LedgerMessages = Messages<{
  resources: (typeof documentsEs)['resources'] & (typeof receiptsEs)['resources'] & (typeof valuesEs)['resources'];
  ledger: (typeof ledgerEs)['ledger'] &
    (typeof documentsEs)['ledger'] &
    (typeof receiptsEs)['ledger'] &
    (typeof valuesEs)['ledger'];
}>;
type CollectionsMessages = Messages<typeof collectionsEs & typeof reportsEs>;
/** Tesorería: its Spanish file is the shape. */
type TreasuryMessages = Messages<typeof treasuryEs>;
/** Cupones de tarjeta y liquidaciones: its Spanish file is the shape. */
type CardCouponsMessages = Messages<typeof cardCouponsEs>;
/** Moneda extranjera, intereses, archivos de retenciones: its Spanish file is the shape. */
type FiscalMessages = Messages<typeof fiscalEs>;

/** What each language's assembled catalog (messages.ts) is: all of react-admin's keys plus ours. */
export type AppMessages = TranslationMessages & { ra: DeepRequired<TranslationMessages['ra']> } & DomainMessages &
  LedgerMessages &
  CollectionsMessages &
  TreasuryMessages &
  CardCouponsMessages &
  FiscalMessages;
