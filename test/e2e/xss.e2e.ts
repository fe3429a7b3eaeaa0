import type { Page } from '@playwright/test';
import { test, expect, login, screenshot, uniqueSuffix } from './fixtures';
import { apiOf, createCustomer, day, uniqueNumber } from './ledger-support';

/**
 * Text that reaches the browser is data. A customer, a contact, a call note and
 * a document note holding markup are shown as the characters they are on every
 * list, show page, print view and the dashboard: no element is created from
 * them, no script runs, no dialog opens. Works in the second demo company, so
 * its figures disturb no other test.
 */
const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';

async function expectInert(page: Page, what: string): Promise<void> {
  await expect(page.getByText(IMG).first(), `${what}: the <img> markup shows as text`).toBeVisible();
  expect(await page.locator('img[src="x"]').count(), `${what}: no <img> element was made`).toBe(0);
  expect(
    await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss),
    `${what}: no script ran`,
  ).toBeUndefined();
}

test('when names and notes hold <img onerror> and <script>, then lists, show pages, print views and the dashboard render them as text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await login(page, 'admin2');
  const api = await apiOf(page);
  const tag = uniqueSuffix();
  const customer = await createCustomer(api, `Hostil ${tag} ${IMG} ${SCRIPT}`, {
    tradeName: `Fantasía ${IMG}`,
    notes: `Nota ${SCRIPT} ${IMG}`,
  });
  await api.post('/api/contacts', {
    customerId: customer.id,
    name: `Contacto ${IMG}`,
    position: SCRIPT,
    isCollectionsContact: true,
  });
  const invoice = await api.post<{ id: number }>('/api/documents', {
    customerId: customer.id,
    type: 'FAC',
    letter: 'A',
    pointOfSale: 3,
    number: uniqueNumber(),
    issueDate: day(-60),
    dueDate: day(-30),
    total: '987654321.00',
    notes: `Remito ${IMG} ${SCRIPT}`,
  });
  const receipt = await api.post<{ id: number }>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    notes: `Recibo ${IMG} ${SCRIPT}`,
    payments: [{ method: 'cash', amount: '1000.00' }],
    applications: [{ documentId: invoice.id, amount: '1000.00' }],
  });
  await api.post('/api/collection-calls', {
    customerId: customer.id,
    channel: 'phone',
    outcome: 'callback',
    response: `Llamada ${IMG} ${SCRIPT}`,
  });

  const views: Array<[string, string]> = [
    ['customer list', `/#/customers?filter=${encodeURIComponent(JSON.stringify({ q: customer.code }))}`],
    ['customer show', `/#/customers/${customer.id}/show`],
    ['customer contacts', `/#/customers/${customer.id}/show/contacts`],
    ['customer account', `/#/customers/${customer.id}/show/account`],
    ['customer collections', `/#/customers/${customer.id}/show/collections`],
    ['contact list', `/#/contacts?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`],
    ['document list', `/#/documents?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`],
    ['document show', `/#/documents/${invoice.id}/show`],
    ['receipt show', `/#/receipts/${receipt.id}/show`],
    ['call list', `/#/collection-calls?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`],
    ['debtor list', `/#/debtors?filter=${encodeURIComponent(JSON.stringify({ q: customer.code }))}`],
    ['receipt print', `/#/receipts/${receipt.id}/print`],
    ['statement print', `/#/customers/${customer.id}/statement/print`],
    ['dashboard', '/#/'],
  ];
  for (const [what, url] of views) {
    await page.goto(url);
    // The home page was first shown at login, before these rows existed: load its figures afresh.
    if (what === 'dashboard') await page.reload();
    await expectInert(page, what);
    if (what === 'customer show' || what === 'dashboard' || what === 'receipt print')
      await screenshot(page, `xss-${what.replace(/ /g, '-')}`);
  }
  expect(dialogs, 'no dialog opened').toEqual([]);
});
