import CashBoxIcon from '@mui/icons-material/PointOfSale';
import BankAccountIcon from '@mui/icons-material/AccountBalance';
import { ACCOUNT_CURRENCY_CHOICES } from '../common/choices';
import type { ReferenceTableSpec } from '../reference-tables/spec';

const codeAndName = (r: Record<string, unknown>) => `${String(r.code ?? '')} — ${String(r.name ?? '')}`;

/** Tesorería › Cuentas y cajas: the company's cajas and bank accounts, declared as reference tables are. */
export const TREASURY_TABLES: ReferenceTableSpec[] = [
  {
    name: 'bank-accounts',
    icon: BankAccountIcon,
    columns: [
      { source: 'code', kind: 'code', max: 20, required: true, sortable: true },
      { source: 'name', kind: 'text', max: 120, required: true, sortable: true },
      { source: 'bankId', kind: 'bank', required: true },
      {
        source: 'type',
        kind: 'choice',
        choices: [
          { id: 'CC', name: 'treasury.accountTypes.CC' },
          { id: 'CA', name: 'treasury.accountTypes.CA' },
        ],
        defaultValue: 'CC',
        required: true,
        sortable: true,
        filter: true,
      },
      {
        source: 'currency',
        kind: 'choice',
        choices: ACCOUNT_CURRENCY_CHOICES,
        defaultValue: 'ARS',
        required: true,
        sortable: true,
        filter: true,
      },
      { source: 'number', kind: 'text', max: 30 },
      { source: 'cbu', kind: 'cbu' },
      { source: 'alias', kind: 'text', max: 20 },
      { source: 'ledgerAccount', kind: 'text', max: 30, inList: false },
      { source: 'active', kind: 'bool', defaultValue: true, filter: true },
    ],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'cash-boxes',
    icon: CashBoxIcon,
    columns: [
      { source: 'code', kind: 'code', max: 20, required: true, sortable: true },
      { source: 'name', kind: 'text', max: 120, required: true, sortable: true },
      { source: 'ledgerAccount', kind: 'text', max: 30 },
      { source: 'active', kind: 'bool', defaultValue: true, filter: true },
    ],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
];
