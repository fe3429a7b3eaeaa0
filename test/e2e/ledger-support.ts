import type { Page } from '@playwright/test';
import { addDays, today } from '../../server/src/lib/dates';

/**
 * The ledger's browser tests build what they need through the API, as the
 * logged-in user of the page (same session cookie, CSRF token from its cookie):
 * a customer of their own and its invoices, so tests running in parallel never
 * share a customer.
 */
export interface Api {
  get: <T = Record<string, unknown>>(path: string) => Promise<T>;
  post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) => Promise<T>;
}

export async function apiOf(page: Page): Promise<Api> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'ctacte_csrf')?.value ?? '';
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await page.request.fetch(path, {
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept-Language': 'es', ...headers },
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
  };
}

/** A valid CUIT with the given prefix (check digit computed; r = 1 is never issued, so those are skipped). */
export function makeCuit(prefix = '30'): string {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const body = `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const r = body.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11;
    if (r === 1) continue;
    return `${body}${r === 0 ? 0 : 11 - r}`;
  }
}

let sequence = 0;
/** A document number no parallel test will take (the API refuses a repeated one). */
export const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 99_999_998);

export interface TestCustomer {
  id: number;
  code: string;
  legalName: string;
  taxId: string;
}

export async function createCustomer(
  api: Api,
  legalName: string,
  overrides: Record<string, unknown> = {},
): Promise<TestCustomer> {
  const code = `E2E${Date.now().toString(36).toUpperCase()}${(sequence += 1)}`;
  return api.post<TestCustomer>('/api/customers', {
    code,
    legalName,
    ivaCondition: 1,
    taxIdType: 'CUIT',
    taxId: makeCuit('30'),
    street: 'Av. San Martín 1450',
    city: 'Rosario',
    province: 'AR-S',
    postalCode: 'S2000',
    ...overrides,
  });
}

export interface TestDocument {
  id: number;
  displayNumber: string;
  total: string;
  openAmount: string;
}

export async function postInvoice(
  api: Api,
  customerId: number,
  total: string,
  issueDate: string,
  dueDate?: string,
): Promise<TestDocument> {
  return api.post<TestDocument>('/api/documents', {
    customerId,
    type: 'FAC',
    letter: 'A',
    pointOfSale: 3,
    number: uniqueNumber(),
    issueDate,
    dueDate,
    total,
  });
}

/** A calendar day relative to today, as the API writes it. */
export function day(offset = 0): string {
  // Argentina's date, as the server and the browser (timezoneId) see it, not the test machine's.
  return addDays(today(), offset);
}

/** The same day as a clerk types it. */
export const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
