import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, makeCuit, typed, uniqueNumber, type Api } from './ledger-support';

/** A valid CBU of bank `bank` (the SPEC's weights). */
function makeCbu(bank: string): string {
  const digit = (s: string, w: number[]) => (10 - (w.reduce((a, x, i) => a + x * Number(s[i]), 0) % 10)) % 10;
  const first = `${bank}0599`;
  const account = String(uniqueNumber()).padStart(13, '0');
  return `${first}${digit(first, [7, 1, 3, 9, 7, 1, 3])}${account}${digit(account, [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3])}`;
}

async function bankId(api: Api, code: string): Promise<number> {
  const banks = await api.get<Array<{ id: number }>>(`/api/banks?filter=${encodeURIComponent(JSON.stringify({ code }))}`);
  return banks[0].id;
}

test('when the admin registers a bank account in Tesorería, then it is listed with its bank and CBU', async ({ page }) => {
  await login(page, 'admin');
  await sidebar(page).getByRole('menuitem', { name: 'Cuentas bancarias' }).click();
  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByRole('banner').getByText('Nueva cuenta bancaria')).toBeVisible();
  const code = `GAL${uniqueNumber() % 100000}`;
  const cbu = makeCbu('007');
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Nombre').fill('Galicia cuenta corriente pesos');
  await page.getByLabel('Banco').fill('galicia');
  await page.getByRole('option', { name: /Banco de Galicia/ }).click();
  await page.getByLabel('CBU').fill(cbu);
  await screenshot(page, 'treasury-bank-account-create');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByPlaceholder('Buscar').fill(code);
  const row = page.locator('tbody tr', { hasText: code });
  await expect(row).toContainText('Banco de Galicia');
  await expect(row).toContainText('Cuenta corriente');
  await screenshot(page, 'treasury-bank-accounts');
});

test('when an ECHEQ is accepted and another repudiated and replaced by a transfer, then the portfolio and the receipt show it', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Metalúrgica San Justo S.A.');
  const bank = await bankId(api, '072');
  const echeq = (amount: string) => ({
    method: 'third_party_cheque',
    kind: 'echeq',
    echeqId: `E2E${uniqueNumber()}`,
    amount,
    bankId: bank,
    number: String(uniqueNumber()),
    issueDate: day(0),
    paymentDate: day(0),
    drawerTaxId: makeCuit('30'),
    drawerName: 'Aceros del Oeste S.A.',
  });
  const first = echeq('15000.00');
  const second = echeq('8000.00');
  const receipt = await api.post<{ displayNumber: string }>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [first, second],
  });

  await sidebar(page).getByRole('menuitem', { name: 'Cartera de valores' }).click();
  await page.getByPlaceholder('Buscar').fill('San Justo');
  // The search has applied when the tab counts only this customer's two ECHEQs.
  await expect(page.getByRole('tab', { name: /A aceptar \(2\)/ })).toBeVisible();
  await page.getByRole('tab', { name: /A aceptar/ }).click();
  await expect(page.getByRole('tab', { name: /A aceptar/ })).toHaveAttribute('aria-selected', 'true');
  const a = page.locator('tbody tr', { hasText: first.number });
  await expect(a).toContainText('A aceptar');
  await screenshot(page, 'treasury-echeq-pending');
  await a.getByRole('button', { name: `Mover el valor ${first.number}` }).click();
  await page.getByRole('menuitem', { name: 'Aceptar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Aceptar' }).click();
  await waitForNotification(page, `Se aceptó Cheque de terceros ${first.number}`);

  const b = page.locator('tbody tr', { hasText: second.number });
  await b.getByRole('button', { name: `Mover el valor ${second.number}` }).click();
  await page.getByRole('menuitem', { name: 'Repudiar' }).click();
  await page.getByRole('dialog').getByLabel('Motivo del repudio').fill('No corresponde a la operación');
  await page.getByRole('dialog').getByRole('button', { name: 'Repudiar' }).click();
  await waitForNotification(page, `Se repudió Cheque de terceros ${second.number}: reemplácelo en su recibo`);

  await page.getByRole('tab', { name: /^Repudiado/ }).click();
  const repudiated = page.locator('tbody tr', { hasText: second.number });
  await expect(repudiated).toContainText('Repudiado');
  await repudiated.getByRole('button', { name: `Mover el valor ${second.number}` }).click();
  await page.getByRole('menuitem', { name: 'Reemplazar en el recibo' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('el total del recibo no cambia');
  await dialog.getByLabel('Banco').fill('nación');
  await page.getByRole('option', { name: /Banco de la Nación Argentina/ }).click();
  await dialog.getByLabel('Referencia').fill('Transferencia 0099123');
  await screenshot(page, 'treasury-echeq-replace');
  await dialog.getByRole('button', { name: 'Reemplazar en el recibo' }).click();
  await waitForNotification(page, `Se reemplazó Cheque de terceros ${second.number} en el recibo ${receipt.displayNumber}`);

  await page.getByRole('tab', { name: /^Aceptado/ }).click();
  await expect(page.locator('tbody tr', { hasText: first.number })).toContainText('Aceptado');
  await screenshot(page, 'treasury-echeq-accepted');
});

