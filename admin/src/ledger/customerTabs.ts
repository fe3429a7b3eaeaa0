import { CuentaCorrienteTab } from './customer-tabs/CuentaCorrienteTab';
import { PendientesTab } from './customer-tabs/PendientesTab';
import { ValoresTab } from './customer-tabs/ValoresTab';

/** The ledger's tabs on the customer page, in the shape of customers/showTabs.tsx's CUSTOMER_SHOW_TABS. */
export const LEDGER_CUSTOMER_TABS = [
  { path: 'account', label: 'ledger.tabs.account', content: CuentaCorrienteTab },
  { path: 'open-items', label: 'ledger.tabs.openItems', content: PendientesTab },
  { path: 'values', label: 'ledger.tabs.values', content: ValoresTab },
];
