import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, GetListResult } from 'react-admin';
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

/** How long a list asked for at start waits for the page that asks for it. */
const EARLY_LIST_MS = 10_000;

type ListParams = Pick<GetListParams, 'pagination' | 'sort' | 'filter' | 'meta'>;
const listKey = (resource: string, { pagination, sort, filter, meta }: ListParams) =>
  JSON.stringify([resource, pagination?.page, pagination?.perPage, sort?.field, sort?.order, filter ?? {}, meta ?? null]);
const earlyLists = new Map<string, Promise<GetListResult>>();

/**
 * Asks for a list before the page that shows it has rendered (the first screen, data/startRequests.ts);
 * the first getList with the same parameters takes that answer instead of asking again. Not taken
 * within a few seconds (another page, no access), it is dropped.
 */
export function prefetchList(resource: string, params: ListParams): void {
  const key = listKey(resource, params);
  const answer = base.getList(resource, params);
  // An answer nobody takes (or a failure, which the page's own request would meet again) stays quiet.
  answer.catch(() => undefined);
  earlyLists.set(key, answer);
  setTimeout(() => {
    if (earlyLists.get(key) === answer) earlyLists.delete(key);
  }, EARLY_LIST_MS);
}

export const dataProvider: AppDataProvider = {
  ...base,
  getList: (resource, params) => {
    const key = listKey(resource, params);
    const early = earlyLists.get(key);
    if (!early) return base.getList(resource, params);
    earlyLists.delete(key);
    return early;
  },
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