test('when five cheques are ticked and deposited, then one deposit slip holds them and prints', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Corralón Los Hornos S.R.L.');
  const bank = await bankId(api, '072');
  const numbers = Array.from({ length: 5 }, () => String(uniqueNumber()));
  await api.post('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: numbers.map((number, i) => ({
      method: 'third_party_cheque',
      amount: `${1000 * (i + 1)}.00`,
      bankId: bank,
      number,
      issueDate: day(-1),
      paymentDate: day(-1),
      drawerTaxId: makeCuit('30'),
      drawerName: 'Constructora Sur S.A.',
    })),
  });
  await page.goto('/#/values');
  await page.getByPlaceholder('Buscar').fill('Los Hornos');
  for (const number of numbers) await page.locator('tbody tr', { hasText: number }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Depositar seleccionados' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Depositar 5 valores');
  await dialog.getByRole('button', { name: 'Depositar' }).click();
  await waitForNotification(page, 'Se depositaron 5 valores');

  await sidebar(page).getByRole('menuitem', { name: 'Boletas de depósito' }).click();
  const slip = page.locator('tbody tr').first();
  await expect(slip).toContainText('15.000,00');
  await slip.click();
  await expect(page.getByText(/Boleta de depósito N\.º \d+/).first()).toBeVisible();
  for (const number of numbers) await expect(page.getByRole('table', { name: 'Valores' })).toContainText(number);
  await screenshot(page, 'treasury-deposit-slip');
  await page.getByRole('button', { name: 'Acreditar la boleta' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acreditar la boleta' }).click();
  await waitForNotification(page, 'Se acreditaron los valores de la boleta');
  await expect(page.getByText('Acreditada')).toBeVisible();
  await screenshot(page, 'treasury-deposit-slip-credited');
});

