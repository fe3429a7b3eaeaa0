import fs from 'node:fs';
import type { Page } from '@playwright/test';
import {
  allowHttpError,
  api,
  expect,
  login,
  makeCuit,
  createLink,
  menuLink,
  screenshot,
  test,
  uniqueSuffix,
  waitForNotification,
} from './fixtures';

interface Row {
  id: number;
  code: string;
  name: string;
}
interface Customer {
  id: number;
  code: string;
  legalName: string;
  taxId: string;
  taxIdType: string;
  status: string;
  collectorId: number | null;
  segment1Id: number | null;
}

/** What the tests read in the page (the test code is compiled without the DOM's types). */
interface BrowserWindow {
  localStorage: { removeItem: (key: string) => void };
  document: { addEventListener: (type: string, listener: () => void) => void };
  performance: { now: () => number; getEntriesByType: (type: string) => Array<{ name: string; startTime: number }> };
  parsedAt?: number;
}

const dashed = (cuit: string) => `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`;

async function pick(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('when a clerk creates a customer through the tabs, then a wrong CUIT is named before saving, a taken one by the server, and its contact and two branches are added in place', async ({
  page,
}) => {
  allowHttpError(page, 409, '/api/customers');
  await login(page, 'clerk');
  const levels = await api(page).get<Array<{ level: number; name: string }>>('/api/segment-levels');
  const zone = levels.find((l) => l.level === 1)!.name;
  const [taken] = await api(page).get<Customer[]>('/api/customers?filter={"taxIdType":"CUIT"}&range=[0,0]');
  const code = `T${uniqueSuffix()}`;
  const cuit = makeCuit('30');

  await menuLink(page, 'Clientes').click();
  await createLink(page, 'customers').click();
  await expect(page.getByRole('banner').getByText('Nuevo cliente')).toBeVisible();
  await page.locator('input[name="code"]').fill(code);
  await page.locator('input[name="legalName"]').fill('Ferretería del Puerto S.R.L.');
  await page.locator('input[name="tradeName"]').fill('El Puerto');
  await page.locator('input[name="street"]').fill('Bv. San Juan 1234');
  await page.locator('input[name="city"]').fill('Córdoba');
  await pick(page, 'Provincia', 'Córdoba');

  // The CUIT is dashed as it is typed and its check digit is verified before the server is asked.
  await page.getByRole('tab', { name: 'Impositivos' }).click();
  await expect(page.getByRole('combobox', { name: /Condición frente al IVA/ })).toHaveValue('IVA Responsable Inscripto');
  const taxId = page.locator('input[name="taxId"]');
  await taxId.fill('30712345672');
  await expect(taxId).toHaveValue('30-71234567-2');
  await page.locator('input[name="cbu"]').fill('2850590940090418135201');
  await expect(page.locator('input[name="cbu"]')).toHaveValue('28505909 40090418135201');

  // A clerk sees the credit limit and the status, and cannot change them.
  await page.getByRole('tab', { name: 'Comerciales' }).click();
  await expect(page.locator('input[name="creditLimit"]')).toHaveCount(0);
  await expect(page.getByText('Sin límite')).toBeVisible();
  await expect(
    page.getByText('El límite de crédito y el estado los cambian un supervisor, la gerencia o un administrador.'),
  ).toBeVisible();
  await pick(page, 'Cobrador', /Roberto Medina/);
  await pick(page, zone, /AMBA Norte/);
  await screenshot(page, 'customer-create-commercial');

  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('tab', { name: 'Impositivos' }).click();
  await expect(page.locator('.ra-input-taxId')).toContainText('Dígito verificador inválido; debería ser 1');
  await screenshot(page, 'customer-create-bad-cuit');

  // A CUIT another customer holds passes the check digit; the server's own message lands on the field.
  await taxId.fill(taken.taxId);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Ya existe un cliente con ese CUIT');
  await expect(page.locator('.ra-input-taxId')).toContainText('Ya existe un cliente con ese CUIT');
  await screenshot(page, 'customer-create-taken-cuit');

  await taxId.fill(dashed(cuit));
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cliente creado. Agregue sus contactos y sucursales.');
  await expect(page).toHaveURL(/#\/customers\/\d+\/contacts$/);
  await expect(page.getByRole('tab', { name: 'Contactos', selected: true })).toBeVisible();

  // A contact, added without leaving the customer.
  await page.getByRole('button', { name: 'Agregar' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Nuevo contacto')).toBeVisible();
  await dialog.locator('input[name="name"]').fill('Marcela Quiroga');
  await dialog.locator('input[name="position"]').fill('Tesorería');
  await dialog.locator('input[name="phone"]').fill('0351 422-1100');
  await dialog.locator('input[name="email"]').fill('tesoreria@ferreteriadelpuerto.com.ar');
  await dialog.locator('input[name="isCollectionsContact"]').check();
  await screenshot(page, 'customer-contact-dialog');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toHaveCount(0);
  const contactRow = page.getByRole('row', { name: /Marcela Quiroga/ });
  await expect(contactRow).toContainText('Tesorería');

  // Two branches: one inherits the customer's collector, the other has its own.
  await page.getByRole('tab', { name: 'Sucursales' }).click();
  await expect(page.getByText('Todavía no hay sucursales.')).toBeVisible();
  for (const branch of [
    { code: 'CENTRO', name: 'Casa central', city: 'Córdoba' },
    { code: 'RC', name: 'Depósito Río Cuarto', city: 'Río Cuarto', collector: /Claudia Núñez/ },
  ]) {
    await page.getByRole('button', { name: 'Agregar' }).click();
    await expect(dialog.getByText('Nueva sucursal')).toBeVisible();
    await dialog.locator('input[name="code"]').fill(branch.code);
    await dialog.locator('input[name="name"]').fill(branch.name);
    await dialog.locator('input[name="city"]').fill(branch.city);
    if (branch.collector) await pick(page, 'Cobrador', branch.collector);
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toHaveCount(0);
    await waitForNotification(page, 'Registro creado');
  }
  await expect(page.getByRole('row', { name: /Casa central/ })).toContainText(/Roberto Medina\s*\(del cliente\)/);
  await expect(page.getByRole('row', { name: /Depósito Río Cuarto/ })).toContainText('Claudia Núñez');
  await expect(page.getByRole('row', { name: /Depósito Río Cuarto/ })).not.toContainText('(del cliente)');
  await screenshot(page, 'customer-edit-branches');

  // A branch edited in place.
  await page.getByRole('row', { name: /Depósito Río Cuarto/ }).click();
  await expect(dialog.locator('input[name="name"]')).toHaveValue('Depósito Río Cuarto');
  await dialog.locator('input[name="name"]').fill('Depósito Río Cuarto (ruta 8)');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Depósito Río Cuarto \(ruta 8\)/ })).toBeVisible();

  // The customer's page: its account figures, the credit verdict and its data in tabs.
  await page.getByRole('link', { name: 'Ver' }).click();
  await expect(page.getByRole('banner').getByText(`Cliente: ${code} — Ferretería del Puerto S.R.L.`)).toBeVisible();
  const figures = page.getByTestId('customer-figures');
  await expect(figures).toContainText('Saldo');
  await expect(figures).toContainText('$ 0,00');
  await expect(figures).toContainText('Sin límite');
  await expect(figures).toContainText('Activo');
  await expect(page.getByTestId('credit-verdict')).toContainText('Puede comprar en cuenta corriente');
  await page.getByRole('tab', { name: 'Impositivos' }).click();
  await expect(page.getByText(dashed(cuit))).toBeVisible();
  await expect(page.getByText('28505909 40090418135201')).toBeVisible();
  await screenshot(page, 'customer-show-tax');
  await page.getByRole('tab', { name: 'Sucursales' }).click();
  await expect(page.getByRole('row', { name: /CENTRO|RC/ })).toHaveCount(2);
  await page.getByRole('tab', { name: 'Contactos' }).click();
  await expect(page.getByRole('row', { name: /Marcela Quiroga/ })).toBeVisible();
});

test('when the supervisor filters the customers by collector and by a segment, then the list, a saved query and the CSV export hold exactly those customers', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const client = api(page);
  const levels = await client.get<Array<{ level: number; name: string }>>('/api/segment-levels');
  const zoneName = levels.find((l) => l.level === 1)!.name;
  // A collector and a zone that certainly share customers: those of an existing customer.
  const some = await client.get<Customer[]>('/api/customers?range=[0,49]');
  const sample = some.find((c) => c.collectorId && c.segment1Id)!;
  const collector = await client.get<Row>(`/api/collectors/${sample.collectorId}`);
  const segment = await client.get<Row>(`/api/segments/${sample.segment1Id}`);
  const expected = await client.get<Customer[]>(
    `/api/customers?filter=${encodeURIComponent(JSON.stringify({ collectorId: collector.id, segment1Id: segment.id }))}&range=[0,999]`,
  );
  expect(expected.length).toBeGreaterThan(0);

  await menuLink(page, 'Clientes').click();
  await expect(page.getByRole('row')).not.toHaveCount(1);
  await page.getByRole('button', { name: 'Mostrar filtros' }).click();
  const filters = page.getByTestId('customer-filters');
  await expect(filters.getByText(zoneName, { exact: true })).toBeVisible();
  // The list applies a filter half a second after the click: one at a time, as a person would.
  const collectorItem = filters.getByRole('button', { name: collector.name, exact: true });
  const segmentItem = filters.getByRole('button', { name: segment.name, exact: true });
  await collectorItem.click();
  await expect(collectorItem).toHaveClass(/Mui-selected/);
  await segmentItem.click();
  await expect(segmentItem).toHaveClass(/Mui-selected/);
  await expect(collectorItem).toHaveClass(/Mui-selected/);
  await expect(page.locator('tbody tr')).toHaveCount(Math.min(expected.length, 25));
  await expect(page.locator('tbody tr', { hasNotText: collector.name })).toHaveCount(0);
  await screenshot(page, 'customers-filtered');

  // The same query, saved and applied again later.
  const queryName = `${collector.name} en ${segment.name}`;
  await filters.getByRole('button', { name: 'Guardar la consulta actual…' }).click();
  await page.getByRole('dialog').locator('input').fill(queryName);
  await page.getByRole('dialog').getByRole('button', { name: 'Guardar' }).click();
  await expect(filters.getByRole('button', { name: queryName })).toBeVisible();

  // The export streams every filtered customer, whatever the page size.
  const link = page.getByRole('link', { name: 'Exportar' });
  const href = new URL((await link.getAttribute('href'))!, 'http://x');
  expect(JSON.parse(href.searchParams.get('filter')!)).toEqual({ collectorId: collector.id, segment1Id: segment.id });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line !== '');
  const columns = header.split(';');
  const at = (name: string) => columns.indexOf(name);
  expect(rows).toHaveLength(expected.length);
  for (const row of rows) {
    const cells = row.split(';');
    // Spanish headers as on screen; each reference's code and name in columns of their own.
    expect(cells[at('Cobrador')]).toBe(collector.code);
    expect(cells[at('Cobrador (nombre)')]).toBe(collector.name);
    expect(cells[at('Segmento 1')]).toBe(segment.code);
  }
  expect(rows.map((r) => r.split(';')[at('Código')]).sort()).toEqual(expected.map((c) => c.code).sort());

  // Leaving the filters and coming back through the saved query.
  await collectorItem.click();
  await expect(collectorItem).not.toHaveClass(/Mui-selected/);
  await segmentItem.click();
  await expect(segmentItem).not.toHaveClass(/Mui-selected/);
  await expect(page.locator('tbody tr')).toHaveCount(25);
  await filters.getByRole('button', { name: queryName }).click();
  await expect(page.locator('tbody tr')).toHaveCount(Math.min(expected.length, 25));
  await expect(page.locator('tbody tr', { hasNotText: collector.name })).toHaveCount(0);
});

