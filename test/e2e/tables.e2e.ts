import {
  api,
  expect,
  login,
  createLink,
  menuLink,
  screenshot,
  sidebar,
  test,
  uniqueSuffix,
  waitForNotification,
} from './fixtures';

test('when the admin keeps the reference tables, then a collector, a segment on the open level tab and an exchange rate are created with Argentine formats', async ({
  page,
}) => {
  await login(page, 'admin');
  const levels = await api(page).get<Array<{ level: number; name: string }>>('/api/segment-levels');
  const rubro = levels.find((l) => l.level === 2)!.name;
  const code = `Z${uniqueSuffix()}`.slice(0, 8);

  await sidebar(page).getByRole('menuitem', { name: 'Tablas' }).click();
  for (const table of [
    'Condiciones de pago',
    'Vendedores',
    'Cobradores',
    'Listas de precios',
    'Transportes',
    'Segmentos',
    'Bancos',
    'Cotizaciones',
  ])
    await expect(menuLink(page, table)).toBeVisible();
  await screenshot(page, 'tables-menu');

  await menuLink(page, 'Cobradores').click();
  await createLink(page, 'collectors').click();
  await expect(page.getByRole('banner').getByText('Nuevo cobrador')).toBeVisible();
  await page.locator('input[name="code"]').fill(code);
  await page.locator('input[name="name"]').fill('Leandro Gómez');
  await page.locator('input[name="zone"]').fill('Zona Oeste');
  await page.locator('input[name="email"]').fill('leandro.gomez');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('.ra-input-email')).toContainText('Debe ser un correo electrónico válido');
  await page.locator('input[name="email"]').fill('lgomez@delplata.com.ar');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');
  await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText('Zona Oeste');

  // Segments by level, each tab titled with the company's name for it; a new one starts on the open tab.
  await menuLink(page, 'Segmentos').click();
  await page.getByRole('tab', { name: new RegExp(`^${rubro} \\(\\d+\\)$`) }).click();
  await expect(page).toHaveURL(/level%22%3A2|"level":2/);
  await screenshot(page, 'segments-by-level');
  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByRole('combobox', { name: /Nivel/ })).toHaveText(rubro);
  await page.locator('input[name="code"]').fill(code);
  await page.locator('input[name="name"]').fill('Bazar y regalería');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');
  await expect(page.getByRole('tab', { name: new RegExp(`^${rubro}`), selected: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${code} Bazar y regalería`) })).toBeVisible();

  // An exchange rate typed with a decimal comma, shown with it.
  await menuLink(page, 'Cotizaciones').click();
  await createLink(page, 'exchange-rates').click();
  await page.getByRole('combobox', { name: /Moneda/ }).click();
  await page.getByRole('option', { name: 'Dólares (USD)' }).click();
  // A day of its own on every run (rates are unique per currency and day), after the demo's, so it lists first.
  const day = new Date(Date.UTC(2028, 0, 1) + Math.floor(Math.random() * 2000) * 86_400_000);
  const shown = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
  await page.locator('input[name="date"]').fill(shown);
  await page.locator('input[name="rate"]').fill('215,4375');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');
  await page.getByRole('button', { name: 'Agregar filtro' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Moneda' }).click();
  await page.getByRole('combobox', { name: 'Moneda' }).click();
  await page.getByRole('option', { name: 'Dólares (USD)' }).click();
  await expect(page.locator('tbody tr', { hasNotText: 'Dólares (USD)' })).toHaveCount(0);
  const rate = page.getByRole('row', { name: new RegExp(shown) });
  await expect(rate).toContainText('215,4375');
  await screenshot(page, 'exchange-rates');
});

test('when a clerk opens a reference table, then it is listed but not editable', async ({ page }) => {
  await login(page, 'clerk');
  await sidebar(page).getByRole('menuitem', { name: 'Tablas' }).click();
  await menuLink(page, 'Condiciones de pago').click();
  await expect(page.getByRole('row', { name: /30 días fecha factura/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Crear' })).toHaveCount(0);
  await page.getByRole('row', { name: /30 días fecha factura/ }).click();
  await expect(page).toHaveURL(/#\/payment-terms(\?.*)?$/);
  await expect(page.locator('input[name="name"]')).toHaveCount(0);
});
