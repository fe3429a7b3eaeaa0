import { request, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { DEMO_PASSWORD, SCREENSHOTS, expect, login, uniqueSuffix } from './fixtures';
import { apiOf, createCustomer, day, postInvoice, type Api, type TestCustomer } from './ledger-support';

/**
 * The collections tests each work with a collector of their own (created by the
 * admin, who keeps the reference tables), so the debtors filtered by it and its
 * collection sheet hold only what the test made.
 */
export async function createCollector(baseURL: string, name: string): Promise<{ id: number; code: string; name: string }> {
  const admin = await request.newContext({ baseURL });
  try {
    const login = await admin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`admin login: ${login.status()}`);
    const csrf = (await admin.storageState()).cookies.find((c) => c.name === 'ctacte_csrf')?.value ?? '';
    const code = `E${uniqueSuffix()}`.slice(0, 10);
    const res = await admin.post('/api/collectors', {
      data: { code, name, zone: 'Zona Oeste', phone: '+54 9 11 4000-1234' },
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf), 'Accept-Language': 'es' },
    });
    if (!res.ok()) throw new Error(`POST /api/collectors: ${res.status()} ${await res.text()}`);
    return (await res.json()) as { id: number; code: string; name: string };
  } finally {
    await admin.dispose();
  }
}

/** A collector of the test's own, then the user logged in with the API at hand. */
export async function startAs(
  page: Page,
  baseURL: string,
  username: string,
  collectorName = 'Cobrador',
): Promise<{ api: Api; collector: { id: number; code: string; name: string } }> {
  const collector = await createCollector(baseURL, `${collectorName} ${uniqueSuffix()}`);
  await login(page, username);
  return { api: await apiOf(page), collector };
}

export interface Debtor extends TestCustomer {
  contactId: number;
  branchId: number;
}

/**
 * A customer who owes, with a collections contact (and another contact, listed
 * after it), a branch to visit and overdue invoices.
 */
export async function createDebtor(
  api: Api,
  legalName: string,
  collectorId: number,
  invoices: Array<{ total: string; issue: number; due: number }> = [{ total: '250000.00', issue: -75, due: -45 }],
): Promise<Debtor> {
  const customer = await createCustomer(api, legalName, { collectorId, phone: '011 4555-0101' });
  await api.post('/api/contacts', {
    customerId: customer.id,
    name: 'Aníbal Compras',
    position: 'Compras',
    phone: '011 4555-0102',
  });
  const contact = await api.post<{ id: number }>('/api/contacts', {
    customerId: customer.id,
    name: 'Marta Tesorería',
    position: 'Tesorería',
    mobile: '+54 9 11 6000-7788',
    isCollectionsContact: true,
  });
  const branch = await api.post<{ id: number }>('/api/branches', {
    customerId: customer.id,
    code: 'DEP',
    name: 'Depósito',
    street: 'Calle 12 Nº 345',
    city: 'Quilmes',
    province: 'AR-B',
    postalCode: 'B1878',
  });
  for (const inv of invoices) await postInvoice(api, customer.id, inv.total, day(inv.issue), day(inv.due));
  return { ...customer, contactId: contact.id, branchId: branch.id };
}

/** A MUI select (react-admin SelectInput) by its label, set to the option named (exactly, unless a pattern). */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** A dialog alone, as it shows over the page (a full-page shot would be the long list behind it). */
export async function screenshotOf(element: Locator, name: string): Promise<void> {
  await element.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * What a picker shows: a select's text, or a type-ahead's value (a list of more than eight
 * options, such as the collectors once the tests have made a few, is a type-ahead).
 */
export async function pickerText(picker: Locator): Promise<string> {
  return (await picker.inputValue().catch(() => picker.textContent())) ?? '';
}