test('when a clerk opens a customer, then credit limit and status are read-only; the supervisor’s list shows the account figures', async ({
  page,
}) => {
  await login(page, 'clerk');
  const customer = await api(page).post<Customer>('/api/customers', {
    code: `R${uniqueSuffix()}`,
    legalName: 'Librería Lectores S.A.',
    ivaCondition: 1,
    taxIdType: 'CUIT',
    taxId: makeCuit('30'),
    province: 'AR-S',
    city: 'Rosario',
  });
  await page.goto(`/#/customers/${customer.id}/commercial`);
  await expect(page.getByText('Sin límite')).toBeVisible();
  await expect(page.locator('input[name="creditLimit"]')).toHaveCount(0);
  await expect(page.locator('input[name="status"]')).toHaveCount(0);
  await expect(page.locator('.MuiChip-root', { hasText: 'Activo' })).toBeVisible();
  await expect(page.locator('input[name="collectorId"]')).toHaveCount(1);
  await screenshot(page, 'customer-edit-clerk');
});

test('when a manager edits a customer, then only credit limit and status are editable, and the new limit and status show on its page', async ({
  page,
}) => {
  await login(page, 'manager');
  // A demo customer no other test changes (the others create their own, coded T…, R…, I…).
  const [customer] = await api(page).get<Customer[]>(
    '/api/customers?sort=["code","ASC"]&range=[10,10]&filter={"status":"active"}',
  );
  await page.goto(`/#/customers/${customer.id}/show`);
  await page.getByRole('link', { name: 'Editar' }).click();
  await expect(page.getByText('Como gerencia, puede cambiar el límite de crédito y el estado del cliente')).toBeVisible();
  const form = page.locator('form');
  await expect(form.getByRole('textbox')).toHaveCount(1);
  await expect(form.getByRole('combobox')).toHaveCount(1);
  await expect(page.locator('input[name="legalName"]')).toHaveCount(0);
  await page.locator('input[name="creditLimit"]').fill('1234567,89');
  await expect(page.locator('input[name="creditLimit"]')).toHaveValue('1.234.567,89');
  await pick(page, /Estado/, 'Suspendido');
  await screenshot(page, 'customer-edit-manager');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cambios guardados');
  await expect(page).toHaveURL(/\/show$/);
  const figures = page.getByTestId('customer-figures');
  await expect(figures).toContainText('$ 1.234.567,89');
  await expect(figures).toContainText('Suspendido');
  await expect(page.getByTestId('credit-verdict')).toContainText('Venta en cuenta corriente bloqueada');
  await expect(page.getByTestId('credit-verdict')).toContainText('El cliente está suspendido');
  await screenshot(page, 'customer-show-manager');
});

