import AgendaIcon from '@mui/icons-material/EventNote';
import SheetIcon from '@mui/icons-material/Assignment';
import AgingIcon from '@mui/icons-material/StackedBarChart';
import { PERMISSIONS } from '../auth/permissions';
import type { MenuItem } from '../layout/menu';
import debtors from '../debtors';
import collectionCalls from '../collection-calls';
import { AGENDA_PATH, AGING_PATH, SHEET_PATH } from './routes';

/** Menu › Cobranzas: the debtors, the day's calls, every call logged, a collector's sheet. */
export const COLLECTIONS_MENU: MenuItem[] = [
  { resource: 'debtors', icon: debtors.icon, roles: PERMISSIONS.read },
  { to: AGENDA_PATH, label: 'collections.menu.agenda', icon: AgendaIcon, roles: PERMISSIONS.read },
  { resource: 'collection-calls', icon: collectionCalls.icon, roles: PERMISSIONS.read },
  { to: SHEET_PATH, label: 'collections.menu.sheet', icon: SheetIcon, roles: PERMISSIONS.read },
];

/** Menu › Reportes (the dashboard is the home page). */
export const REPORTS_MENU: MenuItem[] = [
  { to: AGING_PATH, label: 'reports.menu.aging', icon: AgingIcon, roles: PERMISSIONS.reports },
];
