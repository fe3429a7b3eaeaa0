/**
 * The API's custom endpoints (beyond simple-rest), for every area: one `url`
 * builder and one `get`/`send` pair over the same httpClient as the dataProvider
 * (session cookie, CSRF token, Accept-Language), each failure an HttpError whose
 * message is the server's, its amounts written as money ("$ 100.000,00").
 */
import { HttpError, useGetIdentity, useGetOne } from 'react-admin';
import { formatMoney } from '../common/money';
import { API_URL } from './dataProvider';
import { httpClient } from './httpClient';
import type { Identity } from '../auth/authProvider';
import type { Company } from '../ledger/types';

/** `/api<path>?<query>`, empty values left out. */
export const url = (path: string, query?: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const search = params.toString();
  return `${API_URL}${path}${search ? `?${search}` : ''}`;
};

/**
 * The server writes amounts in its sentences as the API does ("supera el límite
 * de crédito (100000.00)"); people read them as money ("$ 100.000,00").
 */
export const moneyInMessage = (text: string): string =>
  text.replace(/(?<![\d.,$])-?\d+\.\d{2}(?![\d.])/g, (amount) => formatMoney(amount));

function readable(error: unknown): unknown {
  return error instanceof HttpError ? new HttpError(moneyInMessage(error.message), error.status, error.body) : error;
}

export const get = <T>(path: string, query?: Record<string, string | undefined>) =>
  httpClient(url(path, query)).then(
    ({ json }) => json as T,
    (error) => Promise.reject(readable(error)),
  );

export const send = <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, headers?: Record<string, string>) =>
  httpClient(url(path), { method, body: JSON.stringify(body ?? {}), headers: new Headers(headers) }).then(
    ({ json }) => json as T,
    (error) => Promise.reject(readable(error)),
  );

/**
 * The company's settings, read one way everywhere: react-admin's `company`
 * singleton, so the settings page and the screens that print the company's name
 * share one cached record (and a save there shows everywhere).
 */
export function useCompany() {
  const { identity } = useGetIdentity();
  const id = (identity as Identity | undefined)?.companyId;
  return useGetOne<Company & { id: number }>('company', { id: id! }, { enabled: !!id, staleTime: 300_000 });
}
