import { Route } from 'react-router-dom';
import { lazyPage } from '../common/lazyPage';

const ReceiptPrint = lazyPage(() => import('../receipts/print/ReceiptPrint'));
const StatementPrint = lazyPage(() => import('./StatementPrint'));

/** The ledger's printable pages: outside the layout (no menu on paper), loaded on first use. */
export const LEDGER_PRINT_ROUTES = [
  <Route key="receipt-print" path="/receipts/:id/print" element={<ReceiptPrint />} />,
  <Route key="statement-print" path="/customers/:id/statement/print" element={<StatementPrint />} />,
];
