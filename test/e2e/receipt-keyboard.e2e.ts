import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';
import { apiOf, createCustomer, day, postInvoice } from './ledger-support';

const paymentLine = (page: Page, index: number) => page.locator(`[data-payment-line="${index}"]`);

/** How many pixels of the focused field's box lie under the totals bar (0 when none). */
const hiddenUnderBar = (page: Page) =>
  page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const active = doc.activeElement;
    const bar = doc.querySelector('[data-totals-bar]');
    if (!active || !bar || bar.contains(active)) return 0;
    const field = active.closest('.MuiFormControl-root') ?? active;
    return Math.max(0, field.getBoundingClientRect().bottom - bar.getBoundingClientRect().top);
  });

test.use({ viewport: { width: 1366, height: 768 } });

test('when a clerk tabs through a long receipt at 768 px height, then the field being typed in is never under the totals bar', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Pantalla Baja Distribuciones S.A.');
  for (const offset of [60, 45, 30, 20, 10]) await postInvoice(api, customer.id, '1000.00', day(-offset), day(5 - offset));

  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  await expect(paymentLine(page, 0).getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('500');
  for (const key of ['Alt+KeyQ', 'Alt+KeyH', 'Alt+KeyT']) {
    await page.keyboard.press(key);
    expect(await hiddenUnderBar(page), `after ${key}`).toBe(0);
    await page.keyboard.type('100');
  }
  // Back to the top, then Tab through every field down the page.
  await page.getByRole('combobox', { name: 'Cliente' }).focus();
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page
      .locator('body')
      .evaluate((body) => body.ownerDocument.activeElement?.getAttribute('name') ?? body.ownerDocument.activeElement?.tagName);
    expect(await hiddenUnderBar(page), `field ${name} after ${i + 1} tabs`).toBe(0);
  }
});

test('when a clerk presses Alt+R with a cheque still missing its bank, then the cursor goes to that bank, not past it', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Atajo Retención S.R.L.', { province: 'AR-X' });
  await postInvoice(api, customer.id, '2000.00', day(-20), day(-5));

  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  await expect(paymentLine(page, 0).getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('1500');
  await page.keyboard.press('Alt+KeyQ');
  await expect(paymentLine(page, 1).getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('400');

  await page.keyboard.press('Alt+KeyR');
  await expect(page.locator('[data-withholding-line="0"]')).toBeVisible();
  await expect(paymentLine(page, 1).getByLabel('Banco')).toBeFocused();
  // Ingresos Brutos starts in the customer's province (Córdoba).
  await expect(page.locator('[data-withholding-line="0"]').getByRole('combobox', { name: 'Jurisdicción' })).toHaveValue(
    'Córdoba',
  );
});
