import type { Dialog, Page } from '@playwright/test';
import { expect, login, menuLink, test } from './fixtures';
import { apiOf, createCustomer, day, postInvoice } from './ledger-support';

const UNSAVED = /cambios sin guardar/i;

async function pickCustomer(page: Page, code: string) {
  await page.getByRole('combobox', { name: 'Cliente' }).fill(code);
  await page.getByRole('option', { name: new RegExp(code) }).click();
}

/** Answers the next browser dialog (confirm or beforeunload) and returns its type and text. */
function nextDialog(page: Page, accept: boolean): Promise<{ type: string; message: string }> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog: Dialog) => {
      const seen = { type: dialog.type(), message: dialog.message() };
      void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(seen));
    });
  });
}

test('when a clerk leaves a half-entered receipt by the menu or a reload, then the page warns first and offers the receipt back', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Borrador Materiales S.R.L.');
  await postInvoice(api, customer.id, '5000.00', day(-10), day(5));

  await menuLink(page, 'Nuevo recibo').click();
  await pickCustomer(page, customer.code);
  await expect(page.locator('[data-payment-line="0"]').getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('1234,50');

  // A menu click asks first; staying keeps what was typed.
  const stay = nextDialog(page, false);
  await menuLink(page, 'Recibos').click();
  expect((await stay).message).toMatch(UNSAVED);
  await expect(page).toHaveURL(/#\/receipts\/create$/);
  await expect(page.locator('[data-payment-line="0"]').getByLabel('Importe')).toHaveValue('1.234,50');

  // A reload asks too (beforeunload); leaving anyway keeps the receipt as a draft of this user.
  const leave = nextDialog(page, true);
  await page.reload();
  expect((await leave).type).toBe('beforeunload');
  const offer = page.locator('[data-draft-offer]');
  await expect(offer).toContainText('Hay un recibo a medio cargar');
  await offer.getByRole('button', { name: 'Recuperarlo' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toHaveValue(new RegExp(customer.code));
  await expect(page.locator('[data-payment-line="0"]').getByLabel('Importe')).toHaveValue('1.234,50');

  // Another user of the same company is not offered this clerk's draft.
  await page.context().clearCookies();
  await login(page, 'supervisor');
  await page.goto('/#/receipts/create');
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toBeVisible();
  await expect(page.locator('[data-draft-offer]')).toHaveCount(0);
});

test('when a supervisor leaves a half-filled customer form by the menu, then the page asks before throwing it away', async ({
  page,
}) => {
  await login(page, 'supervisor');
  await page.goto('/#/customers/create');
  await page.getByLabel('Razón social').fill('Cliente a medio cargar');
  const seen = nextDialog(page, false);
  await menuLink(page, 'Recibos').click();
  expect((await seen).message).toMatch(UNSAVED);
  await expect(page).toHaveURL(/#\/customers\/create/);
  await expect(page.getByLabel('Razón social')).toHaveValue('Cliente a medio cargar');
});

test('when a clerk leaves Imputar with a customer chosen, then the page asks first', async ({ page }) => {
  await login(page, 'clerk');
  const customer = await createCustomer(await apiOf(page), 'Aviso Antes De Salir S.A.');
  await menuLink(page, 'Imputar').click();
  await pickCustomer(page, customer.code);
  const seen = nextDialog(page, false);
  await menuLink(page, 'Recibos').click();
  expect((await seen).message).toMatch(UNSAVED);
  await expect(page).toHaveURL(/#\/applications\/create/);
});
