import type { TranslationMessages } from 'react-admin';

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

/**
 * The keys ctacte adds to react-admin's. A key missing in es.ts or en.ts is a
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
      | 'createdAt'
      | 'updatedAt'
    >;
  };
  ctacte: {
    appName: string;
    menu: Labels<'customers' | 'cards' | 'ledger' | 'collections' | 'reports' | 'administration' | 'company'>;
    roles: Labels<'clerk' | 'supervisor' | 'manager' | 'admin'>;
    language: Labels<'label' | 'es' | 'en'>;
    appBar: Labels<'company'>;
    dashboard: Labels<'title' | 'greeting' | 'company' | 'role' | 'today' | 'shortcuts'>;
    company: Labels<'title' | 'readOnly' | 'address' | 'tax' | 'ledger' | 'lockDateHelp' | 'toleranceHelp' | 'days'>;
    users: Labels<'identity' | 'access' | 'passwordOnCreate' | 'passwordOnEdit' | 'neverLoggedIn'>;
    segmentLevels: Labels<'help' | 'level'>;
    audit: {
      actions: Labels<'create' | 'update' | 'delete' | 'login' | 'logout'>;
      changes: Labels<'title' | 'field' | 'before' | 'after' | 'none' | 'raw' | 'onlyChanged' | 'showAll'>;
    };
    validation: Labels<
      | 'cuitLength'
      | 'cuitPrefix'
      | 'cuitCheckDigit'
      | 'cuitNeverIssued'
      | 'money'
      | 'username'
      | 'passwordLength'
      | 'date'
      | 'integerRange'
    >;
    dates: Labels<'pick'>;
    errors: Labels<'network' | 'server'>;
  };
}

/** What es.ts and en.ts each export: all of react-admin's keys plus ours. */
export type AppMessages = TranslationMessages & { ra: DeepRequired<TranslationMessages['ra']> } & DomainMessages;
