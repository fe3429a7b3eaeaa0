import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './httpClient';

export const API_URL = '/api';

/**
 * Resources that are one record per company, read and written at `/api/<name>`
 * without an id (company settings). react-admin still addresses them by id.
 */
const SINGLETONS = new Set(['company']);

const base = simpleRestProvider(API_URL, httpClient);

/** `GET /api/customers/:id/credit-status`: what billing asks before selling on account. */
export interface CreditStatus {
  customerId: number;
  status: string;
  currency: 'ARS' | 'USD';
  balance: string;
  overdue: string;
  creditLimit: string | null;
  available: string | null;
  oldestDueDate: string | null;
  daysOverdue: number;
  toleranceDays: number;
  allowed: boolean;
  reasons: Array<{ code: string; message: string }>;
}

/** simple-rest plus the API's custom endpoints, reached through `useDataProvider<AppDataProvider>()`. */
export interface AppDataProvider extends DataProvider {
  customerCreditStatus: (id: number | string) => Promise<CreditStatus>;
}

export const dataProvider: AppDataProvider = {
  ...base,
  getOne: (resource, params) =>
    SINGLETONS.has(resource)
      ? httpClient(`${API_URL}/${resource}`, { signal: params.signal }).then(({ json }) => ({ data: json }))
      : base.getOne(resource, params),
  update: (resource, params) =>
    SINGLETONS.has(resource)
      ? httpClient(`${API_URL}/${resource}`, { method: 'PUT', body: JSON.stringify(params.data) }).then(({ json }) => ({
          data: json,
        }))
      : base.update(resource, params),
  customerCreditStatus: (id) =>
    httpClient(`${API_URL}/customers/${encodeURIComponent(String(id))}/credit-status`).then(({ json }) => json as CreditStatus),
};
