import type { Locator, Page } from '@playwright/test';
import { allowHttpError, expect, login, menuLink, screenshot, test, waitForNotification } from './fixtures';
import { day, typed, type Api } from './ledger-support';
import { choose, createDebtor, pickerText, screenshotOf, startAs } from './collections-support';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;

const callDialog = (page: Page) => page.locator('[data-call-dialog] [role="dialog"]');

/** The debtors list narrowed to one customer by the search box. */
async function findDebtor(page: Page, code: string): Promise<Locator> {
  await page.getByPlaceholder('Buscar').fill(code);
  await expect(page).toHaveURL(new RegExp(code));
  const row = page.locator('tbody tr', { hasText: code });
  await expect(row).toHaveCount(1);
  return row;
}

/** A call with a promise and a visit for tomorrow, logged through the API. */
async function callWithVisit(api: Api, customerId: number, contactId: number, branchId: number, collectorId: number) {
  return api.post<{ id: number }>('/api/collection-calls', {
    customerId,
    contactId,
    channel: 'phone',
    outcome: 'promise',
    response: 'Acordamos que pase el cobrador a retirar un cheque',
    promiseDate: day(1),
    promiseAmount: '90000.00',
    visitDate: day(1),
    visitFrom: '14:00',
    visitTo: '16:30',
    visitBranchId: branchId,
    collectorId,
  });
}

