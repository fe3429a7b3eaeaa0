import PaymentTermIcon from '@mui/icons-material/EventRepeat';
import SalespersonIcon from '@mui/icons-material/Storefront';
import CollectorIcon from '@mui/icons-material/DirectionsWalk';
import PriceListIcon from '@mui/icons-material/RequestQuote';
import CarrierIcon from '@mui/icons-material/LocalShipping';
import SegmentIcon from '@mui/icons-material/Category';
import BankIcon from '@mui/icons-material/AccountBalance';
import ExchangeRateIcon from '@mui/icons-material/CurrencyExchange';
import HolidayIcon from '@mui/icons-material/EventBusy';
import InterestIcon from '@mui/icons-material/Percent';
import { formatDate } from '../common/dates';
import { formatDecimal } from '../common/money';
import { ACCOUNT_CURRENCY_CHOICES, HOLIDAY_KIND_CHOICES, QUOTED_CURRENCY_CHOICES } from '../common/choices';
import { SegmentLevelTabs } from './SegmentLevelTabs';
import type { ColumnSpec, ReferenceTableSpec } from './spec';

const code = (max = 20, digits?: number): ColumnSpec => ({
  source: 'code',
  kind: 'code',
  max,
  digits,
  required: true,
  sortable: true,
});
const name: ColumnSpec = { source: 'name', kind: 'text', max: 120, required: true, sortable: true };
const codeAndName = (r: Record<string, unknown>) => `${String(r.code ?? '')} — ${String(r.name ?? '')}`;

/** Salespeople and collectors: people with a zone, who may leave the company (inactive). */
const person: ColumnSpec[] = [
  code(),
  name,
  { source: 'zone', kind: 'text', max: 60, sortable: true, filter: true },
  { source: 'phone', kind: 'text', max: 40 },
  { source: 'email', kind: 'email' },
  { source: 'active', kind: 'bool', defaultValue: true, filter: true },
];

/** SPEC §4's reference tables, in the order the menu lists them. */
export const REFERENCE_TABLES: ReferenceTableSpec[] = [
  {
    name: 'payment-terms',
    icon: PaymentTermIcon,
    columns: [code(), name, { source: 'days', kind: 'int', min: 0, max: 3650, required: true, sortable: true }],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'salespeople',
    icon: SalespersonIcon,
    columns: person,
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'collectors',
    icon: CollectorIcon,
    columns: person,
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'price-lists',
    icon: PriceListIcon,
    columns: [
      code(),
      name,
      {
        source: 'currency',
        kind: 'choice',
        choices: ACCOUNT_CURRENCY_CHOICES,
        defaultValue: 'ARS',
        required: true,
        sortable: true,
        filter: true,
      },
    ],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'carriers',
    icon: CarrierIcon,
    columns: [code(), name, { source: 'taxId', kind: 'cuit' }, { source: 'phone', kind: 'text', max: 40 }],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'segments',
    icon: SegmentIcon,
    // The level is the open tab, so the list leaves it out.
    columns: [{ source: 'level', kind: 'segmentLevel', required: true, sortable: true, inList: false }, code(), name],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
    filterDefaultValues: { level: 1 },
    createDefaults: (filter) => ({ level: Number(filter.level) || 1 }),
    listHeader: SegmentLevelTabs,
  },
  {
    name: 'banks',
    icon: BankIcon,
    columns: [code(3, 3), name],
    sort: { field: 'code', order: 'ASC' },
    search: true,
    representation: codeAndName,
  },
  {
    name: 'exchange-rates',
    icon: ExchangeRateIcon,
    columns: [
      {
        source: 'currency',
        kind: 'choice',
        choices: QUOTED_CURRENCY_CHOICES,
        defaultValue: 'USD',
        required: true,
        sortable: true,
        filter: true,
      },
      { source: 'date', kind: 'date', required: true, sortable: true, filter: 'range' },
      { source: 'rate', kind: 'decimal', decimals: 6, min: '0.000001', max: '99999999', required: true, sortable: true },
    ],
    sort: { field: 'date', order: 'DESC' },
    search: false,
    representation: (r) => `${String(r.currency ?? '')} ${formatDate(r.date as string)}: ${formatDecimal(r.rate as string, 2)}`,
  },
  {
    // Late-payment interest: the monthly rate in force from a date until the next one.
    name: 'interest-rates',
    icon: InterestIcon,
    columns: [
      { source: 'validFrom', kind: 'date', required: true, sortable: true, filter: 'range' },
      { source: 'monthlyPct', kind: 'decimal', decimals: 4, min: '0', max: '100', required: true, sortable: true },
      { source: 'notes', kind: 'text', max: 200 },
    ],
    sort: { field: 'validFrom', order: 'DESC' },
    search: false,
    representation: (r) => `${formatDate(r.validFrom as string)}: ${formatDecimal(r.monthlyPct as string, 2)} %`,
  },
  {
    // National holidays and non-working days (Ley 27.399), seeded for 2026–2027: the collection
    // sheet's next working day skips them; the admin adds each year's decrees.
    name: 'holidays',
    icon: HolidayIcon,
    columns: [
      { source: 'date', kind: 'date', required: true, sortable: true, filter: 'range' },
      { source: 'name', kind: 'text', max: 120, required: true, sortable: true },
      { source: 'kind', kind: 'choice', choices: HOLIDAY_KIND_CHOICES, required: true, sortable: true, filter: true },
    ],
    sort: { field: 'date', order: 'ASC' },
    search: true,
    representation: (r) => `${formatDate(r.date as string)} — ${String(r.name ?? '')}`,
  },
];
