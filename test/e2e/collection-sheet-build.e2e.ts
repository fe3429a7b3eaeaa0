import type { Page } from '@playwright/test';
import { expect, menuLink, screenshot, test, waitForNotification } from './fixtures';
import { day, typed } from './ledger-support';
import { choose, createDebtor, pickerText, startAs } from './collections-support';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;

const stopCodes = (page: Page) =>
  page.locator('[data-visit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-visit')));

test('when a supervisor puts debtors on a collector’s sheet from the debtors list and by customer, reorders it from the keyboard, removes one and prints it, then the sheet keeps that route', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor', 'Ruta');
  const debt = (total: string) => [{ total, issue: -60, due: -30 }];
  const north = await createDebtor(api, 'Ferretería Norte S.R.L.', collector.id, debt('120000.00'));
  const south = await createDebtor(api, 'Almacén Sur', collector.id, debt('80000.00'));
  const centre = await createDebtor(api, 'Kiosco Centro', collector.id, debt('40000.00'));
  const west = await createDebtor(api, 'Bar Oeste', collector.id, debt('20000.00'));
  const { date: nextDay } = await api.get<{ date: string }>(`/api/holidays/next-working-day?after=${day(0)}`);

  await menuLink(page, 'Deudores').click();
  await page.getByTestId('debtor-filters').getByRole('button', { name: collector.name }).click();
  await expect(page.locator('tbody tr')).toHaveCount(4);
  for (const d of [north, south, centre]) await page.locator('tbody tr', { hasText: d.code }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Agregar a la hoja de …' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Agregar 3 deudores a una hoja de cobranzas');
  // The collector the list is filtered by, and the next working day.
  await expect.poll(() => pickerText(dialog.getByRole('combobox', { name: 'Cobrador' }))).toContain(collector.name);
  await expect(dialog.getByLabel('Fecha')).toHaveValue(typed(nextDay));
  await dialog.getByRole('button', { name: 'Agregar' }).click();
  await waitForNotification(page, 'Se agregaron 3 clientes a la hoja');
  await expect(page).toHaveURL(new RegExp(`collection-sheets\\?collectorId=${collector.id}`));
  await expect(page.locator('[data-visit]')).toHaveCount(3);
  expect(await stopCodes(page)).toEqual([north.code, south.code, centre.code]);

  // One more, by customer, on the sheet itself.
  await page.getByRole('combobox', { name: 'Agregar cliente a la hoja' }).fill(west.code);
  await page.getByRole('option', { name: new RegExp(west.code) }).click();
  await page.getByRole('button', { name: 'Agregar', exact: true }).click();
  await waitForNotification(page, 'Se agregó 1 cliente a la hoja');
  await expect(page.locator('[data-visit]')).toHaveCount(4);

  // Ferretería Norte goes last, from the keyboard: the cursor stays on the row that moves.
  await page.getByRole('button', { name: 'Bajar a Ferretería Norte S.R.L. en el recorrido' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => stopCodes(page)).toEqual([south.code, north.code, centre.code, west.code]);
  await expect(page.getByRole('button', { name: 'Bajar a Ferretería Norte S.R.L. en el recorrido' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => stopCodes(page)).toEqual([south.code, centre.code, north.code, west.code]);
  await page.keyboard.press('Enter');
  await expect.poll(() => stopCodes(page)).toEqual([south.code, centre.code, west.code, north.code]);
  // At the bottom the cursor goes to "Subir" (Bajar is disabled there).
  await expect(page.getByRole('button', { name: 'Subir a Ferretería Norte S.R.L. en el recorrido' })).toBeFocused();
  await page.getByRole('button', { name: 'Subir a Bar Oeste en el recorrido' }).click();
  await expect.poll(() => stopCodes(page)).toEqual([south.code, west.code, centre.code, north.code]);

  await page.getByRole('button', { name: 'Quitar a Almacén Sur de la hoja' }).click();
  await waitForNotification(page, 'Se quitó a Almacén Sur de la hoja');
  await expect.poll(() => stopCodes(page)).toEqual([west.code, centre.code, north.code]);
  await expect(page.locator('[data-sheet-totals]')).toHaveText(
    `3 visitas · adeudado ${money('180.000,00')} · prometido ${money('0,00')}`,
  );
  await screenshot(page, 'collection-sheet-built');

  // A reload keeps the route; the printed sheet follows it.
  await page.reload();
  await expect.poll(() => stopCodes(page)).toEqual([west.code, centre.code, north.code]);
  await page.getByRole('link', { name: 'Imprimir' }).click();
  const sheet = page.locator('.print-sheet');
  await expect(sheet.locator('[data-print-visit]')).toHaveCount(3);
  expect(await sheet.locator('[data-print-visit]').evaluateAll((b) => b.map((x) => x.getAttribute('data-print-visit')))).toEqual([
    west.code,
    centre.code,
    north.code,
  ]);
  await expect(sheet.locator(`[data-print-visit="${north.code}"]`)).toContainText('Visita 3');
  await expect(sheet).toContainText(`Fecha: ${typed(nextDay)}`);
  await screenshot(page, 'collection-sheet-built-print');
});

test('when the supervisor records the round’s results on one screen, then cobró links the receipt, a promise becomes the debtor’s promise, and no estaba and rechazo show', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor', 'Resultados');
  const debt = [{ total: '90000.00', issue: -60, due: -30 }];
  const paid = await createDebtor(api, 'Pinturería El Sol', collector.id, debt);
  const away = await createDebtor(api, 'Librería La Luna', collector.id, debt);
  const promises = await createDebtor(api, 'Vivero Las Flores', collector.id, debt);
  const refuses = await createDebtor(api, 'Taller El Rayo', collector.id, debt);
  // Today's round, built through the API (building from the list is the test above).
  await api.post('/api/collection-sheets/stops', {
    collectorId: collector.id,
    date: day(0),
    customerIds: [paid.id, away.id, promises.id, refuses.id],
  });
  const receipt = await api.post<{ id: number; displayNumber: string }>('/api/receipts', {
    customerId: paid.id,
    issueDate: day(0),
    payments: [{ method: 'cash', amount: '45000.00' }],
    applications: [],
  });

  await page.goto(`/#/collection-sheets?collectorId=${collector.id}&date=${day(0)}`);
  await page.getByRole('link', { name: 'Registrar resultados' }).click();
  await expect(page.locator('#react-admin-title')).toHaveText(/^Resultados de la hoja de cobranzas/);
  const row = (code: string) => page.locator(`[data-visit="${code}"]`);
  await expect(page.locator('[data-results-count]')).toHaveText('0 de 4 paradas con resultado');

  // Cobró: the receipt of the day, chosen from the customer's.
  await row(paid.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await expect(row(paid.code).getByText('Obligatorio')).toBeVisible();
  await row(paid.code).getByLabel('Cobró').check();
  await expect(row(paid.code).getByRole('link', { name: 'Nuevo recibo' })).toHaveAttribute(
    'href',
    `#/receipts/create?customerId=${paid.id}`,
  );
  await choose(page, row(paid.code), 'Recibo', new RegExp(receipt.displayNumber));
  await row(paid.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await waitForNotification(page, 'Se registró el resultado de la visita a Pinturería El Sol');
  await expect(row(paid.code)).toContainText('Cobró');
  await expect(row(paid.code)).toContainText(money('45.000,00'));

  await row(away.code).getByLabel('No estaba').check();
  await row(away.code).getByLabel('Observaciones').fill('Cerrado por inventario');
  await row(away.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await expect(row(away.code)).toContainText('No estaba');

  await row(promises.code).getByLabel('Promesa de pago').check();
  await row(promises.code)
    .getByLabel('Fecha prometida')
    .fill(typed(day(7)));
  await row(promises.code).getByLabel('Importe prometido').fill('30000');
  await row(promises.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await expect(row(promises.code)).toContainText(`Promesa: ${money('30.000,00')} para el ${typed(day(7))}`);

  await row(refuses.code).getByLabel('Rechazo').check();
  await row(refuses.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await expect(row(refuses.code).getByText('Obligatorio')).toBeVisible();
  await row(refuses.code).getByLabel('Motivo del rechazo').fill('Reclama una nota de crédito');
  await row(refuses.code).getByRole('button', { name: 'Guardar resultado' }).click();
  await expect(row(refuses.code)).toContainText('Reclama una nota de crédito');
  await expect(page.locator('[data-results-count]')).toHaveText('4 de 4 paradas con resultado');
  await screenshot(page, 'collection-sheet-results');

  // The promise is the debtor's promise now, as one made on the phone.
  const [debtor] = await api.get<Array<{ promiseDate: string; promiseAmount: string }>>(
    `/api/debtors?filter=${encodeURIComponent(JSON.stringify({ id: [promises.id] }))}`,
  );
  expect(debtor).toMatchObject({ promiseDate: day(7), promiseAmount: '30000.00' });

  // Back on the sheet, each stop shows its result.
  await page.getByRole('link', { name: 'Volver a la hoja' }).click();
  await expect(row(paid.code)).toContainText('Cobró');
  await expect(row(refuses.code)).toContainText('Rechazo');
});