test('when a clerk logs a call with a promise, a callback and a visit from the debtors list, then the list, the customer page and the agenda show it and it can be corrected', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'clerk');
  const debtor = await createDebtor(api, 'Ferretería La Bisagra S.R.L.', collector.id);

  await menuLink(page, 'Deudores').click();
  const row = await findDebtor(page, debtor.code);
  // 45 days late: orange.
  await expect(row.locator('[data-days-tone="orange"]')).toHaveText('45 días');
  await expect(row).toContainText(money('250.000,00'));

  await row.getByRole('button', { name: 'Registrar llamada' }).click();
  const dialog = callDialog(page);
  await expect(dialog).toContainText(`Registrar llamada: ${debtor.code} — Ferretería La Bisagra S.R.L.`);
  await expect(dialog).toContainText(`Saldo ${money('250.000,00')} · vencido ${money('250.000,00')}`);
  // The collections contact comes first, with the phone to dial.
  await expect(dialog.getByRole('combobox', { name: 'Contacto' })).toHaveText(
    'Marta Tesorería · Tesorería · +54 9 11 6000-7788 · (cobranzas)',
  );
  await expect(dialog.getByRole('combobox', { name: 'Medio' })).toHaveText('Teléfono');
  await expect(dialog.getByLabel('Fecha prometida')).toBeHidden();
  await choose(page, dialog, 'Resultado', 'Promesa de pago');
  await dialog.getByLabel('Qué dijo el cliente').fill('Paga $ 150.000 con cheque al día cuando pase el cobrador por el depósito');

  // A visit whose window ends before it starts, and a promise without amount: the form says so before the server is asked.
  await dialog.getByLabel('Acordar una visita del cobrador').check();
  await expect.poll(() => pickerText(dialog.getByRole('combobox', { name: 'Cobrador' }))).toMatch(new RegExp(collector.name));
  await dialog.getByLabel('Fecha prometida').fill(typed(day(1)));
  await dialog.getByLabel('Fecha de la visita').fill(typed(day(1)));
  await dialog.getByLabel('Desde').fill('1400');
  await dialog.getByLabel('Hasta').fill('12');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByText('La franja termina antes de empezar')).toBeVisible();
  await expect(dialog.locator('[data-section="promise"]').getByText('Obligatorio')).toBeVisible();
  await screenshotOf(dialog, 'collections-call-dialog-errors');

  await dialog.getByLabel('Importe prometido').fill('150.000');
  await dialog.getByLabel('Desde').fill('930');
  await dialog.getByLabel('Hasta').fill('12');
  await expect(dialog.getByLabel('Desde')).toHaveValue('09:30');
  await choose(page, dialog, 'Dónde', 'DEP — Depósito');
  await expect(dialog).toContainText('Dirección: Calle 12 Nº 345, B1878 Quilmes, Buenos Aires');
  // Call again tonight: it lands on today's agenda.
  await dialog.getByLabel('Próximo contacto').fill(typed(day(0)));
  await dialog.getByLabel('Hora').fill('23:30');
  await screenshotOf(dialog, 'collections-call-dialog');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Se registró la llamada a Ferretería La Bisagra S.R.L.');
  await expect(dialog).toBeHidden();

  // The list shows the promise and the next contact without leaving it.
  await expect(row).toContainText(money('150.000,00'));
  await expect(row).toContainText(typed(day(1)));
  await expect(row).toContainText(`→ ${typed(day(0))} 23:30`);
  await screenshot(page, 'collections-debtors');

  // The customer's page: the call beside what is owed.
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/customers/${debtor.id}/show/collections`));
  const history = page.getByTestId('call-history');
  await expect(history).toContainText('Promesa de pago');
  await expect(history).toContainText('con Marta Tesorería +54 9 11 6000-7788');
  await expect(history).toContainText(`Promete ${money('150.000,00')} para el ${typed(day(1))}`);
  await expect(history).toContainText(`Visita ${typed(day(1))} 09:30–12:00 · ${collector.name}`);
  await expect(history).toContainText(`Próximo contacto: ${typed(day(0))} 23:30`);
  await expect(page.getByRole('table', { name: 'Lo que debe' })).toContainText(money('250.000,00'));
  await screenshot(page, 'collections-customer-tab');

  // A correction: the customer calls back and promises less; the same dialog, with the call's answers in it.
  await history.getByRole('button', { name: 'Modificar' }).click();
  const edit = callDialog(page);
  await expect(edit).toContainText(`Llamada del ${typed(day(0))}`);
  await expect(edit.getByLabel('Importe prometido')).toHaveValue('150.000,00');
  await expect(edit.getByLabel('Desde')).toHaveValue('09:30');
  await edit.getByLabel('Importe prometido').fill('120000');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Se guardaron los cambios de la llamada');
  await expect(history).toContainText(`Promete ${money('120.000,00')} para el ${typed(day(1))}`);
  await expect(history.locator('[data-call]')).toHaveCount(1);

  // Today's agenda: the clerk's own call, due tonight. A row opens the call dialog.
  await menuLink(page, 'Agenda').click();
  await expect(page.getByRole('button', { name: 'Mis llamadas de hoy' })).toHaveAttribute('aria-pressed', 'true');
  const due = page.locator(`[data-agenda-row="${debtor.code}"]`);
  await expect(due).toContainText('Hoy 23:30');
  await screenshot(page, 'collections-agenda');
  await due.click();
  await expect(callDialog(page)).toContainText(`Registrar llamada: ${debtor.code}`);
  await choose(page, callDialog(page), 'Resultado', 'Volver a llamar');
  await callDialog(page)
    .getByLabel('Próximo contacto')
    .fill(typed(day(1)));
  await callDialog(page).getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Se registró la llamada a Ferretería La Bisagra S.R.L.');
  // Called back tomorrow (09:00 unless said): off today's list.
  await expect(due).toHaveCount(0);
  const calls = await api.get<Array<{ outcome: string; nextContactAt: string }>>(
    `/api/collection-calls?filter=${encodeURIComponent(JSON.stringify({ customerId: debtor.id }))}`,
  );
  expect(calls.map((c) => c.outcome)).toEqual(['callback', 'promise']);
  expect(new Date(calls[0].nextContactAt).getTime()).toBe(new Date(`${day(1)}T09:00:00-03:00`).getTime());
});

test('when the server refuses a call, then its message shows under the field it names', async ({ page, baseURL }) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor');
  const debtor = await createDebtor(api, 'Corralón El Ombú S.A.', collector.id);
  // A rule the browser cannot know (say, a contact removed meanwhile): the server's answer, as it would come.
  await page.route('**/api/collection-calls', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            message: 'nextContactAt: fuera del horario de atención del cliente',
            code: 'VALIDATION',
            details: [{ path: 'nextContactAt', message: 'fuera del horario de atención del cliente' }],
            errors: { nextContactAt: 'nextContactAt: fuera del horario de atención del cliente' },
          }),
        })
      : route.continue(),
  );
  allowHttpError(page, 400, '/api/collection-calls');
  await page.goto(`/#/customers/${debtor.id}/show/collections`);
  await page.getByRole('button', { name: 'Registrar llamada' }).click();
  const dialog = callDialog(page);
  await choose(page, dialog, 'Resultado', 'No atendió');
  await dialog.getByLabel('Próximo contacto').fill(typed(day(1)));
  await dialog.getByLabel('Hora').fill('2200');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByText('Fuera del horario de atención del cliente')).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('when a supervisor opens a collector’s sheet with the visits agreed in calls, then they show in time order with what is owed, in CSV and on paper', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor', 'Cobradora');
  const first = await createDebtor(api, 'Almacén Don Tito S.R.L.', collector.id, [
    { total: '90000.00', issue: -70, due: -40 },
    { total: '35500.50', issue: -10, due: 20 },
  ]);
  const second = await createDebtor(api, 'Kiosco La Esquina', collector.id, [{ total: '48000.00', issue: -130, due: -100 }]);
  await callWithVisit(api, first.id, first.contactId, first.branchId, collector.id);
  await api.post('/api/collection-calls', {
    customerId: second.id,
    channel: 'whatsapp',
    outcome: 'callback',
    response: 'Que pase el cobrador a la mañana, paga en efectivo',
    visitDate: day(1),
    visitFrom: '09:00',
    visitTo: '10:30',
    collectorId: collector.id,
  });

  await menuLink(page, 'Hoja de cobranzas').click();
  await choose(page, page, 'Cobrador', new RegExp(collector.name));
  await page.getByLabel('Fecha').fill(typed(day(1)));
  // In time order: the morning visit first.
  const visits = page.locator('[data-visit]');
  await expect(visits).toHaveCount(2);
  await expect(visits.nth(0)).toHaveAttribute('data-visit', second.code);
  await expect(visits.nth(0)).toContainText('09:00–10:30');
  await expect(visits.nth(0)).toContainText('Av. San Martín 1450, S2000 Rosario, Santa Fe');
  await expect(visits.nth(1)).toContainText('14:00–16:30');
  await expect(visits.nth(1)).toContainText('Depósito: Calle 12 Nº 345, B1878 Quilmes, Buenos Aires');
  await expect(visits.nth(1)).toContainText('Marta Tesorería');
  await expect(visits.nth(1)).toContainText(money('90.000,00'));
  await expect(visits.nth(1).locator('[data-total="owed"]')).toHaveText(money('125.500,50'));
  await expect(page.locator('[data-sheet-totals]')).toHaveText(
    `2 visitas · adeudado ${money('173.500,50')} · prometido ${money('90.000,00')}`,
  );
  await screenshot(page, 'collections-sheet');

  // The CSV of the same sheet.
  const csvHref = await page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href');
  const csv = await page.request.get(csvHref!);
  expect(await csv.text()).toContain(`${first.code};Almacén Don Tito S.R.L.`);

  // The printable sheet: company, collector, day, one block per visit with lines to fill in by hand.
  await page.getByRole('link', { name: 'Imprimir' }).click();
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toContainText('HOJA DE COBRANZAS');
  await expect(sheet).toContainText('Distribuidora del Plata S.A.');
  await expect(sheet).toContainText(`Cobrador: ${collector.name} (${collector.code})`);
  await expect(sheet).toContainText(`Fecha: ${typed(day(1))}`);
  await expect(sheet.locator('[data-print-visit]')).toHaveCount(2);
  const block = sheet.locator(`[data-print-visit="${first.code}"]`);
  await expect(block).toContainText('Visita 2');
  await expect(block).toContainText(`Promesa: ${money('90.000,00')} para el ${typed(day(1))}`);
  await expect(block).toContainText('Importe cobrado');
  await expect(block).toContainText('Firma y aclaración del cliente');
  await expect(sheet.locator('[data-print-totals]')).toContainText(money('173.500,50'));
  await screenshot(page, 'collections-sheet-print-screen');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeHidden();
  await screenshot(page, 'collections-sheet-print');
  await page.emulateMedia({ media: 'screen' });

  // Recording what each stop brought back is collection-sheet-build.e2e.ts's story.
  await page.getByRole('link', { name: 'Volver a la hoja' }).click();
  await expect(visits).toHaveCount(2);
});

