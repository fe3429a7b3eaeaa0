/** A customer's status (SPEC §4); names live in the catalogs under ctacte.customerStatuses. */
export const CUSTOMER_STATUSES = ['active', 'suspended', 'prospect', 'cash_only', 'inactive'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const STATUS_CHOICES = CUSTOMER_STATUSES.map((id) => ({ id, name: `ctacte.customerStatuses.${id}` }));

export const STATUS_COLORS: Record<CustomerStatus, 'success' | 'error' | 'info' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'error',
  prospect: 'info',
  cash_only: 'warning',
  inactive: 'default',
};

export const isCustomerStatus = (value: unknown): value is CustomerStatus =>
  (CUSTOMER_STATUSES as readonly unknown[]).includes(value);
