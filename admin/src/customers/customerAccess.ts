import { ADDRESS_FIELDS } from '../common/AddressInputs';
import { TAX_FIELDS } from '../common/TaxInputs';
import { usePermissions } from 'react-admin';
import { can, type Role } from '../auth/permissions';
import { pickFields } from '../common/validateRecord';

/** Every field a client writes on a customer (the server's schema); the rest of the record is derived. */
export const CUSTOMER_WRITABLE = [
  'code',
  'legalName',
  'tradeName',
  'rating',
  'status',
  ...ADDRESS_FIELDS,
  ...TAX_FIELDS,
  'largeTaxpayer',
  'vatExemptionPct',
  'receivableAccount',
  'cbu',
  'paymentTermId',
  'currency',
  'creditLimit',
  'salespersonId',
  'collectorId',
  'priceListId',
  'carrierId',
  'deliveryNoteCopies',
  'invoiceCopies',
  'segment1Id',
  'segment2Id',
  'segment3Id',
  'segment4Id',
  'notes',
] as const;

/** Fields only a supervisor, a manager or an admin change (SPEC §3). */
export const CREDIT_FIELDS = ['creditLimit', 'status'] as const;

export interface CustomerAccess {
  /** May change the record's data (clerk, supervisor, admin). */
  data: boolean;
  /** May change credit limit and status (supervisor, manager, admin). */
  credit: boolean;
  isPending: boolean;
}

export function useCustomerAccess(): CustomerAccess {
  const { permissions, isPending } = usePermissions<Role>();
  return { data: can(permissions, 'masterdata.write'), credit: can(permissions, 'customers.credit'), isPending };
}

/**
 * What a save sends: only the fields this role may write. The derived figures
 * (balance, last sale…) never go back, so a receipt posted meanwhile cannot make
 * the save fail; a clerk never sends the guarded fields, a manager only those.
 */
export function customerPayload(access: Pick<CustomerAccess, 'data' | 'credit'>) {
  return pickFields(
    CUSTOMER_WRITABLE.filter((field) => ((CREDIT_FIELDS as readonly string[]).includes(field) ? access.credit : access.data)),
  );
}
