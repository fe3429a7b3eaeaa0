/** Audit actions the server writes today; an unknown one shows as it is. */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'import'] as const;

export const ACTION_CHOICES = AUDIT_ACTIONS.map((id) => ({ id, name: `ctacte.audit.actions.${id}` }));

/** Audited tables whose resource name is not the table name with dashes. */
const ENTITY_RESOURCES: Record<string, string> = { companies: 'company' };

/** The admin resource an audited table belongs to, to label it and its fields. */
export const resourceOfEntity = (entity: string): string => ENTITY_RESOURCES[entity] ?? entity.replace(/_/g, '-');

/** Audited tables offered in the entity filter; a screen that audits a new table adds it here. */
export const AUDITED_ENTITIES = [
  'customers',
  'branches',
  'contacts',
  'card_issuers',
  'card_plans',
  'payment_terms',
  'salespeople',
  'collectors',
  'price_lists',
  'carriers',
  'segments',
  'banks',
  'exchange_rates',
  'users',
  'companies',
  'segment_levels',
] as const;
