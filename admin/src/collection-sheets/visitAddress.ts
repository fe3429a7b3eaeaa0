import { postalAddress } from '../ledger/PrintShell';
import type { SheetVisit } from '../collections/types';

/** Where the collector goes: "Depósito: Calle 12 Nº 345, B1878 Quilmes, Buenos Aires" (the branch, or the customer's address). */
export const visitAddress = (v: SheetVisit) => [v.branchName, postalAddress(v)].filter(Boolean).join(': ');
