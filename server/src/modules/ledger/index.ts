// What other modules and the app may use of the ledger.
export {
  adjustmentsResource,
  applicationsResource,
  documentsResource,
  receiptsResource,
  valuesResource,
  withholdingsResource,
} from './ledger.resources';
export {
  adjustmentRoutes,
  applicationRoutes,
  customerLedgerRoutes,
  documentRoutes,
  receiptRoutes,
  valueRoutes,
} from './ledger.routes';
export { importDocuments } from './documents.import';
export { verifyLedger } from './verify';