test('when a rejected cheque is exchanged for another (canje), then the debit note is paid and the history shows the exchange', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Aberturas Canje Quilmes S.A.');
  const bank = await bankId(api, '072');
  const number = String(uniqueNumber());
  const receipt = await api.post<{ values: Array<{ id: number }> }>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [
      {
        method: 'third_party_cheque',
        amount: '12000.00',
        bankId: bank,
        number,
        issueDate: day(0),
        paymentDate: day(0),
        drawerTaxId: makeCuit('30'),
        drawerName: 'Carpintería del Sur S.R.L.',
      },
    ],
  });
  await api.post(`/api/values/${receipt.values[0].id}/transition`, {
    to: 'rejected',
    date: day(0),
    reason: 'Sin fondos suficientes',
    charges: '850.00',
  });

  await page.goto('/#/values');
  // The list is loaded (its tabs counted) before the search is typed, or the search is lost.
  await expect(page.getByRole('tab', { name: /En cartera \(\d+\)/ })).toBeVisible({ timeout: 30_000 });
  await page.getByPlaceholder('Buscar').fill('Canje Quilmes');
  await expect(page.getByRole('tab', { name: /Rechazados \(1\)/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Rechazados/ }).click();
  const row = page.locator('tbody tr', { hasText: number });
  await expect(row).toContainText('Rechazado');
  await row.getByRole('button', { name: `Mover el valor ${number}` }).click();
  await page.getByRole('menuitem', { name: 'Canjear por otro cheque' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('12.850,00');
  const replacement = String(uniqueNumber());
  await dialog.getByLabel('Banco').fill('nación');
  await page.getByRole('option', { name: /Banco de la Nación Argentina/ }).click();
  await dialog.getByLabel('Número').fill(replacement);
  await dialog.getByLabel('CUIT del librador').fill(makeCuit('30'));
  await dialog.getByLabel(/^Librador/).fill('Carpintería del Sur S.R.L.');
  await screenshot(page, 'treasury-canje-dialog');
  await dialog.getByRole('button', { name: 'Canjear por otro cheque' }).click();
  await waitForNotification(page, new RegExp(`Se canjeó Cheque de terceros ${number}: el recibo .+ se imputó a la`));

  await row.getByRole('button', { name: `Historial ${number}` }).click();
  const drawer = page.getByRole('region', { name: 'Historial' });
  await expect(drawer.locator('[data-move="exchange"]')).toContainText('Canje');
  await expect(drawer.locator('[data-move="exchange"]')).toContainText(`Reemplazado por el valor N.º ${replacement}`);
  await expect(drawer.getByTestId('value-card')).toContainText(/pendiente \$\s0,00/);
  await expect(drawer.locator('[data-move="rejected"]')).toContainText(/Gastos bancarios: \$\s850,00/);
  await screenshot(page, 'treasury-canje-history');
  await page.keyboard.press('Escape');

  // The replacement is in the portfolio; the customer owes nothing more than before the rejection
  // (the first receipt, applied to nothing, stays on account).
  await page.getByRole('tab', { name: /^En cartera/ }).click();
  await page.getByPlaceholder('Buscar').fill(replacement);
  await expect(page.locator('tbody tr', { hasText: replacement })).toContainText('En cartera');
  const after = await api.get<{ balance: string }>(`/api/customers/${customer.id}`);
  expect(after.balance).toBe('-12000.00');
});

test('when values are due this week or stale, then the portfolio marks them, the dashboard counts them and the cash-flow lists them by week', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Alertas Tesorería Lanús S.A.');
  const bank = await bankId(api, '072');
  const cheque = (amount: string, issued: number, payable: number) => ({
    method: 'third_party_cheque',
    amount,
    bankId: bank,
    number: String(uniqueNumber()),
    issueDate: day(issued),
    paymentDate: day(payable),
    drawerTaxId: makeCuit('30'),
    drawerName: 'Distribuidora Lanús S.A.',
  });
  const due = cheque('4321.00', 0, 3);
  const stale = cheque('6543.00', -6, -6);
  await api.post('/api/receipts', { customerId: customer.id, issueDate: day(0), payments: [due] });
  await api.post('/api/receipts', { customerId: customer.id, issueDate: day(-6), payments: [stale] });

  await page.goto('/#/values');
  // The list is loaded (its tabs counted) before the search is typed, or the search is lost.
  await expect(page.getByRole('tab', { name: /En cartera \(\d+\)/ })).toBeVisible({ timeout: 30_000 });
  await page.getByPlaceholder('Buscar').fill('Alertas Tesorería');
  await expect(page.getByRole('tab', { name: /Estancados \(1\)/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: /A depositar \(7 días\)/ }).click();
  await expect(page.locator('tbody tr', { hasText: due.number }).locator('[data-marker="due"]')).toHaveText('A depositar');
  await page.getByRole('tab', { name: /Estancados/ }).click();
  const staleRow = page.locator('tbody tr', { hasText: stale.number });
  await expect(staleRow.locator('[data-marker="stale"]')).toHaveText('Estancado');
  await expect(page.locator('tbody tr', { hasText: due.number })).toHaveCount(0);
  await screenshot(page, 'treasury-alerts-portfolio');

  await page.goto('/#/');
  await expect(page.locator('[data-figure="valuesStale"]')).toContainText('Valores estancados');
  await expect(page.locator('[data-figure="valuesDue"]')).toContainText('Valores a depositar');
  await screenshot(page, 'treasury-alerts-dashboard');
  await page.locator('[data-figure="valuesStale"]').click();
  await expect(page).toHaveURL(/#\/values\?.*stale/);
  await expect(page.getByRole('tab', { name: /Estancados/ })).toHaveAttribute('aria-selected', 'true');

  await sidebar(page).getByRole('menuitem', { name: 'Flujo de valores' }).click();
  await expect(page.locator('#react-admin-title')).toHaveText(/^Flujo de valores/);
  const table = page.getByRole('table', { name: 'Flujo de valores: próximos 90 días' });
  await expect(table.locator('tbody tr')).toHaveCount(14);
  // The demo's values are there too: each row shows the API's figures, which count this customer's cheques.
  const report = await api.get<{ rows: Array<{ amount: string }> }>(`/api/reports/values-cashflow?asOf=${day(0)}&currency=ARS`);
  const es = (amount: string) => Number(amount).toLocaleString('es-AR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  expect(Number(report.rows[1].amount)).toBeGreaterThanOrEqual(4321);
  expect(Number(report.rows[0].amount)).toBeGreaterThanOrEqual(6543);
  await expect(table.locator('[data-week="0"]')).toContainText(es(report.rows[1].amount));
  await expect(table.locator('[data-week="before"]')).toContainText(es(report.rows[0].amount));
  await expect(page.getByRole('link', { name: 'Exportar' })).toHaveAttribute('href', /values-cashflow\.csv/);
  await screenshot(page, 'treasury-values-cashflow');
  // The options live in the address: a reload shows the same report.
  await page.getByRole('combobox', { name: 'Moneda' }).click();
  await page.getByRole('option', { name: 'Dólares (USD)' }).click();
  await expect(page).toHaveURL(/currency=USD/);
  await page.reload();
  await expect(page).toHaveURL(/currency=USD/);
  await expect(page.locator('#react-admin-title')).toHaveText(/^Flujo de valores/);
});

test('when the portfolio is filtered to deposit on a day, then only what is payable by then is offered, the slip takes that date and one value is credited alone', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Depósito Fechado Avellaneda S.A.');
  const bank = await bankId(api, '072');
  // Deferred cheques received ten days ago, payable three and two days ago and today.
  const cheque = (amount: string, payable: number) => ({
    method: 'third_party_cheque',
    amount,
    bankId: bank,
    number: String(uniqueNumber()),
    issueDate: day(-10),
    paymentDate: day(payable),
    drawerTaxId: makeCuit('30'),
    drawerName: 'Papelera Avellaneda S.A.',
  });
  const payable = [cheque('1100.00', -3), cheque('2200.00', -2)];
  const later = cheque('3300.00', 0);
  await api.post('/api/receipts', { customerId: customer.id, issueDate: day(-10), payments: [...payable, later] });

  await page.goto(`/#/values?filter=${encodeURIComponent(JSON.stringify({ q: 'Fechado Avellaneda', depositableOn: day(-2) }))}`);
  for (const c of payable) await expect(page.locator('tbody tr', { hasText: c.number })).toBeVisible();
  await expect(page.locator('tbody tr', { hasText: later.number })).toHaveCount(0);
  for (const c of payable) await page.locator('tbody tr', { hasText: c.number }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Depositar seleccionados' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel(/^Fecha/)).toHaveValue(typed(day(-2)));
  await screenshot(page, 'treasury-deposit-on-date');
  await dialog.getByRole('button', { name: 'Depositar' }).click();
  await waitForNotification(page, 'Se depositaron 2 valores');

  await sidebar(page).getByRole('menuitem', { name: 'Boletas de depósito' }).click();
  await page.locator('tbody tr', { hasText: '3.300,00' }).first().click();
  await page.getByRole('button', { name: `Acreditar el valor ${payable[0].number}` }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Fecha de acreditación')
    .fill(typed(day(-1)));
  await page.getByRole('dialog').getByRole('button', { name: 'Acreditar' }).click();
  await waitForNotification(page, 'Se acreditaron los valores de la boleta');
  await expect(page.getByText('Por acreditar: 1')).toBeVisible();
  await screenshot(page, 'treasury-slip-credit-one');
});
