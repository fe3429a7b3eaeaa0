import type { Page } from '@playwright/test';
import { expect, login, makeCuit, menuLink, screenshot, test, uniqueSuffix, waitForNotification } from './fixtures';

async function pick(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('when a clerk creates a card issuer, then its plans are added and edited in place with a live financing example, and its contact too', async ({
  page,
}) => {
  const code = `K${uniqueSuffix()}`;
  await login(page, 'clerk');
  await menuLink(page, 'Tarjetas').click();
  await expect(page.getByRole('row', { name: /American Express Argentina S\.A\./ })).toBeVisible();
  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByRole('banner').getByText('Nueva tarjeta')).toBeVisible();
  await page.locator('input[name="code"]').fill(code);
  await page.locator('input[name="legalName"]').fill('Tarjeta del Litoral S.A.');
  await pick(page, 'Provincia', 'Santa Fe');
  await page.getByRole('tab', { name: 'Impositivos' }).click();
  await page.locator('input[name="taxId"]').fill(makeCuit('30'));
  await pick(page, 'Banco de acreditación', /Banco de la Nación Argentina/);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');
  await expect(page).toHaveURL(/#\/card-issuers\/\d+\/plans$/);

  // A plan: the example follows the coefficient and the installments as they are typed.
  await page.getByRole('button', { name: 'Agregar' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Nuevo plan')).toBeVisible();
  const example = dialog.getByTestId('financing-example');
  await expect(example).toHaveText('Ingrese las cuotas y el coeficiente (1 o más) para ver un ejemplo.');
  await dialog.locator('input[name="code"]').fill('Z3');
  await dialog.locator('input[name="name"]').fill('3 cuotas con recargo');
  await dialog.locator('input[name="installments"]').fill('3');
  await dialog.locator('input[name="surchargeCoefficient"]').fill('1,125');
  await expect(example).toHaveText('Ejemplo: $ 1.000,00 → $ 1.125,00 en 3 cuotas de $ 375,00 (recargo $ 125,00)');
  await dialog.locator('input[name="feePct"]').fill('2,5');
  await dialog.locator('input[name="settlementDays"]').fill('18');
  await dialog.locator('input[name="validFrom"]').fill('01012026');
  await expect(dialog.locator('input[name="validFrom"]')).toHaveValue('01/01/2026');
  await screenshot(page, 'card-plan-create');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row', { name: /3 cuotas con recargo/ });
  await expect(row).toContainText('1,1250');
  await expect(row).toContainText('2,50 %');
  await expect(row).toContainText('01/01/2026');

  // The same plan, edited: 6 installments at 1,2.
  await row.click();
  await expect(dialog.locator('input[name="surchargeCoefficient"]')).toHaveValue('1,125');
  await dialog.locator('input[name="installments"]').fill('6');
  await dialog.locator('input[name="surchargeCoefficient"]').fill('1,2');
  await dialog.locator('input[name="name"]').fill('6 cuotas con recargo');
  await expect(example).toHaveText('Ejemplo: $ 1.000,00 → $ 1.200,00 en 6 cuotas de $ 200,00 (recargo $ 200,00)');
  await screenshot(page, 'card-plan-edit');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cambios guardados');
  await expect(dialog).toHaveCount(0);
  const edited = page.getByRole('row', { name: /6 cuotas con recargo/ });
  await expect(edited).toContainText('1,2000');
  await expect(edited.locator('td.column-installments')).toHaveText('6');
  await screenshot(page, 'card-issuer-plans');

  // A contact of the issuer, inline as well.
  await page.getByRole('tab', { name: 'Contactos' }).click();
  await expect(page.getByText('Todavía no hay contactos.')).toBeVisible();
  await page.getByRole('button', { name: 'Agregar' }).click();
  await dialog.locator('input[name="name"]').fill('Julián Ferrari');
  await dialog.locator('input[name="position"]').fill('Atención a comercios');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('row', { name: /Julián Ferrari/ })).toContainText('Atención a comercios');

  // The plans screen lists it under its issuer.
  await menuLink(page, 'Planes de tarjeta').click();
  await page.getByRole('textbox', { name: 'Buscar' }).fill('6 cuotas con recargo');
  await expect(page.getByRole('row', { name: new RegExp(`${code} — Tarjeta del Litoral`) })).toContainText('1,2000');
  await screenshot(page, 'card-plans-list');
});
