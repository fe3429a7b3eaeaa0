import { Route } from 'react-router-dom';
import { lazyPage } from '../common/lazyPage';
import { CASHFLOW_PATH } from './cashflowPath';

const ValuesCashflowPage = lazyPage(() => import('./ValuesCashflowPage'));

/** Tesorería's own pages inside the layout, each loaded on first use. */
export const TREASURY_ROUTES = [<Route key="values-cashflow" path={CASHFLOW_PATH} element={<ValuesCashflowPage />} />];
