import fs from 'node:fs';
import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';

const DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

test('when the admin renames a segment level, then the audit log shows the change field by field and exports it as CSV', async ({
  page,
}) => {
  await login(page, 'admin');
  await sidebar(page).getByRole('menuitem', { name: 'Niveles de segmento' }).click();
  await expect(page.getByRole('row')).toHaveCount(5);
  await screenshot(page, 'segment-levels');
  await page.locator('tbody tr').nth(3).click();
  const name = page.locator('input[name="name"]');
  await expect(name).not.toHaveValue('');
  const before = await name.inputValue();
  const after = `Grupo económico ${Date.now().toString(36)}`;
  await name.fill(after);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cambios guardados');
  await expect(page.getByRole('row', { name: new RegExp(after) })).toBeVisible();

  await sidebar(page).getByRole('menuitem', { name: 'Auditoría' }).click();
  await page.getByRole('button', { name: 'Agregar filtro' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Entidad' }).click();
  await page.getByRole('combobox', { name: 'Entidad' }).click();
  await page.getByRole('option', { name: 'Nivel de segmento', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Entidad' })).toHaveValue('Nivel de segmento');
  const exportLink = page.getByRole('link', { name: 'Exportar' });
  await expect(exportLink).toHaveAttribute('href', /segment_levels/);
  await expect(page.locator('tbody tr', { hasNotText: 'Nivel de segmento' })).toHaveCount(0);
  const row = page.locator('tbody tr').first();
  await expect(row).toContainText('Nivel de segmento');
  await expect(row).toContainText('Modificación');
  await expect(row.locator('td.column-at')).toHaveText(DATE_TIME);
  await screenshot(page, 'audit-list');

  const href = new URL((await exportLink.getAttribute('href'))!, 'http://x');
  expect(href.pathname).toBe('/api/audit-events/export.csv');
  expect(JSON.parse(href.searchParams.get('filter')!)).toEqual({ entity: 'segment_levels' });
  expect(JSON.parse(href.searchParams.get('sort')!)).toEqual(['id', 'DESC']);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toBe('audit-events.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\ufeff')).toBe(true);
  expect(csv.split(/\r?\n/)[0]).toContain(';');
  expect(csv).toContain('segment_levels');

  await row.click();
  const changes = page.getByRole('table').first();
  const nameRow = changes.getByRole('row', { name: /Nombre/ });
  await expect(nameRow.getByRole('cell').nth(1)).toHaveText(before);
  await expect(nameRow.getByRole('cell').nth(2)).toHaveText(after);
  await expect(page.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/).first()).toBeVisible();
  await screenshot(page, 'audit-show');
});

test('when the supervisor opens the audit log, then logins are listed with Argentine dates and translated actions', async ({
  page,
}) => {
  await login(page, 'supervisor');
  await sidebar(page).getByRole('menuitem', { name: 'Auditoría' }).click();
  const first = page.locator('tbody tr', { hasText: 'supervisor' }).filter({ hasText: 'Inicio de sesión' }).first();
  await expect(first).toBeVisible();
  await expect(first.locator('td.column-at')).toHaveText(DATE_TIME);
  await expect(page.getByRole('link', { name: 'Crear' })).toHaveCount(0);

  // "Hasta" a day in the past leaves nothing; the filter travels as an instant.
  // A click while the menu still animates open can be lost: open the menu again until the filter shows.
  const until = page.locator('input[name="at_lte"]');
  await expect(async () => {
    if (await until.isVisible()) return;
    await page.getByRole('button', { name: 'Agregar filtro' }).click({ timeout: 5000 });
    await page.getByRole('menuitemcheckbox', { name: 'Hasta' }).click({ timeout: 5000 });
    await until.waitFor({ state: 'visible', timeout: 5000 });
  }).toPass({ timeout: 45_000 });
  await until.fill('01/01/2020');
  await expect(page.getByText('No hay resultados con los filtros actuales.')).toBeVisible();
  const href = await page.getByRole('link', { name: 'Exportar' }).getAttribute('href');
  expect(JSON.parse(new URL(href!, 'http://x').searchParams.get('filter')!)).toEqual({ at_lte: '2020-01-02T02:59:59.999Z' });
  await screenshot(page, 'audit-empty-filter');
  await page
    .getByRole('button', { name: 'Quitar todos los filtros' })
    .or(page.getByRole('button', { name: 'Quitar los filtros' }))
    .first()
    .click();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByText('Este evento no registra datos.')).toBeVisible();
});
