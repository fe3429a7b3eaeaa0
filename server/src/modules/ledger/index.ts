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
export { cardBatchesResource, cardCouponsResource, cardSettlementsResource, COUPON_STATES } from './cards.resources';
export { cardBatchRoutes, cardSettlementRoutes } from './cards.routes';
export { pendingCouponsByIssuer } from './card-settlements.service';
export { DEFAULT_DUE_DAYS, MAX_DUE_DAYS, STALE_DAYS } from './value-alerts';
export { interestRatesResource, interestRunsRouter } from './interest.routes';
export { withholdingRoutes } from './withholdings.routes';
export { billingRequestsRouter } from './billing-requests.routes';