test('when the customer list is the first page loaded, then the session is asked for before the page is parsed and the list’s first page once', async ({
  page,
}) => {
  await login(page, 'clerk');
  await page.goto('/#/customers');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  // A fresh load of the list's address, as after a reload or a bookmark, with nothing kept from the visit above.
  await page.evaluate(() => (globalThis as unknown as BrowserWindow).localStorage.removeItem('RaStore.customers.listParams'));
  await page.addInitScript(() => {
    const w = globalThis as unknown as BrowserWindow;
    w.document.addEventListener('DOMContentLoaded', () => {
      w.parsedAt = w.performance.now();
    });
  });
  const firstPages: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/customers\?.*range=%5B0%2C24%5D/.test(request.url())) firstPages.push(request.url());
  });
  await page.reload();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const timing = await page.evaluate(() => {
    const w = globalThis as unknown as BrowserWindow;
    return {
      parsedAt: w.parsedAt,
      sessionAt: w.performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/auth/me'))?.startTime,
    };
  });
  expect(timing.sessionAt).toBeDefined();
  expect(timing.parsedAt).toBeDefined();
  expect(timing.sessionAt!).toBeLessThan(timing.parsedAt!);
  expect(firstPages).toHaveLength(1);
  expect(decodeURIComponent(firstPages[0])).toContain('sort=["code","ASC"]');
});