test('when a supervisor exports the debtors filtered by collector and lateness, then the CSV holds exactly those debtors', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor');
  const late = await createDebtor(api, 'Distribuidora Los Álamos S.A.', collector.id, [
    { total: '310000.00', issue: -150, due: -120 },
  ]);
  const recent = await createDebtor(api, 'Librería El Ateneo Norte', collector.id, [{ total: '12000.00', issue: -20, due: -5 }]);
  const current = await createDebtor(api, 'Bazar Las Violetas', collector.id, [{ total: '8000.00', issue: -5, due: 25 }]);

  await menuLink(page, 'Deudores').click();
  const filters = page.getByTestId('debtor-filters');
  await filters.getByRole('button', { name: collector.name }).click();
  await expect(page.locator('tbody tr')).toHaveCount(3);
  // Colours by lateness: red past 90 days, amber up to 30, green when nothing is due.
  await expect(page.locator('tbody tr', { hasText: late.code }).locator('[data-days-tone]')).toHaveAttribute(
    'data-days-tone',
    'red',
  );
  await expect(page.locator('tbody tr', { hasText: recent.code }).locator('[data-days-tone]')).toHaveAttribute(
    'data-days-tone',
    'amber',
  );
  await expect(page.locator('tbody tr', { hasText: current.code }).locator('[data-days-tone]')).toHaveText('Al día');

  await filters.getByRole('button', { name: 'Con algo vencido' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await filters.getByRole('button', { name: 'Más de 90 días' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText(late.code);
  await screenshot(page, 'collections-debtors-filtered');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exportar' }).click();
  const file = await download;
  const text = (await (await file.createReadStream()).toArray()).join('');
  const [header, ...rows] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  expect(header.split(';')).toEqual(expect.arrayContaining(['Código', 'Cobrador', 'Vencido', 'Atraso']));
  expect(rows).toHaveLength(1);
  const cells = Object.fromEntries(header.split(';').map((h, i) => [h, rows[0].split(';')[i]]));
  expect(cells).toMatchObject({ Código: late.code, Cobrador: collector.name, Vencido: '310000,00', Atraso: '120' });
});

test('when a manager opens the debtors and the agenda, then everything reads and nothing offers to log a call', async ({
  page,
}) => {
  await login(page, 'manager');
  await menuLink(page, 'Deudores').click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Registrar llamada' })).toHaveCount(0);
  await menuLink(page, 'Agenda').click();
  await expect(page.getByRole('button', { name: 'Equipo' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Consulta: el registro de llamadas es del equipo de cobranzas.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Promesas incumplidas' }).locator('[data-broken-row]').first()).toBeVisible();
  await menuLink(page, 'Llamadas').click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await screenshot(page, 'collections-calls-manager');
});
