/** The values cash-flow's page (its API is /api/reports/values-cashflow). */
export const CASHFLOW_PATH = '/reports/values-cashflow';
