// What other modules and the app may use of the ledger.
export {
  adjustmentsResource,
  applicationsResource,
  depositSlipsResource,
  documentsResource,
  receiptsResource,
  valuesResource,
  withholdingsResource,
} from './ledger.resources';
export {
  adjustmentRoutes,
  applicationRoutes,
  customerLedgerRoutes,
  depositSlipRoutes,
  documentRoutes,
  receiptRoutes,
  valueRoutes,
} from './ledger.routes';
export { importDocuments } from './documents.import';
export { verifyLedger } from './verify';
export { interestRatesResource, interestRunsRouter } from './interest.routes';
export { withholdingRoutes } from './withholdings.routes';
