import { Route } from 'react-router-dom';
import { lazyPage } from '../common/lazyPage';

export const AGENDA_PATH = '/agenda';
export const SHEET_PATH = '/collection-sheets';
export const AGING_PATH = '/reports/aging';

const AgendaPage = lazyPage(() => import('../agenda/AgendaPage'));
const CollectionSheetPage = lazyPage(() => import('../collection-sheets/CollectionSheetPage'));
const CollectionSheetResults = lazyPage(() => import('../collection-sheets/CollectionSheetResults'));
const CollectionSheetPrint = lazyPage(() => import('../collection-sheets/CollectionSheetPrint'));
const AgingPage = lazyPage(() => import('../reports/AgingPage'));

/** The collections and reports pages inside the layout, each loaded on first use (the aging brings its chart library). */
export const COLLECTIONS_ROUTES = [
  <Route key="agenda" path={AGENDA_PATH} element={<AgendaPage />} />,
  <Route key="collection-sheet" path={SHEET_PATH} element={<CollectionSheetPage />} />,
  <Route key="collection-sheet-results" path={`${SHEET_PATH}/results`} element={<CollectionSheetResults />} />,
  <Route key="aging" path={AGING_PATH} element={<AgingPage />} />,
];

/** Printable pages: outside the layout (no menu on paper). */
export const COLLECTIONS_PRINT_ROUTES = [
  <Route key="collection-sheet-print" path={`${SHEET_PATH}/print`} element={<CollectionSheetPrint />} />,
];
