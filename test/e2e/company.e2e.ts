import { expect, login, screenshot, test, waitForNotification } from './fixtures';

test('when the admin opens the company from the app bar, then the settings show Argentine formats, a wrong CUIT is refused and a change is saved', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByRole('banner').getByRole('link', { name: 'Distribuidora del Plata S.A.' }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Datos de la empresa' })).toBeVisible();
  const cuit = page.locator('input[name="taxId"]');
  await expect(cuit).toHaveValue('30-71234567-1');
  await expect(page.getByRole('combobox', { name: 'Provincia' })).toHaveValue('Ciudad Autónoma de Buenos Aires');

  // Typed without dashes, shown with them; a wrong check digit is named before the server is asked.
  await cuit.fill('30712345672');
  await expect(cuit).toHaveValue('30-71234567-2');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('.ra-input-taxId')).toContainText('Dígito verificador inválido; debería ser 1');
  await screenshot(page, 'company-invalid-cuit');

  await cuit.fill('30-71234567-1');
  const phone = `011 4321-${String(Date.now()).slice(-4)}`;
  await page.locator('input[name="phone"]').fill(phone);
  // Dates are typed (or picked) as dd/mm/aaaa whatever the browser's language.
  await page.locator('input[name="lockDate"]').fill('31122020');
  await expect(page.locator('input[name="lockDate"]')).toHaveValue('31/12/2020');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cambios guardados');
  await screenshot(page, 'company-admin');

  await page.reload();
  await expect(page.locator('input[name="phone"]')).toHaveValue(phone);
  await expect(page.locator('input[name="lockDate"]')).toHaveValue('31/12/2020');
  await expect(cuit).toHaveValue('30-71234567-1');
});

test('when a clerk opens the company, then the settings are read-only and formatted', async ({ page }) => {
  await login(page, 'clerk');
  await page.getByRole('banner').getByRole('link', { name: 'Distribuidora del Plata S.A.' }).click();
  await expect(page.getByText('Solo un administrador puede modificar estos datos.')).toBeVisible();
  await expect(page.getByText('30-71234567-1')).toBeVisible();
  await expect(page.getByText('Ciudad Autónoma de Buenos Aires').first()).toBeVisible();
  await expect(page.getByText('15 días')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Guardar' })).toHaveCount(0);
  await expect(page.locator('input')).toHaveCount(0);
  await screenshot(page, 'company-clerk');
});
